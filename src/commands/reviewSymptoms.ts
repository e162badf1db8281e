// "Mood & Dose: Review Symptoms": the weekly discontinuation-symptom review. It goes through the
// FINISH groups (the four most reported first); what is not picked is recorded as 0 (none), so the
// review also documents what was absent.
import * as vscode from 'vscode';
import { buildSymptom } from '../core/entries';
import type { Op } from '../core/schemas';
import { SYMPTOMS } from '../core/symptoms';
import { stampOf } from '../core/time';
import type { Services } from '../services/services';
import { ownSymptoms } from '../storage/journalQueries';
import { askSymptoms } from './checkInSteps';
import { confirmSaved } from './undo';
import { writeJournal } from '../services/journalWrites';

export function reviewSymptomsCommand(s: Services) {
  return async (): Promise<string[] | undefined> => {
    const store = await s.journal.get();
    const picked = await askSymptoms(vscode.l10n.t('Weekly symptom review: which did you have this week?'), ownSymptoms(store));
    if (!picked) return undefined;
    const now = s.clock.now();
    const stamp = stampOf(now, s.clock.zone());
    const chosen = new Map(picked.map((p) => [p.key, p]));
    const ops: Op[] = [];
    for (const def of SYMPTOMS) {
      const hit = chosen.get(def.key);
      ops.push({ table: 'symptoms', row: buildSymptom({ key: def.key, label: def.label, severity: hit?.severity ?? 0 }, stamp, now, null, 'review') });
      chosen.delete(def.key);
    }
    for (const own of chosen.values()) ops.push({ table: 'symptoms', row: buildSymptom(own, stamp, now, null, 'review') });
    await writeJournal(store, ops);
    const n = ops.filter((o) => o.table === 'symptoms' && o.row.severity > 0).length;
    void confirmSaved(s, n ? vscode.l10n.t('Symptom review saved: {0} symptom(s) this week.', n) : vscode.l10n.t('Symptom review saved: none this week.'), ops);
    return ops.map((o) => o.row.id);
  };
}
