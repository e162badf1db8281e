// "Mood & Dose: Log Life Event": something that happened (a court date, a move, a loss), shown as a
// marker on the charts so mood changes can be read in context.
import * as vscode from 'vscode';
import { EVENT_TITLE_MAX } from '../core/limits';
import { instantOf } from '../core/time';
import { confirmSaved } from './confirm';
import type { CommandDeps } from './deps';
import { dateProblem, input } from './quickInput';
import { FlowSteps } from './steps';

export function logLifeEventCommand(d: Pick<CommandDeps, 'actions' | 'clock'>) {
  return async (): Promise<string | undefined> => {
    const steps = new FlowSteps(vscode.l10n.t, vscode.l10n.t('Log Life Event'), 3);
    const what = await input({
      title: steps.next(vscode.l10n.t('what happened')),
      prompt: vscode.l10n.t('What happened? e.g. "Court date" or "Moved house"'),
      validate: (v) => (!v.trim() ? vscode.l10n.t('Type a short title, or press Escape to cancel') : v.trim().length > EVENT_TITLE_MAX ? vscode.l10n.t('Keep the title under {0} characters', EVENT_TITLE_MAX) : undefined)
    });
    if (what === undefined) return undefined;
    const today = d.clock.today();
    const date = await input({
      title: steps.next(vscode.l10n.t('day')),
      prompt: vscode.l10n.t('When? A date as YYYY-MM-DD (Enter for today)'),
      value: today,
      validate: (v) => dateProblem(v, today)
    });
    if (date === undefined) return undefined;
    const note = await input({ title: steps.next(vscode.l10n.t('note')), prompt: vscode.l10n.t('Optional note (Enter to save)') });
    if (note === undefined) return undefined;
    const day = date.trim();
    const at = day === today ? d.clock.now() : instantOf(day, 12, 0, d.clock.zone());
    const saved = await d.actions.logLifeEvent({ title: what, note, at });
    void confirmSaved(d.actions, saved);
    return saved.id;
  };
}
