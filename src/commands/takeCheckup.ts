// "Mood & Dose: Take Check-up": PHQ-9 or GAD-7 from the palette, one question at a time, with one
// key per answer (0–3). Every answer is stored, with the total and its band.
import * as vscode from 'vscode';
import { nextDue } from '../core/checkups';
import { QUESTIONNAIRES, type QuestionnaireKind } from '../core/questionnaires';
import { questionnaireText } from '../core/questionnaireText';
import { dateWords, wordsLanguage } from '../services/displayLanguage';
import { lastTakenDates } from '../storage/read/checkups';
import { confirmSaved } from './confirm';
import type { CommandDeps } from './deps';
import { pick } from './quickInput';

interface Choice extends vscode.QuickPickItem {
  value?: number;
  kind2?: QuestionnaireKind;
  about?: boolean;
}

/** The attribution, shown wherever a questionnaire appears; picking it does nothing. */
function aboutItem(kind: QuestionnaireKind = 'phq9'): Choice {
  const text = questionnaireText(kind, wordsLanguage());
  return { label: `$(info) ${vscode.l10n.t('About these questionnaires')}`, detail: [text.attribution, text.note].filter(Boolean).join(' '), about: true, alwaysShow: true };
}

async function answer(title: string, question: string, answers: readonly string[], kind: QuestionnaireKind): Promise<number | undefined> {
  const items: Choice[] = answers.map((a, i) => ({ label: `${i}`, description: a, value: i }));
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, aboutItem(kind));
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

export function takeCheckupCommand(d: Pick<CommandDeps, 'read' | 'actions' | 'clock' | 'settings'>) {
  return async (kindArg?: unknown): Promise<string | undefined> => {
    const today = d.clock.today();
    const taken = lastTakenDates(await d.read());
    let kind = typeof kindArg === 'string' && kindArg in QUESTIONNAIRES ? (kindArg as QuestionnaireKind) : undefined;
    if (!kind) {
      const items: Choice[] = (Object.keys(QUESTIONNAIRES) as QuestionnaireKind[]).map((k) => ({
        label: QUESTIONNAIRES[k].name,
        description: k === 'phq9' ? vscode.l10n.t('mood, 9 questions') : vscode.l10n.t('anxiety, 7 questions'),
        detail: taken[k] ? vscode.l10n.t('Last taken {0}; next offered {1}', dateWords(taken[k]!), dateWords(nextDue(taken[k], today, d.settings.checkupIntervalDays()))) : vscode.l10n.t('Not taken yet'),
        kind2: k
      }));
      items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, aboutItem());
      const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Take Check-up'), placeHolder: vscode.l10n.t('Which questionnaire?') });
      kind = picked?.kind2;
      if (!kind) return undefined;
    }
    const def = QUESTIONNAIRES[kind];
    // The official Spanish PHQ-9 under a Spanish display language; the GAD-7 stays in English (questionnaireText.ts).
    const text = questionnaireText(kind, wordsLanguage());
    const answers: number[] = [];
    for (let i = 0; i < def.items.length; i++) {
      const a = await answer(vscode.l10n.t('{0} ({1}/{2}): {3}', def.name, i + 1, def.items.length, text.stem), text.items[i], text.answers, kind);
      if (a === undefined) return undefined;
      answers.push(a);
    }
    let difficulty: number | null = null;
    if (def.hasDifficulty && answers.some((a) => a > 0)) {
      const d = await answer(vscode.l10n.t('{0}: one more question (not scored)', def.name), text.difficultyQuestion, text.difficultyAnswers, kind);
      if (d === undefined) return undefined;
      difficulty = d;
    }
    const saved = await d.actions.takeQuestionnaire({ kind, answers, difficulty }, 'palette');
    void confirmSaved(d.actions, saved);
    return saved.id;
  };
}
