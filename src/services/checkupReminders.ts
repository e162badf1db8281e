// Adds "check-up due" and "symptom review due" to the status bar's quiet summary, once, on the day
// each falls due. Reads the journal only when it is already open.
import * as vscode from 'vscode';
import { dueQuestionnaires, mentionOnce, reviewDue } from '../core/checkups';
import type { Clock } from '../core/entries';
import { QUESTIONNAIRES, type QuestionnaireKind } from '../core/questionnaires';
import { localDateOf, type LocalDate } from '../core/time';
import { taperSteps } from '../storage/journalQueries';
import type { JournalStore } from '../storage/journalStore';
import type { JournalService } from './journalService';
import type { Settings } from './settings';

const KEY = 'moodDose.dueMentions';

export interface DueState {
  questionnaires: QuestionnaireKind[];
  review: boolean;
}

export function lastTakenDates(store: JournalStore): Partial<Record<QuestionnaireKind, LocalDate>> {
  const out: Partial<Record<QuestionnaireKind, LocalDate>> = {};
  for (const [kind, date] of store.query('SELECT kind, max(local_date) FROM questionnaires WHERE deleted_at IS NULL GROUP BY kind')) out[kind as QuestionnaireKind] = String(date);
  return out;
}

export function lastReviewDate(store: JournalStore): LocalDate | undefined {
  const row = store.query("SELECT max(local_date) FROM symptoms WHERE deleted_at IS NULL AND source = 'review'")[0];
  return row?.[0] ? String(row[0]) : undefined;
}

export class CheckupReminders {
  constructor(
    private readonly journal: JournalService,
    private readonly settings: Settings,
    private readonly clock: Clock,
    private readonly state: vscode.Memento
  ) {}

  /** What is due today (empty until the journal has been opened). */
  due(): DueState {
    const store = this.journal.current;
    if (!store) return { questionnaires: [], review: false };
    const today = this.today();
    return {
      questionnaires: dueQuestionnaires(lastTakenDates(store), today, this.settings.checkupIntervalDays()),
      review: this.settings.symptomReviewEnabled() && reviewDue(lastReviewDate(store), today, taperSteps(store))
    };
  }

  /** Words for the status bar, each only on the first day it is due. */
  extras(): string[] {
    const store = this.journal.current;
    if (!store) return [];
    const due = this.due();
    const today = this.today();
    const stored = this.state.get<Record<string, { key: string; date: LocalDate }>>(KEY) ?? {};
    const records = { ...stored };
    const out: string[] = [];
    const mention = (id: string, key: string, text: string) => {
      const { mention: yes, record } = mentionOnce(key, today, records[id]);
      records[id] = record;
      if (yes) out.push(text);
    };
    const taken = lastTakenDates(store);
    // One short word for all questionnaires: the tooltip and the Check-ups tab say which.
    if (due.questionnaires.length) {
      const key = due.questionnaires.map((k) => `${k}:${taken[k] ?? 'never'}`).join(',');
      mention('questionnaires', key, vscode.l10n.t('check-up due ({0})', due.questionnaires.map((k) => QUESTIONNAIRES[k].name).join(', ')));
    }
    if (due.review) mention('review', `review:${lastReviewDate(store) ?? 'never'}`, vscode.l10n.t('symptom review due'));
    // Called at every status-bar redraw: write only when a new due period was first seen.
    if (JSON.stringify(records) !== JSON.stringify(stored)) void this.state.update(KEY, records);
    return out;
  }

  private today(): LocalDate {
    return localDateOf(this.clock.now(), this.clock.zone());
  }
}
