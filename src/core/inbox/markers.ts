// How a line that could not be read is marked in the file, so a phone user sees it: a leading "! "
// and the reason in a trailing comment, e.g.
//   ! 2026-12-07 08:10 mood 12  <!-- ✗ "mood 12" is outside 1–10. … -->
// The reader strips both and reads the rest again: a marked line that still does not parse is a
// problem again (never ignored, never dropped); one the user has fixed is read as an entry.
const LEAD = /^!\s*/;
const TRAIL = /\s*<!--\s*✗[\s\S]*?-->\s*$/;

export const MARK = '! ';

export function isMarked(line: string): boolean {
  return LEAD.test(line);
}

/** The line without the marker and the reason (unchanged when it has neither). */
export function unmarkLine(line: string): string {
  return line.replace(LEAD, '').replace(TRAIL, '');
}

/** The line as the wiring writes it back: marked, with the reason (marking twice changes nothing). */
export function markLine(line: string, what: string): string {
  const reason = what.replace(/-->/g, '->').replace(/\s+/g, ' ').trim();
  return `${MARK}${unmarkLine(line.trim())}  <!-- ✗ ${reason} -->`;
}
