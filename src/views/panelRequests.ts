// Answers the journal panel's requests. Parameters arrive already validated against
// src/protocol.ts; rows are validated again by the store before anything is written.
import * as vscode from 'vscode';
import { buildCheckIn, buildQuestionnaire, buildSymptom, deleteEntryOps, restore, tombstone, type CheckInInput, type Entry } from '../core/entries';
import { newId } from '../core/ids';
import { beforeEarliestYear } from '../core/importChecks';
import { clip, EARLIEST_YEAR, PANEL } from '../core/limits';
import type { Op, RowTypes, TableName } from '../core/schemas';
import { DEFAULT_RESOURCES, safetyTrigger } from '../core/safety';
import { SYMPTOMS } from '../core/symptoms';
import { currentStep, offeredDose } from '../core/taper';
import { instantOf, localDateOf, localTimeOfStamp, stampOf } from '../core/time';
import type { EntryDraft, HistoryItem, PanelContext, Request } from '../protocol';
import type { Services } from '../services/services';
import { filterOptions, historyPage, type HistoryRow } from '../storage/historyQueries';
import { entryById, lastDose, ownSymptoms, taperSteps } from '../storage/journalQueries';
import type { JournalStore } from '../storage/journalStore';
import { chartData } from './chartData';
import { checkupsData } from './checkupsData';
import { deleteAppointment, deleteStep, planData, saveAppointment, saveMedication, saveStep } from './planRequests';
import { toEntryView } from './entryView';
import { writeJournal } from '../services/journalWrites';

const RANGE_DAYS: Record<string, number | null> = { '7': 7, '30': 30, '90': 90, '365': 365, all: null };
const UNDO_KEEP = 50;

export class PanelRequests {
  /** Undo tokens for deletes made from the panel → the rows to bring back. */
  private readonly undo = new Map<string, Op[]>();

  constructor(private readonly s: Services) {}

  async handle(req: Request): Promise<unknown> {
    // The support lines never wait for the journal: they must work even when it cannot open.
    if (req.method === 'support/open') {
      const lines = req.params.defaults ? DEFAULT_RESOURCES : this.s.settings.supportResources();
      const r = lines[req.params.index];
      if (r?.link) await vscode.env.openExternal(vscode.Uri.parse(r.link));
      return null;
    }
    const store = await this.s.journal.get();
    switch (req.method) {
      case 'panel/context':
        return this.context(store);
      case 'history/page': {
        const { filter, offset, limit } = req.params;
        const page = historyPage(store, { days: RANGE_DAYS[filter.range], today: this.today(), tag: filter.tag, symptom: filter.symptom, search: filter.search, offset, limit });
        return { total: page.total, items: page.rows.map((r) => this.toItem(r)) };
      }
      case 'entry/save':
        return { id: await this.save(store, req.params.draft) };
      case 'entry/update':
        return { id: await this.update(store, req.params.id, req.params.draft) };
      case 'entry/delete':
        return { undoToken: await this.remove(store, req.params.id, req.params.kind) };
      case 'entry/undo':
        await this.restore(store, req.params.undoToken);
        return null;
      case 'charts/data':
        return chartData(store, req.params.range, this.today(), this.s.settings.unit());
      case 'command/run':
        void vscode.commands.executeCommand(`moodDose.${req.params.command}`);
        return null;
      case 'support/dismiss':
        await this.s.safety.dismiss();
        return null;
      case 'checkups/data':
        return checkupsData(store, this.today(), this.s.settings.checkupIntervalDays(), this.s.settings.symptomReviewEnabled());
      case 'checkups/save': {
        const { kind, answers, difficulty } = req.params;
        const row = buildQuestionnaire({ kind, answers, difficulty }, this.s.clock);
        await writeJournal(store, [{ table: 'questionnaires', row }]);
        if (kind === 'phq9') void this.s.safety.trigger(safetyTrigger({ kind: 'phq9', answers }), 'panel');
        return { id: row.id, total: row.total, band: row.band };
      }
      case 'plan/data':
        return planData(store, this.today(), this.s.settings.unit());
      case 'plan/saveMedication':
        return { id: await saveMedication(store, req.params, this.s.clock.now()) };
      case 'plan/saveStep':
        return { id: await saveStep(store, req.params, this.s.clock.now()) };
      case 'plan/deleteStep':
        await deleteStep(store, req.params.id, this.s.clock.now());
        return null;
      case 'appointments/save':
        return { id: await saveAppointment(store, req.params, this.s.clock.now()) };
      case 'appointments/delete':
        await deleteAppointment(store, req.params.id, this.s.clock.now());
        return null;
      case 'review/save': {
        const now = this.s.clock.now();
        const stamp = stampOf(now, this.s.clock.zone());
        const ops: Op[] = req.params.symptoms.map((x) => ({ table: 'symptoms', row: buildSymptom(x, stamp, now, null, 'review') }));
        await writeJournal(store, ops);
        return { count: ops.length };
      }
    }
  }

  private today(): string {
    return localDateOf(this.s.clock.now(), this.s.clock.zone());
  }

  private context(store: JournalStore): PanelContext {
    const last = lastDose(store);
    const options = filterOptions(store);
    const own = ownSymptoms(store).map((o) => ({ ...o, group: 'own' }));
    return {
      support: { resources: this.s.settings.supportResources(), card: this.s.safety.cardVisible() },
      today: this.today(),
      medication: this.s.settings.medicationName(),
      unit: this.s.settings.unit(),
      offeredDose: offeredDose(last, currentStep(taperSteps(store), this.today()), this.s.settings.defaultDose()),
      lastDose: last?.mg ?? null,
      moodLabels: [...this.s.settings.moodLabels()],
      // Menu choices only: past the limit the least used are left off, and typing a symptom still works.
      symptomCatalog: clip([...SYMPTOMS.map((d) => ({ key: d.key, label: d.label, group: d.group })), ...own], PANEL.symptomCatalog).items,
      tags: clip(options.tags, PANEL.tags).items
    };
  }

  private toItem(row: HistoryRow): HistoryItem {
    const unit = this.s.settings.unit();
    const moment = (r: { id: string; at: string; localDate: string; utcOffset: number }) => ({ id: r.id, at: r.at, localDate: r.localDate, time: localTimeOfStamp(r) });
    switch (row.kind) {
      case 'checkin':
        return { kind: 'checkin', entry: toEntryView(row.entry, unit) };
      case 'dose':
        return { kind: 'dose', ...moment(row.dose), dose: { mg: row.dose.mg, unit, status: row.dose.status, medication: row.dose.medication }, previousMg: row.previousMg };
      case 'event':
        return { kind: 'event', ...moment(row.event), title: row.event.title, note: row.event.note };
      case 'note':
        return { kind: 'note', ...moment(row.note), text: row.note.text };
    }
  }

  /** The instant a draft describes: now, or the chosen date and time for a missed day. */
  private instantOf(draft: EntryDraft): number {
    if (!draft.date) return this.s.clock.now();
    if (draft.date > this.today()) throw new Error(vscode.l10n.t('The date {0} is in the future. Choose today or an earlier day.', draft.date));
    if (beforeEarliestYear(draft.date)) throw new Error(vscode.l10n.t('The date {0} is before {1}. Choose a later day.', draft.date, EARLIEST_YEAR));
    const [h, m] = (draft.time ?? '12:00').split(':').map(Number);
    return instantOf(draft.date, h, m, this.s.clock.zone());
  }

  private toInput(draft: EntryDraft, at: number): CheckInInput {
    return {
      mood: draft.mood,
      energy: draft.energy,
      anxiety: draft.anxiety,
      sleepHours: draft.sleepHours,
      note: draft.note,
      tags: draft.tags,
      dose: draft.dose ? { ...draft.dose, medication: this.s.settings.medicationName() } : null,
      symptoms: draft.symptoms,
      at
    };
  }

  private async save(store: JournalStore, draft: EntryDraft): Promise<string> {
    const { ops, checkIn } = buildCheckIn(this.toInput(draft, this.instantOf(draft)), this.s.clock);
    await writeJournal(store, ops);
    void this.s.safety.trigger(safetyTrigger({ kind: 'checkin', mood: checkIn.mood }), 'panel');
    return checkIn.id;
  }

  /**
   * Edits an entry in place: the check-in keeps its id and creation time; its dose and symptoms are
   * replaced (old rows tombstoned), all in one durable change.
   */
  private async update(store: JournalStore, id: string, draft: EntryDraft): Promise<string> {
    const entry = entryById(store, id);
    if (!entry || entry.checkIn.deletedAt) throw new Error(vscode.l10n.t('That entry no longer exists. It may have been deleted in another window.'));
    // The panel saw only the first PANEL.entrySymptoms symptoms; saving its draft would drop the rest.
    if (entry.symptoms.length > PANEL.entrySymptoms) {
      throw new Error(vscode.l10n.t('This entry has {0} symptoms, more than the panel can show ({1}), so it cannot be edited here. It was left as it is.', entry.symptoms.length, PANEL.entrySymptoms));
    }
    const now = this.s.clock.now();
    const at = draft.date ? this.instantOf(draft) : Date.parse(entry.checkIn.at);
    const fresh = buildCheckIn(this.toInput(draft, at), { now: () => now, zone: () => this.s.clock.zone() });
    const stamp = draft.date ? stampOf(at, this.s.clock.zone()) : { at: entry.checkIn.at, localDate: entry.checkIn.localDate, utcOffset: entry.checkIn.utcOffset };
    const iso = new Date(now).toISOString();
    const ops: Op[] = [];
    for (const op of fresh.ops) {
      const row = { ...op.row, ...stamp, updatedAt: iso } as RowTypes[TableName];
      if (op.table === 'checkins') ops.push({ table: 'checkins', row: { ...(row as RowTypes['checkins']), id, createdAt: entry.checkIn.createdAt } });
      else if (op.table === 'doses') ops.push({ table: 'doses', row: { ...(row as RowTypes['doses']), checkinId: id, ...(entry.dose ? { id: entry.dose.id, createdAt: entry.dose.createdAt } : {}) } });
      else if (op.table === 'symptoms') ops.push({ table: 'symptoms', row: { ...(row as RowTypes['symptoms']), checkinId: id, source: 'panel' } });
    }
    if (entry.dose && !draft.dose) ops.push({ table: 'doses', row: tombstone(entry.dose, now) });
    for (const s of entry.symptoms) ops.push({ table: 'symptoms', row: tombstone(s, now) });
    await writeJournal(store, ops);
    return id;
  }

  private async remove(store: JournalStore, id: string, kind: HistoryItem['kind']): Promise<string> {
    const now = this.s.clock.now();
    let ops: Op[];
    if (kind === 'checkin') {
      const entry: Entry | undefined = entryById(store, id);
      if (!entry) throw new Error(vscode.l10n.t('That entry no longer exists.'));
      ops = deleteEntryOps(entry, now);
    } else {
      const table = ({ dose: 'doses', event: 'life_events', note: 'notes' } as const)[kind];
      const row = store.get(table, id);
      if (!row) throw new Error(vscode.l10n.t('That entry no longer exists.'));
      ops = [{ table, row: tombstone(row, now) } as Op];
    }
    await writeJournal(store, ops);
    const token = newId();
    this.undo.set(token, ops);
    while (this.undo.size > UNDO_KEEP) this.undo.delete(this.undo.keys().next().value as string);
    return token;
  }

  private async restore(store: JournalStore, token: string): Promise<void> {
    const ops = this.undo.get(token);
    if (!ops) throw new Error(vscode.l10n.t('Nothing to undo: that change is too old or was already undone.'));
    this.undo.delete(token);
    const now = this.s.clock.now();
    await writeJournal(store, ops.map((op) => ({ table: op.table, row: restore(op.row, now) }) as Op));
  }
}
