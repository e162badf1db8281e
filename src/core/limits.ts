// Value ranges shared by the stored rows (schemas.ts), the panel protocol and the forms.
export const MOOD_MIN = 1;
export const MOOD_MAX = 10;
export const SEVERITY_MAX = 3;
export const NOTE_MAX = 5000;
export const MG_MAX = 10000;
export const TAG_MAX = 40;
export const TAGS_MAX = 30;
export const DOSE_STATUSES = ['taken', 'skipped', 'changed'] as const;
