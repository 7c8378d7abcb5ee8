import { existsSync } from 'node:fs';
import type { z } from 'zod';
import { join } from 'node:path';
import type { JsonText } from '../cache.js';
import type { AppContext } from '../context.js';
import { listUnits } from '../../pipelines/disputes/index.js';
import { ApiRouter } from '../http/route.js';
import { Facets, Health, MonthRow, Summary } from '../schemas/summary.js';

export const API_VERSION = '1.0.0';

/** State shared with main.ts: whether the first-start sample load is running. */
export interface StartupState {
  seeding: boolean;
}

/** What the database holds, once per data version. */
export function summaryAnswer(ctx: AppContext): Promise<JsonText> {
  return ctx.cache.json('summary', async (): Promise<z.input<typeof Summary>> => {
    const t = (await ctx.db.one<Record<string, unknown>>('server/summary_totals'))!;
    const rows = await ctx.db.all<{ platform: string; month: string; appeals: number }>('server/summary_months');
    return {
      totals: {
        appeals: t.appeals as number,
        transfers: t.transfers as number,
        units: t.units as number,
        topics: t.topics as number,
        firstDay: t.first_day as string | null,
        lastDay: t.last_day as string | null,
        lastImport: t.last_import as string | null,
      },
      rows,
    };
  });
}

/** The values the filters offer, once per data version. */
export function facetsAnswer(ctx: AppContext): Promise<JsonText> {
  return ctx.cache.json('facets', async (): Promise<z.input<typeof Facets>> => {
    const rows = await ctx.db.all<{ facet: string; value: string; appeals: number }>('server/facets');
    const units = await listUnits(ctx.db);
    return {
      platforms: rows.filter((r) => r.facet === 'platform').map(({ value, appeals }) => ({ value, appeals })),
      districts: rows.filter((r) => r.facet === 'district').map(({ value, appeals }) => ({ value, appeals })),
      units: units.map((u) => ({ name: u.name, kind: u.kind, district: u.district, appeals: u.appeals })),
    };
  });
}

/** Health, the summary of what the database holds, and the values the filters offer. */
export function summaryRoutes(ctx: AppContext, startup: StartupState): ApiRouter {
  const api = new ApiRouter(ctx, '', 'summary');

  api.add({ method: 'get', path: '/health', summary: 'Whether the server is up, and busy with a write', access: 'public', response: Health, lock: 'none' }, async () => ({
    ok: true,
    version: API_VERSION,
    busy: ctx.lock.busyWriting,
    seeding: startup.seeding,
    clientBuilt: existsSync(join(ctx.config.clientDir, 'index.html')),
  }));

  api.add(
    { method: 'get', path: '/summary', summary: 'Record counts, date span, and appeals per platform and month', access: 'signed_in', response: Summary, table: { row: MonthRow } },
    async () => summaryAnswer(ctx),
  );

  api.add({ method: 'get', path: '/facets', summary: 'Platforms, districts and units to filter by, with appeal counts', access: 'signed_in', response: Facets }, async () => facetsAnswer(ctx));
  return api;
}
