import { z } from 'zod';
import { ConsultationError } from './errors.js';

/**
 * Input schemas of every consultation operation. The HTTP routes validate with the same schemas
 * (and the OpenAPI document is generated from them), so the library and the API cannot disagree.
 */

export const MEETING_KINDS = ['regular', 'special'] as const;
export const MEETING_STATUSES = ['draft', 'issued', 'held', 'minutes_issued'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const unitName = text(100);
const isoDate = z.iso.date();

export const createMeetingInput = z
  .object({
    title: text(200),
    date: isoDate,
    kind: z.enum(MEETING_KINDS).default('regular'),
    convener: text(200).optional(),
    location: text(200).optional(),
    periodFrom: isoDate.optional(),
    periodTo: isoDate.optional(),
  })
  .refine((m) => !m.periodFrom || !m.periodTo || m.periodFrom <= m.periodTo, { message: 'periodFrom must not be after periodTo' });

export const updateMeetingInput = z
  .object({
    title: text(200),
    date: isoDate,
    kind: z.enum(MEETING_KINDS),
    convener: text(200).nullable(),
    location: text(200).nullable(),
    periodFrom: isoDate.nullable(),
    periodTo: isoDate.nullable(),
  })
  .partial();

export const addItemInput = z.object({
  title: text(200).optional(),
  topicId: z.number().int().min(0).optional(),
  notes: z.string().trim().max(2000).optional(),
}).refine((i) => i.title !== undefined || i.topicId !== undefined, { message: 'give a title or a topicId' });

export const updateItemInput = z.object({
  title: text(200).optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});

export const reorderInput = z.object({ itemIds: z.array(z.number().int().positive()).min(1) });

export const setUnitsInput = z.object({ units: z.array(unitName).max(200) });

export const statusInput = z.object({ to: z.enum(MEETING_STATUSES) });

export const decideInput = z.object({
  itemId: z.number().int().positive(),
  leadUnit: unitName,
  assistingUnits: z.array(unitName).max(50).default([]),
  normText: text(5000),
  deadlineDays: z.number().int().min(1).max(365).optional(),
  scopeDistricts: z.array(text(100)).max(100).default([]),
  effectiveFrom: isoDate.optional(),
});

export const suggestRouteInput = z.object({
  text: text(5000),
  district: text(100).optional(),
  /** The day the appeal arrived (default today): rules apply from their effective date. */
  at: isoDate.optional(),
});

export const followUpInput = z.object({
  windowDays: z.number().int().min(14).max(365).default(90),
  controls: z.number().int().min(2).max(30).default(5),
  minAppeals: z.number().int().min(1).max(1000).default(10),
});

export type CreateMeetingInput = z.input<typeof createMeetingInput>;
export type UpdateMeetingInput = z.input<typeof updateMeetingInput>;
export type AddItemInput = z.input<typeof addItemInput>;
export type UpdateItemInput = z.input<typeof updateItemInput>;
export type ReorderInput = z.input<typeof reorderInput>;
export type SetUnitsInput = z.input<typeof setUnitsInput>;
export type StatusInput = z.input<typeof statusInput>;
export type DecideInput = z.input<typeof decideInput>;
export type SuggestRouteInput = z.input<typeof suggestRouteInput>;
export type FollowUpInput = z.input<typeof followUpInput>;
export type FollowUpOptions = z.output<typeof followUpInput>;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Parses `input` or throws an `invalid_input` error listing every problem. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ConsultationError('invalid_input', z.prettifyError(result.error));
  return result.data;
}
