// The taper step and the appointment countdown for the status bar's quiet summary, once the
// journal is open: e.g. "step 2/3" and "appt in 12 d".
import * as vscode from 'vscode';
import type { Clock } from '../core/entries';
import { currentStep } from '../core/taper';
import { daysBetween, localDateOf } from '../core/time';
import { taperSteps } from '../storage/journalQueries';
import type { JournalService } from './journalService';

export function planExtras(journal: JournalService, clock: Clock): string[] {
  const store = journal.current;
  if (!store) return [];
  const today = localDateOf(clock.now(), clock.zone());
  const out: string[] = [];
  const steps = taperSteps(store);
  const step = currentStep(steps, today);
  if (step) out.push(vscode.l10n.t('step {0}/{1}', steps.findIndex((s) => s.id === step.id) + 1, steps.length));
  const next = store.select('appointments', 'deleted_at IS NULL AND date >= ?', [today], 'ORDER BY date LIMIT 1')[0];
  if (next) {
    const days = daysBetween(today, next.date);
    out.push(days === 0 ? vscode.l10n.t('appt today') : vscode.l10n.t('appt in {0} d', days));
  }
  return out;
}
