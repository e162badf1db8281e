// What is due, for the status bar: its text says "check-up due" or "symptom review due" once, on
// the day each falls due; its tooltip lists what is due for as long as it is. Reads the journal only
// when it is already open.
import * as vscode from 'vscode';
import { dueQuestionnaires, mentionOnce, reviewDue } from '../core/checkups';
import type { DayClock } from '../core/entries';
import { QUESTIONNAIRES, type QuestionnaireKind } from '../core/questionnaires';
import type { LocalDate } from '../core/time';
import { lastReviewDate, lastTakenDates } from '../storage/read/checkups';
import type { JournalReader } from '../storage/read/reader';
import { taperSteps } from '../storage/read/plan';
import type { Settings } from './settings';

const KEY = 'moodDose.dueMentions';

export class CheckupReminders {
  constructor(
    private readonly settings: Pick<Settings, 'checkupIntervalDays' | 'symptomReviewEnabled'>,
    private readonly clock: DayClock,
    private readonly state: vscode.Memento
  ) {}

  /** Short words for the status bar's text, each only on the first day it is due. */
  mentions(store: JournalReader): string[] {
    const today = this.clock.today();
    const { questionnaires, review, taken, lastReview } = this.due(store);
    const stored = this.state.get<Record<string, { key: string; date: LocalDate }>>(KEY) ?? {};
    const records = { ...stored };
    const out: string[] = [];
    const mention = (id: string, key: string, text: string) => {
      const { mention: yes, record } = mentionOnce(key, today, records[id]);
      records[id] = record;
      if (yes) out.push(text);
    };
    // One short word for all questionnaires: the tooltip and the Check-ups tab say which.
    if (questionnaires.length) mention('questionnaires', questionnaires.map((k) => `${k}:${taken[k] ?? 'never'}`).join(','), vscode.l10n.t('check-up due'));
    if (review) mention('review', `review:${lastReview ?? 'never'}`, vscode.l10n.t('symptom review due'));
    // Called at every status-bar redraw: write only when a new due period was first seen.
    if (JSON.stringify(records) !== JSON.stringify(stored)) void this.state.update(KEY, records);
    return out;
  }

  /** Lines for the status bar's tooltip: everything due today, however long it has been due. */
  dueNow(store: JournalReader): string[] {
    const { questionnaires, review } = this.due(store);
    const out: string[] = [];
    if (questionnaires.length) out.push(vscode.l10n.t('Check-up due: {0}', questionnaires.map((k) => QUESTIONNAIRES[k].name).join(', ')));
    if (review) out.push(vscode.l10n.t('Weekly symptom review due'));
    return out;
  }

  private due(store: JournalReader): { questionnaires: QuestionnaireKind[]; review: boolean; taken: Partial<Record<QuestionnaireKind, LocalDate>>; lastReview: LocalDate | undefined } {
    const today = this.clock.today();
    const taken = lastTakenDates(store);
    const lastReview = lastReviewDate(store);
    const questionnaires = dueQuestionnaires(taken, today, this.settings.checkupIntervalDays());
    const review = this.settings.symptomReviewEnabled() && reviewDue(lastReview, today, taperSteps(store));
    return { questionnaires, review, taken, lastReview };
  }
}
