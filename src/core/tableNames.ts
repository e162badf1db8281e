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
  'tablet_supply'
] as const;

export type TableName = (typeof TABLE_NAMES)[number];
