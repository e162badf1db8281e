// What the status bar shows from the journal, once it is open: the latest check-in (remembered for
// the next start-up), the taper step, the appointment countdown and what is due. The status item
// lives in the start-up bundle and asks for these; it never reads the journal itself.
import * as vscode from 'vscode';
import type { DayClock } from '../core/entries';
import { supplyStatus, type SupplyStatus } from '../core/supply';
import { currentStep } from '../core/taper';
import { daysBetween, localTimeOfStamp } from '../core/time';
import { upcomingAppointment } from '../storage/appointmentQueries';
import { lastDose, latestCheckIn } from '../storage/journalQueries';
import { taperSteps } from '../storage/planQueries';
import type { JournalReader } from '../storage/reader';
import { supplyRows } from '../storage/supplyQueries';
import type { CheckupReminders } from './checkupReminders';
import type { JournalService } from './journalService';
import type { Settings } from './settings';
import { supplyLine, supplyMention } from './supplyWords';

/** The latest check-in as the status bar shows it, remembered for the next start-up. */
export interface LastCheckIn {
  at: string;
  /** Local time, HH:MM. */
  time: string;
  /** The dose logged the same day, if any. */
  mg: number | null;
}

export class StatusFeed {
  constructor(
    private readonly journal: JournalService,
    private readonly clock: DayClock,
    private readonly checkups: CheckupReminders,
    private readonly settings: Pick<Settings, 'supplyRemindDays'>
  ) {}

  /** The latest check-in (null: none yet), or undefined while the journal is not open. */
  latest(): LastCheckIn | null | undefined {
    const store = this.journal.current;
    if (!store) return undefined;
    const c = latestCheckIn(store);
    if (!c) return null;
    const dose = lastDose(store);
    return { at: c.at, time: localTimeOfStamp(c), mg: dose && dose.localDate === c.localDate ? dose.mg : null };
  }

  /** E.g. "step 2/3", "appt in 12 d", "check-up due (PHQ-9)"; nothing until the journal is open. */
  extras(): string[] {
    const store = this.journal.current;
    if (!store) return [];
    const today = this.clock.today();
    const out: string[] = [];
    const steps = taperSteps(store);
    const step = currentStep(steps, today);
    if (step) out.push(vscode.l10n.t('step {0}/{1}', steps.findIndex((s) => s.id === step.id) + 1, steps.length));
    const next = upcomingAppointment(store, today);
    if (next) {
      const days = daysBetween(today, next.date);
      out.push(days === 0 ? vscode.l10n.t('appt today') : vscode.l10n.t('appt in {0} d', days));
    }
    return [...out, ...this.checkups.extras(store), ...this.supplyDue(store)];
  }

  /**
   * Lines for the tooltip: each medication's tablet supply, "Escitalopram: about 24 days left at the
   * current dose (10 mg)." (none before a refill or count is recorded, or until the journal is open).
   */
  supply(): string[] {
    const store = this.journal.current;
    return store ? this.supplies(store).flatMap((s) => supplyLine(s) ?? []) : [];
  }

  /** "about 9 days of tablets left", each day the estimate is at or below moodDose.supply.remindDays. */
  private supplyDue(store: JournalReader): string[] {
    const known = this.supplies(store).filter((s) => s.onHand !== null);
    return known.flatMap((s) => supplyMention(s, this.settings.supplyRemindDays(), known.length > 1) ?? []);
  }

  private supplies(store: JournalReader): SupplyStatus[] {
    const rows = supplyRows(store);
    if (!rows.changes.length) return [];
    const today = this.clock.today();
    return rows.medications.map((medication) => supplyStatus({ medication, changes: rows.changes, doses: rows.doses, steps: rows.steps, today }));
  }

  /** Opens the journal and picks up other windows' changes; whether this window is the writer. */
  async sync(): Promise<boolean> {
    const store = await this.journal.get();
    await store.refresh();
    return store.isWriter;
  }
}
