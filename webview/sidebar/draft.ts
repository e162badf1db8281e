// The entry form's raw field values (what the user typed, kept across hide/show with setState),
// and their conversion into an EntryDraft validated with the protocol's own schema.
import { inputNumber } from '../../src/core/entries';
import { EARLIEST_YEAR, HHMM, MG_MAX, NOTE_MAX, VIEW, SLEEP_MAX, TAGS_MAX, TAG_MAX } from '../../src/core/limits';
import { entryDraftSchema, type EntryDraft, type SidebarContext } from '../../src/webviews/sidebar/protocol';
import { type EntryView } from '../../src/webviews/shared/views';
import { t } from '../shared/l10n';

export type DoseChoice = 'taken' | 'changed' | 'skipped' | 'none';

export interface FormFields {
  /** Set when editing an existing check-in. */
  editingId: string | null;
  mood: number | null;
  mg: string;
  doseChoice: DoseChoice;
  /** The user chose the dose (or its amount) in this form; until then it follows today's defaults. */
  doseSet?: boolean;
  symptoms: { key: string; label: string; severity: number }[];
  tags: string;
  energy: string;
  anxiety: string;
  sleep: string;
  note: string;
  backdate: boolean;
  date: string;
  time: string;
}

export function emptyFields(offeredDose: number | null): FormFields {
  return {
    editingId: null,
    mood: null,
    mg: offeredDose === null ? '' : inputNumber(offeredDose),
    doseChoice: offeredDose === null ? 'none' : 'taken',
    doseSet: false,
    symptoms: [],
    tags: '',
    energy: '',
    anxiety: '',
    sleep: '',
    note: '',
    backdate: false,
    date: '',
    time: ''
  };
}

/**
 * The form once the context (re)loads: a new check-in whose dose the user has not touched takes
 * today's default, so a dose logged since (elsewhere, or by the last save) is never offered again.
 */
export function followContext(f: FormFields | null, c: SidebarContext): FormFields {
  const fresh = emptyFields(c.offeredDose);
  if (!f) return fresh;
  if (f.editingId !== null || f.doseSet) return f;
  return { ...f, mg: fresh.mg, doseChoice: fresh.doseChoice };
}

export function fieldsFromEntry(e: EntryView): FormFields {
  return {
    editingId: e.id,
    mood: e.mood,
    mg: e.dose ? inputNumber(e.dose.mg) : '',
    doseChoice: e.dose ? e.dose.status : 'none',
    doseSet: true,
    symptoms: e.symptoms.filter((s) => s.severity > 0).map((s) => ({ key: s.key, label: s.label, severity: s.severity })),
    tags: e.tags.join(', '),
    energy: e.energy === null ? '' : String(e.energy),
    anxiety: e.anxiety === null ? '' : String(e.anxiety),
    sleep: e.sleepHours === null ? '' : inputNumber(e.sleepHours),
    note: e.note,
    backdate: false,
    date: e.localDate,
    time: e.time
  };
}

export type FieldErrors = Partial<Record<'mood' | 'mg' | 'sleep' | 'tags' | 'date' | 'time' | 'note' | 'symptoms', string>>;

function optionalNumber(text: string): number | null | undefined {
  if (!text.trim()) return null;
  const n = Number(text.trim().replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Turns the fields into an EntryDraft, or explains per field what is wrong. The final check is
 * the same schema the host applies (src/webviews/sidebar/protocol.ts), so both sides agree on what is valid.
 */
export function toDraft(f: FormFields, today: string): { draft?: EntryDraft; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (f.mood === null) errors.mood = t('Choose a mood from 1 to 10.');
  const mg = optionalNumber(f.mg);
  if (f.doseChoice !== 'none' && (mg === null || mg === undefined || mg < 0 || mg > MG_MAX)) errors.mg = t('Type the dose as a number, e.g. 10 or 7.5.');
  const sleep = optionalNumber(f.sleep);
  if (sleep === undefined || (sleep !== null && (sleep < 0 || sleep > SLEEP_MAX))) errors.sleep = t('Hours slept must be a number from 0 to {0}.', SLEEP_MAX);
  const tags = f.tags
    .split(',')
    .map((s) => s.trim().replace(/^#/, ''))
    .filter(Boolean);
  if (tags.some((tag) => tag.length > TAG_MAX)) errors.tags = t('Keep each tag under {0} characters.', TAG_MAX);
  if (tags.length > TAGS_MAX) errors.tags = t('Use at most {0} tags.', TAGS_MAX);
  if (f.symptoms.length > VIEW.draftSymptoms) errors.symptoms = t('Choose at most {0} symptoms for one entry.', VIEW.draftSymptoms);
  if (f.backdate) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) errors.date = t('Choose the day this entry is for.');
    else if (f.date > today) errors.date = t('The day cannot be in the future.');
    else if (f.date < `${EARLIEST_YEAR}`) errors.date = t('Choose a day from {0} on.', EARLIEST_YEAR);
    if (f.time && !HHMM.test(f.time)) errors.time = t('Use a time such as 08:30.');
  }
  if (f.note.length > NOTE_MAX) errors.note = t('Keep the note under {0} characters.', NOTE_MAX);
  if (Object.keys(errors).length > 0) return { errors };

  const candidate = {
    mood: f.mood,
    dose: f.doseChoice === 'none' ? null : { mg, status: f.doseChoice },
    symptoms: f.symptoms,
    tags: [...new Set(tags)],
    energy: optionalNumber(f.energy) ?? null,
    anxiety: optionalNumber(f.anxiety) ?? null,
    sleepHours: sleep,
    note: f.note.trim(),
    date: f.backdate ? f.date : null,
    time: f.backdate ? f.time || null : null
  };
  const parsed = entryDraftSchema.safeParse(candidate);
  if (!parsed.success) return { errors: { note: t('Some values are not valid: {0}', parsed.error.issues.map((i) => i.path.join('.')).join(', ')) } };
  return { draft: parsed.data, errors };
}
