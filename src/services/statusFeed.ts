// What the status bar shows from the journal, once it is open: the latest check-in (the status bar
// remembers only its time for the next start-up), what is due (the item's text names the first),
// and the tooltip's lines: the taper step, the next appointment, what is due and the tablet supply.
// The status item lives in the start-up bundle and asks for these; it never reads the journal
// itself. Another line for the tooltip belongs in details(), and needs nothing from the status item.
import * as vscode from 'vscode';
import { doseRecord } from '../core/stats/doseDays';
import { formatMg, type DayClock } from '../core/entries';
import { supplyStatus, type SupplyStatus } from '../core/supply';
import { currentStep } from '../core/taper';
import { daysBetween, localTimeOfStamp } from '../core/time';
import { upcomingAppointment } from '../storage/read/appointments';
import { dosesOn, latestCheckIn } from '../storage/read/journal';
import { taperSteps } from '../storage/read/plan';
import type { JournalReader } from '../storage/read/reader';
import { supplyRows } from '../storage/read/supply';
import type { CheckupReminders } from './checkupReminders';
import type { JournalService } from './journalService';
import { dateWords } from './displayLanguage';
import type { Settings } from './settings';
import { supplyLine, supplyMention } from './supplyWords';
import { plural } from './plural';

/** The latest check-in as the status bar shows it; the status bar remembers its time only, never the dose. */
export interface LastCheckIn {
  at: string;
  /** Local time, HH:MM. */
  time: string;
  /** The day's dose: the sum of what was taken that day; null when none was (never a dose carried forward). */
  mg: number | null;
}

export class StatusFeed {
  constructor(
    private readonly journal: JournalService,
    private readonly clock: DayClock,
    private readonly checkups: CheckupReminders,
    private readonly settings: Pick<Settings, 'supplyRemindDays' | 'unit'>,
    /** More tooltip lines (the inbox's lines that could not be read). */
    private readonly moreLines: () => string[] = () => []
  ) {}

  /** The latest check-in (null: none yet), or undefined while the journal is not open. */
  latest(): LastCheckIn | null | undefined {
    const store = this.journal.current;
    if (!store) return undefined;
    const c = latestCheckIn(store);
    if (!c) return null;
    return { at: c.at, time: localTimeOfStamp(c), mg: doseRecord(dosesOn(store, c.localDate)).day(c.localDate).total };
  }

  /**
   * What the item shows beside the check-in, in one read of the journal (the supply serves both);
   * nothing until the journal is open.
   * - `due`: short words for what falls due today, in order: "about 9 days of tablets left" each day
   *   the estimate is at or below moodDose.supply.remindDays (first: a refill can take a week, and
   *   the item's text shows only the first), then "check-up due" on its first day (also listed in
   *   the tooltip).
   * - `details`: the tooltip's lines, e.g. "Taper plan: step 2 of 3 (15 mg)", "Next appointment in
   *   12 days (2026-05-01)", "Escitalopram: about 24 days left at the current dose (10 mg)."
   */
  dueAndDetails(): { due: string[]; details: string[] } {
    const store = this.journal.current;
    if (!store) return { due: [], details: [] };
    const supplies = this.supplies(store);
    const known = supplies.filter((s) => s.onHand !== null);
    const supplyDue = known.flatMap((s) => supplyMention(s, this.settings.supplyRemindDays(), known.length > 1) ?? []);
    return {
      due: [...supplyDue, ...this.checkups.mentions(store)],
      details: [...this.plainDetails(store), ...this.checkups.dueNow(store), ...supplies.flatMap((s) => supplyLine(s) ?? []), ...this.moreLines()]
    };
  }

  /** The taper step and the next appointment. */
  private plainDetails(store: JournalReader): string[] {
    const today = this.clock.today();
    const out: string[] = [];
    const steps = taperSteps(store);
    const step = currentStep(steps, today);
    if (step) out.push(vscode.l10n.t('Taper plan: step {0} of {1} ({2} {3})', steps.findIndex((s) => s.id === step.id) + 1, steps.length, formatMg(step.targetMg), this.settings.unit()));
    const next = upcomingAppointment(store, today);
    if (next) {
      const days = daysBetween(today, next.date);
      out.push(days === 0 ? vscode.l10n.t('Next appointment: today') : plural(days, { one: vscode.l10n.t('Next appointment in {0} day ({1})', days, dateWords(next.date)), other: vscode.l10n.t('Next appointment in {0} days ({1})', days, dateWords(next.date)) }));
    }
    return out;
  }

  /**
   * Opens the journal and picks up other windows' changes; whether this window is the writer. Never
   * asks whose journal it is (a reminder is not the user's request): rejects instead, quietly.
   */
  async sync(): Promise<boolean> {
    const store = await this.journal.get(true, true);
    await store.refresh();
    return store.isWriter;
  }

  private supplies(store: JournalReader): SupplyStatus[] {
    const rows = supplyRows(store);
    if (!rows.changes.length) return [];
    const today = this.clock.today();
    return rows.medications.map((medication) => supplyStatus({ medication, changes: rows.changes, doses: rows.doses, steps: rows.steps, today }));
  }
}
