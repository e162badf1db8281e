// "Mood & Dose: Take Check-up": PHQ-9 or GAD-7 from the palette, one question at a time, with one
// key per answer (0–3). Every answer is stored, with the total and its band.
import * as vscode from 'vscode';
import { buildQuestionnaire } from '../core/entries';
import { ANSWERS, ATTRIBUTION, DIFFICULTY_ANSWERS, DIFFICULTY_QUESTION, QUESTIONNAIRES, type QuestionnaireKind } from '../core/questionnaires';
import { safetyTrigger } from '../core/safety';
import { nextDue } from '../core/checkups';
import { localDateOf } from '../core/time';
import type { Services } from '../services/services';
import { lastTakenDates } from '../services/checkupReminders';
import { pick } from './quickInput';
import { confirmSaved } from './undo';
import { writeJournal } from '../services/journalWrites';

interface Choice extends vscode.QuickPickItem {
  value?: number;
  kind2?: QuestionnaireKind;
  about?: boolean;
}

/** The attribution, shown wherever a questionnaire appears; picking it does nothing. */
function aboutItem(): Choice {
  return { label: `$(info) ${vscode.l10n.t('About these questionnaires')}`, detail: ATTRIBUTION, about: true, alwaysShow: true };
}

async function answer(title: string, question: string, answers: readonly string[]): Promise<number | undefined> {
  const items: Choice[] = answers.map((a, i) => ({ label: `${i}`, description: a, value: i }));
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, aboutItem());
  for (;;) {
    const picked = await pick<Choice>({
      title,
      placeholder: question,
      items,
      acceptOnValue: (v) => items.find((i) => i.value !== undefined && String(i.value) === v.trim())
    });
    if (!picked) return undefined;
    if (picked[0]?.value !== undefined) return picked[0].value;
  }
}

export function takeCheckupCommand(s: Services) {
  return async (kindArg?: unknown): Promise<string | undefined> => {
    const store = await s.journal.get();
    const today = localDateOf(s.clock.now(), s.clock.zone());
    const taken = lastTakenDates(store);
    let kind = typeof kindArg === 'string' && kindArg in QUESTIONNAIRES ? (kindArg as QuestionnaireKind) : undefined;
    if (!kind) {
      const items: Choice[] = (Object.keys(QUESTIONNAIRES) as QuestionnaireKind[]).map((k) => ({
        label: QUESTIONNAIRES[k].name,
        description: k === 'phq9' ? vscode.l10n.t('mood, 9 questions') : vscode.l10n.t('anxiety, 7 questions'),
        detail: taken[k] ? vscode.l10n.t('Last taken {0}; next offered {1}', taken[k]!, nextDue(taken[k], today, s.settings.checkupIntervalDays())) : vscode.l10n.t('Not taken yet'),
        kind2: k
      }));
      items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, aboutItem());
      const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Take Check-up'), placeHolder: vscode.l10n.t('Which questionnaire?') });
      kind = picked?.kind2;
      if (!kind) return undefined;
    }
    const def = QUESTIONNAIRES[kind];
    const answers: number[] = [];
    for (let i = 0; i < def.items.length; i++) {
      const a = await answer(vscode.l10n.t('{0} ({1}/{2}): {3}', def.name, i + 1, def.items.length, def.stem), def.items[i], ANSWERS);
      if (a === undefined) return undefined;
      answers.push(a);
    }
    let difficulty: number | null = null;
    if (def.hasDifficulty && answers.some((a) => a > 0)) {
      const d = await answer(vscode.l10n.t('{0}: one more question (not scored)', def.name), DIFFICULTY_QUESTION, DIFFICULTY_ANSWERS);
      if (d === undefined) return undefined;
      difficulty = d;
    }
    const row = buildQuestionnaire({ kind, answers, difficulty }, s.clock);
    await writeJournal(store, [{ table: 'questionnaires', row }]);
    void confirmSaved(s, vscode.l10n.t('{0} saved: score {1} ({2}). {3}', def.name, row.total, row.band, ATTRIBUTION), [{ table: 'questionnaires', row }]);
    if (kind === 'phq9') void s.safety.trigger(safetyTrigger({ kind: 'phq9', answers }), 'palette');
    return row.id;
  };
}
