// The inbox grammar, line by line: what each line records, what is ignored, every problem with
// its message and a fix that reads, a file as a phone writes it, and the identities that make an
// import exactly-once.
import * as assert from 'assert';
import { parseInbox, splitLines, unendedLastLine } from '../../src/core/inbox/grammar';
import { hash128 } from '../../src/core/inbox/identity';
import { markLine } from '../../src/core/inbox/markers';
import { PROBLEM_CODES } from '../../src/core/inbox/problems';
import type { InboxEntry, InboxOptions, ProblemCode } from '../../src/core/inbox/types';
import { instantOf } from '../../src/core/time';

const ZONE = 'America/New_York';
const NOW = Date.parse('2026-12-08T12:00:00Z');
const opts: InboxOptions = { zone: ZONE, now: NOW, ownSymptoms: [{ key: 'own:ringing_ears', label: 'Ringing ears' }] };
const read = (text: string, o: Partial<InboxOptions> = {}) => parseInbox(text, { ...opts, ...o });
const one = (line: string, o: Partial<InboxOptions> = {}): InboxEntry => {
  const r = read(line, o);
  assert.deepStrictEqual(r.problems.map((p) => p.message), [], line);
  assert.strictEqual(r.entries.length, 1, line);
  return r.entries[0];
};
/** What an entry records, without its identities and instant. */
const what = (e: InboxEntry) => ({ mood: e.mood, dose: e.dose, symptoms: e.symptoms.map((s) => `${s.key} ${s.severity}`), tags: e.tags, note: e.note, event: e.event });

describe('inbox grammar: a line with a date and time', () => {
  it('reads mood, dose, symptoms, tags, a note and a life event from one line', () => {
    const e = one('2026-12-07 08:10 mood 6 dose 10 dizzy 2 brain zaps 3 #work #Court event: Court date note: slept badly');
    assert.deepStrictEqual(what(e), {
      mood: 6,
      dose: { status: 'taken', mg: 10 },
      symptoms: ['dizziness 2', 'brain_zaps 3'],
      tags: ['work', 'Court'],
      note: 'slept badly',
      event: 'Court date'
    });
    assert.strictEqual(e.date, '2026-12-07');
    assert.strictEqual(e.time, '08:10');
    assert.strictEqual(e.line, 1);
    assert.strictEqual(e.at, instantOf('2026-12-07', 8, 10, ZONE), 'a time without an offset is local to the zone');
    assert.strictEqual(new Date(e.at).toISOString(), '2026-12-07T13:10:00.000Z');
  });

  it('takes the short forms and the ways a phone writes them', () => {
    assert.deepStrictEqual(what(one('2026-12-07 08:10 m6 d10')), what(one('2026-12-07 08:10 mood 6 dose 10')));
    assert.deepStrictEqual(what(one('2026-12-07 08:10 Mood: 6, Dose 10 mg')).dose, { status: 'taken', mg: 10 });
    assert.deepStrictEqual(one('2026-12-07 08:10 d7,5mg').dose, { status: 'taken', mg: 7.5 });
    assert.deepStrictEqual(one('2026-12-07 08:10 dose skipped').dose, { status: 'skipped', mg: null });
    assert.deepStrictEqual(one('2026-12-07 08:10 dose skipped 10').dose, { status: 'skipped', mg: 10 });
    assert.deepStrictEqual(one('2026-12-07 08:10 dose changed 7.5').dose, { status: 'changed', mg: 7.5 });
    assert.deepStrictEqual(one('2026-12-07 08:10 dose changed to 7.5 mg').dose, { status: 'changed', mg: 7.5 });
    assert.deepStrictEqual(one('2026-12-07 08:10 dose 3 drops', { unit: 'drops' }).dose, { status: 'taken', mg: 3 }, 'the medication\'s own unit');
  });

  it('names symptoms by key, label, label part, a listed everyday word, or the user\'s own', () => {
    const e = one('2026-12-07 08:10 m5 brain_zaps 1 nightmares 2 mood swings 3 light-headed 1 anxious 0 ringing ears 2');
    assert.deepStrictEqual(what(e).symptoms, ['brain_zaps 1', 'vivid_dreams 2', 'mood_swings 3', 'light_headedness 1', 'anxiety 0', 'own:ringing_ears 2']);
    assert.strictEqual(e.symptoms[0].label, 'Brain zaps (electric-shock sensations)', 'the journal\'s own label is kept');
    assert.strictEqual(e.mood, 5, '"mood swings" is a symptom, "m5" the mood');
  });

  it('reads a line with only a note, a dose or an event: each records exactly that', () => {
    assert.deepStrictEqual(what(one('2026-12-07 12:00 note: “ok” – a quiet day 😊')), { mood: null, dose: null, symptoms: [], tags: [], note: '“ok” – a quiet day 😊', event: '' });
    assert.deepStrictEqual(what(one('2026-12-07 12:00 d10')).dose, { status: 'taken', mg: 10 });
    assert.strictEqual(one('2026-12-07 12:00 event: Court date note: went fine').event, 'Court date');
  });

  it('takes an offset written on the line over the zone, and ISO-8601 as a shortcut writes it', () => {
    assert.strictEqual(new Date(one('2026-12-07 08:10+01:00 m6').at).toISOString(), '2026-12-07T07:10:00.000Z');
    assert.strictEqual(new Date(one('2026-12-07 08:10Z m6').at).toISOString(), '2026-12-07T08:10:00.000Z');
    assert.strictEqual(new Date(one('2026-12-07 08:10 -05:00 m6').at).toISOString(), '2026-12-07T13:10:00.000Z');
    const iso = one('2026-12-07T08:10:30+0100 m6');
    assert.strictEqual(new Date(iso.at).toISOString(), '2026-12-07T07:10:30.000Z');
    assert.deepStrictEqual([iso.time, iso.offset], ['08:10:30', 60]);
  });

  it('a time in a spring-forward gap is the first instant after it, as the rest of the journal does', () => {
    assert.strictEqual(new Date(one('2026-03-08 02:30 m6').at).toISOString(), '2026-03-08T07:00:00.000Z');
  });
});

describe('inbox grammar: date headings and ignored lines', () => {
  it('reads a time under a date heading, and a heading that is not a date ends the day', () => {
    const r = read(['# My inbox', '## 2026-12-07', '08:10 m6', '21:00 mood 4 d10', '## Evening', '22:00 m5'].join('\n'));
    assert.deepStrictEqual(r.entries.map((e) => `${e.line} ${e.date} ${e.time}`), ['3 2026-12-07 08:10', '4 2026-12-07 21:00']);
    assert.deepStrictEqual(r.problems.map((p) => [p.line, p.code]), [[6, 'no-date']]);
  });

  it('ignores blank lines, headings, quotes and comments, and accounts for every line', () => {
    const text = ['# Mood & Dose inbox', '', '> 2026-12-07 08:10 m6 (an example in a quote)', '<!-- 2026-12-07 08:10 m6 -->', '   ', '### Notes'].join('\n');
    const r = read(text);
    assert.deepStrictEqual(r.lines.map((l) => l.kind), ['ignored', 'ignored', 'ignored', 'ignored', 'ignored', 'ignored']);
  });
});

/** One bad line for every problem the grammar reports, with the whole message the user sees. */
const BAD: [string, ProblemCode, string][] = [
  ['mood 6 dose 10', 'no-date', 'There is no date. Start the line with the date and time, or write it under a date heading such as "## 2026-12-07". Write it like: 2026-12-07 08:10 mood 6 dose 10'],
  ['08:10 mood 6', 'no-date', 'There is no date. Start the line with the date and time, or write it under a date heading such as "## 2026-12-07". Write it like: 2026-12-07 08:10 mood 6'],
  ['2026-13-07 08:10 mood 6', 'bad-date', '"2026-13-07" is not a date. Write dates as year-month-day. Write it like: 2026-12-07 08:10 mood 6'],
  ['2026/12/07 08:10 mood 6', 'bad-date', '"2026/12/07" is not a date. Write dates as year-month-day. Write it like: 2026-12-07 08:10 mood 6'],
  ['## 2026-02-30', 'bad-date', '"2026-02-30" is not a date. Write dates as year-month-day. Write it like: ## 2026-12-07'],
  ['2026-12-07 mood 6', 'no-time', 'The date has no time after it. Write the time in 24-hour form after the date. Write it like: 2026-12-07 08:10 mood 6'],
  ['2026-12-07 25:10 mood 6', 'bad-time', '"25:10" is not a time. Write times in 24-hour form, 00:00 to 23:59. Write it like: 2026-12-07 08:10 mood 6'],
  ['2026-12-07 8.10 mood 6', 'bad-time', '"8.10" is not a time. Write times in 24-hour form, 00:00 to 23:59. Write it like: 2026-12-07 08:10 mood 6'],
  ['2026-12-07 8:10 pm mood 5', 'twelve-hour', '"8:10 pm" is a 12-hour time. Write times in 24-hour form. Write it like: 2026-12-07 20:10 mood 5'],
  ['2026-12-07 08:10+15:00 mood 6', 'bad-offset', '"+15:00" is not a time zone offset. Write it like +01:00, -05:00 or Z, or leave it out for this computer\'s time zone (America/New_York). Write it like: 2026-12-07 08:10 mood 6'],
  ['2026-12-09 23:00 mood 6', 'future', 'The time 2026-12-09 23:00 is in the future. Check the date and time. Write it like: 2026-12-07 23:00 mood 6'],
  ['1899-12-07 08:10 mood 6', 'too-early', 'The date 1899-12-07 is before 1900. Check the year. Write it like: 2026-12-07 08:10 mood 6'],
  ['2026-12-07 08:10', 'nothing', 'There is nothing to record after the time. Write it like: 2026-12-07 08:10 mood 6 dose 10'],
  ['2026-12-07 08:10 mood 12 dose 10', 'mood-range', '"mood 12" is outside 1–10. Mood is a whole number from 1 to 10. Write it like: 2026-12-07 08:10 mood 6'],
  ['2026-12-07 08:10 m6.5', 'mood-range', '"m6.5" is outside 1–10. Mood is a whole number from 1 to 10. Write it like: 2026-12-07 08:10 mood 6'],
  ['2026-12-07 08:10 mood great', 'mood-missing', '"mood" needs a number from 1 to 10 after it. Write it like: 2026-12-07 08:10 mood 6'],
  ['2026-12-07 08:10 mood 6 m7', 'mood-twice', 'The line has two moods. A second mood is a second check-in: write it on its own line. Write it like: 2026-12-07 08:10 mood 6'],
  ['2026-12-07 08:10 dose lots', 'dose-amount', '"dose lots" is not a dose. Write a number of mg, e.g. 10 or 7.5. Write it like: 2026-12-07 08:10 dose 10'],
  ['2026-12-07 08:10 dose 10 ml', 'dose-unit', '"10 ml": doses are recorded in mg. Write it like: 2026-12-07 08:10 dose 10 mg'],
  ['2026-12-07 08:10 dose 10 d5', 'dose-twice', 'The line has two doses. Write each intake on its own line, with its own time. Write it like: 2026-12-07 08:10 dose 10'],
  ['2026-12-07 08:10 mood 6 dizzy 4', 'severity-range', '"dizzy 4" is outside 0–3. Severity is 0 (none), 1 (mild), 2 (moderate) or 3 (severe). Write it like: 2026-12-07 08:10 mood 6 dizzy 2'],
  ['2026-12-07 08:10 m4 brain zaps', 'severity-missing', '"brain zaps" needs a severity after it: 0 (none), 1 (mild), 2 (moderate) or 3 (severe). Write it like: 2026-12-07 08:10 mood 4 brain zaps 2'],
  ['2026-12-07 08:10 mood 6 dizzy 1 dizziness 2', 'symptom-twice', '"dizziness" is a symptom already on the line. Write it like: 2026-12-07 08:10 mood 6 dizziness 2'],
  ['2026-12-07 08:10 dizzy 2', 'needs-mood', 'Symptoms and tags are recorded with a check-in, and this line has no mood. Write it like: 2026-12-07 08:10 mood 6 dizzy 2'],
  ['2026-12-07 08:10 mood 6 #', 'empty-tag', '"#" needs a word after it. Write it like: 2026-12-07 08:10 mood 6 #work'],
  [`2026-12-07 08:10 mood 6 #${'x'.repeat(41)}`, 'tag-long', `The tag "${'x'.repeat(41)}" is longer than 40 characters. Write it like: 2026-12-07 08:10 mood 6 #work`],
  ['2026-12-07 08:10 mood 6 note: a note: b', 'note-twice', 'The line has two notes. Write one "note:" per line. Write it like: 2026-12-07 08:10 note: slept badly'],
  ['2026-12-07 08:10 event: a event: b', 'event-twice', 'The line has two life events. Write each event on its own line. Write it like: 2026-12-07 08:10 event: Court date'],
  ['2026-12-07 08:10 mood 6 note:', 'empty-text', '"note:" needs text after it. Write it like: 2026-12-07 08:10 note: slept badly'],
  [`2026-12-07 08:10 event: ${'x'.repeat(121)}`, 'text-long', 'The text after "event:" is longer than 120 characters. Write it like: 2026-12-07 08:10 event: Court date'],
  ['2026-12-07 08:10 mood 6 feeling meh', 'unknown-word', '"feeling" is not something the inbox reads. It reads mood, dose, symptoms (such as dizziness, brain zaps, irritability, anxiety, nausea), #tags, "note:" and "event:". Write it like: 2026-12-07 08:10 mood 6 note: feeling meh']
];

describe('inbox grammar: every problem, with its message and a fix that reads', () => {
  for (const [line, code, message] of BAD) {
    it(`${code}: ${line.slice(0, 50)}`, () => {
      const r = read(`# Inbox\n${line}`);
      assert.strictEqual(r.entries.length, 0);
      assert.strictEqual(r.problems.length, 1);
      const p = r.problems[0];
      assert.deepStrictEqual([p.line, p.code, p.text, p.marked], [2, code, line, false]);
      assert.strictEqual(p.message, `Line 2: ${message}`);
      assert.ok(p.message.endsWith(`Write it like: ${p.example}`));
      const fixed = read(p.example);
      assert.deepStrictEqual(fixed.problems.map((x) => x.message), [], 'the example reads');
    });
  }

  it('a line repeated exactly is read once; the repeat is a problem naming the first', () => {
    const r = read('2026-12-07 09:00 mood 6\n2026-12-07 09:00  Mood 6 ');
    assert.strictEqual(r.entries.length, 1);
    assert.strictEqual(r.problems[0].message, 'Line 2: This line repeats line 1 exactly, so it is read once. If it is a second entry, give it its own time. Write it like: 2026-12-07 09:01 Mood 6');
  });

  it('covers every problem code (the repeat above; a skipped dose with no amount in inboxToOps)', () => {
    const covered = new Set<string>([...BAD.map((b) => b[1]), 'repeated-line', 'skipped-amount']);
    assert.deepStrictEqual([...PROBLEM_CODES].sort(), [...covered].sort());
  });

  it('speaks through the translator it is given', () => {
    const r = read('2026-12-07 08:10 mood 12', { t: (m, ...a) => `[${m}]${a.join('|')}` });
    assert.strictEqual(r.problems[0].message, '[Line {0}: {1} Write it like: {2}]1|["{0}" is outside 1–10. Mood is a whole number from 1 to 10.]mood 12|2026-12-07 08:10 mood 6');
  });
});

describe('inbox grammar: lines marked as reported', () => {
  it('a marked line that still does not read is a problem again, marked, never ignored or dropped', () => {
    const marked = markLine('2026-12-07 08:10 mood 12', '"mood 12" is outside 1–10. -->');
    assert.strictEqual(marked, '! 2026-12-07 08:10 mood 12  <!-- ✗ "mood 12" is outside 1–10. -> -->');
    assert.strictEqual(markLine(marked, 'again'), '! 2026-12-07 08:10 mood 12  <!-- ✗ again -->', 'marking twice keeps one marker');
    const r = read(`${marked}\n! > quoted\n! <!-- comment`);
    assert.deepStrictEqual(r.problems.map((p) => [p.line, p.code, p.marked]), [
      [1, 'mood-range', true],
      [2, 'no-date', true],
      [3, 'no-date', true]
    ]);
    assert.strictEqual(r.problems[0].text, marked);
  });

  it('a marked line the user has fixed is read as an entry, with the same identity as the clean line', () => {
    const e = one('! 2026-12-07 08:10 mood 6  <!-- ✗ "mood 12" is outside 1–10. -->');
    assert.strictEqual(e.wasMarked, true);
    assert.strictEqual(e.id, one('2026-12-07 08:10 mood 6').id);
  });
});

describe('inbox grammar: a file as a phone writes it', () => {
  it('reads a BOM, CRLF, trailing and non-breaking spaces, emoji, smart quotes and no final newline', () => {
    const text = '\ufeff# Inbox\r\n\r\n2026-12-07 08:10 mood 6 dose 10  \r\n2026\u201112\u201107\u00a008:15\u202fm7 #🏃 note: “went OK” 😊\u00a0\r\n## 2026-12-07\r\n\t21:30 m4 dizzy 1';
    const r = read(text);
    assert.deepStrictEqual(r.lines.map((l) => l.kind), ['ignored', 'ignored', 'entry', 'entry', 'ignored', 'entry']);
    assert.deepStrictEqual(r.entries.map((e) => `${e.line} ${e.date} ${e.time}`), ['3 2026-12-07 08:10', '4 2026-12-07 08:15', '6 2026-12-07 21:30']);
    assert.deepStrictEqual(r.entries[1].tags, ['🏃']);
    assert.strictEqual(r.entries[1].note, '“went OK” 😊');
    assert.strictEqual(r.entries[0].id, one('2026-12-07 08:10 mood 6 dose 10').id, 'the same line, however it ends, is the same entry');
  });

  it('counts lines as an editor does: CR, LF and CRLF each end one, a final newline starts none', () => {
    assert.deepStrictEqual(splitLines('a\r\nb\rc\nd\n'), ['a', 'b', 'c', 'd']);
    assert.deepStrictEqual(splitLines('\ufeffa'), ['a']);
    assert.deepStrictEqual(splitLines('a\n\n'), ['a', '']);
    const r = read('\n\n2026-12-07 08:10 m6\n');
    assert.deepStrictEqual([r.lines.length, r.entries[0].line], [3, 3]);
  });
});

describe('inbox grammar: identities for exactly-once import', () => {
  const id = (line: string, o: Partial<InboxOptions> = {}) => one(line, o);

  it('the same line has the same id on every read, in any zone, on any machine', () => {
    const a = id('2026-12-07 08:10 mood 6 dose 10 #work');
    assert.strictEqual(id('2026-12-07 08:10 mood 6 dose 10 #work').id, a.id);
    assert.strictEqual(id('2026-12-07 08:10 mood 6 dose 10 #work', { zone: 'Asia/Tokyo' }).id, a.id, 'a laptop that travelled');
    assert.match(a.id, /^[0-9a-f]{32}$/);
    assert.strictEqual(a.timeId, '2026-12-07 08:10');
  });

  it('how it is written does not matter: order, case, short forms, spaces, a date heading', () => {
    const a = id('2026-12-07 08:10 mood 6 dose 10 dizzy 2 #Work note: a  b');
    assert.strictEqual(id('2026-12-07 8:10 #work dizziness 2 D10 M6 note: a b').id, a.id);
    assert.strictEqual(read('## 2026-12-07\n08:10 m6 d10 dizzy 2 #work note: a b').entries[0].id, a.id);
  });

  it('an edit keeps the time id and changes the id; another time or offset changes both', () => {
    const a = id('2026-12-07 08:10 mood 6 dose 10');
    const edited = id('2026-12-07 08:10 mood 5 dose 10');
    assert.strictEqual(edited.timeId, a.timeId);
    assert.notStrictEqual(edited.id, a.id);
    for (const other of ['2026-12-07 08:11 mood 6 dose 10', '2026-12-07 08:10+01:00 mood 6 dose 10', '2026-12-06 08:10 mood 6 dose 10']) {
      const o = id(other);
      assert.notStrictEqual(o.timeId, a.timeId, other);
      assert.notStrictEqual(o.id, a.id, other);
    }
    assert.notStrictEqual(id('2026-12-07 08:10 dose skipped').id, id('2026-12-07 08:10 dose 10').id);
    assert.notStrictEqual(id('2026-12-07 08:10 note: a').id, id('2026-12-07 08:10 event: a').id);
  });

  it('the hash spreads: 100,000 near-identical lines, no two ids alike, one changed letter changes about half the bits', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 100_000; i++) ids.add(hash128(`inbox v1\n2026-12-07 08:10\nmood ${i % 10} note ${i}`));
    assert.strictEqual(ids.size, 100_000);
    const bits = (x: string) => [...x].reduce((n, ch) => n + (parseInt(ch, 16).toString(2).match(/1/g)?.length ?? 0), 0);
    const a = hash128('2026-12-07 08:10 mood 6');
    const b = hash128('2026-12-07 08:10 mood 7');
    const flipped = bits([...a].map((ch, i) => (parseInt(ch, 16) ^ parseInt(b[i], 16)).toString(16)).join(''));
    assert.ok(flipped > 40 && flipped < 88, `${flipped} of 128 bits changed`);
  });
  it('finds the last line a phone may still be writing: none after a line break, the BOM left out, blank ignored', () => {
    assert.strictEqual(unendedLastLine('a\nb'), 'b');
    assert.strictEqual(unendedLastLine('a\r\nb c'), 'b c');
    assert.strictEqual(unendedLastLine('a\rb'), 'b');
    assert.strictEqual(unendedLastLine('\ufeffdose 1'), 'dose 1');
    for (const ended of ['', 'a\n', 'a\r\n', 'a\r', 'a\n   ']) assert.strictEqual(unendedLastLine(ended), null, JSON.stringify(ended));
  });
});
