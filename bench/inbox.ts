// Inbox benchmark (`npm run bench -- inbox`): parsing an inbox of 10,000 lines as a phone writes
// them (CRLF, a mix of entries, headings, comments and lines that do not read), median of 9.
import { parseInbox } from '../src/core/inbox/grammar';
import { median, type BenchRow } from './stats';

const LINES = 10_000;
const RUNS = 9;

/** A realistic mix: mostly full lines, some under date headings, a few comments and problems. */
export function inboxText(lines: number): string {
  const out: string[] = ['\ufeff# Mood & Dose inbox', '> One entry per line'];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; out.length < lines; i++) {
    const date = new Date(start + Math.floor(i / 6) * 86400000).toISOString().slice(0, 10);
    const time = `${String(6 + (i % 6) * 3).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
    if (i % 6 === 0) out.push(`## ${date}`);
    const kind = i % 10;
    if (kind < 5) out.push(`${date} ${time} mood ${1 + (i % 10)} dose 10 dizzy ${i % 4} brain zaps ${(i + 1) % 4} #work note: a day like any other 😊`);
    else if (kind < 7) out.push(`${time} m${1 + (i % 10)} d7.5 #walk`);
    else if (kind === 7) out.push(`${date} ${time} event: Court date note: “went fine”`);
    else if (kind === 8) out.push(`<!-- ${date} ${time} a comment -->`);
    else out.push(`${date} ${time} mood 12 feeling meh`);
  }
  return out.slice(0, lines).join('\r\n');
}

export async function benchInbox(): Promise<BenchRow[]> {
  const text = inboxText(LINES);
  const opts = { zone: 'America/New_York', now: Date.UTC(2030, 0, 1) };
  const first = performance.now();
  const check = parseInbox(text, opts);
  const cold = performance.now() - first;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    parseInbox(text, opts);
    times.push(performance.now() - t);
  }
  const med = median(times);
  return [
    { size: LINES, metric: `parse, median of ${RUNS}`, value: med, unit: 'ms', target: '≤ 100 ms', pass: med <= 100 },
    { size: LINES, metric: '  first parse (JIT warming up)', value: cold, unit: 'ms' },
    { size: LINES, metric: '  entries / problems read', value: check.entries.length, unit: `/ ${check.problems.length}` }
  ];
}
