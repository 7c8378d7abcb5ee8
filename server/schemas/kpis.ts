import { z } from 'zod';
import { datesInOrder, datesInOrderMessage, isoDate, optDate, optFlag, optText } from './common.js';

export const Period = z.enum(['day', 'week', 'month', 'quarter']);

export const KpisQuery = z
  .object({
    period: Period.default('month'),
    from: optDate,
    to: optDate,
    district: optText(100),
    byDistrict: optFlag,
    /** One KPI only, by id (the overview's district comparison shows one at a time). */
    kpi: optText(60),
  })
  .refine(datesInOrder, datesInOrderMessage);

export const KpiValue = z.object({
  period: z.string(),
  district: z.string().nullable(),
  breakdown: z.string().nullable(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
});

export const KpiSeries = z.object({
  id: z.string(),
  kind: z.enum(['count', 'rate', 'p50', 'p90']),
  view: z.string(),
  unit: z.string(),
  breakdown: z.string().nullable(),
  label: z.object({ zh: z.string(), en: z.string() }),
  values: z.array(KpiValue),
  breakdowns: z.array(KpiValue),
});

export const KpiReport = z.object({
  period: Period,
  from: z.string(),
  to: z.string(),
  district: z.string().nullable(),
  byDistrict: z.boolean(),
  periods: z.array(z.string()),
  kpis: z.array(KpiSeries),
});

export const KpiDefinition = KpiSeries.omit({ values: true, breakdowns: true });
export const KpiDictionary = z.object({ kpis: z.array(KpiDefinition) });

/** The same values as one flat table (one row per KPI, period, district and breakdown): Arrow on request. */
export const KpiValueRow = KpiValue.extend({ kpi: z.string() });
export const KpiTable = z.object({ period: Period, from: z.string(), to: z.string(), rows: z.array(KpiValueRow) });

export const KpiParams = z.object({ kpi: z.string().min(1).max(60).regex(/^[a-z0-9_]+$/, 'a KPI id such as transfer_return_rate') });

export const KpiAppealsQuery = z.object({
  period: Period.default('month'),
  start: isoDate.describe('first day of the period, as the KPI report gives it'),
  district: optText(100),
  breakdown: optText(100),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const KpiAppealRow = z.object({
  platform: z.string(),
  /** Null when a unit head may not read this appeal: the row then counts, but is not shown. */
  appealId: z.string().nullable(),
  seq: z.number().int().nullable(),
  at: z.string(),
  district: z.string().nullable(),
  breakdown: z.string().nullable(),
  inNumerator: z.boolean(),
  /** Null for counts, which have no denominator. */
  inDenominator: z.boolean().nullable(),
  measure: z.number().nullable(),
  title: z.string().nullable(),
  snippet: z.string().nullable(),
  handlingUnit: z.string().nullable(),
});

export const KpiAppeals = z.object({
  kpi: z.string(),
  period: z.object({ unit: Period, start: z.string() }),
  district: z.string().nullable(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  rows: z.array(KpiAppealRow),
});
