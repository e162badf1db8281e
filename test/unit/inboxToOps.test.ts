// An inbox line becomes the rows a palette check-in, Log Dose, Add Note or Log Life Event would
// write, following the dose-day rules; and the inbox's header reads as nothing but explanation.
import * as assert from 'assert';
import { buildCheckIn } from '../../src/core/entries';
import { parseInbox } from '../../src/core/inbox/grammar';
import { HEADER_WIDTH, headerExamples, inboxHeader } from '../../src/core/inbox/header';
import { inboxActions, inboxOps, type InboxImportContext } from '../../src/core/inbox/toOps';
import type { InboxEntry } from '../../src/core/inbox/types';
import { validateRow, type Dose, type Op } from '../../src/core/schemas';
import { doseRecord } from '../../src/core/stats/doseDays';

const ZONE = 'Europe/London';
const NOW = Date.parse('2026-12-08T12:00:00Z');
const ctx: InboxImportContext = { medication: 'Escitalopram', zone: ZONE, now: NOW, skippedMg: () => 10 };
const entries = (text: string): InboxEntry[] => {
  const r = parseInbox(text, { zone: ZONE, now: NOW });
  assert.deepStrictEqual(r.problems.map((p) => p.message), []);
  return r.entries;
};
const opsOf = (line: string, c: InboxImportContext = ctx): Op[] => {
  const out = inboxOps(entries(line)[0], c);
  assert.ok(out.ok);
  for (const op of out.ops) validateRow(op.table, op.row);
  return out.ops;
};
/** A row without its random id and its stamps of creation. */
const shape = (op: Op) => {
  const rest: Record<string, unknown> = { ...(op.row as unknown as Record<string, unknown>) };
  for (const k of ['id', 'createdAt', 'updatedAt']) delete rest[k];
  return { table: op.table, ...rest, ...('checkinId' in rest ? { checkinId: rest.checkinId === null ? null : 'linked' } : {}) };
};

describe('inbox to rows: what the palette would build', () => {
  it('a line with a mood is one check-in with its dose, symptoms, tags and note, as buildCheckIn makes it', () => {
    const ops = opsOf('2026-12-07 08:10 mood 6 dose 10 dizzy 2 #work note: slept badly');
    const at = Date.parse('2026-12-07T08:10:00Z');
    const palette = buildCheckIn(
      { mood: 6, dose: { mg: 10, status: 'taken', medication: 'Escitalopram' }, symptoms: [{ key: 'dizziness', label: 'Dizziness', severity: 2 }], tags: ['work'], note: 'slept badly', at },
      { now: () => NOW, zone: () => ZONE }
    ).ops;
    assert.deepStrictEqual(ops.map(shape), palette.map(shape));
    const checkIn = ops[0].row;
    assert.ok(ops.slice(1).every((op) => (op.row as { checkinId: string }).checkinId === checkIn.id), 'dose and symptom belong to the check-in');
  });

  it('an intake is an intake: "dose 10" is taken, whatever was logged before', () => {
    const [op] = opsOf('2026-12-07 08:10 dose 10');
    assert.deepStrictEqual([op.table, (op.row as Dose).status, (op.row as Dose).mg, (op.row as Dose).checkinId], ['doses', 'taken', 10, null]);
  });

  it('a change and a skipped dose are recorded as such; a skip without an amount names the dose in force', () => {
    assert.deepStrictEqual(opsOf('2026-12-07 08:10 dose changed 7.5').map((o) => [(o.row as Dose).status, (o.row as Dose).mg]), [['changed', 7.5]]);
    assert.deepStrictEqual(opsOf('2026-12-07 08:10 dose skipped 5').map((o) => [(o.row as Dose).status, (o.row as Dose).mg]), [['skipped', 5]]);
    const asked: string[] = [];
    const skipped = opsOf('2026-12-07 08:10 dose skipped', { ...ctx, skippedMg: (d) => (asked.push(d), 7.5) });
    assert.deepStrictEqual([asked, (skipped[0].row as Dose).status, (skipped[0].row as Dose).mg], [['2026-12-07'], 'skipped', 7.5]);
  });

  it('a skip with no amount and no dose on record is a problem, not a guess', () => {
    const out = inboxOps(entries('\n2026-12-07 08:10 dose skipped')[0], { ...ctx, skippedMg: () => null });
    assert.ok(!out.ok);
    assert.strictEqual(out.problem.code, 'skipped-amount');
    assert.strictEqual(out.problem.message, 'Line 2: "dose skipped" does not say how much, and no dose is on record for 2026-12-07. Write the amount skipped. Write it like: 2026-12-07 08:10 dose skipped 10');
    assert.deepStrictEqual(parseInbox(out.problem.example, { zone: ZONE }).problems, []);
  });

  it('follows the dose-day rules: two intakes a day sum, two moods a day are two check-ins', () => {
    const lines = entries('## 2026-12-07\n08:00 mood 5 dose 5\n20:00 mood 7 dose 5\n## 2026-12-08\n08:00 dose skipped 10');
    const ops = lines.flatMap((e) => {
      const out = inboxOps(e, ctx);
      assert.ok(out.ok);
      return out.ops;
    });
    assert.deepStrictEqual(ops.filter((o) => o.table === 'checkins').map((o) => (o.row as { mood: number }).mood), [5, 7]);
    const record = doseRecord(ops.filter((o) => o.table === 'doses').map((o) => o.row as Dose));
    assert.deepStrictEqual([record.day('2026-12-07').kind, record.day('2026-12-07').total, record.day('2026-12-07').intakes], ['taken', 10, [5, 5]]);
    assert.deepStrictEqual([record.day('2026-12-08').kind, record.day('2026-12-08').total], ['skipped', null], 'a skipped day is never counted as taken');
    assert.strictEqual(record.day('2026-12-06').kind, 'not-logged');
  });

  it('a note, a life event, or both: each is recorded as its own command records it', () => {
    assert.deepStrictEqual(opsOf('2026-12-07 12:00 note: quiet day').map((o) => [o.table, (o.row as { text: string }).text]), [['notes', 'quiet day']]);
    assert.deepStrictEqual(opsOf('2026-12-07 12:00 event: Court date note: went fine').map((o) => [o.table, (o.row as { title: string }).title, (o.row as { note: string }).note]), [['life_events', 'Court date', 'went fine']]);
    assert.deepStrictEqual(opsOf('2026-12-07 12:00 m4 event: Court date note: tense').map((o) => o.table), ['checkins', 'life_events']);
    assert.deepStrictEqual(opsOf('2026-12-07 12:00 d10 note: with food').map((o) => o.table), ['doses', 'notes']);
    const actions = inboxActions(entries('2026-12-07 12:00 m4 event: Court date note: tense')[0], ctx);
    assert.ok(actions.ok);
    assert.deepStrictEqual(actions.actions.map((a) => a.kind), ['checkIn', 'lifeEvent']);
  });

  it('stamps each row at the line\'s time: its own date and offset when it gives one', () => {
    const rows = opsOf('2026-12-07 00:30+09:00 m6 d10').map((o) => o.row as { at: string; localDate: string; utcOffset: number });
    assert.deepStrictEqual(rows.map((r) => [r.at, r.localDate, r.utcOffset]), [
      ['2026-12-06T15:30:00.000Z', '2026-12-07', 540],
      ['2026-12-06T15:30:00.000Z', '2026-12-07', 540]
    ]);
    const local = opsOf('2026-07-01 08:00 m6')[0].row as { at: string; localDate: string; utcOffset: number };
    assert.deepStrictEqual([local.at, local.localDate, local.utcOffset], ['2026-07-01T07:00:00.000Z', '2026-07-01', 60]);
  });
});

describe('the inbox header', () => {
  const header = inboxHeader({ date: '2026-12-07', unit: 'mg' });

  it('is read as nothing: every line is ignored', () => {
    const r = parseInbox(header, { zone: ZONE });
    assert.ok(r.lines.length > 10);
    assert.ok(r.lines.every((l) => l.kind === 'ignored'));
  });

  it('fits a phone held upright', () => {
    for (const line of header.split('\n')) assert.ok(line.length <= HEADER_WIDTH, line);
  });

  it('shows examples that import as they are written, and each kind of line once', () => {
    const examples = headerExamples('2026-12-07', 'mg');
    for (const line of examples) assert.ok(header.includes(`> ${line}`), line);
    const r = parseInbox(examples.join('\n'), { zone: ZONE });
    assert.deepStrictEqual(r.problems.map((p) => p.message), []);
    const kinds = r.entries.map((e) => [e.mood !== null && 'mood', e.dose?.status, e.symptoms.length > 0 && 'symptom', e.tags.length > 0 && 'tag', e.note && 'note', e.event && 'event']).flat();
    for (const k of ['mood', 'taken', 'skipped', 'changed', 'symptom', 'tag', 'note', 'event']) assert.ok(kinds.includes(k), k);
  });
});
