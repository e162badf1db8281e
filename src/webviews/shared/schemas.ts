// The field types every page's messages are made of: bounded text, numbers, dates and lists. The
// bounds come from core/limits.ts, so the host clips to the same limits before it posts.
import * as z from 'zod/mini';
import { HHMM, MOOD_MAX, MOOD_MIN } from '../../core/limits';

export const str = (max: number) => z.string().check(z.maxLength(max));
export const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
export const int = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
export const num = (min: number, max: number) => z.number().check(z.minimum(min), z.maximum(max));
export const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
export const clock = z.string().check(z.regex(HHMM));
export const id = str(64);
export const mood = int(MOOD_MIN, MOOD_MAX);
export const list = <T extends z.ZodMiniType>(item: T, max: number) => z.array(item).check(z.maxLength(max));
/** A count of days or rows: any size the journal can hold (a step dated in 1900 is still valid). */
export const count = int(0, Number.MAX_SAFE_INTEGER);

/** How many of each list the host left out to stay within its limits (the page says so). */
export const omitted = <K extends string>(...keys: K[]) => z.optional(z.partialRecord(z.enum(keys), count));

export const moodValue = num(MOOD_MIN, MOOD_MAX);
