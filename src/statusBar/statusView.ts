// What the status item says, worked out without VS Code so it can be tested: a short text (the
// check-in state and at most one thing that is due, about 40 characters), and for the tooltip a
// sentence on the check-in, the journal's detail lines (taper step, appointment, what is due, and
// whatever else the journal bundle's status feed lists) and the command links under them.
import { formatMg } from '../core/entries';
import type { NudgeStatus } from '../core/reminders';

/** Localisation, as vscode.l10n.t. */
export type StatusText = (message: string, ...args: (string | number)[]) => string;

export interface StatusInput {
  status: NudgeStatus;
  /** The reminder time the current window belongs to, "HH:MM", or '' without reminders. */
  slotTime: string;
  /** The latest check-in, when the current window has one. */
  last?: { time: string; mg: number | null };
  unit: string;
  /** Short words for what is due today, in order; the text shows the first. */
  due: readonly string[];
  /** The tooltip's lines from the journal (none until it is open). */
  details: readonly string[];
  /**
   * The journal is encrypted and locked: the item still reminds, but shows no dose, nothing due
   * and no detail line (they come from the journal, which is not to be read until unlocked).
   */
  locked?: boolean;
}

export interface StatusView {
  text: string;
  /** The tooltip's first sentence. */
  message: string;
  lines: string[];
  /** The screen reader's label for the item. */
  label: string;
  warning: boolean;
}

/** The commands the tooltip links to, in order; the tooltip trusts these and no others. */
export const TOOLTIP_COMMANDS = ['moodDose.openDashboard', 'moodDose.checkIn', 'moodDose.takeCheckup'] as const;

export function tooltipLinks(t: StatusText): { command: (typeof TOOLTIP_COMMANDS)[number]; icon: string; title: string }[] {
  return [
    { command: 'moodDose.openDashboard', icon: 'dashboard', title: t('Open Dashboard') },
    { command: 'moodDose.checkIn', icon: 'heart', title: t('Check In') },
    { command: 'moodDose.takeCheckup', icon: 'checklist', title: t('Take Check-up') }
  ];
}

export function statusView(input: StatusInput, t: StatusText): StatusView {
  if (input.locked) return lockedView(input, t);
  const due = input.due[0];
  const more = due ? ` · ${due}` : '';
  const lines = [...input.details];
  if (input.status === 'done' && input.last) {
    const { time, mg } = input.last;
    const dose = mg === null ? '' : `${formatMg(mg)} ${input.unit}`;
    return {
      text: `✓ ${time}${dose ? ` · ${dose}` : ''}${more}`,
      message: dose ? t('Last check-in at {0}, with {1} logged that day. Click to add another.', time, dose) : t('Last check-in at {0}. Click to add another.', time),
      lines,
      label: t('Mood and Dose: last check-in at {0}{1}.{2} Activate to check in again.', time, dose ? `, ${dose}` : '', due ? ` ${due}.` : ''),
      warning: false
    };
  }
  const message = reminderMessages(input, t)[input.status];
  return {
    text: `$(heart) ${t('Check in')}${more}`,
    message,
    lines,
    label: t('Mood and Dose: {0}', message) + (due ? ` ${due}.` : ''),
    warning: input.status === 'due'
  };
}

function reminderMessages(input: StatusInput, t: StatusText): Record<NudgeStatus, string> {
  return {
    done: t('No check-in yet today. Click to log mood and dose.'),
    open: input.slotTime ? t('No check-in yet for the {0} reminder. Click to log mood and dose.', input.slotTime) : t('No check-in yet today. Click to log mood and dose.'),
    due: t('The {0} check-in is waiting. Click to log mood and dose.', input.slotTime),
    snoozed: t('Reminder snoozed. Click to check in now.'),
    skipped: t('Reminders are off for the rest of today. Click to check in anyway.')
  };
}

/** Locked: the reminder and the time of the last check-in (kept outside the journal), nothing from inside it. */
function lockedView(input: StatusInput, t: StatusText): StatusView {
  const locked = t('The journal is locked; the passphrase is asked first.');
  const last = input.status === 'done' ? input.last : undefined;
  const message = last ? t('Last check-in at {0}. Click to add another.', last.time) : reminderMessages(input, t)[input.status];
  return {
    text: `${last ? `✓ ${last.time}` : `$(heart) ${t('Check in')}`} $(lock)`,
    message: `${message} ${locked}`,
    lines: [],
    label: t('Mood and Dose: {0}', `${message} ${locked}`),
    warning: input.status === 'due'
  };
}
