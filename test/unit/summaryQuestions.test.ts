// "Questions for this visit" in the prescriber summary: the next appointment's questions, and never
// a question dropped because an earlier appointment without any was added since.
import * as assert from 'assert';
import { buildSummary } from '../../src/core/summary/summary';
import { renderHtml, renderMarkdown } from '../../src/core/summary/render';
import type { Appointment } from '../../src/core/schemas';
import { appointment } from '../fixtures/transfer-rows';

const TODAY = '2026-03-22';
const OPTIONS = { today: TODAY, medicationName: 'Escitalopram', unit: 'mg', includeNoteIds: [] };
const PAST = appointment('appt-0302', '2026-03-02', 'Dr. Rivera', ['Old question from last time']);
const LATER = appointment('appt-0406', '2026-04-06', 'Dr. Rivera <Psychiatry>', ['Is the dizziness expected to pass?', '   ', 'Can we talk about the pace?'], '10:30');
const summary = (...appointments: Appointment[]) => buildSummary({ appointments }, OPTIONS);

describe('prescriber summary: questions for this visit', () => {
  it('never drops recorded questions when an earlier appointment without any is added, and says which appointment they are from', () => {
    // 03-30 with Dr. Chen is now the next appointment, with no questions; 04-06 still has its two.
    const withEarlier = summary(PAST, appointment('appt-0330', '2026-03-30', 'Dr. Chen', ['  ']), LATER);
    assert.deepStrictEqual(withEarlier.questions, {
      date: '2026-04-06',
      time: '10:30',
      provider: 'Dr. Rivera <Psychiatry>',
      upcoming: false,
      questions: ['Is the dizziness expected to pass?', 'Can we talk about the pace?']
    });
    const md = renderMarkdown(withEarlier);
    assert.ok(md.includes('Questions for this visit (recorded for 2026-04-06 10:30 with Dr. Rivera \\<Psychiatry\\>)'), md.slice(0, 1500));
    assert.ok(md.includes('1. Is the dizziness expected to pass?') && md.includes('2. Can we talk about the pace?'));
    assert.doesNotMatch(md, /No questions recorded/);
    assert.ok(renderHtml(withEarlier).includes('Is the dizziness expected to pass?'), 'the HTML summary shows them too');
  });

  it('shows the next appointment’s own questions once it has some, and names it when none is ahead', () => {
    const own = summary(PAST, appointment('appt-0330', '2026-03-30', 'Dr. Chen', ['Is the rash related?']), LATER);
    assert.deepStrictEqual([own.questions?.date, own.questions?.upcoming, own.questions?.questions], ['2026-03-30', true, ['Is the rash related?']]);
    const none = summary(PAST, appointment('appt-0330', '2026-03-30', 'Dr. Chen', []));
    assert.deepStrictEqual([none.questions?.date, none.questions?.upcoming, none.questions?.questions], ['2026-03-30', true, []]);
    assert.match(renderMarkdown(none), /No questions recorded for the next appointment\./);
  });
});
