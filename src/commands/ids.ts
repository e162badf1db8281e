// Every command the extension contributes. The start-up bundle registers all of them at once; those
// in JOURNAL_COMMANDS run in the journal bundle, which is loaded the first time one is used.
export const JOURNAL_COMMANDS = [
  'moodDose.checkIn',
  'moodDose.logDose',
  'moodDose.addNote',
  'moodDose.logLifeEvent',
  'moodDose.restoreBackup',
  'moodDose.openThisJournal',
  'moodDose.undoLast',
  'moodDose.takeCheckup',
  'moodDose.reviewSymptoms',
  'moodDose.addAppointment',
  'moodDose.addQuestion',
  'moodDose.addMedicationHistory',
  'moodDose.logRefill',
  'moodDose.countTablets',
  'moodDose.prepareSummary',
  'moodDose.exportSummaryHtml',
  'moodDose.exportSummaryPdf',
  'moodDose.exportJournal',
  'moodDose.importJournal',
  'moodDose.turnOnEncryption',
  'moodDose.lockJournal',
  'moodDose.unlockJournal',
  'moodDose.changePassphrase',
  'moodDose.unlockWithRecoveryPhrase',
  'moodDose.turnOffEncryption',
  'moodDose.exportDecryptedCopy',
  'moodDose.importInbox',
  'moodDose.openInbox'
] as const;

export type JournalCommand = (typeof JOURNAL_COMMANDS)[number];

/** Commands that need only the start-up bundle: they open the panel or the dashboard, or quiet the reminder. */
export const SHELL_COMMANDS = ['moodDose.openJournal', 'moodDose.openDashboard', 'moodDose.showSupport', 'moodDose.editTaperPlan', 'moodDose.snoozeReminder'] as const;
