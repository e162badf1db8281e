// The one live-row fragment: a row deleted by the user keeps its tombstone (so the deletion syncs
// and exports) and every read leaves it out with this condition.
export const LIVE = 'deleted_at IS NULL';

/** LIVE for a named table (or alias), where a query reads more than one. */
export const liveIn = (table: string): string => `${table}.${LIVE}`;
