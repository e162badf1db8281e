// The journal's one write path. Palette commands and panel handlers both call these actions for
// every change, so a check-in has the same effects (context key, support card, wording of the
// confirmation, undo) whichever way it was saved. Each action builds its rows with src/core, writes
// them as one durable change, and returns a token that undoes exactly that change.
import { buildCheckIn, buildLifeEvent, buildNote, buildQuestionnaire, buildReview, buildStandaloneDose, deleteEntryOps, editCheckIn, formatMg, tombstone, type CheckInInput, type DayClock, type DoseInput } from '../core/entries';
import { nextTurn } from '../core/transfer/pace';
import { IMPORT_WRITE_ROWS } from '../core/limits';
import { buildAppointment, buildMedication, buildTaperStep, withOutcome, withQuestion, type AppointmentInput, type MedicationInput, type TaperStepInput } from '../core/plan';
import { QUESTIONNAIRES, type QuestionnaireKind } from '../core/questionnaires';
import { bandLabel, questionnaireText } from '../core/questionnaireText';
import { buildRecalledPeriod, overlapMessage, overlapsOf, periodName, recalledProblem, type RecalledInput } from '../core/recalled';
import { safetyTrigger, type SafetyTrigger, type Translate } from '../core/safety';
import type { Appointment, Medication, Op, SupplyChange, TableName, TabletSplit } from '../core/schemas';
import { buildSupplyChange, supplyStatus, type SupplyStatus } from '../core/supply';
import { formatTablets } from '../core/tablets';
import { plural } from '../core/plural';
import type { RatedSymptom } from '../core/symptoms';
import { firstDayOf, lastDayOf } from '../core/time';
import { entryById } from '../storage/read/journal';
import type { JournalStore } from '../storage/journalStore';
import { firstMedicationId, medications } from '../storage/read/plan';
import { dosesBetween, recalledPeriods } from '../storage/read/recalled';
import { supplyRows } from '../storage/read/supply';
import type { Settings } from './settings';
import { ActionWords } from './actionWords';
import { UndoLog, type UndoOutcome } from './undoLog';

/** Where a change came from: the palette confirms with a notification, the panel inline. */
export type Origin = 'palette' | 'panel';

/** What every action returns: the row it is about and the token that undoes the change. */
export interface Written {
  id: string;
  undoToken: string;
}

/** A change the user is told about: the confirmation, shown with Undo. */
export interface Saved extends Written {
  message: string;
}

export interface ActionDeps {
  journal: () => Promise<JournalStore>;
  clock: DayClock;
  settings: Pick<Settings, 'unit' | 'moodLabels' | 'medicationName'>;
  t: Translate;
  /** The language `t` writes in (a BCP 47 tag): which questionnaire text and attribution to name. English by default. */
  language?: string;
  /** A check-in was saved (the walkthrough's context key). */
  checkedIn(): void;
  /** Offer the support card; never awaited, so it never delays or blocks logging. */
  offerSupport(trigger: SafetyTrigger | undefined, origin: Origin): void;
  /** Some rows of a change did not apply: a newer version is already in the journal (tell the user). */
  notApplied(count: number): void;
  /** A dose just logged took these medications' tablet count below zero: ask to count the tablets. */
  supplyBelowZero(supplies: SupplyStatus[]): void;
}

/** A saved recalled period, with a message for each overlap (nothing is rejected for overlapping). */
export interface SavedPeriod extends Saved {
  overlaps: string[];
}

/** A saved refill or count, with where the supply stands after it. */
export interface SavedSupply extends Saved {
  status: SupplyStatus;
}

/** The history's row kinds that can be deleted, and their tables. */
const KIND_TABLES = { dose: 'doses', event: 'life_events', note: 'notes' } as const;

export class JournalActions {
  private readonly undoLog = new UndoLog();
  private readonly words: ActionWords;

  constructor(private readonly deps: ActionDeps) {
    this.words = new ActionWords(deps.t, deps.settings, deps.language);
  }

  async checkIn(input: CheckInInput, origin: Origin): Promise<Saved> {
    const { ops, checkIn } = buildCheckIn(input, this.deps.clock);
    const undoToken = await this.watchingSupply(Boolean(input.dose), () => this.write(ops));
    this.deps.checkedIn();
    this.deps.offerSupport(safetyTrigger({ kind: 'checkin', mood: checkIn.mood }), origin);
    const [mood, label, dose, symptoms] = this.words.checkIn(input);
    return { id: checkIn.id, undoToken, message: this.deps.t('Saved: mood {0} ({1}){2}{3}', mood, label, dose, symptoms) };
  }

  /** Edits a check-in in place (see core editCheckIn); undone like any change, to the entry as it was. */
  async editCheckIn(id: string, input: CheckInInput): Promise<Saved> {
    const store = await this.deps.journal();
    const entry = entryById(store, id);
    if (!entry || entry.checkIn.deletedAt) throw new Error(this.deps.t('That entry no longer exists. It may have been deleted in another window.'));
    const undoToken = await this.watchingSupply(true, () => this.write(editCheckIn(entry, input, this.deps.clock)));
    const [mood, label, dose, symptoms] = this.words.checkIn(input);
    return { id, undoToken, message: this.deps.t('Edited: mood {0} ({1}){2}{3}', mood, label, dose, symptoms) };
  }

  async logDose(input: DoseInput & { at?: number }): Promise<Saved> {
    const row = buildStandaloneDose(input, this.deps.clock);
    const undoToken = await this.watchingSupply(true, () => this.write([{ table: 'doses', row }]));
    return { id: row.id, undoToken, message: this.deps.t('Saved: {0} {1} {2}', formatMg(row.mg), this.deps.settings.unit(), this.words.status(row.status)) };
  }

  async addNote(text: string): Promise<Saved> {
    const row = buildNote({ text }, this.deps.clock);
    return { id: row.id, undoToken: await this.write([{ table: 'notes', row }]), message: this.deps.t('Note saved.') };
  }

  async logLifeEvent(input: { title: string; note?: string; at?: number }): Promise<Saved> {
    const row = buildLifeEvent(input, this.deps.clock);
    return { id: row.id, undoToken: await this.write([{ table: 'life_events', row }]), message: this.deps.t('Life event saved: {0} ({1})', row.title, this.words.date(row.localDate)) };
  }

  async takeQuestionnaire(input: { kind: QuestionnaireKind; answers: number[]; difficulty: number | null }, origin: Origin): Promise<Saved & { total: number; band: string }> {
    const row = buildQuestionnaire(input, this.deps.clock);
    const undoToken = await this.write([{ table: 'questionnaires', row }]);
    if (input.kind === 'phq9') this.deps.offerSupport(safetyTrigger({ kind: 'phq9', answers: input.answers }), origin);
    const message = this.deps.t('{0} saved: score {1} ({2}). {3}', QUESTIONNAIRES[input.kind].name, row.total, bandLabel(row.band, this.deps.t), questionnaireText(input.kind, this.deps.language ?? 'en').attribution);
    return { id: row.id, undoToken, message, total: row.total, band: row.band };
  }

  /** The weekly review: every listed symptom is recorded, 0 when absent (core completeReview). */
  async reviewSymptoms(picked: readonly RatedSymptom[]): Promise<Saved & { ids: string[] }> {
    const rows = buildReview(picked, this.deps.clock);
    const undoToken = await this.write(rows.map((row) => ({ table: 'symptoms', row })));
    const n = rows.filter((r) => r.severity > 0).length;
    const message = n
      ? plural(n, { one: this.deps.t('Symptom review saved: {0} symptom this week.', n), other: this.deps.t('Symptom review saved: {0} symptoms this week.', n) }, this.deps.language)
      : this.deps.t('Symptom review saved: none this week.');
    return { id: rows[0]?.id ?? '', ids: rows.map((r) => r.id), undoToken, message };
  }

  /** Deletes a history row (a check-in with its dose and symptoms, or a dose, event or note). */
  async deleteEntry(id: string, kind: 'checkin' | keyof typeof KIND_TABLES): Promise<Saved> {
    const store = await this.deps.journal();
    const now = this.deps.clock.now();
    let ops: Op[];
    if (kind === 'checkin') {
      const entry = entryById(store, id);
      if (!entry) throw new Error(this.deps.t('That entry no longer exists.'));
      ops = deleteEntryOps(entry, now);
    } else {
      const table = KIND_TABLES[kind];
      const row = store.get(table, id);
      if (!row) throw new Error(this.deps.t('That entry no longer exists.'));
      ops = [{ table, row: tombstone(row, now) } as Op];
    }
    return { id, undoToken: await this.write(ops), message: this.deps.t('Entry deleted.') };
  }

  async saveMedication(input: MedicationInput & { id: string | null }): Promise<Written> {
    const existing = await this.existing('medications', input.id, this.deps.t('That medication no longer exists.'));
    const row = buildMedication(input, existing, this.deps.clock.now());
    return { id: row.id, undoToken: await this.write([{ table: 'medications', row }]) };
  }

  async saveTaperStep(input: TaperStepInput & { id: string | null }): Promise<Written> {
    const existing = await this.existing('taper_steps', input.id, this.deps.t('That plan step no longer exists.'));
    const medicationId = existing ? existing.medicationId : firstMedicationId(await this.deps.journal());
    const row = buildTaperStep(input, existing, medicationId, this.deps.clock.now());
    return { id: row.id, undoToken: await this.write([{ table: 'taper_steps', row }]) };
  }

  async deleteTaperStep(id: string): Promise<Written> {
    return this.deleteRow('taper_steps', id);
  }

  async saveAppointment(input: AppointmentInput & { id: string | null }): Promise<Saved> {
    const existing = await this.existing('appointments', input.id, this.deps.t('That appointment no longer exists.'));
    const row = buildAppointment(input, existing, this.deps.clock.now());
    const message = this.deps.t('Appointment on {0} saved. Add questions for it with "Mood & Dose: Add Question for Provider".', this.words.date(row.date));
    return { id: row.id, undoToken: await this.write([{ table: 'appointments', row }]), message };
  }

  async deleteAppointment(id: string): Promise<Written> {
    return this.deleteRow('appointments', id);
  }

  /** Adds a question to an appointment, or creates the appointment (given without an id) with it. */
  async addQuestion(question: string, to: Appointment | AppointmentInput): Promise<Saved & { count: number }> {
    const now = this.deps.clock.now();
    const current = 'id' in to ? (await this.deps.journal()).get('appointments', to.id) ?? to : undefined;
    const row = current ? withQuestion(current, question, now) : buildAppointment({ ...to, questions: [question] }, undefined, now);
    const undoToken = await this.write([{ table: 'appointments', row }]);
    return { id: row.id, undoToken, count: row.questions.length, message: this.deps.t('Question added for {0} ({1} in all).', this.words.date(row.date), row.questions.length) };
  }

  /** Marks an appointment's follow-up question as asked and notes what was decided, if given. */
  async recordOutcome(appointment: Appointment, outcome: string | null): Promise<Saved> {
    const current = (await this.deps.journal()).get('appointments', appointment.id) ?? appointment;
    const row = withOutcome(current, outcome, this.deps.clock.now());
    return { id: row.id, undoToken: await this.write([{ table: 'appointments', row }]), message: this.deps.t('Outcome noted for the appointment on {0}.', this.words.date(row.date)) };
  }

  /**
   * Saves a period of medication history as recalled. A period that overlaps another of the same
   * medication, or days with a logged dose of it, is saved all the same, with a message naming both.
   */
  async saveRecalledPeriod(input: RecalledInput & { id: string | null }): Promise<SavedPeriod> {
    const { t, settings, clock } = this.deps;
    const problem = recalledProblem(input, clock.today(), t);
    if (problem) throw new Error(problem);
    const existing = input.id ? (await this.deps.journal()).get('recalled_periods', input.id) : undefined;
    if (input.id && !existing) throw new Error(t('That period no longer exists. It may have been deleted in another window.'));
    const row = buildRecalledPeriod(input, existing, clock.now());
    const undoToken = await this.write([{ table: 'recalled_periods', row }]);
    const store = await this.deps.journal();
    const overlaps = overlapsOf(row, recalledPeriods(store), dosesBetween(store, firstDayOf(row.startDate), lastDayOf(row.endDate))).map((o) => overlapMessage(row, o, settings.unit(), t, this.deps.language, (x) => this.words.date(x)));
    return { id: row.id, undoToken, overlaps, message: t('Medication history saved, marked as recalled: {0}.', periodName(row, settings.unit(), t, (x) => this.words.date(x))) };
  }

  async deleteRecalledPeriod(id: string): Promise<Saved> {
    const { undoToken } = await this.deleteRow('recalled_periods', id);
    return { id, undoToken, message: this.deps.t('Recalled period deleted.') };
  }

  /**
   * Records a medication's tablet strength and split. Without a medication (`id` null and none in
   * the journal) one is added from the settings' name and unit, so the supply has something to belong to.
   */
  async saveTablets(input: { medicationId: string | null; tabletMg: number; split: TabletSplit }): Promise<Written> {
    const store = await this.deps.journal();
    const existing = input.medicationId ? store.get('medications', input.medicationId) : medications(store)[0];
    if (input.medicationId && !existing) throw new Error(this.deps.t('That medication no longer exists.'));
    const base = existing ?? { name: this.deps.settings.medicationName(), unit: this.deps.settings.unit(), form: 'tablet' };
    const row = buildMedication({ name: base.name, unit: base.unit, form: base.form, tabletMg: input.tabletMg, split: input.split }, existing, this.deps.clock.now());
    return { id: row.id, undoToken: await this.write([{ table: 'medications', row }]) };
  }

  /** A refill (tablets added) or a count (tablets on hand now), with where the supply stands after it. */
  async logSupply(input: { medicationId: string; kind: SupplyChange['kind']; tablets: number }): Promise<SavedSupply> {
    const { t } = this.deps;
    const medication = (await this.deps.journal()).get('medications', input.medicationId);
    if (!medication || medication.deletedAt) throw new Error(t('That medication no longer exists.'));
    if (!medication.tabletMg) throw new Error(t('Record the tablet strength of {0} first.', medication.name));
    const row = buildSupplyChange(input, this.deps.clock);
    const undoToken = await this.write([{ table: 'tablet_supply', row }]);
    const status = this.supplyOf(await this.deps.journal(), medication);
    const [n, lang] = [formatTablets(input.tablets), this.deps.language];
    const message =
      input.kind === 'refill'
        ? plural(input.tablets, { one: t('Refill saved: {0} tablet of {1} added.', n, medication.name), other: t('Refill saved: {0} tablets of {1} added.', n, medication.name) }, lang)
        : plural(input.tablets, { one: t('Count saved: {0} tablet of {1} on hand.', n, medication.name), other: t('Count saved: {0} tablets of {1} on hand.', n, medication.name) }, lang);
    return { id: row.id, undoToken, message, status };
  }

  /** Where each medication's tablet supply stands today. */
  async supply(): Promise<SupplyStatus[]> {
    const store = await this.deps.journal();
    return medications(store).map((m) => this.supplyOf(store, m));
  }

  /**
   * Writes rows an import planned (all new: planImport drops ids the journal has), keeping their
   * stamps. A large import goes to the store in changes of IMPORT_WRITE_ROWS rows with a turn of the
   * event loop between them, so the host stays responsive; it is undone as one step all the same,
   * and a failure part way keeps what was written undoable (importing the file again adds the rest).
   */
  async importRows(ops: Op[], source: string, progress?: (done: number, total: number) => void): Promise<Saved> {
    const store = await this.deps.journal();
    // The rows keep their stamps, so undo can use them as given; only those not applied are left out
    // (holding the store's copies of 150,000 rows as well would double what the import keeps alive).
    const notApplied = new Set<string>();
    let written = 0;
    const record = () => {
      const kept = ops.slice(0, written).filter((op) => !notApplied.has(`${op.table}:${op.row.id}`));
      return this.undoLog.record(kept, kept.map(() => undefined));
    };
    // No compaction between the chunks (each would export and check the whole journal); one follows.
    const release = store.holdCompaction();
    try {
      while (written < ops.length) {
        if (written > 0) await nextTurn();
        const chunk = ops.slice(written, written + IMPORT_WRITE_ROWS);
        const result = await store.write(chunk, { keepStamps: true });
        for (const op of result.notApplied) notApplied.add(`${op.table}:${op.row.id}`);
        written += chunk.length;
        progress?.(written, ops.length);
      }
    } catch (e) {
      if (written > 0) record();
      throw e;
    } finally {
      release();
      if (notApplied.size > 0) this.deps.notApplied(notApplied.size);
    }
    const n = ops.length;
    const message = plural(n, { one: this.deps.t('Imported {0} entry from {1}.', n, source), other: this.deps.t('Imported {0} entries from {1}.', n, source) }, this.deps.language);
    return { id: '', undoToken: record(), message };
  }

  /**
   * Lines read from the phone inbox (services/inbox), with their ledger rows and what edited lines
   * replace, as one change: one Undo takes the whole read back. A mood at the scale's minimum offers
   * the support card, as a check-in from the palette does.
   */
  async importInbox(ops: Op[]): Promise<string> {
    const token = await this.watchingSupply(ops.some((op) => op.table === 'doses'), () => this.write(ops));
    const moods = ops.flatMap((op) => (op.table === 'checkins' && !op.row.deletedAt ? [op.row.mood] : []));
    if (moods.length) {
      this.deps.checkedIn();
      this.deps.offerSupport(safetyTrigger({ kind: 'checkin', mood: Math.min(...moods) }), 'palette');
    }
    return token;
  }

  /** Undoes one change by its token. */
  async undo(token: string): Promise<UndoOutcome> {
    const store = await this.deps.journal();
    const ops = this.undoLog.take(token, (op) => store.get(op.table, op.row.id), this.deps.clock.now());
    if (!ops) return 'unknown';
    if (ops.length === 0) return 'nothing';
    const result = await store.write(ops);
    if (result.notApplied.length > 0) this.deps.notApplied(result.notApplied.length);
    return result.applied.length > 0 ? 'undone' : 'nothing';
  }

  /** Undoes the newest change made in this window ("Undo Last Entry"). */
  async undoLast(): Promise<UndoOutcome> {
    const token = this.undoLog.latest();
    return token ? this.undo(token) : 'unknown';
  }

  /**
   * Writes one change and records it for undo. Local edits are stamped by the store (clockStamp.ts);
   * an import keeps its rows' own stamps. A row that did not apply (a newer version is already in
   * the journal) is told to the user, never silently dropped, and is not part of the undo.
   */
  private async write(ops: Op[], imported = false): Promise<string> {
    const store = await this.deps.journal();
    const before = imported ? ops.map(() => undefined) : ops.map((op) => store.get(op.table, op.row.id));
    const result = await store.write(ops, { keepStamps: imported });
    if (result.notApplied.length > 0) this.deps.notApplied(result.notApplied.length);
    // Undo compares rows with what was written, so it keeps the rows as the store stamped them.
    const written = new Map(result.applied.map((op) => [`${op.table}:${op.row.id}`, op]));
    const kept = ops.flatMap((op, i) => {
      const w = written.get(`${op.table}:${op.row.id}`);
      return w ? [{ op: w, before: before[i] }] : [];
    });
    return this.undoLog.record(
      kept.map((k) => k.op),
      kept.map((k) => k.before)
    );
  }

  private supplyOf(store: JournalStore, medication: Medication): SupplyStatus {
    const rows = supplyRows(store);
    return supplyStatus({ medication, changes: rows.changes, doses: rows.doses, steps: rows.steps, today: this.deps.clock.today() });
  }

  /** Medications whose tablet count is below zero now. */
  private async belowZero(): Promise<SupplyStatus[]> {
    const store = await this.deps.journal();
    const rows = supplyRows(store);
    if (!rows.changes.length) return [];
    const today = this.deps.clock.today();
    return rows.medications.map((m) => supplyStatus({ medication: m, changes: rows.changes, doses: rows.doses, steps: rows.steps, today })).filter((s) => s.belowZero);
  }

  /** Runs a write that logs a dose; if it takes a tablet count below zero, asks to correct the count (never silently negative). */
  private async watchingSupply(logsDose: boolean, write: () => Promise<string>): Promise<string> {
    if (!logsDose) return write();
    const before = new Set((await this.belowZero()).map((s) => s.medicationId));
    const token = await write();
    const now = (await this.belowZero()).filter((s) => !before.has(s.medicationId));
    if (now.length) this.deps.supplyBelowZero(now);
    return token;
  }

  private async existing<T extends 'medications' | 'taper_steps' | 'appointments'>(table: T, id: string | null, gone: string) {
    if (!id) return undefined;
    const row = (await this.deps.journal()).get(table, id);
    if (!row) throw new Error(gone);
    return row;
  }

  private async deleteRow(table: Extract<TableName, 'taper_steps' | 'appointments' | 'recalled_periods'>, id: string): Promise<Written> {
    const row = (await this.deps.journal()).get(table, id);
    // Already gone (e.g. deleted in another window): nothing to write, and nothing to undo.
    return { id, undoToken: await this.write(row ? [{ table, row: tombstone(row, this.deps.clock.now()) } as Op] : []) };
  }
}
