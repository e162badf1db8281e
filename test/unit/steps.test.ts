// The palette flows number their questions ("Add Appointment (2/3): time").
import * as assert from 'assert';
import { FlowSteps, stepTitle } from '../../src/commands/steps';
import { english } from './journalFixture';

describe('Step titles of palette flows', () => {
  it('numbers each question of a flow, and leaves a one-question flow plain', () => {
    const steps = new FlowSteps(english, 'Add Appointment', 3);
    assert.deepStrictEqual([steps.next('day'), steps.next('time'), steps.next('provider')], ['Add Appointment (1/3): day', 'Add Appointment (2/3): time', 'Add Appointment (3/3): provider']);
    assert.strictEqual(stepTitle(english, 'Log Refill', 1, 1, 'tablets received'), 'Log Refill');
  });

  it('follows a total that grows once an answer adds questions, and never shows a step past the total', () => {
    const steps = new FlowSteps(english, 'Appointment Summary', 2);
    assert.strictEqual(steps.next('range'), 'Appointment Summary (1/2): range');
    steps.total += 2;
    assert.deepStrictEqual([steps.next('first day'), steps.next('last day'), steps.next('notes')], ['Appointment Summary (2/4): first day', 'Appointment Summary (3/4): last day', 'Appointment Summary (4/4): notes']);
    const short = new FlowSteps(english, 'Import Daylio', 1);
    short.next('a');
    assert.strictEqual(short.next('b'), 'Import Daylio (2/2): b');
  });
});
