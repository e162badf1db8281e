// What of an error may go into the persisted log. Messages can carry health data (a date, a note,
// an imported value), so only the error's kind, its code and where it was thrown are written.
export function errorForLog(e: unknown): string {
  if (!(e instanceof Error)) return typeof e;
  const code = (e as NodeJS.ErrnoException).code;
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 8)
    .join('\n');
  return `${e.name}${typeof code === 'string' ? ` ${code}` : ''}${frames ? `\n${frames}` : ''}`;
}
