/** Building blocks shared by every schema: dates, money, ids, text. */
import { z } from 'zod';
import { isIsoDate, isIsoMonth, isValidTimeZone } from '../core/dates.js';
import { LIMITS } from '../core/limits.js';

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'must be a calendar date written YYYY-MM-DD' })
  .meta({ format: 'date', example: '2026-11-22' });

export const isoMonth = z.string().refine(isIsoMonth, { message: 'must be a month written YYYY-MM' }).meta({ example: '2026-10' });

/** An instant with an explicit UTC offset, e.g. 2026-10-12T22:41:00+03:00. */
export const isoInstant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO-8601 date-time with an offset, e.g. 2026-10-12T22:41:00+03:00',
});

export const timeZone = z.string().min(1).max(64).refine(isValidTimeZone, { message: 'must be an IANA time zone such as Europe/Vilnius' });

export const currency = z.string().regex(/^[A-Z]{3}$/, { message: 'must be a three-letter ISO 4217 currency code such as EUR' });

export const countryCode = z.string().regex(/^[A-Z]{2}$/, { message: 'must be a two-letter ISO country code such as LT' });

/** Money in integer minor units (cents); never a float. */
export const moneyMinor = z
  .number({ message: 'must be a whole number of minor units (cents)' })
  .int({ message: 'must be a whole number of minor units (cents)' })
  .min(0, { message: 'must not be negative' })
  .max(LIMITS.moneyMaxMinor, { message: `must be at most ${LIMITS.moneyMaxMinor}` });

export const positiveMoneyMinor = moneyMinor.refine((n) => n > 0, { message: 'must be more than zero' });

export const id = z.string().uuid({ message: 'must be an id (UUID)' });

/** A short, non-empty, trimmed line of text without control characters. */
export const name = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(LIMITS.nameMax, { message: `must be at most ${LIMITS.nameMax} characters` })
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must not contain control characters' });

/** No NUL characters in stored text: they mean nothing to a reader and PostgreSQL refuses them. */
export const noNul = (s: string) => !s.includes('\u0000');
const NO_NUL = { message: 'must not contain NUL characters' };

/** Free text of any length up to `max`. */
export const freeText = (max: number) =>
  z
    .string()
    .max(max, { message: `must be at most ${max} characters` })
    .refine(noNul, NO_NUL);

export const note = freeText(LIMITS.noteMax);

export const optionalName = name.nullable().optional();

/**
 * The PATCH shape of a create schema: every field optional and no defaults. Zod's `.partial()`
 * keeps each field's default, so a PATCH of one field would quietly reset the others.
 */
export function patchOf<Shape extends z.ZodRawShape>(input: z.ZodObject<Shape>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(input.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = inner.optional();
  }

  return z.strictObject(shape) as unknown as z.ZodObject<{ [K in keyof Shape]: z.ZodOptional<Shape[K]> }>;
}
