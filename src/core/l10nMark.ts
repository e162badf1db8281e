// msg('…') marks an English message kept in a table (symptom names, mood labels) so `npm run l10n`
// extracts it; whoever shows it translates it then with its own t (host, page or summary).

/** The message as written: only a mark for the extractor. */
export const msg = <T extends string>(message: T): T => message;
