// The inbox's text once its lines are read: every line read (or read before) taken out, every line
// that could not be read kept and marked with its reason, everything else (the header, headings,
// blank lines, lines that arrived since) kept as it is. Pure: the wiring re-reads the file right
// before it replaces it and calls this on what is there then, so a line the phone appended
// meanwhile is kept (see services/inbox/inboxFile.ts).
import { parseInbox, splitLines, unendedLastLine } from './grammar';
import { markLine } from './markers';
import type { InboxOptions, InboxProblem, ParsedInbox } from './types';

export interface Cleared {
  text: string;
  /** The text as parsed, for the diagnostics. */
  parsed: ParsedInbox;
  /** Problems of the cleared text (line numbers of the new text), including lines `failed` names. */
  problems: InboxProblem[];
  /** Whether anything but headings, comments and blank lines is left. */
  hasLines: boolean;
}

/**
 * `done`: ids of lines in the journal (read now or before); `failed`: ids of lines that parsed but
 * could not be recorded (a skipped dose with no amount known), with the problem to show.
 * `settledTail`: the unended last line, when it has stayed the same long enough to be read. Any
 * other unended last line may still be being written: it is kept exactly as it is, unmarked and
 * with no line break added, so the phone's next bytes still land on it.
 */
export function clearInbox(text: string, opts: InboxOptions, done: ReadonlySet<string>, failed: ReadonlyMap<string, InboxProblem>, settledTail: string | null = null): Cleared {
  const raw = splitLines(text);
  const parsed = parseInbox(text, opts);
  const tail = unendedLastLine(text);
  const writing = tail !== null && tail !== settledTail;
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const line = parsed.lines[i];
    if (writing && i === raw.length - 1) {
      out.push(raw[i]);
      continue;
    }
    if (line.kind === 'entry' && done.has(line.entry.id)) continue;
    const problem = line.kind === 'problem' ? line.problem : line.kind === 'entry' ? failed.get(line.entry.id) : undefined;
    out.push(problem ? markLine(raw[i], problem.what) : raw[i]);
  }
  const newline = /\r\n/.test(text) ? '\r\n' : '\n';
  const body = out.join(newline);
  const next = out.length === 0 ? '' : writing ? body : `${body}${newline}`;
  const again = parseInbox(next, opts);
  const nextLines = splitLines(next);
  const lastLine = nextLines.length;
  // The line still being written is nobody's problem yet.
  const problems = again.problems.filter((p) => !(writing && p.line === lastLine));
  for (const e of again.entries) {
    const p = failed.get(e.id);
    if (p && !(writing && e.line === lastLine)) problems.push({ ...p, line: e.line, text: nextLines[e.line - 1], marked: true });
  }
  problems.sort((a, b) => a.line - b.line);
  return { text: next, parsed: again, problems, hasLines: again.lines.some((l) => l.kind !== 'ignored') };
}
