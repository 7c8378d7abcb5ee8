import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeKpis, KPIS } from '../../../pipelines/kpis/index.js';
import { ARROW } from '../../../server/http/arrow.js';
import { Client, startServer, type Harness } from '../harness.js';

let h: Harness;
let leader: Client;
beforeAll(async () => {
  h = await startServer();
  leader = await Client.signedIn(h.base, 'leader');
});
afterAll(() => h.close());

type Value = { period: string; district: string | null; numerator: number; denominator: number | null; value: number | null };

describe('KPI report', () => {
  it('is the KPI dictionary as pipelines/kpis computes it', async () => {
    const body = await leader.json('/api/kpis?period=month');
    const lib = await h.app.ctx.lock.read(() => computeKpis(h.db, { period: 'month' }));
    expect(body).toEqual(JSON.parse(JSON.stringify(lib)));
    expect(body.periods).toEqual(['2025-03-01', '2025-04-01']);
    const returns = body.kpis.find((k: { id: string }) => k.id === 'dispatch_return_rate');
    expect(returns.values.map((v: Value) => [v.numerator, v.denominator])).toEqual([[1, 5], [0, 4]]);
  });

  it('splits by district on request and filters to one district', async () => {
    const by = await leader.json('/api/kpis?period=month&byDistrict=true');
    const districts = new Set(by.kpis[0].values.map((v: Value) => v.district));
    expect([...districts].sort()).toEqual(['东城区', '南湖区', '西城区']);
    const one = await leader.json(`/api/kpis?period=month&district=${encodeURIComponent('西城区')}`);
    const returns = one.kpis.find((k: { id: string }) => k.id === 'dispatch_return_rate');
    expect(returns.values.every((v: Value) => v.district === '西城区' && v.numerator === 0)).toBe(true);
    const none = await leader.json(`/api/kpis?period=month&district=${encodeURIComponent("' OR 1=1 --")}`);
    expect(none.kpis.find((k: { id: string }) => k.id === 'dispatch_return_rate').values).toEqual([]);
  });

  it('gives one KPI only when asked, as it is in the full report', async () => {
    const by = await leader.json('/api/kpis?period=month&byDistrict=true');
    const one = await leader.json('/api/kpis?period=month&byDistrict=true&kpi=dispatch_return_rate');
    expect(one.kpis).toEqual(by.kpis.filter((k: { id: string }) => k.id === 'dispatch_return_rate'));
    expect(one.periods).toEqual(by.periods);
    const unknown = await leader.get("/api/kpis?period=month&kpi=' OR 1=1 --");
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).message).toMatch(/no KPI/);
  });

  it('lists the KPI dictionary with both names of every KPI', async () => {
    const body = await leader.json('/api/kpis/dictionary');
    expect(body.kpis.map((k: { id: string }) => k.id)).toEqual(KPIS.map((k) => k.id));
    expect(body.kpis[0].label).toEqual(KPIS[0].label);
  });

  it('refuses bad periods and dates with 400', async () => {
    for (const qs of ['period=year', 'from=2025-02-30', 'from=2025-05-01&to=2025-01-01', 'byDistrict=maybe']) {
      const res = await leader.get(`/api/kpis?${qs}`);
      expect(res.status, qs).toBe(400);
      expect((await res.json()).message, qs).toMatch(/query\./);
    }
  });

  it('sends the flat KPI table as Arrow with the same values as JSON', async () => {
    const json = await leader.json('/api/kpis/table?period=month');
    const res = await leader.get('/api/kpis/table?period=month', { accept: ARROW });
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(table.numRows).toBe(json.rows.length);
    expect(table.toArray().map((r) => r.toJSON())).toEqual(json.rows);
  });
});

describe('drill-down', () => {
  it('lists the transfers behind a value, numerator first, matching the report’s counts', async () => {
    const body = await leader.json('/api/kpis/dispatch_return_rate/appeals?period=month&start=2025-03-01');
    expect(body.total).toBe(5);
    expect(body.rows.filter((r: { inNumerator: boolean }) => r.inNumerator).map((r: { appealId: string }) => r.appealId)).toEqual(['GD003']);
    expect(body.rows[0]).toMatchObject({ appealId: 'GD003', seq: 1, title: '占道经营' });
  });

  it('hides who and what of rows outside a unit head’s scope, but still counts them', async () => {
    const head = await Client.signedIn(h.base, 'headA');
    const body = await head.json('/api/kpis/dispatch_return_rate/appeals?period=month&start=2025-03-01');
    expect(body.total).toBe(5);
    const hidden = body.rows.filter((r: { appealId: string | null }) => r.appealId === null);
    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toMatchObject({ title: null, snippet: null, handlingUnit: null, district: '西城区' });
  });

  it('answers 404 for an unknown KPI and 400 for a malformed id or start', async () => {
    expect((await leader.get('/api/kpis/no_such_kpi/appeals?start=2025-03-01')).status).toBe(404);
    expect((await leader.get(`/api/kpis/${encodeURIComponent("x' OR 1=1")}/appeals?start=2025-03-01`)).status).toBe(400);
    expect((await leader.get('/api/kpis/dispatch_return_rate/appeals?start=March')).status).toBe(400);
  });
});
