// What may go into the persisted log ("Mood & Dose Journal" in the Output panel). Messages can
// carry health data (a date, a note, an imported value, a questionnaire total), so only an error's
// kind, its code and where it was thrown are written, and a row that fails its schema only by its
// id, its table, and each failing field with zod's issue code.

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

/** A row id as the journal makes them (a UUID, or a test's short name); anything else is not written. */
export function idForLog(id: unknown): string {
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : '(not an id)';
}

/** A table or field name: letters, digits and underscores; array positions as numbers. */
function nameForLog(part: PropertyKey): string {
  if (typeof part === 'number') return String(part);
  return typeof part === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,40}$/.test(part) ? part : '?';
}

export function tableForLog(table: unknown): string {
  return typeof table === 'string' ? nameForLog(table) : '?';
}

/** "total: custom; answers.3: too_big": each failing field and zod's code, never a message or value. */
export function issueFields(issues: readonly { path: readonly PropertyKey[]; code: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(nameForLog).join('.') || 'value'}: ${nameForLog(i.code)}`)
    .join('; ');
}
