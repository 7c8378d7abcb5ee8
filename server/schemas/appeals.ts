import { z } from 'zod';
import { datesInOrder, datesInOrderMessage, optDate, optInt, optText, paging } from './common.js';

const filterShape = {
    q: optText(200).describe('text the title or content contains (case-insensitive; % and _ are plain characters)'),
    platform: optText(40),
    district: optText(100),
    unit: optText(200).describe('a unit that handled, received or passed on the appeal'),
    topic: optInt(0, 2_147_483_647),
    from: optDate.describe('received on or after this local date'),
    to: optDate.describe('received on or before this local date'),
};

export const AppealFilters = z.object(filterShape).refine(datesInOrder, datesInOrderMessage);

export const AppealsQuery = z
  .object({
    ...filterShape,
    sort: z.enum(['newest', 'oldest']).default('newest'),
    ...paging,
  })
  .refine(datesInOrder, datesInOrderMessage);

export const AppealListRow = z.object({
  platform: z.string(),
  appealId: z.string(),
  receivedAt: z.string(),
  district: z.string().nullable(),
  channel: z.string().nullable(),
  title: z.string().nullable(),
  snippet: z.string(),
  handlingUnit: z.string().nullable(),
  /** Without a handling unit: the unit the transfer log last sent the appeal to, and what came of it. */
  sentTo: z.string().nullable(),
  sentOutcome: z.enum(['accepted', 'returned', 'negotiated', 'pending']).nullable(),
  status: z.string().nullable(),
  topicId: z.number().int().nullable(),
  topicLabel: z.string().nullable(),
});

export const AppealList = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Matches the user may read. */
  total: z.number().int(),
  /** Unit heads: further matches outside their unit, as a count only; null for other roles. */
  outsideScope: z.number().int().nullable(),
  rows: z.array(AppealListRow),
});

export const AppealParams = z.object({
  platform: z.string().min(1).max(40),
  appealId: z.string().min(1).max(200),
});

export const Transfer = z.object({
  seq: z.number().int(),
  fromParty: z.string(),
  toParty: z.string(),
  method: z.string(),
  sentAt: z.string(),
  acceptedAt: z.string().nullable(),
  acceptMinutes: z.number().nullable(),
  outcome: z.string(),
  reason: z.string().nullable(),
});

export const Signals = z.object({
  functionalReturn: z.boolean(),
  /** The functional return is told in the unit's reply only (no return in the transfer log). */
  functionalReturnInReply: z.boolean(),
  redispatchKind: z.boolean(),
  pingPong: z.boolean(),
  threeParty: z.boolean(),
  noOwner: z.boolean(),
  slowAccept: z.boolean(),
  manyKinds: z.boolean(),
  textCue: z.string().nullable(),
  repeatCaller: z.boolean(),
  repeatAddress: z.boolean(),
  count: z.number().int(),
  ownerUnit: z.string().nullable(),
  ownerKind: z.string().nullable(),
  hoursToFirstAccept: z.number().nullable(),
  hoursToOwner: z.number().nullable(),
});

export const AppealDetail = z.object({
  appeal: z.object({
    platform: z.string(),
    appealId: z.string(),
    channel: z.string().nullable(),
    receivedAt: z.string(),
    district: z.string().nullable(),
    street: z.string().nullable(),
    address: z.string().nullable(),
    sourceCategory: z.string().nullable(),
    appealType: z.string().nullable(),
    title: z.string().nullable(),
    content: z.string(),
    isPoliceMatter: z.boolean().nullable(),
    status: z.string().nullable(),
    handlingUnit: z.string().nullable(),
    closedAt: z.string().nullable(),
    responded: z.boolean().nullable(),
    resolved: z.boolean().nullable(),
    satisfaction: z.string().nullable(),
    /** The handling unit's reply (办理结果), masked at import. */
    reply: z.string().nullable(),
    sourceFile: z.string(),
    sourceRow: z.number().int(),
  }),
  topic: z.object({ topicId: z.number().int(), label: z.string().nullable(), similarity: z.number() }).nullable(),
  transfers: z.array(Transfer),
  /** Null until the dispute signals have been computed for this appeal. */
  signals: Signals.nullable(),
});
