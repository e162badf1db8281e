// What the inbox grammar reads from a file: each line is ignored (headers, comments, blank), an
// entry, or a problem. Nothing is ever dropped: a line is one of the three, with its number.
import type { Translate } from '../safety';
import type { DoseStatus } from '../schemas';
import type { LocalDate } from '../time';

/** A symptom the line names, resolved to the journal's key and label. */
export interface InboxSymptom {
  key: string;
  label: string;
  severity: number;
}

/** A dose on a line: an intake ("dose 10"), a skipped dose (amount optional) or a change. */
export interface InboxDose {
  status: DoseStatus;
  /** null only for "dose skipped" written without an amount. */
  mg: number | null;
}

/** What a line records, after its date and time. */
export interface Content {
  mood: number | null;
  dose: InboxDose | null;
  symptoms: InboxSymptom[];
  tags: string[];
  note: string;
  event: string;
}

export interface InboxEntry extends Content {
  /** 1-based line number in the file. */
  line: number;
  /** The date the line is about, as written (or from the heading above it). */
  date: LocalDate;
  /** The wall-clock time as written, "HH:MM" or "HH:MM:SS". */
  time: string;
  /** Minutes east of UTC when the line gives an offset ("+01:00", "Z"); null: the zone's own. */
  offset: number | null;
  /** The instant the line describes (ms since the epoch). */
  at: number;
  /** Stable across re-reads and machines: a hash of date, time and normalised content. */
  id: string;
  /** The date and time alone: a line edited after import keeps it and replaces its entry. */
  timeId: string;
  /** The line was marked as reported before (the user has since fixed it). */
  wasMarked: boolean;
}

export type ProblemCode =
  | 'no-date'
  | 'bad-date'
  | 'no-time'
  | 'bad-time'
  | 'twelve-hour'
  | 'bad-offset'
  | 'future'
  | 'too-early'
  | 'nothing'
  | 'mood-range'
  | 'mood-missing'
  | 'mood-twice'
  | 'dose-amount'
  | 'dose-unit'
  | 'dose-twice'
  | 'severity-range'
  | 'severity-missing'
  | 'symptom-twice'
  | 'needs-mood'
  | 'empty-tag'
  | 'tag-long'
  | 'note-twice'
  | 'event-twice'
  | 'empty-text'
  | 'text-long'
  | 'unknown-word'
  | 'repeated-line'
  | 'skipped-amount';

export interface InboxProblem {
  line: number;
  code: ProblemCode;
  /** What is wrong, in words (without the line number). */
  what: string;
  /** A line that would be read, close to what the user wrote. */
  example: string;
  /** The whole message: `Line 4: … Write it like: …`. */
  message: string;
  /** The line as it is in the file. */
  text: string;
  /** The line already carries the reported marker (see markers.ts). */
  marked: boolean;
}

export type InboxLine =
  | { kind: 'ignored'; line: number }
  | { kind: 'entry'; line: number; entry: InboxEntry }
  | { kind: 'problem'; line: number; problem: InboxProblem };

export interface ParsedInbox {
  /** Every line of the file, in order: the count always equals the file's line count. */
  lines: InboxLine[];
  entries: InboxEntry[];
  problems: InboxProblem[];
}

/** A user's own symptom, as the journal keeps it (key "own:…", label as typed). */
export interface OwnSymptom {
  key: string;
  label: string;
}

export interface InboxOptions {
  /** The IANA zone for times written without an offset (the machine's zone). */
  zone: string;
  /** The medication's unit ("mg"): "dose 10 mg" may name it. */
  unit?: string;
  ownSymptoms?: readonly OwnSymptom[];
  /** When given, lines more than a few minutes after it are problems (a typo in the date). */
  now?: number;
  /** l10n: vscode.l10n.t on the host; plain English by default. */
  t?: Translate;
}
