// The journal bundle's command table: each id in JOURNAL_COMMANDS and the function that runs it.
import { addAppointmentCommand, addQuestionCommand } from './appointments';
import { addNoteCommand } from './addNote';
import { checkInCommand } from './checkIn';
import { undoLastCommand } from './confirm';
import type { CommandDeps } from './deps';
import { changePassphraseCommand, lockJournalCommand, unlockJournalCommand, unlockWithRecoveryPhraseCommand } from './encryptionKeys';
import { exportDecryptedCopyCommand, turnOffEncryptionCommand } from './encryptionOff';
import { turnOnEncryptionCommand } from './encryptionOn';
import type { JournalCommand } from './ids';
import { logDoseCommand } from './logDose';
import { logLifeEventCommand } from './logLifeEvent';
import { openThisJournalCommand } from './openThisJournal';
import { addMedicationHistoryCommand } from './medicationHistory';
import { exportSummaryHtmlCommand, exportSummaryPdfCommand, prepareSummaryCommand } from './prepareSummary';
import { restoreBackupCommand } from './restoreBackup';
import { reviewSymptomsCommand } from './reviewSymptoms';
import { countTabletsCommand, logRefillCommand } from './supply';
import { takeCheckupCommand } from './takeCheckup';
import { exportJournalCommand, importJournalCommand } from './transferJournal';

export type CommandTable = Record<JournalCommand, (...args: never[]) => Promise<unknown>>;

export function journalCommands(d: CommandDeps): CommandTable {
  return {
    'moodDose.checkIn': checkInCommand(d),
    'moodDose.logDose': logDoseCommand(d),
    'moodDose.addNote': addNoteCommand(d),
    'moodDose.logLifeEvent': logLifeEventCommand(d),
    'moodDose.restoreBackup': restoreBackupCommand(d),
    'moodDose.openThisJournal': openThisJournalCommand(d),
    'moodDose.undoLast': undoLastCommand(d),
    'moodDose.takeCheckup': takeCheckupCommand(d),
    'moodDose.reviewSymptoms': reviewSymptomsCommand(d),
    'moodDose.addAppointment': addAppointmentCommand(d),
    'moodDose.addQuestion': addQuestionCommand(d),
    'moodDose.addMedicationHistory': addMedicationHistoryCommand(d),
    'moodDose.logRefill': logRefillCommand(d),
    'moodDose.countTablets': countTabletsCommand(d),
    'moodDose.prepareSummary': prepareSummaryCommand(d),
    'moodDose.exportSummaryHtml': exportSummaryHtmlCommand(d),
    'moodDose.exportSummaryPdf': exportSummaryPdfCommand(d),
    'moodDose.exportJournal': exportJournalCommand(d),
    'moodDose.importJournal': importJournalCommand(d),
    'moodDose.turnOnEncryption': turnOnEncryptionCommand(d.encryption),
    'moodDose.lockJournal': lockJournalCommand(d.encryption),
    'moodDose.unlockJournal': unlockJournalCommand(d.encryption),
    'moodDose.changePassphrase': changePassphraseCommand(d.encryption),
    'moodDose.unlockWithRecoveryPhrase': unlockWithRecoveryPhraseCommand(d.encryption),
    'moodDose.turnOffEncryption': turnOffEncryptionCommand(d.encryption),
    'moodDose.exportDecryptedCopy': exportDecryptedCopyCommand(d.encryption),
    'moodDose.importInbox': () => d.inbox.importNow(),
    'moodDose.openInbox': () => d.inbox.open()
  };
}
