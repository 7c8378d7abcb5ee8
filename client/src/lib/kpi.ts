import type { KpiSeries, KpiValue } from '../../../server/api-types.js';

export interface KpiCard {
  kpi: KpiSeries;
  current: KpiValue | null;
  previous: KpiValue | null;
  /**
   * Change against the previous period: relative for counts and minutes, in percentage points for
   * shares; null when either value is missing or the previous count is 0.
   */
  change: { kind: 'relative' | 'points'; value: number } | null;
  /** Whether the change is an improvement, for colouring (null: no direction is better). */
  better: boolean | null;
}

/** KPIs where a higher value is worse (returns, waiting, repeats); for the rest higher is better or neutral. */
const LOWER_IS_BETTER = new Set([
  'transfer_return_rate', 'dispatch_return_rate', 'functional_return_rate', 'territorial_misroute_rate', 'transfer_accept_minutes_p50',
  'transfer_accept_minutes_p90', 'dispatch_accept_minutes_p50', 'dispatch_accept_minutes_p90', 'repeat_appeal_rate', 'disputed_topics_open',
]);
const HIGHER_IS_BETTER = new Set(['non_police_diversion_rate', 'transfer_acceptance_rate', 'response_rate', 'resolution_rate', 'satisfaction_rate', 'disputed_topics_decided']);

/** The last two periods of a KPI's totals (a report not split by district), and the change between them. */
export function kpiCard(kpi: KpiSeries, periods: string[]): KpiCard {
  const byPeriod = new Map(kpi.values.map((v) => [v.period, v]));
  const last = periods.at(-1);
  const before = periods.at(-2);
  const current = last ? (byPeriod.get(last) ?? null) : null;
  const previous = before ? (byPeriod.get(before) ?? null) : null;
  let change: KpiCard['change'] = null;
  if (current?.value != null && previous?.value != null) {
    if (kpi.unit === 'share') change = { kind: 'points', value: (current.value - previous.value) * 100 };
    else if (previous.value !== 0) change = { kind: 'relative', value: (current.value - previous.value) / previous.value };
  }
  const direction = LOWER_IS_BETTER.has(kpi.id) ? -1 : HIGHER_IS_BETTER.has(kpi.id) ? 1 : 0;
  const better = change === null || direction === 0 || change.value === 0 ? null : Math.sign(change.value) === direction;
  return { kpi, current, previous, change, better };
}
