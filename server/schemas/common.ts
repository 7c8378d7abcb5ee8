import { z } from 'zod';

export const ROLES = ['officer', 'unit_head', 'leader', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Values an error's translated message is filled in with (e.g. the roles a route needs). */
export const ErrorParams = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]));

/**
 * Every error answer: a stable code the client translates (filled in with `params`), and a message
 * in English for logs, scripts and codes the client does not know.
 */
export const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  params: ErrorParams.optional(),
});

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** An optional text filter from a query string; an empty value means no filter. */
export const optText = (max = 200) => z.preprocess(blankToUndefined, z.string().max(max).optional());

/** A local calendar date, YYYY-MM-DD. */
export const isoDate = z.iso.date();
export const optDate = z.preprocess(blankToUndefined, isoDate.optional());

export const optInt = (min: number, max: number) => z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).optional());

/** A yes/no query flag written as true/false (or 1/0). */
export const optFlag = z.preprocess(blankToUndefined, z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1').optional());

export const paging = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};

/** A `from`/`to` pair is checked to be in order. */
export function datesInOrder(v: { from?: string; to?: string }): boolean {
  return !v.from || !v.to || v.from <= v.to;
}
export const datesInOrderMessage = { message: 'from must not be after to', path: ['from'] };
