import * as assert from 'assert';
import { statusView, TOOLTIP_COMMANDS, tooltipLinks, type StatusInput } from '../../src/statusBar/statusView';
import { english } from './journalFixture';

const base: StatusInput = { status: 'done', slotTime: '21:00', last: { time: '23:12', mg: 10 }, unit: 'mg', due: [], details: [] };
const busy: StatusInput = {
  ...base,
  due: ['check-up due', 'symptom review due'],
  details: ['Taper plan: step 3 of 3 (10 mg)', 'Next appointment in 45 days (Aug 14, 2026)', 'Check-up due: PHQ-9, GAD-7', 'Weekly symptom review due']
};

describe('status bar: short text, the rest in the tooltip', () => {
  it('shows the check-in state and at most one due item, in about 40 characters', () => {
    assert.strictEqual(statusView(base, english).text, '✓ 23:12 · 10 mg');
    const view = statusView(busy, english);
    assert.strictEqual(view.text, '✓ 23:12 · 10 mg · check-up due');
    assert.ok(view.text.length <= 40, view.text);
    for (const status of ['open', 'due', 'snoozed', 'skipped'] as const) {
      const text = statusView({ ...busy, status, last: undefined }, english).text.replace('$(heart)', '♥');
      assert.strictEqual(text, '♥ Check in · check-up due');
    }
  });

  it('puts the taper step, the appointment and everything due into the tooltip, in order', () => {
    const view = statusView(busy, english);
    assert.deepStrictEqual(view.lines, busy.details);
    assert.strictEqual(view.message, 'Last check-in at 23:12, with 10 mg logged that day. Click to add another.');
    assert.strictEqual(view.label, 'Mood and Dose: last check-in at 23:12, 10 mg. check-up due. Activate to check in again.');
  });

  it('links to Open Dashboard, Check In and Take Check-up, and trusts exactly those commands', () => {
    const links = tooltipLinks(english);
    assert.deepStrictEqual(links.map((l) => l.title), ['Open Dashboard', 'Check In', 'Take Check-up']);
    assert.deepStrictEqual(links.map((l) => l.command), [...TOOLTIP_COMMANDS]);
  });

  it('while the journal is locked, still says "Check in" but shows no dose, nothing due and no detail line', () => {
    for (const status of ['open', 'due', 'snoozed', 'skipped'] as const) {
      const view = statusView({ ...busy, status, last: undefined, locked: true }, english);
      assert.strictEqual(view.text, '$(heart) Check in $(lock)');
      assert.deepStrictEqual(view.lines, []);
      assert.strictEqual(view.warning, status === 'due', 'a due reminder keeps its colour');
      assert.match(view.message, /locked/);
      assert.match(view.label, /locked/);
    }
    const done = statusView({ ...busy, locked: true }, english);
    assert.strictEqual(done.text, '✓ 23:12 $(lock)', 'the time of the last check-in, without its dose');
    assert.deepStrictEqual(done.lines, []);
    for (const part of [done.text, done.message, done.label]) {
      for (const hidden of ['10 mg', 'mg', 'check-up', 'symptom', 'Taper', 'appointment', 'Aug 14']) assert.ok(!part.includes(hidden), `"${hidden}" is not in "${part}"`);
    }
  });
});
