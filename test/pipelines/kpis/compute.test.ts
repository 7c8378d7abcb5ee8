import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { defaultConfig, withOverride } from '../../../pipelines/disputes/config.js';
import { computeKpis, kpiAppeals, type KpiReport, type KpiValue } from '../../../pipelines/kpis/compute.js';
import { KPIS } from '../../../pipelines/kpis/catalog.js';
import { tempDb } from '../../helpers/temp-db.js';
import { insertAppeals, insertTransfers } from '../disputes/fixture.js';

const CG_E = '东城区城市管理综合执法局';
const CG_W = '西城区城市管理综合执法局';
const ZJ_E = '东城区住房和城乡建设局';
const E = '东城区';
const W = '西城区';

/**
 * The KPI city, March–April 2025 (2025-03-03 and 03-10 are Mondays).
 * 12345 work orders:
 *   k1 东 03-03  CG_E accepts in 30 min.                          responded, resolved, satisfied; caller c1, topic 1
 *   k2 东 03-05  CG_W returns 属地不符; CG_E accepts in 40 min.    responded, unresolved, dissatisfied; c1, topic 1 (repeat of k1)
 *   k3 东 03-10  CG_E signs in 10 min then returns 职能交叉; ZJ_E accepts in 60 min;
 *                then 12345→110 one_click, accepted in 5 min.      not responded, resolved, basic; c2, topic 1
 *   k4 西 03-12  12345→110 online, returned; then three-party call, negotiated.   responded; no caller
 *   k5 西 04-02  CG_W pending; 12345→119 one_click.               responded, resolved, satisfied; c3, topic 2
 *   k6 东 04-20  no transfers.                                      responded, resolved, satisfied; c1, topic 1 (46 days after k2)
 *   k7 东 04-15  CG_E returns 职能交叉; ZJ_E accepts in 20 min.    responded, resolved, satisfied; c4, topic 1
 * 110 incidents:
 *   p1 东 03-04 non-police, 110→12345 one_click accepted in 3 min
 *   p2 东 03-20 non-police, not handed over
 *   p3 西 03-21 police, 110→120
 *   p4 西 04-05 non-police, 110→12345 online returned, then online accepted in 15 min
 *   p5 西 04-06 police flag unknown
 * Topic 1 has a decision in force from 2025-04-10.
 */
async function buildKpiCity(db: Database): Promise<void> {
  await insertAppeals(db, [
    { id: 'k1', at: '2025-03-03 08:00', district: E, responded: true, resolved: true, satisfaction: 'satisfied', caller: 'c1', topic: 1 },
    { id: 'k2', at: '2025-03-05 08:00', district: E, responded: true, resolved: false, satisfaction: 'dissatisfied', caller: 'c1', topic: 1 },
    { id: 'k3', at: '2025-03-10 08:00', district: E, responded: false, resolved: true, satisfaction: 'basic', caller: 'c2', topic: 1 },
    { id: 'k4', at: '2025-03-12 09:50', district: W, responded: true },
    { id: 'k5', at: '2025-04-02 08:00', district: W, responded: true, resolved: true, satisfaction: 'satisfied', caller: 'c3', topic: 2 },
    { id: 'k6', at: '2025-04-20 08:00', district: E, responded: true, resolved: true, satisfaction: 'satisfied', caller: 'c1', topic: 1 },
    { id: 'k7', at: '2025-04-15 08:00', district: E, responded: true, resolved: true, satisfaction: 'satisfied', caller: 'c4', topic: 1 },
    { id: 'p1', platform: '110', at: '2025-03-04 10:00', district: E, police: false },
    { id: 'p2', platform: '110', at: '2025-03-20 10:00', district: E, police: false },
    { id: 'p3', platform: '110', at: '2025-03-21 10:00', district: W, police: true },
    { id: 'p4', platform: '110', at: '2025-04-05 10:00', district: W, police: false },
    { id: 'p5', platform: '110', at: '2025-04-06 10:00', district: W },
  ]);
  await insertTransfers(db, [
    { id: 'k1', seq: 1, from: '12345', to: CG_E, sent: '2025-03-03 08:10', accepted: '2025-03-03 08:40' },
    { id: 'k2', seq: 1, from: '12345', to: CG_W, sent: '2025-03-05 08:10', outcome: 'returned', reason: '属地不符' },
    { id: 'k2', seq: 2, from: '12345', to: CG_E, sent: '2025-03-05 08:30', accepted: '2025-03-05 09:10' },
    { id: 'k3', seq: 1, from: '12345', to: CG_E, sent: '2025-03-10 08:10', accepted: '2025-03-10 08:20', outcome: 'returned', reason: '职能交叉' },
    { id: 'k3', seq: 2, from: '12345', to: ZJ_E, sent: '2025-03-10 09:00', accepted: '2025-03-10 10:00' },
    { id: 'k3', seq: 3, from: '12345', to: '110', method: 'one_click', sent: '2025-03-10 11:00', accepted: '2025-03-10 11:05' },
    { id: 'k4', seq: 1, from: '12345', to: '110', method: 'online', sent: '2025-03-12 10:00', outcome: 'returned' },
    { id: 'k4', seq: 2, from: '12345', to: '110', method: 'three_party_call', sent: '2025-03-12 10:10', accepted: '2025-03-12 10:30', outcome: 'negotiated' },
    { id: 'k5', seq: 1, from: '12345', to: CG_W, sent: '2025-04-02 08:10', outcome: 'pending' },
    { id: 'k5', seq: 2, from: '12345', to: '119', method: 'one_click', sent: '2025-04-02 08:20', accepted: '2025-04-02 08:21' },
    { id: 'k7', seq: 1, from: '12345', to: CG_E, sent: '2025-04-15 08:10', outcome: 'returned', reason: '职能交叉' },
    { id: 'k7', seq: 2, from: '12345', to: ZJ_E, sent: '2025-04-15 08:30', accepted: '2025-04-15 08:50' },
    { id: 'p1', platform: '110', seq: 1, from: '110', to: '12345', method: 'one_click', sent: '2025-03-04 10:05', accepted: '2025-03-04 10:08' },
    { id: 'p3', platform: '110', seq: 1, from: '110', to: '120', method: 'one_click', sent: '2025-03-21 10:02', accepted: '2025-03-21 10:03' },
    { id: 'p4', platform: '110', seq: 1, from: '110', to: '12345', method: 'online', sent: '2025-04-05 10:05', outcome: 'returned' },
    { id: 'p4', platform: '110', seq: 2, from: '110', to: '12345', method: 'online', sent: '2025-04-05 10:20', accepted: '2025-04-05 10:35' },
  ]);
  await db.query(
    "INSERT INTO decisions (item_id, topic_id, lead_unit, norm_text, effective_from) VALUES (1, 1, $1, '住建牵头', DATE '2025-04-10')",
    [ZJ_E],
  );
}

// topic 1 counts as disputed with 2 appeals in a period of which ≥ 30 % carry a structural signal
const config = withOverride(defaultConfig(), { kpi: { disputedMinAppeals: 2, disputedMinShare: 0.3 } });
const SPAN = { from: '2025-03-01', to: '2025-04-30', config };

type Expect = [number, number | null, number | null];
const triple = (v: KpiValue | undefined): Expect | undefined => (v ? [v.numerator, v.denominator, v.value] : undefined);

describe('KPI dictionary', () => {
  let db: Database;
  let cleanup: () => void;
  let monthly: KpiReport;
  const total = (r: KpiReport, id: string, period: string, district: string | null = null) =>
    triple(r.kpis.find((k) => k.id === id)!.values.find((v) => v.period === period && v.district === district));
  const split = (r: KpiReport, id: string, period: string, breakdown: string) =>
    triple(r.kpis.find((k) => k.id === id)!.breakdowns.find((v) => v.period === period && v.breakdown === breakdown));

  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await buildKpiCity(db);
    monthly = await computeKpis(db, { ...SPAN, period: 'month' });
  });
  afterAll(() => cleanup());

  it('reports every KPI of the dictionary for every month', () => {
    expect(monthly.kpis.map((k) => k.id)).toEqual(KPIS.map((k) => k.id));
    expect(monthly.periods).toEqual(['2025-03-01', '2025-04-01']);
  });

  it('110 → 12345 and 12345 → 110 transfers by method', () => {
    // March: p1 (one_click). April: p4 twice (online).
    expect(total(monthly, 'transfers_110_to_12345', '2025-03-01')).toEqual([1, null, 1]);
    expect(total(monthly, 'transfers_110_to_12345', '2025-04-01')).toEqual([2, null, 2]);
    expect(split(monthly, 'transfers_110_to_12345', '2025-04-01', 'online')).toEqual([2, null, 2]);
    // March: k3 one_click, k4 online, k4 three_party_call. April: none, shown as 0.
    expect(total(monthly, 'transfers_12345_to_110', '2025-03-01')).toEqual([3, null, 3]);
    for (const m of ['one_click', 'online', 'three_party_call']) expect(split(monthly, 'transfers_12345_to_110', '2025-03-01', m)).toEqual([1, null, 1]);
    expect(total(monthly, 'transfers_12345_to_110', '2025-04-01')).toEqual([0, null, 0]);
  });

  it('diversion rate of non-police incidents', () => {
    // March: p1 diverted, p2 not → 1/2. April: p4 diverted; p5's flag unknown, excluded → 1/1.
    expect(total(monthly, 'non_police_diversion_rate', '2025-03-01')).toEqual([1, 2, 0.5]);
    expect(total(monthly, 'non_police_diversion_rate', '2025-04-01')).toEqual([1, 1, 1]);
  });

  it('acceptance and return rates of 12345 ↔ 110 transfers', () => {
    // March: p1 accepted, k3#3 accepted, k4#1 returned, k4#2 negotiated → accepted 2/4, returned 1/4
    expect(total(monthly, 'transfer_acceptance_rate', '2025-03-01')).toEqual([2, 4, 0.5]);
    expect(total(monthly, 'transfer_return_rate', '2025-03-01')).toEqual([1, 4, 0.25]);
    // by direction: 110→12345 p1 1/1; 12345→110 k3#3 of k3#3, k4#1, k4#2 → 1/3
    expect(split(monthly, 'transfer_acceptance_rate', '2025-03-01', '110→12345')).toEqual([1, 1, 1]);
    expect(split(monthly, 'transfer_acceptance_rate', '2025-03-01', '12345→110')).toEqual([1, 3, 1 / 3]);
    // April: p4#1 returned, p4#2 accepted
    expect(total(monthly, 'transfer_acceptance_rate', '2025-04-01')).toEqual([1, 2, 0.5]);
    expect(total(monthly, 'transfer_return_rate', '2025-04-01')).toEqual([1, 2, 0.5]);
  });

  it('median and p90 minutes to acceptance', () => {
    // transfers, March: p1 3 min, k3#3 5 min → median 4; p90 = 3 + 0.9·(5 − 3) = 4.8
    expect(total(monthly, 'transfer_accept_minutes_p50', '2025-03-01')).toEqual([2, null, 4]);
    expect(total(monthly, 'transfer_accept_minutes_p90', '2025-03-01')![2]).toBeCloseTo(4.8, 9);
    expect(total(monthly, 'transfer_accept_minutes_p50', '2025-04-01')).toEqual([1, null, 15]);
    // dispatches, March: k3#1 10, k1 30, k2#2 40, k3#2 60 → median 35; p90 at rank 0.9·3 = 2.7: 40 + 0.7·20 = 54
    expect(total(monthly, 'dispatch_accept_minutes_p50', '2025-03-01')).toEqual([4, null, 35]);
    expect(total(monthly, 'dispatch_accept_minutes_p90', '2025-03-01')![2]).toBeCloseTo(54, 9);
  });

  it('dispatch return rate split into functional disputes and territorial misroutes', () => {
    // March dispatches with an outcome: k1, k2#1 (territorial), k2#2, k3#1 (functional), k3#2 → 2/5
    expect(total(monthly, 'dispatch_return_rate', '2025-03-01')).toEqual([2, 5, 0.4]);
    expect(total(monthly, 'functional_return_rate', '2025-03-01')).toEqual([1, 5, 0.2]);
    expect(total(monthly, 'territorial_misroute_rate', '2025-03-01')).toEqual([1, 5, 0.2]);
    // April: k5 pending is excluded; k7#1 functional, k7#2 accepted → 1/2
    expect(total(monthly, 'functional_return_rate', '2025-04-01')).toEqual([1, 2, 0.5]);
    expect(total(monthly, 'territorial_misroute_rate', '2025-04-01')).toEqual([0, 2, 0]);
  });

  it('three-party calls and emergency linkages', () => {
    expect(total(monthly, 'three_party_calls', '2025-03-01')).toEqual([1, null, 1]);
    expect(split(monthly, 'three_party_calls', '2025-03-01', 'negotiated')).toEqual([1, null, 1]);
    expect(total(monthly, 'three_party_calls', '2025-04-01')).toEqual([0, null, 0]);
    // March p3 → 120; April k5 → 119
    expect(split(monthly, 'emergency_linkages', '2025-03-01', '120')).toEqual([1, null, 1]);
    expect(split(monthly, 'emergency_linkages', '2025-04-01', '119')).toEqual([1, null, 1]);
  });

  it('response, resolution and satisfaction rates for transferred versus other appeals', () => {
    // March, responded known: k1 T, k2 T, k3 F, k4 T → 3/4; transferred (k3, k4) 1/2; other (k1, k2) 2/2
    expect(total(monthly, 'response_rate', '2025-03-01')).toEqual([3, 4, 0.75]);
    expect(split(monthly, 'response_rate', '2025-03-01', 'transferred')).toEqual([1, 2, 0.5]);
    expect(split(monthly, 'response_rate', '2025-03-01', 'other')).toEqual([2, 2, 1]);
    // resolved known: k1 T, k2 F, k3 T → 2/3; transferred k3 1/1; other 1/2
    expect(total(monthly, 'resolution_rate', '2025-03-01')).toEqual([2, 3, 2 / 3]);
    expect(split(monthly, 'resolution_rate', '2025-03-01', 'other')).toEqual([1, 2, 0.5]);
    // rated: k1 satisfied, k2 dissatisfied, k3 basic (counts as satisfied) → 2/3
    expect(total(monthly, 'satisfaction_rate', '2025-03-01')).toEqual([2, 3, 2 / 3]);
    expect(split(monthly, 'satisfaction_rate', '2025-03-01', 'transferred')).toEqual([1, 1, 1]);
    // April: k5, k6, k7 all yes (k5's 119 link is not a 12345 ↔ 110 transfer: other)
    expect(total(monthly, 'response_rate', '2025-04-01')).toEqual([3, 3, 1]);
    expect(split(monthly, 'response_rate', '2025-04-01', 'other')).toEqual([3, 3, 1]);
  });

  it('repeat-appeal rate', () => {
    // March, with caller and topic: k1, k2 (c1 again after 2 days), k3 → 1/3. April: k5, k6 (46 days), k7 → 0/3
    expect(total(monthly, 'repeat_appeal_rate', '2025-03-01')).toEqual([1, 3, 1 / 3]);
    expect(total(monthly, 'repeat_appeal_rate', '2025-04-01')).toEqual([0, 3, 0]);
  });

  it('disputed topics open and decided', () => {
    // topic 1, March: k1, k2, k3; k3 has a functional return → 1/3 ≥ 0.3: disputed; decision only from 10 April → open
    expect(total(monthly, 'disputed_topics_open', '2025-03-01')).toEqual([1, null, 1]);
    expect(total(monthly, 'disputed_topics_decided', '2025-03-01')).toEqual([0, null, 0]);
    // April: k6, k7 (functional) → 1/2: disputed, and decided
    expect(total(monthly, 'disputed_topics_open', '2025-04-01')).toEqual([0, null, 0]);
    expect(total(monthly, 'disputed_topics_decided', '2025-04-01')).toEqual([1, null, 1]);
  });

  it('splits by district and filters to one', async () => {
    const byDistrict = await computeKpis(db, { ...SPAN, period: 'month', byDistrict: true });
    // March responded: 东 k1 T, k2 T, k3 F → 2/3; 西 k4 T → 1/1
    expect(total(byDistrict, 'response_rate', '2025-03-01', E)).toEqual([2, 3, 2 / 3]);
    expect(total(byDistrict, 'response_rate', '2025-03-01', W)).toEqual([1, 1, 1]);
    // 12345 → 110 in March: 东 k3 → 1; 西 k4 twice → 2; in April 0 for both
    expect(total(byDistrict, 'transfers_12345_to_110', '2025-03-01', E)).toEqual([1, null, 1]);
    expect(total(byDistrict, 'transfers_12345_to_110', '2025-03-01', W)).toEqual([2, null, 2]);
    expect(total(byDistrict, 'transfers_12345_to_110', '2025-04-01', W)).toEqual([0, null, 0]);
    const west = await computeKpis(db, { ...SPAN, period: 'month', district: W });
    expect(total(west, 'non_police_diversion_rate', '2025-04-01', W)).toEqual([1, 1, 1]);
    expect(total(west, 'non_police_diversion_rate', '2025-03-01', W)).toBeUndefined();
  });

  it('attributes to weeks and quarters', async () => {
    const weekly = await computeKpis(db, { ...SPAN, period: 'week' });
    // k3 (Mon 10 March) and k4 (Wed 12 March) fall in the week starting 10 March
    expect(total(weekly, 'transfers_12345_to_110', '2025-03-10')).toEqual([3, null, 3]);
    expect(weekly.periods[0]).toBe('2025-02-24');
    const quarterly = await computeKpis(db, { ...SPAN, period: 'quarter' });
    expect(quarterly.periods).toEqual(['2025-01-01', '2025-04-01']);
    expect(total(quarterly, 'response_rate', '2025-01-01')).toEqual([3, 4, 0.75]);
    // a window inside March is widened to the whole month
    const part = await computeKpis(db, { period: 'month', from: '2025-03-15', to: '2025-03-20', config });
    expect([part.from, part.to, part.periods]).toEqual(['2025-03-01', '2025-03-31', ['2025-03-01']]);
    expect(total(part, 'response_rate', '2025-03-01')).toEqual([3, 4, 0.75]);
  });

  it('drills down to the appeals behind a value, numerator first', async () => {
    const returns = await kpiAppeals(db, 'transfer_return_rate', { unit: 'month', start: '2025-03-01' }, null, { config });
    expect(returns.total).toBe(4);
    expect(returns.rows.map((r) => [r.appealId, r.seq, r.inNumerator])).toEqual([
      ['k4', 1, true],
      ['p1', 1, false],
      ['k3', 3, false],
      ['k4', 2, false],
    ]);
    const response = await kpiAppeals(db, 'response_rate', { unit: 'month', start: '2025-03-01' }, E, { config, breakdown: 'other' });
    expect(response.rows.map((r) => [r.appealId, r.inNumerator])).toEqual([
      ['k1', true],
      ['k2', true],
    ]);
    const minutes = await kpiAppeals(db, 'dispatch_accept_minutes_p90', { unit: 'month', start: '2025-03-01' }, null, { config });
    expect(minutes.rows.map((r) => r.measure).sort((a, b) => a! - b!)).toEqual([10, 30, 40, 60]);
    const open = await kpiAppeals(db, 'disputed_topics_open', { unit: 'month', start: '2025-03-01' }, null, { config });
    expect(open.rows.map((r) => r.appealId)).toEqual(['k1', 'k2', 'k3']);
    const paged = await kpiAppeals(db, 'transfer_return_rate', { unit: 'month', start: '2025-03-01' }, null, { config, limit: 2, offset: 2 });
    expect(paged.total).toBe(4);
    expect(paged.rows.map((r) => r.appealId)).toEqual(['k3', 'k4']);
    await expect(kpiAppeals(db, 'no_such_kpi', { unit: 'month', start: '2025-03-01' })).rejects.toThrow(/unknown KPI/);
  });
});
