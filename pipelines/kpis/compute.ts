import { createHash } from 'node:crypto';
import type { Database } from '../db/database.js';
import { sqlText } from '../db/sql-files.js';
import { loadConfig, type DisputeConfig } from '../disputes/config.js';
import { ensureMacros, exclusive } from '../disputes/session.js';
import { ensureSignals } from '../disputes/signals.js';
import { addDays, parseDate } from '../disputes/window.js';
import { KPIS, MEMBER_VIEWS, kpiById, type KpiDefinition } from './catalog.js';

export type Period = 'day' | 'week' | 'month' | 'quarter';
export const PERIODS: Period[] = ['day', 'week', 'month', 'quarter'];

export interface KpiOptions {
  period?: Period;
  /**
   * Local dates YYYY-MM-DD, `to` inclusive; default: the whole span of the data. The window is
   * widened to whole periods: every period it touches is reported in full.
   */
  from?: string;
  to?: string;
  /** Only appeals of this district. */
  district?: string;
  /** One value per district as well as per period. */
  byDistrict?: boolean;
  config?: DisputeConfig;
}

export interface KpiValue {
  /** First day of the period, YYYY-MM-DD (weeks start on Monday). */
  period: string;
  district: string | null;
  /** The breakdown value (method, direction …); null on the total row. */
  breakdown: string | null;
  /** Counts: the count. Rates: appeals/transfers in the numerator. Percentiles: how many were measured. */
  numerator: number;
  /** Rates only. */
  denominator: number | null;
  /** The KPI's value: count, share in [0, 1], or minutes; null when the denominator is 0 or nothing was measured. */
  value: number | null;
}

export interface KpiSeries extends KpiDefinition {
  /** Totals per period (and district). */
  values: KpiValue[];
  /** Per breakdown value, same periods. */
  breakdowns: KpiValue[];
}

export interface KpiReport {
  period: Period;
  from: string;
  to: string;
  district: string | null;
  byDistrict: boolean;
  periods: string[];
  kpis: KpiSeries[];
}

interface AggregateRow {
  kpi: string;
  period: string;
  district: string | null;
  breakdown: string | null;
  total: boolean;
  numerator: number;
  denominator: number | null;
  p50: number | null;
  p90: number | null;
}

const installed = new WeakSet<object>();

/** Creates the KPI member views and the disputed-topics macro for this connection (once). */
async function installKpis(db: Database): Promise<void> {
  const connection = await db.activeConnection();
  if (installed.has(connection)) return;
  await ensureMacros(db);
  for (const view of MEMBER_VIEWS) await db.run(`kpis/${view}`);
  await db.run('kpis/members');
  await db.run('kpis/disputed_topics');
  installed.add(connection);
}

/** Digest of the SQL the rollups are built with: editing a KPI definition rebuilds them. */
function definitionsDigest(): string {
  const hash = createHash('sha256');
  for (const name of [...MEMBER_VIEWS, 'members', 'rollup']) hash.update(sqlText(`kpis/${name}`));
  return hash.digest('hex');
}

/** Rebuilds the KPI rollups (kpi_daily, kpi_percentiles, kpi_topic_periods) when appeal_signals or a KPI definition changed since. */
async function ensureRollup(db: Database): Promise<void> {
  await exclusive(db, 'kpi-rollup', async () => {
    const state = await db.one<{ built_of: string | null; signals: string | null }>('kpis/rollup_state');
    const key = `${state?.signals ?? ''}|${definitionsDigest()}`;
    if (state?.built_of === key) return;
    await db.transaction(async () => {
      await db.run('kpis/rollup');
      await db.run('kpis/store_rollup_state', [key]);
    });
  });
}

/** Signals, views and rollups up to date: what every KPI query needs. */
async function prepare(db: Database, config?: DisputeConfig): Promise<DisputeConfig> {
  const cfg = config ?? (await loadConfig(db));
  await ensureSignals(db, cfg);
  await installKpis(db);
  await ensureRollup(db);
  return cfg;
}

const DAY_MS = 86_400_000;

/** First day of the `unit` period holding `date` (weeks start on Monday). */
export function periodStart(date: string, unit: Period): string {
  const d = new Date(parseDate(date, 'date'));
  if (unit === 'week') return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
  if (unit === 'month') return `${date.slice(0, 7)}-01`;
  if (unit === 'quarter') return `${date.slice(0, 4)}-${String(Math.floor(d.getUTCMonth() / 3) * 3 + 1).padStart(2, '0')}-01`;
  return date;
}

/** First day after the `unit` period holding `date`. */
export function periodEnd(date: string, unit: Period): string {
  const start = periodStart(date, unit);
  if (unit === 'day') return addDays(start, 1);
  if (unit === 'week') return addDays(start, 7);
  const d = new Date(parseDate(start, 'date'));
  d.setUTCMonth(d.getUTCMonth() + (unit === 'month' ? 1 : 3));
  return d.toISOString().slice(0, 10);
}

function valueOf(def: KpiDefinition, row: AggregateRow): KpiValue {
  const value =
    def.kind === 'count' ? row.numerator
    : def.kind === 'rate' ? (row.denominator ? row.numerator / row.denominator : null)
    : def.kind === 'p50' ? row.p50
    : row.p90;
  return {
    period: row.period,
    district: row.district,
    breakdown: row.total ? null : row.breakdown,
    numerator: row.numerator,
    denominator: def.kind === 'rate' ? row.denominator : null,
    value,
  };
}

async function span(db: Database): Promise<{ first: string; last: string }> {
  const row = await db.one<{ first_day: string | null; last_day: string | null }>('disputes/data_span');
  const today = new Date().toISOString().slice(0, 10);
  return { first: row?.first_day ?? today, last: row?.last_day ?? today };
}

/**
 * The KPI dictionary per period (and district when asked), each value with its numerator and
 * denominator so a dashboard can show them and drill down with kpiAppeals.
 */
export async function computeKpis(db: Database, opts: KpiOptions = {}): Promise<KpiReport> {
  const period = opts.period ?? 'month';
  if (!PERIODS.includes(period)) throw new Error(`period must be one of ${PERIODS.join(', ')}`);
  const config = await prepare(db, opts.config);
  const dataSpan = opts.from && opts.to ? undefined : await span(db);
  const askedFrom = opts.from ?? dataSpan!.first;
  const askedTo = opts.to ?? dataSpan!.last;
  if (parseDate(askedFrom, 'from') > parseDate(askedTo, 'to')) throw new Error(`from ${askedFrom} is after to ${askedTo}`);
  const from = periodStart(askedFrom, period);
  const end = periodEnd(askedTo, period);
  const to = addDays(end, -1);
  // filtering to one district labels every row with it, as splitting by district would
  const params = { period, from, to: end, district: opts.district ?? null, by_district: Boolean(opts.byDistrict || opts.district) };
  const rows = await db.all<AggregateRow & Record<string, unknown>>('kpis/aggregate', params);
  rows.push(...(await db.all<AggregateRow & Record<string, unknown>>('kpis/percentiles', params)));
  rows.push(
    ...(await db.all<AggregateRow & Record<string, unknown>>('kpis/disputed_topics_aggregate', {
      ...params,
      min_appeals: config.kpi.disputedMinAppeals,
      min_share: config.kpi.disputedMinShare,
    })),
  );
  const periods = (await db.all<{ period: string }>('kpis/periods', { period, from, to: end })).map((r) => r.period);
  const districts = opts.byDistrict ? [...new Set(rows.map((r) => r.district))].sort() : [opts.district ?? null];

  const kpis = KPIS.map((def): KpiSeries => {
    const own = rows.filter((r) => r.kpi === (def.view === 'disputed_topics' ? def.id : def.view));
    const values = own.filter((r) => r.total).map((r) => valueOf(def, r));
    if (def.kind === 'count') {
      // a count with nothing to count is 0, not missing
      const seen = new Set(values.map((v) => `${v.period}|${v.district}`));
      for (const p of periods) {
        for (const d of districts) {
          if (!seen.has(`${p}|${d}`)) values.push({ period: p, district: d, breakdown: null, numerator: 0, denominator: null, value: 0 });
        }
      }
      values.sort((a, b) => a.period.localeCompare(b.period) || String(a.district).localeCompare(String(b.district)));
    }
    return { ...def, values, breakdowns: own.filter((r) => !r.total).map((r) => valueOf(def, r)) };
  });
  return { period, from, to, district: opts.district ?? null, byDistrict: Boolean(opts.byDistrict), periods, kpis };
}

export interface KpiAppealRow {
  platform: string;
  appealId: string;
  /** The transfer's seq for transfer-level KPIs. */
  seq: number | null;
  at: string;
  district: string | null;
  breakdown: string | null;
  inNumerator: boolean;
  inDenominator: boolean;
  /** Minutes, for percentile KPIs. */
  measure: number | null;
}

export interface KpiAppeals {
  kpi: string;
  period: { unit: Period; start: string };
  district: string | null;
  total: number;
  rows: KpiAppealRow[];
}

/**
 * Drill-down: the appeals (with the transfer, for transfer-level KPIs) counted in one KPI value —
 * numerator rows first, then the rest of the denominator. `period.start` is the period's first day
 * as computeKpis reports it.
 */
export async function kpiAppeals(
  db: Database,
  kpiId: string,
  period: { unit: Period; start: string },
  district?: string | null,
  opts: { breakdown?: string; limit?: number; offset?: number; config?: DisputeConfig } = {},
): Promise<KpiAppeals> {
  const def = kpiById(kpiId);
  if (!def) throw new Error(`unknown KPI '${kpiId}'; known: ${KPIS.map((k) => k.id).join(', ')}`);
  if (!PERIODS.includes(period.unit)) throw new Error(`period must be one of ${PERIODS.join(', ')}`);
  parseDate(period.start, 'period start');
  const config = await prepare(db, opts.config);
  const paging = { limit: opts.limit ?? 1000, offset: opts.offset ?? 0 };
  const common = { period: period.unit, period_start: period.start, district: district ?? null, ...paging };
  const rows =
    def.view === 'disputed_topics'
      ? await db.all<Record<string, unknown>>('kpis/disputed_topics_appeals', {
          ...common,
          decided: def.id === 'disputed_topics_decided',
          min_appeals: config.kpi.disputedMinAppeals,
          min_share: config.kpi.disputedMinShare,
        })
      : await db.all<Record<string, unknown>>('kpis/appeals', { ...common, kpi: def.view, breakdown: opts.breakdown ?? null });
  return {
    kpi: kpiId,
    period,
    district: district ?? null,
    total: (rows[0]?.total as number | undefined) ?? 0,
    rows: rows.map((r) => ({
      platform: r.platform as string,
      appealId: r.appeal_id as string,
      seq: r.seq as number | null,
      at: r.attributed_at as string,
      district: r.district as string | null,
      breakdown: r.breakdown as string | null,
      inNumerator: r.in_numerator as boolean,
      inDenominator: r.in_denominator as boolean,
      measure: r.measure as number | null,
    })),
  };
}
