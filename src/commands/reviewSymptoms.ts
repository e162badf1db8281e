// "Mood & Dose: Review Symptoms": the weekly discontinuation-symptom review. It goes through the
// FINISH groups (the four most reported first); what is not picked is recorded as 0 (none), so the
// review also documents what was absent (core completeReview, the same rule as the panel's).
import * as vscode from 'vscode';
import { ownSymptoms } from '../storage/read/journal';
import { askSymptoms } from './checkInSteps';
import { confirmSaved } from './confirm';
import type { CommandDeps } from './deps';

export function reviewSymptomsCommand(d: Pick<CommandDeps, 'read' | 'actions'>) {
  return async (): Promise<string[] | undefined> => {
    const picked = await askSymptoms(vscode.l10n.t('Weekly symptom review: which did you have this week?'), ownSymptoms(await d.read()));
    if (!picked) return undefined;
    const saved = await d.actions.reviewSymptoms(picked);
    void confirmSaved(d.actions, saved);
    return saved.ids;
  };
}
