import * as assert from 'assert';
import { buildCheckIn, buildReview, editCheckIn, type Entry } from '../../src/core/entries';
import { buildAppointment, buildMedication, buildTaperStep, withOutcome, withQuestion } from '../../src/core/plan';
import type { CheckIn, Dose, Symptom } from '../../src/core/schemas';
import { completeReview, SYMPTOMS } from '../../src/core/symptoms';
import { instantOf } from '../../src/core/time';
import { fixedClock } from './helpers';

describe('builders: editing a check-in in place', () => {
  const created = fixedClock('2026-03-01T09:14:00Z', 'UTC');
  const original = buildCheckIn(
    { mood: 4, note: 'first', dose: { mg: 20, status: 'taken', medication: 'Escitalopram' }, symptoms: [{ key: 'dizziness', label: 'Dizziness', severity: 2 }] },
    created
  );
  const entry: Entry = {
    checkIn: original.checkIn,
    dose: original.ops.find((o) => o.table === 'doses')!.row as Dose,
    symptoms: original.ops.filter((o) => o.table === 'symptoms').map((o) => o.row as Symptom)
  };
  const later = fixedClock('2026-03-02T18:00:00Z', 'UTC');

  it('keeps the id, creation time and moment; the dose keeps its id; old symptoms are replaced', () => {
    const ops = editCheckIn(entry, { mood: 8, note: ' edited ', dose: { mg: 15, status: 'changed', medication: 'Escitalopram' }, symptoms: [{ key: 'brain_zaps', label: 'Brain zaps', severity: 1 }] }, later);
    const checkIn = ops.find((o) => o.table === 'checkins')!.row as CheckIn;
    assert.deepStrictEqual([checkIn.id, checkIn.createdAt, checkIn.at, checkIn.localDate], [entry.checkIn.id, entry.checkIn.createdAt, entry.checkIn.at, '2026-03-01']);
    assert.deepStrictEqual([checkIn.mood, checkIn.note, checkIn.updatedAt, checkIn.deletedAt], [8, 'edited', '2026-03-02T18:00:00.000Z', null]);
    const doses = ops.filter((o) => o.table === 'doses').map((o) => o.row as Dose);
    assert.deepStrictEqual(doses.map((d) => [d.id, d.createdAt, d.mg, d.status, d.checkinId, d.at]), [[entry.dose!.id, entry.dose!.createdAt, 15, 'changed', entry.checkIn.id, entry.checkIn.at]]);
    const symptoms = ops.filter((o) => o.table === 'symptoms').map((o) => o.row as Symptom);
    assert.deepStrictEqual(
      symptoms.map((s) => [s.key, s.severity, s.deletedAt !== null, s.source]),
      [
        ['brain_zaps', 1, false, 'panel'],
        ['dizziness', 2, true, 'checkin']
      ]
    );
    assert.strictEqual(symptoms[0].checkinId, entry.checkIn.id);
  });

  it('moves the entry to a chosen day, and tombstones the dose when the edit has none', () => {
    const at = instantOf('2026-02-27', 21, 30, 'UTC');
    const ops = editCheckIn(entry, { mood: 5, dose: null, at }, later);
    const checkIn = ops.find((o) => o.table === 'checkins')!.row as CheckIn;
    assert.deepStrictEqual([checkIn.localDate, checkIn.at], ['2026-02-27', '2026-02-27T21:30:00.000Z']);
    const dose = ops.find((o) => o.table === 'doses')!.row as Dose;
    assert.deepStrictEqual([dose.id, dose.deletedAt], [entry.dose!.id, '2026-03-02T18:00:00.000Z']);
  });
});

describe('builders: the weekly symptom review', () => {
  it('records every listed symptom, 0 when absent, and keeps the user\'s own as given', () => {
    const review = completeReview([
      { key: 'brain_zaps', label: 'Brain zaps (electric-shock sensations)', severity: 2 },
      { key: 'own:ringing-ears', label: 'Ringing ears', severity: 1 }
    ]);
    assert.strictEqual(review.length, SYMPTOMS.length + 1);
    assert.deepStrictEqual(review.filter((s) => s.severity > 0).map((s) => [s.key, s.severity]), [['brain_zaps', 2], ['own:ringing-ears', 1]]);
    assert.ok(review.filter((s) => s.key !== 'brain_zaps' && s.key !== 'own:ringing-ears').every((s) => s.severity === 0));
    assert.deepStrictEqual(completeReview(review), review, 'applying the rule again changes nothing');
  });

  it('builds review rows at one moment, marked as from the review', () => {
    const rows = buildReview([{ key: 'dizziness', label: 'Dizziness', severity: 3 }], fixedClock('2026-03-01T09:00:00Z'));
    assert.strictEqual(rows.length, SYMPTOMS.length);
    assert.ok(rows.every((r) => r.source === 'review' && r.checkinId === null && r.at === '2026-03-01T09:00:00.000Z'));
  });
});

describe('builders: the plan', () => {
  const now = Date.parse('2026-03-01T09:00:00Z');
  const later = Date.parse('2026-03-05T09:00:00Z');

  it('builds and edits a medication, trimming its fields', () => {
    const med = buildMedication({ name: ' Escitalopram ', unit: 'mg ', form: ' tablet' }, undefined, now);
    assert.deepStrictEqual([med.name, med.unit, med.form, med.createdAt, med.deletedAt], ['Escitalopram', 'mg', 'tablet', '2026-03-01T09:00:00.000Z', null]);
    const edited = buildMedication({ name: 'Lexapro', unit: 'mg', form: '' }, med, later);
    assert.deepStrictEqual([edited.id, edited.createdAt, edited.name, edited.updatedAt], [med.id, med.createdAt, 'Lexapro', '2026-03-05T09:00:00.000Z']);
  });

  it('builds a taper step for the given medication, and keeps an edited step\'s medication', () => {
    const step = buildTaperStep({ startDate: '2026-03-10', targetMg: 15, note: ' agreed ' }, undefined, 'med-00000001', now);
    assert.deepStrictEqual([step.medicationId, step.startDate, step.targetMg, step.note], ['med-00000001', '2026-03-10', 15, 'agreed']);
    const edited = buildTaperStep({ startDate: '2026-03-12', targetMg: 10, note: '' }, step, null, later);
    assert.deepStrictEqual([edited.id, edited.medicationId, edited.startDate, edited.targetMg], [step.id, 'med-00000001', '2026-03-12', 10]);
  });

  it('builds an appointment, drops empty questions, and counts a noted outcome as asked', () => {
    const appt = buildAppointment({ date: '2026-04-20', time: ' ', provider: ' Dr. Rivera ', questions: [' Can we hold? ', ' '], outcome: null }, undefined, now);
    assert.deepStrictEqual([appt.time, appt.provider, appt.questions, appt.outcome, appt.outcomeAsked], [null, 'Dr. Rivera', ['Can we hold?'], null, false]);
    const noted = buildAppointment({ ...appt, outcome: ' Hold at 15 mg for a month ' }, appt, later);
    assert.deepStrictEqual([noted.id, noted.outcome, noted.outcomeAsked], [appt.id, 'Hold at 15 mg for a month', true]);
    const asked = withQuestion(appt, ' And sleep? ', later);
    assert.deepStrictEqual(asked.questions, ['Can we hold?', 'And sleep?']);
    assert.deepStrictEqual([withOutcome(appt, null, later).outcomeAsked, withOutcome(appt, null, later).outcome], [true, null]);
    assert.strictEqual(withOutcome(appt, 'Stay at 15', later).outcome, 'Stay at 15');
  });
});
