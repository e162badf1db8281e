// The journal's tables by name, in a module of their own so the pages can name them (a change
// event says which tables it touched) without carrying the row schemas.
export const TABLE_NAMES = [
  'checkins',
  'doses',
  'medications',
  'taper_steps',
  'symptoms',
  'life_events',
  'notes',
  'appointments',
  'questionnaires',
  'recalled_periods',
  'tablet_supply',
  'inbox_lines'
] as const;

export type TableName = (typeof TABLE_NAMES)[number];

/**
 * The tables an export carries and an import takes. The inbox's ledger (which lines of this
 * journal's phone inbox were read) is this journal's bookkeeping, not an entry: left out on purpose.
 */
export const TRANSFER_TABLES = TABLE_NAMES.filter((t): t is Exclude<TableName, 'inbox_lines'> => t !== 'inbox_lines');
