// The command table: every contributed command id and the function that runs it.
import * as vscode from 'vscode';
import type { Services } from '../services/services';
import { addNoteCommand } from './addNote';
import { addAppointmentCommand, addQuestionCommand, editTaperPlanCommand } from './appointments';
import { exportSummaryHtmlCommand, exportSummaryPdfCommand, prepareSummaryCommand } from './prepareSummary';
import { exportJournalCommand, importJournalCommand } from './transferJournal';
import { checkInCommand } from './checkIn';
import { logDoseCommand } from './logDose';
import { logLifeEventCommand } from './logLifeEvent';
import { openJournalCommand } from './openJournal';
import { restoreBackupCommand } from './restoreBackup';
import { reviewSymptomsCommand } from './reviewSymptoms';
import { showSupportCommand } from './showSupport';
import { snoozeReminderCommand } from './snoozeReminder';
import { takeCheckupCommand } from './takeCheckup';
import { UNDO_COMMAND, undoLastCommand } from './undo';

export function registerCommands(s: Services): vscode.Disposable[] {
  const table: Record<string, (...args: never[]) => unknown> = {
    'moodDose.checkIn': checkInCommand(s),
    'moodDose.logDose': logDoseCommand(s),
    'moodDose.addNote': addNoteCommand(s),
    'moodDose.logLifeEvent': logLifeEventCommand(s),
    'moodDose.openJournal': openJournalCommand(),
    'moodDose.snoozeReminder': snoozeReminderCommand(s),
    'moodDose.restoreBackup': restoreBackupCommand(s),
    'moodDose.takeCheckup': takeCheckupCommand(s),
    'moodDose.reviewSymptoms': reviewSymptomsCommand(s),
    'moodDose.showSupport': showSupportCommand(s),
    'moodDose.editTaperPlan': editTaperPlanCommand(s),
    'moodDose.addAppointment': addAppointmentCommand(s),
    'moodDose.addQuestion': addQuestionCommand(s),
    'moodDose.prepareSummary': prepareSummaryCommand(s),
    'moodDose.exportSummaryHtml': exportSummaryHtmlCommand(s),
    'moodDose.exportSummaryPdf': exportSummaryPdfCommand(s),
    'moodDose.exportJournal': exportJournalCommand(s),
    'moodDose.importJournal': importJournalCommand(s),
    [UNDO_COMMAND]: undoLastCommand(s)
  };
  return Object.entries(table).map(([id, run]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await (run as (...a: unknown[]) => unknown)(...args);
      } catch (e) {
        s.log.error(`Command ${id} failed: ${(e as Error).stack ?? e}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Mood & Dose: {0}', (e as Error).message ?? String(e)));
        return undefined;
      }
    })
  );
}
