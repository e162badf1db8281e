// Value ranges shared by the stored rows (schemas.ts), the panel protocol and the forms.
export const MOOD_MIN = 1;
export const MOOD_MAX = 10;
export const SEVERITY_MAX = 3;
export const NOTE_MAX = 5000;
export const MG_MAX = 10000;
export const TAG_MAX = 40;
export const TAGS_MAX = 30;
export const DOSE_STATUSES = ['taken', 'skipped', 'changed'] as const;
export const SLEEP_MAX = 24;
export const MEDICATION_MAX = 80;
export const UNIT_MAX = 12;
export const FORM_MAX = 40;
export const SYMPTOM_KEY_MAX = 60;
export const SYMPTOM_LABEL_MAX = 80;
export const EVENT_TITLE_MAX = 120;
export const PROVIDER_MAX = 120;
export const QUESTION_MAX = 500;
export const QUESTIONS_MAX = 100;
export const STEP_NOTE_MAX = 500;
/** A 24-hour time of day as stored, "HH:MM" (appointments, a backdated entry). */
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
