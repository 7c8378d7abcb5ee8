import type { Query } from './api.js';

/** The overview's filters from its route query (defaults: by month, all dates and districts). */
export function overviewFilters(query: URLSearchParams): { period: string; from: string; to: string; district: string } {
  return { period: query.get('period') || 'month', from: query.get('from') ?? '', to: query.get('to') ?? '', district: query.get('district') ?? '' };
}

/** The API requests the overview makes for these filters: shared with the prefetch at start-up. */
export function overviewRequests(f: ReturnType<typeof overviewFilters>): { summary: [string, Query]; facets: [string, Query]; kpis: [string, Query]; byDistrict: [string, Query] | null } {
  return {
    summary: ['/summary', {}],
    facets: ['/facets', {}],
    kpis: ['/kpis', { ...f }],
    byDistrict: f.district ? null : ['/kpis', { ...f, byDistrict: true }],
  };
}
