// A stand-in for the extension host: it answers the panel's requests from an in-memory journal,
// the way src/webviews/sidebar/handlers do from the database, and records what it was asked.
// The browser tests script it; the panel benchmark runs it inside the page (bench/inPageHost.ts).
import type { ChartData, EntryView, HistoryItem } from '../../src/webviews/shared/views';
import type { CheckupsData, PlanData, EntryDraft, SidebarContext } from '../../src/webviews/sidebar/protocol';
import type { HostMessage, WebviewMessage } from '../../src/webviews/protocol';

export function entry(over: Partial<EntryView> = {}): EntryView {
  return {
    id: over.id ?? `e-${Math.random().toString(36).slice(2, 10)}`,
    at: '2026-03-01T09:14:00.000Z',
    localDate: '2026-03-01',
    time: '09:14',
    mood: 7,
    energy: null,
    anxiety: null,
    sleepHours: null,
    note: 'slept well',
    tags: [],
    dose: { mg: 10, unit: 'mg', status: 'taken', medication: 'Escitalopram' },
    symptoms: [],
    ...over
  };
}

/** A history row for a check-in. */
export function checkin(over: Partial<EntryView> = {}): HistoryItem {
  return { kind: 'checkin', entry: entry(over) };
}

export const CONTEXT: SidebarContext = {
  support: {
    resources: [
      { name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988', link: 'tel:988' },
      { name: 'Veterans Crisis Line', contact: 'Dial 988 then press 1, or text 838255', link: 'sms:838255' }
    ],
    card: false
  },
  today: '2026-03-10',
  medication: 'Escitalopram',
  unit: 'mg',
  offeredDose: 10,
  lastDose: 10,
  moodLabels: ['Very low', 'Low', 'Poor', 'Below par', 'So-so', 'Okay', 'Good', 'Very good', 'Great', 'Best'],
  symptomCatalog: [
    { key: 'dizziness', label: 'Dizziness', group: 'imbalance' },
    { key: 'brain_zaps', label: 'Brain zaps (electric-shock sensations)', group: 'sensory' }
  ],
  tags: ['work', 'exercise']
};

/** `n` check-ins, newest first, two a day going back from 2026-03-10. */
export function manyEntries(n: number): HistoryItem[] {
  const out: HistoryItem[] = [];
  const base = Date.parse('2026-03-10T20:00:00Z');
  for (let i = 0; i < n; i++) {
    const t = new Date(base - i * 12 * 3600_000);
    const iso = t.toISOString();
    out.push({
      kind: 'checkin',
      entry: entry({ id: `e-${i}`, at: iso, localDate: iso.slice(0, 10), time: iso.slice(11, 16), mood: 1 + (i % 10), note: `Entry ${i}: a short realistic note about the day and sleep.`, tags: i % 3 ? [] : ['work'] })
    });
  }
  return out;
}

export class FakeHost {
  items: HistoryItem[];
  context: SidebarContext = CONTEXT;
  saved: EntryDraft[] = [];
  updated: { id: string; draft: EntryDraft }[] = [];
  requests: WebviewMessage[] = [];
  chart: ChartData | undefined;
  checkups: CheckupsData = { results: [], due: { phq9: true, gad7: true, review: false }, planActive: true, intervalDays: 14, lastReview: null };
  questionnaires: { kind: string; answers: number[]; difficulty: number | null }[] = [];
  reviews: { key: string; severity: number }[][] = [];
  opened: number[] = [];
  plan: PlanData = {
    today: '2026-03-10',
    unit: 'mg',
    medications: [{ id: 'med-00000001', name: 'Escitalopram', unit: 'mg', form: 'tablet' }],
    steps: [
      { id: 'step-0000001', startDate: '2026-01-01', targetMg: 20, note: 'Starting dose' },
      { id: 'step-0000002', startDate: '2026-03-01', targetMg: 15, note: 'Agreed with Dr. Rivera' },
      { id: 'step-0000003', startDate: '2026-04-01', targetMg: 10, note: '' }
    ],
    current: { step: { id: 'step-0000002', startDate: '2026-03-01', targetMg: 15, note: 'Agreed with Dr. Rivera' }, index: 1, count: 3, daysOnStep: 10 },
    lastLogged: { mg: 15, date: '2026-03-10' },
    daysSinceChange: 8,
    adherence: { from: '2026-03-01', to: '2026-03-10', planDays: 10, atPlan: 7, abovePlan: 2, belowPlan: 0, skipped: 1, notLogged: 0, differences: [{ date: '2026-03-01', loggedMg: 20, plannedMg: 15 }] },
    appointments: [{ id: 'appt-0000001', date: '2026-04-20', time: '10:30', provider: 'Dr. Rivera', questions: ['Can we hold at 15 mg?'], outcome: null }],
    history: [{ id: 'recalled-0001', medication: 'Escitalopram', startDate: '2025-01', endDate: '2025-03', mg: 20, context: 'full dose', mood: 5, certainty: 'roughly' }],
    overlaps: [],
    supply: [
      { medicationId: 'med-00000001', name: 'Escitalopram', unit: 'mg', tabletMg: 10, split: 'half', onHand: 12, belowZero: false, dose: { mg: 15, source: 'plan' }, perDose: 1.5, daysLeft: 8, wholePieces: true }
    ]
  };
  planSaves: unknown[] = [];
  /** What history/save answers about overlaps. */
  overlapsOnSave: string[] = [];
  private deleted = new Map<string, HistoryItem>();
  /** Entries as they were before an edit, by the edit's undo token. */
  private edits = new Map<string, EntryView>();

  constructor(items: HistoryItem[] = []) {
    this.items = items;
  }

  readonly handle = (msg: WebviewMessage, panel?: { send(m: unknown): Promise<void> }): HostMessage | undefined => {
    this.requests.push(msg);
    // Like the real host: every change to the journal is followed by a "changed" event.
    if (msg.type === 'request' && msg.method.startsWith('entry/')) setTimeout(() => void panel?.send({ type: 'event', event: { kind: 'changed', tables: ['checkins', 'doses', 'symptoms'], reason: 'write' } }), 10);
    // testMode: the panel then reports the rows it drew, which the suites and benchmarks read.
    if (msg.type === 'ready') return { type: 'init', l10n: null, testMode: true };
    if (msg.type !== 'request') return undefined;
    const ok = (result: unknown): HostMessage => ({ type: 'response', id: msg.id, ok: true, result });
    switch (msg.method) {
      case 'sidebar/context':
        return ok(this.context);
      case 'history/page': {
        const { filter, offset, limit } = msg.params;
        const search = filter.search.toLowerCase();
        const matching = this.items.filter((i) => {
          if (i.kind !== 'checkin') return !filter.tag && !filter.symptom && (!search || JSON.stringify(i).toLowerCase().includes(search));
          const e = i.entry;
          return (!filter.tag || e.tags.includes(filter.tag)) && (!filter.symptom || e.symptoms.some((s) => s.key === filter.symptom)) && (!search || e.note.toLowerCase().includes(search));
        });
        return ok({ total: matching.length, items: matching.slice(offset, offset + limit) });
      }
      case 'entry/save': {
        this.saved.push(msg.params.draft);
        const d = msg.params.draft;
        const id = `saved-${this.saved.length}`;
        this.items.unshift({
          kind: 'checkin',
          entry: entry({ id, mood: d.mood, note: d.note, tags: d.tags, localDate: this.context.today, dose: d.dose ? { ...d.dose, unit: 'mg', medication: 'Escitalopram' } : null })
        });
        return ok({ id, undoToken: `undo-${id}`, message: `Saved: mood ${d.mood}` });
      }
      case 'entry/update': {
        this.updated.push(msg.params);
        const item = this.items.find((i) => i.kind === 'checkin' && i.entry.id === msg.params.id);
        const token = `undo-edit-${this.updated.length}`;
        if (item && item.kind === 'checkin') {
          this.edits.set(token, { ...item.entry });
          Object.assign(item.entry, { mood: msg.params.draft.mood, note: msg.params.draft.note, tags: msg.params.draft.tags });
        }
        return ok({ id: msg.params.id, undoToken: token, message: `Edited: mood ${msg.params.draft.mood}` });
      }
      case 'entry/delete': {
        const index = this.items.findIndex((i) => (i.kind === 'checkin' ? i.entry.id : i.id) === msg.params.id);
        const token = `undo-${msg.params.id}`;
        this.deleted.set(token, this.items[index]);
        this.items.splice(index, 1);
        return ok({ undoToken: token });
      }
      case 'entry/undo': {
        const item = this.deleted.get(msg.params.undoToken);
        if (item) this.items.unshift(item);
        // An edit undone: the entry as it was before it.
        const was = this.edits.get(msg.params.undoToken);
        const edited = was && this.items.find((i) => i.kind === 'checkin' && i.entry.id === was.id);
        if (was && edited && edited.kind === 'checkin') edited.entry = was;
        return ok(null);
      }
      case 'charts/data':
        return ok(this.chart ?? { from: '2026-03-01', to: '2026-03-10', days: [], markers: [], moodByDose: [], moodByDoseLeftOut: { noDose: 0, otherDose: 0, beforeFirstDose: 0 }, symptoms: [], unit: 'mg' });
      case 'command/run':
        return ok(null);
      case 'support/open':
        this.opened.push(msg.params.index);
        return ok(null);
      case 'support/dismiss':
        this.context = { ...this.context, support: { ...this.context.support, card: false } };
        return ok(null);
      case 'checkups/data':
        return ok(this.checkups);
      case 'checkups/save': {
        this.questionnaires.push(msg.params);
        const total = msg.params.answers.reduce((a, b) => a + b, 0);
        return ok({ id: `q-${this.questionnaires.length}`, total, band: 'test band' });
      }
      case 'plan/data':
        return ok(this.plan);
      case 'plan/saveStep':
      case 'plan/saveMedication':
      case 'appointments/save':
        this.planSaves.push({ method: msg.method, ...msg.params });
        return ok({ id: `saved-${this.planSaves.length}`, undoToken: `undo-${this.planSaves.length}` });
      case 'plan/deleteStep':
        this.planSaves.push({ method: msg.method, ...msg.params });
        return ok({ undoToken: `undo-${this.planSaves.length}` });
      case 'appointments/delete':
        this.planSaves.push({ method: msg.method, ...msg.params });
        return ok(null);
      case 'history/save':
        this.planSaves.push({ method: msg.method, ...msg.params });
        return ok({ id: `saved-${this.planSaves.length}`, undoToken: `undo-${this.planSaves.length}`, message: 'Medication history saved, marked as recalled.', overlaps: this.overlapsOnSave });
      case 'history/delete':
      case 'supply/log':
        this.planSaves.push({ method: msg.method, ...msg.params });
        return ok({ id: `saved-${this.planSaves.length}`, undoToken: `undo-${this.planSaves.length}`, message: msg.method === 'history/delete' ? 'Recalled period deleted.' : 'Refill saved.' });
      case 'supply/tablets':
        this.planSaves.push({ method: msg.method, ...msg.params });
        return ok({ id: `saved-${this.planSaves.length}`, undoToken: `undo-${this.planSaves.length}` });
      case 'review/save':
        this.reviews.push(msg.params.symptoms);
        return ok({ count: msg.params.symptoms.length });
    }
  };
}
