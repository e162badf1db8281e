// The import as the command runs it (src/commands/importFlow.ts), into a real journal: in slices that
// give the event loop a turn, cancellable with nothing written, and with the same result as reading
// the whole file at once.
import * as assert from 'assert';
import fc from 'fast-check';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as Papa from 'papaparse';
import * as transfer from '../../src/bundles/transfer';
import { runImport, type ImportDeps, type ImportStep, type ImportUi } from '../../src/commands/importFlow';
import { csvRecords } from '../../src/core/transfer/csv';
import { daylioWork, defaultDaylioMapping, parseDaylio } from '../../src/core/transfer/daylio';
import { buildCheckIn, type Clock } from '../../src/core/entries';
import { ImportCancelled, runNow, runPaced, type Work } from '../../src/core/transfer/pace';
import { IMPORT_WRITE_ROWS } from '../../src/core/limits';
import { TABLE_NAMES, type Op } from '../../src/core/schemas';
import { csvWork, exportCsv, exportJson, ImportError, importCsv, importJson, jsonErrorAt, jsonWork, planImport, planWork, rowsFromOps } from '../../src/core/transfer/transfer';
import { checkIn, dose, lifeEvent, note } from '../fixtures/transfer-rows';
import { fixedClock, ROOT, tempDir } from './helpers';
import { english, testJournal, type TestJournal } from './journalFixture';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const ZONE = 'America/New_York';
const SAMPLE = path.join(ROOT, 'test', 'fixtures', 'daylio-sample.csv');

/** A JSON export of `n` check-ins with their doses (2n rows), one every 12 hours before NOW. */
function bigExport(n: number): string {
  let t = 0;
  const clock: Clock = { now: () => t, zone: () => 'UTC' };
  const ops: Op[] = [];
  for (let i = 0; i < n; i++) {
    t = NOW - 86400_000 - i * 12 * 3600_000;
    ops.push(...buildCheckIn({ mood: 1 + (i % 10), note: `day ${i}`, dose: { mg: 10, status: 'taken', medication: 'Escitalopram' } }, clock).ops);
  }
  return exportJson(rowsFromOps(ops), new Date(NOW).toISOString());
}

/** Like VS Code's CancellationToken: the user pressed Cancel when this turns true. */
interface TokenStandIn {
  isCancellationRequested: boolean;
}

interface Seen {
  steps: ImportStep[];
  turns: number;
  confirmed: boolean;
  written: boolean;
}

/** The UI as a user who answers everything at once; `onProgress` may press Cancel. */
function standInUi(token: TokenStandIn, seen: Seen, onProgress: (step: ImportStep, done: number, total: number) => void = () => undefined, labels?: (labels: string[]) => Map<string, number>): ImportUi {
  return {
    busy: (run) =>
      run((step) => {
        seen.steps.push(step);
        return {
          sliceMs: 0, // a turn of the event loop after every row: the most slices a file can have
          cancelled: () => token.isCancellationRequested,
          progress: (done, total) => {
            seen.turns++;
            onProgress(step, done, total);
          }
        };
      }),
    mapLabels: async (found) => (labels ? labels(found) : new Map(found.map((l) => [l, defaultDaylioMapping.get(l.toLowerCase()) ?? 5]))),
    confirm: async () => (seen.confirmed = true),
    writing: (_count, run) => {
      seen.written = true;
      return run(() => undefined);
    }
  };
}

async function everyRow(j: TestJournal): Promise<number> {
  return TABLE_NAMES.reduce((n, t) => n + j.store.select(t).length, 0);
}

describe('import in slices, as the command runs it', () => {
  let j: TestJournal | undefined;
  let dir = '';
  const clock = fixedClock('2026-06-01T12:00:00Z', ZONE);
  const deps = (): ImportDeps => ({
    transfer,
    read: async () => j!.store,
    importRows: j!.actions.importRows.bind(j!.actions),
    files: { size: async (f) => (await fs.stat(f)).size, read: (f) => fs.readFile(f) },
    now: NOW,
    zone: ZONE,
    t: english
  });
  const fresh = (): Seen => ({ steps: [], turns: 0, confirmed: false, written: false });
  beforeEach(async () => {
    j = await testJournal(clock);
    dir = await tempDir('mdj-import-flow-');
  });
  afterEach(async () => {
    await j?.close();
    j = undefined;
  });

  for (const [when, cancelIn] of [
    ['while the rows are checked', 'check'],
    ['while they are compared with the journal', 'compare']
  ] as const) {
    it(`writes nothing when the user cancels ${when}`, async () => {
      const file = path.join(dir, 'export.json');
      await fs.writeFile(file, bigExport(1500));
      const token: TokenStandIn = { isCancellationRequested: false };
      const seen = fresh();
      const ui = standInUi(token, seen, (step, done, total) => {
        if (step === cancelIn && done > total / 3) token.isCancellationRequested = true;
      });
      await assert.rejects(runImport([file], deps(), ui), (e: unknown) => e instanceof ImportCancelled && e.message === 'The import was cancelled. Nothing was written.');
      assert.ok(seen.steps.includes(cancelIn), `the import got as far as "${cancelIn}"`);
      assert.ok(seen.turns > 100, `the event loop had a turn between slices (${seen.turns} turns)`);
      assert.deepStrictEqual([seen.confirmed, seen.written], [false, false], 'no preview, no write');
      assert.strictEqual(await everyRow(j!), 0, 'no row in the journal');
      const log = await fs.stat(j!.store.logPath).catch(() => undefined);
      assert.ok(!log || log.size === 0, 'nothing in the op log either');
      assert.strictEqual(await j!.actions.undoLast(), 'unknown', 'and nothing to undo');
    });
  }

  it('writes a plan larger than one change in several, undone as one step; the same file again adds nothing', async () => {
    const file = path.join(dir, 'export.json');
    const checkIns = Math.ceil((IMPORT_WRITE_ROWS * 2.5) / 2);
    await fs.writeFile(file, bigExport(checkIns));
    const outcome = await runImport([file], deps(), standInUi({ isCancellationRequested: false }, fresh()));
    assert.strictEqual(outcome.kind, 'written');
    assert.strictEqual(await everyRow(j!), checkIns * 2);
    const again = await runImport([file], deps(), standInUi({ isCancellationRequested: false }, fresh()));
    assert.strictEqual(again.kind, 'nothing-new');
    clock.advance(1000);
    assert.strictEqual(await j!.actions.undoLast(), 'undone');
    assert.strictEqual(j!.store.select('checkins', 'deleted_at IS NULL').length + j!.store.select('doses', 'deleted_at IS NULL').length, 0, 'every row of every chunk');
  });

  it('keeps the mapping of Daylio labels named __proto__ and constructor all the way into the journal', async () => {
    const file = path.join(dir, 'daylio.csv');
    await fs.writeFile(file, ['full_date,date,weekday,time,mood,activities,note_title,note', '2026-03-01,x,y,9:00 am,__proto__,,,first', '2026-03-02,x,y,9:00 am,constructor,,,second'].join('\n'));
    const answers = (labels: string[]) => new Map(labels.map((l) => [l, l === '__proto__' ? 2 : 9]));
    const outcome = await runImport([file], deps(), standInUi({ isCancellationRequested: false }, fresh(), undefined, answers));
    assert.strictEqual(outcome.kind, 'written');
    assert.deepStrictEqual(
      j!.store.select('checkins', '', [], 'ORDER BY local_date').map((c) => [c.note, c.mood]),
      [
        ['first', 2],
        ['second', 9]
      ]
    );
  });

  it('refuses a file it cannot take with an ImportError, and writes nothing', async () => {
    const file = path.join(dir, 'export.json');
    const far = { ...checkIn('ci-far-000001', '2026-06-01', 6), localDate: '9999-12-31', createdAt: '2026-06-01T11:00:00.000Z', updatedAt: '2026-06-01T11:00:00.000Z', at: '2026-06-01T11:00:00.000Z' };
    await fs.writeFile(file, exportJson({ checkins: [far] }, '2026-06-01T12:00:00.000Z'));
    await assert.rejects(runImport([file], deps(), standInUi({ isCancellationRequested: false }, fresh())), (e: unknown) => e instanceof ImportError && e.message.includes('localDate 9999-12-31 is after tomorrow'));
    assert.strictEqual(await everyRow(j!), 0);
  });
});

describe('reading in slices gives what reading at once gave', () => {
  /** Runs the work with a turn of the event loop after every row. */
  const paced = <T>(work: Work<T>) => runPaced(work, { sliceMs: 0 });

  it('the same Daylio result and plan for the sample, a row at a time', async () => {
    const csv = await fs.readFile(SAMPLE, 'utf8');
    const mapping = new Map([...defaultDaylioMapping, ['ok but sleepy', 6]]);
    const atOnce = parseDaylio(csv, mapping, ZONE, NOW);
    const sliced = await paced(daylioWork(csv, mapping, ZONE, NOW));
    assert.deepStrictEqual(sliced, atOnce);
    assert.strictEqual(atOnce.ops.length, 11, 'the sample as daylio.test.ts reads it');
    const journal = new Set([atOnce.ops[0].row.id]);
    assert.deepStrictEqual(await paced(planWork(sliced, journal)), planImport(atOnce, journal));
  });

  it('the same ops for a JSON and a CSV export, and the same syntax error line', async () => {
    const rows = { checkins: [checkIn('ci-a-0301', '2026-03-01', 7, { note: 'a "quoted", multi\nline note' })], doses: [dose('do-a-0301', '2026-03-01', 20)], notes: [note('no-a-0306', '2026-03-06', '[not] {json}')], life_events: [lifeEvent('ev-a-0305', '2026-03-05', 'Court', 'a\\b')] };
    const json = exportJson(rows, '2026-03-22T12:00:00.000Z');
    assert.deepStrictEqual(await paced(jsonWork(json, NOW)), importJson(json, NOW));
    const minified = JSON.stringify({ extra: [{ '}': ']"' }], ...JSON.parse(json) });
    assert.deepStrictEqual(importJson(minified, NOW).ops, importJson(json, NOW).ops, 'any layout, members it does not know');
    const csv = exportCsv(rows);
    assert.deepStrictEqual(await paced(csvWork(csv, NOW)), importCsv(csv, NOW));
    const broken = json.replace('"mood": 7', '"mood": 7,,');
    const line = broken.split('\n').findIndex((l) => l.includes('7,,')) + 1;
    await assert.rejects(paced(jsonWork(broken, NOW)), (e: unknown) => e instanceof ImportError && e.where.line === line);
  });

  it('names the line JSON.parse would fail at, wherever one character is damaged', () => {
    const json = exportJson({ checkins: [checkIn('ci-a-0301', '2026-03-01', 7, { note: 'x' }), checkIn('ci-b-0302', '2026-03-02', 6)], notes: [note('no-a-0306', '2026-03-06', 'y')] }, '2026-03-22T12:00:00.000Z');
    /** The line the whole-file check used to name: the first error JSON.parse would meet. */
    const firstError = (text: string) => text.slice(0, jsonErrorAt(text)).split('\n').length;
    fc.assert(
      fc.property(fc.nat(json.length - 1), fc.constantFrom('"', '{', '}', '[', ']', ',', ':', 'x', '\\', '\n'), (at, c) => {
        const damaged = json.slice(0, at) + c + json.slice(at + 1);
        try {
          JSON.parse(damaged);
          return; // still JSON: not a syntax error
        } catch {
          // expected
        }
        assert.throws(() => importJson(damaged, NOW), (e: unknown) => e instanceof ImportError && /not valid JSON/.test(e.message) && e.where.line === firstError(damaged));
      }),
      { numRuns: 400 }
    );
  });

  it('reads any CSV into the same records as papaparse reading the whole text, for windows of any size', () => {
    /** parseCsv as it was: papaparse over the whole text, each record's first line counted. */
    const whole = (text: string) => {
      const src = text.replace(/^\uFEFF/, '');
      const out: { line: number; cells: string[] }[] = [];
      let start = 0;
      let line = 1;
      const advance = (to: number) => {
        for (; start < to; start++) if (src.charCodeAt(start) === 10) line++;
      };
      Papa.parse<string[]>(src, {
        delimiter: ',',
        step: (result) => {
          advance(start);
          while (start < src.length && (src[start] === '\n' || src[start] === '\r')) advance(start + 1);
          const first = line;
          if (result.errors.length) throw new Error(`line ${first}: ${result.errors[0].message}`);
          advance(result.meta.cursor);
          if (result.data.some((c) => c.trim() !== '')) out.push({ line: first, cells: result.data });
        }
      });
      return out;
    };
    const windowed = (text: string, window: number) => {
      try {
        return [...csvRecords(text, 'f.csv', window)];
      } catch (e) {
        if (e instanceof ImportError) throw new Error(`line ${e.where.line}: ${e.reason}`, { cause: e });
        throw e;
      }
    };
    const outcome = (f: () => unknown) => {
      try {
        return { ok: f() };
      } catch (e) {
        return { error: (e as Error).message };
      }
    };
    const cell = fc.stringMatching(/^[a ,"\n\r]{0,8}$/);
    const text = fc.oneof(
      fc.stringMatching(/^[a ,"\n\r]{0,80}$/),
      fc.tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 8 }), fc.constantFrom('\n', '\r\n')).map(([rows, newline]) => Papa.unparse(rows, { newline }))
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 24 }), (t, window) => {
        // Lines were counted at "\n" even where papaparse took "\r" for the line break; now they are counted at "\r" there.
        fc.pre(Papa.parse(t, { delimiter: ',', preview: 1 }).meta.linebreak !== '\r');
        assert.deepStrictEqual(outcome(() => windowed(t, window)), outcome(() => whole(t)));
      }),
      { numRuns: 2000 }
    );
  });

  it('decodes a file of several MB a step at a time, keeping characters split between steps whole', async () => {
    // 'é' is 2 bytes and '🙂' 4, so groups of 7 bytes after one 'x': the 1 MB and 3 MB steps end inside a '🙂'.
    const text = `x${'é🙂,'.repeat(500_000)}`;
    const bytes = new TextEncoder().encode(text);
    assert.ok(bytes.length > 3 * 1024 * 1024);
    assert.strictEqual(await paced(transfer.decodeWork(bytes, 'big.csv')), text);
    const bad = bytes.slice();
    bad[2 * 1024 * 1024 + 7] = 0xff;
    await assert.rejects(paced(transfer.decodeWork(bad, 'big.csv')), /^ImportError: big\.csv: the file is not UTF-8 text\./);
  });

  it('counts as cancelled at the first turn after Cancel, and runs to the end otherwise', async () => {
    function* rows(): Work<number> {
      const progress = { done: 0, total: 1000 };
      for (let i = 0; i < 1000; i++) {
        progress.done++;
        yield progress;
      }
      return 1000;
    }
    assert.strictEqual(runNow(rows()), 1000);
    assert.strictEqual(await runPaced(rows(), { sliceMs: 0 }), 1000);
    let turns = 0;
    await assert.rejects(runPaced(rows(), { sliceMs: 0, cancelled: () => ++turns > 10 }), ImportCancelled);
    assert.strictEqual(turns, 11);
  });
});
