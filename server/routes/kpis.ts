import type { z } from 'zod';
import { computeKpis, kpiAppeals, kpiById, KPIS, type KpiReport as Report } from '../../pipelines/kpis/index.js';
import type { JsonText } from '../cache.js';
import type { AppContext } from '../context.js';
import { ApiRouter } from '../http/route.js';
import { badRequest, notFound } from '../http/errors.js';
import { KpiAppealRow, KpiAppeals, KpiAppealsQuery, KpiDictionary, KpiParams, KpiReport, KpiTable, KpiValueRow, KpisQuery } from '../schemas/kpis.js';

type Query = z.output<typeof KpisQuery>;

/** The KPI report for a query (every KPI), computed once per data version. */
export function fullReport(ctx: AppContext, q: Query): Promise<Report> {
  const opts = { period: q.period, from: q.from, to: q.to, district: q.district, byDistrict: q.byDistrict };
  return ctx.cache.get(`kpis:${JSON.stringify(opts)}`, () => computeKpis(ctx.db, opts));
}

/** The report for a query: every KPI, or the one it names. */
async function kpiReport(ctx: AppContext, q: Query): Promise<Report> {
  if (q.kpi && !kpiById(q.kpi)) throw badRequest(`no KPI '${q.kpi}'`);
  const report = await fullReport(ctx, q);
  return q.kpi ? { ...report, kpis: report.kpis.filter((k) => k.id === q.kpi) } : report;
}

/** The KPI report as the route sends it, serialised once per data version. */
export function kpisAnswer(ctx: AppContext, q: Query): Promise<JsonText> {
  return ctx.cache.json(`kpis:${JSON.stringify(q)}`, () => kpiReport(ctx, q));
}

/** The linkage KPI dictionary per period and district (pipelines/kpis), and the appeals behind each value. */
export function kpiRoutes(ctx: AppContext): ApiRouter {
  const api = new ApiRouter(ctx, '/kpis', 'kpis');

  api.add(
    { method: 'get', path: '/', summary: 'Every KPI per period (and district), with numerators and denominators', access: 'signed_in', query: KpisQuery, response: KpiReport },
    async ({ query }) => kpisAnswer(ctx, query),
  );

  api.add({ method: 'get', path: '/dictionary', summary: 'Every KPI: id, kind, unit, breakdown and its names (definitions in docs/kpis.md)', access: 'signed_in', response: KpiDictionary, lock: 'none' }, async () => ({
    kpis: KPIS.map((k) => ({ id: k.id, kind: k.kind, view: k.view, unit: k.unit, breakdown: k.breakdown, label: k.label })),
  }));

  api.add(
    { method: 'get', path: '/table', summary: 'The same KPI values as one flat table (Arrow on request)', access: 'signed_in', query: KpisQuery, response: KpiTable, table: { row: KpiValueRow } },
    async ({ query }) => {
      const r = await kpiReport(ctx, query);
      return { period: r.period, from: r.from, to: r.to, rows: r.kpis.flatMap((k) => [...k.values, ...k.breakdowns].map((v) => ({ kpi: k.id, ...v }))) };
    },
  );

  api.add(
    {
      method: 'get', path: '/:kpi/appeals', summary: 'Drill-down: the appeals (or transfers) counted in one KPI value, numerator first',
      access: 'signed_in', params: KpiParams, query: KpiAppealsQuery, response: KpiAppeals, table: { row: KpiAppealRow },
    },
    async ({ params, query, scope }) => {
      if (!kpiById(params.kpi)) throw notFound(`no KPI '${params.kpi}'`);
      const drill = await kpiAppeals(ctx.db, params.kpi, { unit: query.period, start: query.start }, query.district ?? null, {
        breakdown: query.breakdown,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      const keys = JSON.stringify(drill.rows.map((r) => ({ platform: r.platform, appeal_id: r.appealId })));
      const found = await ctx.db.all<{ platform: string; appeal_id: string; title: string | null; snippet: string; handling_unit: string | null; in_scope: boolean }>('server/appeals_by_keys', { keys, scope_unit: scope.unit });
      const byKey = new Map(found.map((a) => [`${a.platform}\u0000${a.appeal_id}`, a]));
      return {
        kpi: drill.kpi,
        period: drill.period,
        district: drill.district,
        total: drill.total,
        page: query.page,
        pageSize: query.pageSize,
        rows: drill.rows.map((r) => {
          const a = byKey.get(`${r.platform}\u0000${r.appealId}`);
          // outside a unit head's scope the row still counts, but shows no identity or text
          const visible = a?.in_scope ?? false;
          return {
            platform: r.platform,
            appealId: visible ? r.appealId : null,
            seq: r.seq,
            at: r.at,
            district: r.district,
            breakdown: r.breakdown,
            inNumerator: r.inNumerator,
            inDenominator: r.inDenominator,
            measure: r.measure,
            title: visible ? (a!.title ?? null) : null,
            snippet: visible ? a!.snippet : null,
            handlingUnit: visible ? (a!.handling_unit ?? null) : null,
          };
        }),
      };
    },
  );
  return api;
}
