import * as assert from 'assert';
import { dueQuestionnaires, mentionOnce, nextDue, planActive, reviewDue } from '../../src/core/checkups';
import type { TaperStep } from '../../src/core/schemas';

function step(startDate: string, deletedAt: string | null = null): TaperStep {
  const t = '2026-01-01T00:00:00.000Z';
  return { id: `s-${startDate}-0000`, createdAt: t, updatedAt: t, deletedAt, medicationId: null, startDate, targetMg: 10, note: '' };
}

describe('check-up and review timing', () => {
  it('offers each questionnaire when never taken, then every interval', () => {
    assert.deepStrictEqual(dueQuestionnaires({}, '2026-03-01', 14), ['phq9', 'gad7']);
    assert.deepStrictEqual(dueQuestionnaires({ phq9: '2026-02-20', gad7: '2026-02-10' }, '2026-03-01', 14), ['gad7']);
    assert.strictEqual(nextDue('2026-02-20', '2026-03-01', 14), '2026-03-06');
  });

  it('counts a taper plan as active until eight weeks after its last step', () => {
    assert.strictEqual(planActive([], '2026-03-01'), false);
    assert.strictEqual(planActive([step('2026-01-01'), step('2026-04-01')], '2026-03-01'), true, 'a step still ahead');
    assert.strictEqual(planActive([step('2026-01-01')], '2026-02-26'), true, '56 days after the last step');
    assert.strictEqual(planActive([step('2026-01-01')], '2026-02-27'), false, '57 days after');
    assert.strictEqual(planActive([step('2026-02-20', '2026-02-21T00:00:00.000Z')], '2026-03-01'), false, 'deleted steps do not count');
  });

  it('offers the symptom review weekly, only while a plan is active', () => {
    const plan = [step('2026-02-20')];
    assert.strictEqual(reviewDue(undefined, '2026-03-01', plan), true);
    assert.strictEqual(reviewDue('2026-02-25', '2026-03-01', plan), false);
    assert.strictEqual(reviewDue('2026-02-22', '2026-03-01', plan), true);
    assert.strictEqual(reviewDue(undefined, '2026-03-01', []), false);
  });

  it('mentions a due item on the first day it is seen only', () => {
    const first = mentionOnce('phq9:2026-02-01', '2026-03-01', undefined);
    assert.strictEqual(first.mention, true);
    assert.strictEqual(mentionOnce('phq9:2026-02-01', '2026-03-01', first.record).mention, true, 'all that day');
    assert.strictEqual(mentionOnce('phq9:2026-02-01', '2026-03-02', first.record).mention, false, 'not the next day');
    assert.strictEqual(mentionOnce('phq9:2026-03-15', '2026-03-29', first.record).mention, true, 'the next due period is mentioned again');
  });
});
