import type { Query } from './api.js';

/** The overview's filters from its route query (defaults: by month, all dates and districts). */
export function overviewFilters(query: URLSearchParams): { period: string; from: string; to: string; district: string } {
  return { period: query.get('period') || 'month', from: query.get('from') ?? '', to: query.get('to') ?? '', district: query.get('district') ?? '' };
}

/** The KPI the overview shows in detail (trend, districts) when the route names none. */
export const DEFAULT_KPI = 'dispatch_return_rate';

/** The KPI the route names for detail. */
export function overviewKpi(query: URLSearchParams): string {
  return query.get('kpi') || DEFAULT_KPI;
}

/**
 * The API requests the overview makes for these filters and the KPI shown in detail (its values by
 * district only: all of them would be ~20 times the size): shared with the prefetch at start-up.
 */
export function overviewRequests(
  f: ReturnType<typeof overviewFilters>,
  kpi: string,
): { summary: [string, Query]; facets: [string, Query]; kpis: [string, Query]; byDistrict: [string, Query] | null } {
  return {
    summary: ['/summary', {}],
    facets: ['/facets', {}],
    kpis: ['/kpis', { ...f }],
    byDistrict: f.district ? null : ['/kpis', { ...f, byDistrict: true, kpi }],
  };
}
