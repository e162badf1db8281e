import * as assert from 'assert';
import { entryById, recentEntries } from '../../src/storage/read/journal';
import { appointments } from '../../src/storage/read/appointments';
import { SPANISH } from '../fixtures/spanish';
import { fixedClock } from './helpers';
import { testJournal, type TestJournal } from './journalFixture';

const DOSE = { mg: 10, status: 'taken' as const, medication: 'Escitalopram' };

/** A row without its modification stamp, which an undo renews (it is a change too). */
const unstamped = <T extends { updatedAt: string }>(row: T | undefined) => {
  if (!row) return row;
  const { updatedAt: _stamp, ...rest } = row;
  return rest;
};

/** A check-in with its dose and symptoms, as entryById reads it, without modification stamps. */
const entryAsIs = (e: ReturnType<typeof entryById>) => e && { checkIn: unstamped(e.checkIn), dose: unstamped(e.dose), symptoms: e.symptoms.filter((x) => !x.deletedAt).map(unstamped) };

describe('journal actions: one write path for the palette and the panel', () => {
  let j: TestJournal | undefined;
  const clock = fixedClock('2026-03-10T09:14:00Z', 'UTC');
  beforeEach(async () => {
    clock.set('2026-03-10T09:14:00Z');
    j = await testJournal(clock);
  });
  afterEach(async () => {
    await j?.close();
    j = undefined;
  });

  it('saves a check-in with the same effects and words whichever way it came', async () => {
    const fromPalette = await j!.actions.checkIn({ mood: 7, dose: DOSE, symptoms: [{ key: 'dizziness', label: 'Dizziness', severity: 1 }] }, 'palette');
    clock.advance(60_000);
    const fromPanel = await j!.actions.checkIn({ mood: 1, dose: DOSE }, 'panel');
    assert.strictEqual(fromPalette.message, 'Saved: mood 7 (Good) · 10 mg taken · 1 symptom');
    assert.strictEqual(fromPanel.message, 'Saved: mood 1 (Very low) · 10 mg taken');
    assert.deepStrictEqual(j!.effects, ['hasCheckIn', 'support:none:palette', 'hasCheckIn', 'support:lowest-mood:panel']);
    assert.deepStrictEqual(recentEntries(j!.store, 10).map((e) => [e.checkIn.id, e.dose?.mg]), [
      [fromPanel.id, 10],
      [fromPalette.id, 10]
    ]);
  });

  it('undoes a save by marking its rows deleted, and a delete by bringing the rows back', async () => {
    const saved = await j!.actions.checkIn({ mood: 6, dose: DOSE }, 'palette');
    clock.advance(1000);
    assert.strictEqual(await j!.actions.undo(saved.undoToken), 'undone');
    assert.strictEqual(recentEntries(j!.store, 10).length, 0);
    assert.ok(j!.store.get('checkins', saved.id)?.deletedAt, 'kept in the file, marked deleted');
    assert.strictEqual(await j!.actions.undo(saved.undoToken), 'unknown', 'a token undoes once');

    const kept = await j!.actions.checkIn({ mood: 5, dose: DOSE }, 'panel');
    clock.advance(1000);
    const deleted = await j!.actions.deleteEntry(kept.id, 'checkin');
    assert.strictEqual(recentEntries(j!.store, 10).length, 0);
    clock.advance(1000);
    assert.strictEqual(await j!.actions.undo(deleted.undoToken), 'undone');
    const [back] = recentEntries(j!.store, 10);
    assert.deepStrictEqual([back.checkIn.id, back.checkIn.deletedAt, back.dose?.mg, back.dose?.deletedAt], [kept.id, null, 10, null]);
  });

  it('never undoes over a newer change, and "Undo Last Entry" takes the newest change of this window', async () => {
    const first = await j!.actions.checkIn({ mood: 4 }, 'palette');
    clock.advance(1000);
    await j!.actions.editCheckIn(first.id, { mood: 9 });
    clock.advance(1000);
    assert.strictEqual(await j!.actions.undo(first.undoToken), 'nothing', 'the row was edited since');
    assert.strictEqual(recentEntries(j!.store, 10)[0].checkIn.mood, 9);
    assert.strictEqual(await j!.actions.undoLast(), 'undone', 'the edit is the newest change');
    assert.strictEqual(recentEntries(j!.store, 10)[0].checkIn.mood, 4, 'the edit is undone: the row as it was');
    assert.strictEqual(await j!.actions.undoLast(), 'unknown', 'nothing else to undo');
  });

  it('edits a check-in in place and refuses one that was deleted meanwhile', async () => {
    const saved = await j!.actions.checkIn({ mood: 3, dose: DOSE, note: 'first' }, 'panel');
    clock.advance(1000);
    const edited = await j!.actions.editCheckIn(saved.id, { mood: 8, note: 'first', dose: null });
    assert.strictEqual(edited.id, saved.id);
    const [entry] = recentEntries(j!.store, 10);
    assert.deepStrictEqual([entry.checkIn.id, entry.checkIn.mood, entry.dose], [saved.id, 8, undefined]);
    await j!.actions.deleteEntry(saved.id, 'checkin');
    await assert.rejects(j!.actions.editCheckIn(saved.id, { mood: 2 }), /no longer exists/);
  });

  it('undoes an edit of a check-in: every field, its dose and its symptoms come back exactly as they were', async () => {
    const saved = await j!.actions.checkIn(
      { mood: 4, energy: 3, anxiety: 6, sleepHours: 5.5, note: 'before', tags: ['work'], dose: DOSE, symptoms: [{ key: 'dizziness', label: 'Dizziness', severity: 2 }] },
      'panel'
    );
    const before = entryAsIs(entryById(j!.store, saved.id));
    clock.advance(60_000);
    // Everything changes: another day, another dose, other symptoms, no energy.
    const edited = await j!.actions.editCheckIn(saved.id, {
      mood: 8,
      energy: null,
      anxiety: 2,
      sleepHours: 8,
      note: 'after',
      tags: ['rest'],
      dose: { mg: 5, status: 'changed', medication: 'Escitalopram' },
      symptoms: [{ key: 'brain_zaps', label: 'Brain zaps', severity: 3 }],
      at: Date.parse('2026-03-08T20:00:00Z')
    });
    assert.strictEqual(edited.message, 'Edited: mood 8 (Very good) · 5 mg (changed) · 1 symptom', 'confirmed in the words of a save');
    assert.notDeepStrictEqual(entryAsIs(entryById(j!.store, saved.id)), before, 'the edit changed the entry');
    clock.advance(60_000);
    assert.strictEqual(await j!.actions.undo(edited.undoToken), 'undone');
    assert.deepStrictEqual(entryAsIs(entryById(j!.store, saved.id)), before, 'the entry as it was before the edit');

    // An edit that removes the dose: undo brings it back.
    clock.advance(60_000);
    const noDose = await j!.actions.editCheckIn(saved.id, { mood: 4, energy: 3, anxiety: 6, sleepHours: 5.5, note: 'before', tags: ['work'], dose: null, symptoms: [] });
    assert.strictEqual(recentEntries(j!.store, 10)[0].dose, undefined);
    clock.advance(60_000);
    assert.strictEqual(await j!.actions.undo(noDose.undoToken), 'undone');
    assert.deepStrictEqual(entryAsIs(entryById(j!.store, saved.id)), before);
    assert.deepStrictEqual(entryAsIs(recentEntries(j!.store, 10)[0]), before, 'the history shows it as it was');
  });

  it('undoes an edit of a plan step, an appointment, a medication, its tablets and a recalled period, each exactly', async () => {
    const a = j!.actions;
    const step = await a.saveTaperStep({ id: null, startDate: '2026-03-01', targetMg: 15, note: 'agreed' });
    const appointment = await a.saveAppointment({ id: null, date: '2026-04-20', time: '10:30', provider: 'Dr. Rivera', questions: ['Hold at 15?'], outcome: null });
    const medication = await a.saveMedication({ id: null, name: 'Escitalopram', unit: 'mg', form: 'tablet' });
    const period = await a.saveRecalledPeriod({ id: null, medication: 'Sertraline', startDate: '2024-01', endDate: '2024-06', mg: 50, context: 'first try', mood: 5, certainty: 'roughly' });
    const rows = () => ({
      step: unstamped(j!.store.get('taper_steps', step.id)),
      appointment: unstamped(j!.store.get('appointments', appointment.id)),
      medication: unstamped(j!.store.get('medications', medication.id)),
      period: unstamped(j!.store.get('recalled_periods', period.id))
    });
    const before = rows();
    const edits: [string, () => Promise<{ undoToken: string }>][] = [
      ['step', () => a.saveTaperStep({ id: step.id, startDate: '2026-03-05', targetMg: 12.5, note: 'changed' })],
      ['appointment', () => a.saveAppointment({ id: appointment.id, date: '2026-04-22', time: null, provider: 'Dr. Chen', questions: [], outcome: 'Hold' })],
      ['appointment', () => a.addQuestion('Sleep?', { ...j!.store.get('appointments', appointment.id)! })],
      ['appointment', () => a.recordOutcome(j!.store.get('appointments', appointment.id)!, 'Hold for a month')],
      ['medication', () => a.saveMedication({ id: medication.id, name: 'Lexapro', unit: 'mg', form: 'liquid' })],
      ['medication', () => a.saveTablets({ medicationId: medication.id, tabletMg: 10, split: 'half' })],
      ['period', () => a.saveRecalledPeriod({ id: period.id, medication: 'Sertraline', startDate: '2024-02', endDate: '2024-05', mg: 100, context: '', mood: null, certainty: null })],
      ['step', () => a.deleteTaperStep(step.id)],
      ['appointment', () => a.deleteAppointment(appointment.id)]
    ];
    for (const [what, edit] of edits) {
      clock.advance(60_000);
      const { undoToken } = await edit();
      assert.notDeepStrictEqual(rows(), before, `the ${what} changed`);
      clock.advance(60_000);
      assert.strictEqual(await a.undo(undoToken), 'undone', `the ${what} change is undone`);
      assert.deepStrictEqual(rows(), before, `the ${what} as it was`);
    }
  });

  it('saves the weekly review with every listed symptom, 0 when absent, and says how many were present', async () => {
    const none = await j!.actions.reviewSymptoms([]);
    assert.strictEqual(none.message, 'Symptom review saved: none this week.');
    const some = await j!.actions.reviewSymptoms([{ key: 'brain_zaps', label: 'Brain zaps', severity: 2 }]);
    assert.strictEqual(some.message, 'Symptom review saved: 1 symptom this week.');
    assert.strictEqual(some.ids.length, none.ids.length);
    const two = await j!.actions.reviewSymptoms([
      { key: 'brain_zaps', label: 'Brain zaps', severity: 2 },
      { key: 'dizziness', label: 'Dizziness', severity: 1 }
    ]);
    assert.strictEqual(two.message, 'Symptom review saved: 2 symptoms this week.');
  });

  it('offers the support card after a PHQ-9 with item 9 above 0, and words the result with its attribution', async () => {
    const saved = await j!.actions.takeQuestionnaire({ kind: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 1], difficulty: null }, 'palette');
    assert.deepStrictEqual([saved.total, j!.effects], [1, ['support:phq9-item9:palette']]);
    assert.match(saved.message, /^PHQ-9 saved: score 1 \(.+\)\. The instruments were developed by/);
  });

  it('adds a question to the next appointment, or creates the appointment with it', async () => {
    const created = await j!.actions.addQuestion('Can we hold at 15 mg?', { date: '2026-04-20', time: null, provider: 'Dr. Rivera', questions: [], outcome: null });
    assert.strictEqual(created.message, 'Question added for Apr 20, 2026 (1 in all).');
    const [appointment] = appointments(j!.store);
    const again = await j!.actions.addQuestion('Sleep?', appointment);
    assert.deepStrictEqual([again.id, again.count], [created.id, 2]);
    await j!.actions.recordOutcome(appointments(j!.store)[0], 'Hold for a month');
    const [after] = appointments(j!.store);
    assert.deepStrictEqual([after.questions, after.outcome, after.outcomeAsked], [['Can we hold at 15 mg?', 'Sleep?'], 'Hold for a month', true]);
  });

  it('writes the date in a message in the language of its words: "Apr 20, 2026", "20 abr 2026"', async () => {
    const outcome = await j!.actions.saveAppointment({ id: null, date: '2026-04-20', time: null, provider: '', questions: [], outcome: null });
    assert.strictEqual(outcome.message, 'Appointment on Apr 20, 2026 saved. Add questions for it with "Mood & Dose: Add Question for Provider".');
    const es = await testJournal(fixedClock('2026-03-10T12:00:00Z', 'Pacific/Kiritimati'), SPANISH.t, 'es');
    try {
      const question = await es.actions.addQuestion('¿Podemos mantener 15 mg?', { date: '2026-04-20', time: null, provider: '', questions: [], outcome: null });
      assert.strictEqual(question.message, 'Pregunta agregada para el 20 abr 2026 (1 en total).');
      const noted = await es.actions.recordOutcome(appointments(es.store)[0], null);
      assert.strictEqual(noted.message, 'Resultado anotado para la cita del 20 abr 2026.');
    } finally {
      await es.close();
    }
  });
});
