import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { refreshSignals, updateSignals } from '../../../pipelines/disputes/signals.js';
import { setUnit } from '../../../pipelines/disputes/units.js';
import { afterImport } from '../../../pipelines/ingest/after-import.js';
import { importFile } from '../../../pipelines/ingest/index.js';
import { writeSampleCity } from '../../../pipelines/sample/index.js';
import { assignNewAppeals, mergeTopics, promoteOutliers } from '../../../pipelines/topics/index.js';
import { tempDb } from '../../helpers/temp-db.js';
import { insertAppeals } from './fixture.js';

type Rec = Record<string, string>;

interface Csv {
  header: string[];
  rows: Rec[];
}

function readCsv(path: string): Csv {
  const [header, ...records] = parse(readFileSync(path, 'utf8'), { relax_column_count: true }) as string[][];
  return { header, rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

function writeCsv(path: string, header: string[], rows: Rec[]): string {
  const quote = (f: string) => `"${f.replace(/"/g, '""')}"`;
  writeFileSync(path, `${[header, ...rows.map((r) => header.map((h) => r[h] ?? ''))].map((rec) => rec.map(quote).join(',')).join('\n')}\n`);
  return path;
}

/** A work order moved by `days`: its 来电时间 ('2025/1/1 0:10') and 办结时间 ('2025-01-03 02:26:00'). */
function shifted(order: Rec, days: number): Rec {
  const m = /^(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d{2})$/.exec(order['来电时间']);
  if (!m) throw new Error(`unexpected 来电时间 ${order['来电时间']}`);
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + days, +m[4], +m[5]));
  const at = `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  const closed = order['办结时间'] && new Date(Date.parse(`${order['办结时间'].replace(' ', 'T')}Z`) + days * 86_400_000).toISOString().replace('T', ' ').slice(0, 19);
  return { ...order, 来电时间: at, 办结时间: closed };
}

/** December's records arrive in the second batch (so the latest receipt moves, as in real use). */
const inDecember = (id: string) => /^(GD|JQ)202512/.test(id);

/** Received at the very end of the first batch and never accepted: late only once time moves on. */
const WAITING = 'GD2025V0000001';

type Row = Record<string, unknown>;

/** Both derived tables, row by row, keyed by appeal (and transfer). */
async function derived(db: Database): Promise<{ signals: Map<string, string>; facts: Map<string, string> }> {
  const key = (r: Row, ...cols: string[]) => cols.map((c) => String(r[c])).join('/');
  const signals = await db.query('SELECT * FROM appeal_signals');
  const facts = await db.query('SELECT * FROM transfer_facts');
  return {
    signals: new Map(signals.map((r) => [key(r, 'platform', 'appeal_id'), JSON.stringify(r)])),
    facts: new Map(facts.map((r) => [key(r, 'platform', 'appeal_id', 'seq'), JSON.stringify(r)])),
  };
}

/** Keys whose rows differ between two versions of a table (or are in only one). */
function differing(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).sort();
}

async function signalOf(db: Database, appealId: string): Promise<Row> {
  const [row] = await db.query('SELECT * FROM appeal_signals WHERE appeal_id = $1', [appealId]);
  return row;
}

/**
 * Runs the incremental refresh and a full rebuild on the same data; both derived tables must match
 * row for row. Returns what changed against the state before (rows recomputed or not).
 */
async function incrementalMatchesFull(db: Database, before: Awaited<ReturnType<typeof derived>>) {
  expect(await updateSignals(db)).toBe('changed');
  const incremental = await derived(db);
  await refreshSignals(db);
  const full = await derived(db);
  expect(differing(incremental.signals, full.signals)).toEqual([]);
  expect(differing(incremental.facts, full.facts)).toEqual([]);
  return { changedSignals: differing(before.signals, full.signals), changedFacts: differing(before.facts, full.facts), after: full };
}

describe('dispute signals brought up to date after an import, only for the appeals it touched', () => {
  let db: Database;
  let dir: string;
  let cleanup: () => void;
  let orders: Csv;
  let transfers: Csv;
  let incidents: Csv;
  /** Hand-overs of older appeals kept back from the first batch, as platform/appeal/seq. */
  let heldBack: Set<string>;
  const key = (t: Rec) => `${t['平台']}/${t['工单编号']}/${t['流转序号']}`;
  const inFirst = (t: Rec) => !inDecember(t['工单编号']) && !heldBack.has(key(t));

  beforeAll(async () => {
    ({ db, dir, cleanup } = await tempDb());
    const files = await writeSampleCity(join(dir, 'city'), { n: 3000, seed: 7 });
    orders = readCsv(files.workOrders.path);
    transfers = readCsv(files.transfers.path);
    incidents = readCsv(files.incidents.path);

    // batch 1: everything up to November, without the last hand-over of one appeal in four that had several
    const last = new Map<string, Rec>();
    for (const t of transfers.rows) if (Number(t['流转序号']) > Number(last.get(t['工单编号'])?.['流转序号'] ?? 0)) last.set(t['工单编号'], t);
    heldBack = new Set([...last.values()].filter((t) => Number(t['流转序号']) >= 2 && !inDecember(t['工单编号'])).filter((_, i) => i % 4 === 0).map(key));

    // and an appeal received last, still waiting for the unit it was sent to: not late yet
    const template = orders.rows.find((r) => r['承办单位'] !== '')!;
    const waiting: Rec = { ...template, 工单编号: WAITING, 来电时间: '2025/12/1 0:00', 工单状态: '待签收', 办结时间: '', 是否响应: '', 是否解决: '', 满意度评价: '' };
    const sent: Rec = {
      平台: '12345', 工单编号: WAITING, 流转序号: '1', 流转时间: '2025-12-01 00:10:00', 派出单位: '12345', 接收单位: template['承办单位'],
      流转方式: '派单', 签收时间: '', 流转结果: '待签收', 退回原因: '',
    };

    const b1 = join(dir, 'b1');
    await importFile(db, writeCsv(`${b1}-orders.csv`, orders.header, [...orders.rows.filter((r) => !inDecember(r['工单编号'])), waiting]), { preset: 'cn-12345-workorders' });
    await importFile(db, writeCsv(`${b1}-incidents.csv`, incidents.header, incidents.rows.filter((r) => !inDecember(r['警情编号']))), { preset: 'cn-110-incidents' });
    const report = await importFile(db, writeCsv(`${b1}-transfers.csv`, transfers.header, [...transfers.rows.filter(inFirst), sent]), { preset: 'cn-transfers' });
    await afterImport(db, report, { full: true });
  }, 300_000);
  afterAll(() => cleanup());

  it('recomputes exactly what a full rebuild gives, for a caller who comes back, updated appeals and new hand-overs', async () => {
    // the most central work order of two topics: a copy of its text is assigned to the same topic
    const central = await db.query<{ appeal_id: string; topic_id: number }>(
      `SELECT e.appeal_id, e.topic_id FROM topic_examples e JOIN appeal_signals s USING (platform, appeal_id)
       WHERE e.rank = 1 AND e.platform = '12345' AND NOT s.sig_repeat_caller AND s.received_day < DATE '2025-11-01'
       ORDER BY e.topic_id LIMIT 2`,
    );
    expect(central).toHaveLength(2);
    const [x, z] = central.map((c) => ({ ...c, row: orders.rows.find((r) => r['工单编号'] === c.appeal_id)! }));

    // the same caller as z comes back three days later about the same thing
    let before = await derived(db);
    const w: Rec = { ...shifted(z.row, 3), 工单编号: 'GD2025W0000001' };
    await importFile(db, writeCsv(join(dir, 'w.csv'), orders.header, [w]), { preset: 'cn-12345-workorders' });
    await assignNewAppeals(db);
    let step = await incrementalMatchesFull(db, before);
    expect(await signalOf(db, 'GD2025W0000001')).toMatchObject({ topic_id: z.topic_id, sig_repeat_caller: true, sig_repeat_address: true });
    expect(step.changedSignals).toContain('12345/GD2025W0000001');

    // batch 2, work orders: December's, x's caller two days before x (x becomes a repeat), z now
    // with another caller and address (w is no longer a repeat), appeals closed or handed to
    // another unit since
    before = step.after;
    expect(await signalOf(db, x.appeal_id)).toMatchObject({ sig_repeat_caller: false });
    expect(await signalOf(db, WAITING)).toMatchObject({ unit_dispatches: 1, sig_no_owner: false, sig_slow_accept: false });
    const y: Rec = { ...shifted(x.row, -2), 工单编号: 'GD2025Y0000001' };
    const zMoved: Rec = { ...z.row, 来电号码: '13900000001', 事发地址: '临港区海滨路1号' };
    const older = orders.rows.filter((r) => !inDecember(r['工单编号']) && r['工单编号'] !== x.appeal_id && r['工单编号'] !== z.appeal_id);
    const closed = older.filter((r) => r['办结时间'] === '').slice(0, 15).map((r): Rec => ({ ...r, 工单状态: '已办结', 办结时间: '2025-12-30 10:00:00' }));
    const units = [...new Set(older.map((r) => r['承办单位']).filter(Boolean))];
    const handed = older.filter((r) => r['办结时间'] !== '').slice(0, 10).map((r): Rec => ({ ...r, 承办单位: units.find((u) => u !== r['承办单位'])! }));
    const december = orders.rows.filter((r) => inDecember(r['工单编号']));
    const b2 = writeCsv(join(dir, 'b2-orders.csv'), orders.header, [...december, y, zMoved, ...closed, ...handed]);
    const report = await importFile(db, b2, { preset: 'cn-12345-workorders' });
    expect(report).toMatchObject({ inserted: december.length + 1, updated: 1 + closed.length + handed.length });
    await importFile(db, writeCsv(join(dir, 'b2-incidents.csv'), incidents.header, incidents.rows.filter((r) => inDecember(r['警情编号']))), { preset: 'cn-110-incidents' });
    await assignNewAppeals(db);
    step = await incrementalMatchesFull(db, before);
    expect(await signalOf(db, 'GD2025Y0000001')).toMatchObject({ topic_id: x.topic_id });
    // appeals no row of this batch touched, yet their signals changed: the full rebuild is matched
    // only if the incremental refresh found them
    expect(await signalOf(db, x.appeal_id)).toMatchObject({ sig_repeat_caller: true });
    expect(await signalOf(db, 'GD2025W0000001')).toMatchObject({ sig_repeat_caller: false, sig_repeat_address: false });
    expect(await signalOf(db, WAITING)).toMatchObject({ sig_no_owner: true, sig_slow_accept: true });
    const written = new Set([...december, y, zMoved, ...closed, ...handed].map((r) => `12345/${r['工单编号']}`));
    const elsewhere = step.changedSignals.filter((k) => !written.has(k) && k.startsWith('12345/'));
    expect(elsewhere).toContain(`12345/${x.appeal_id}`);
    expect(elsewhere).toContain('12345/GD2025W0000001');
    expect(elsewhere).toContain(`12345/${WAITING}`);

    // batch 2, hand-overs: December's, the held-back ones of older appeals, a return reason
    // corrected, and a hand-over to a unit never seen before
    before = step.after;
    const later = transfers.rows.filter((t) => !inFirst(t));
    expect(heldBack.size).toBeGreaterThan(10);
    const corrected = transfers.rows
      .filter((t) => inFirst(t) && t['流转结果'] === '退回' && t['退回原因'] === '')
      .slice(0, 5)
      .map((t): Rec => ({ ...t, 退回原因: '不属于我单位职责' }));
    const sentTo = (id: string) => transfers.rows.filter((t) => t['工单编号'] === id);
    const target = older.find((r) => sentTo(r['工单编号']).length > 0 && sentTo(r['工单编号']).every(inFirst))!;
    const lastOfTarget = sentTo(target['工单编号']).reduce((a, b) => (Number(a['流转序号']) > Number(b['流转序号']) ? a : b));
    const fresh: Rec = { ...lastOfTarget, 流转序号: String(Number(lastOfTarget['流转序号']) + 1), 接收单位: '江城市临港区海岸事务服务中心', 流转结果: '签收', 退回原因: '' };
    const treport = await importFile(db, writeCsv(join(dir, 'b2-transfers.csv'), transfers.header, [...later, ...corrected, fresh]), { preset: 'cn-transfers' });
    expect(treport).toMatchObject({ inserted: later.length + 1, updated: corrected.length });
    step = await incrementalMatchesFull(db, before);
    expect(step.changedFacts).toEqual(expect.arrayContaining([...heldBack, key(fresh)]));
    expect(step.changedSignals).toContain(`12345/${target['工单编号']}`);
  }, 300_000);

  it('follows a unit corrected by hand, topics merged, assigned or dropped with no row written, and rows written outside an import', async () => {
    const [unit] = await db.query<{ name: string; kind: string }>(
      `SELECT to_party AS name, any_value(to_kind) AS kind FROM transfer_facts WHERE link = 'dispatch'
       GROUP BY to_party HAVING count(*) >= 3 ORDER BY count(*), to_party LIMIT 1`,
    );
    let before = await derived(db);
    await setUnit(db, unit.name, { kind: unit.kind === '住建' ? '城管' : '住建' });
    let step = await incrementalMatchesFull(db, before);
    expect(step.changedFacts.length).toBeGreaterThanOrEqual(3);

    // one caller: about the problem of topic b, then two days later about that of topic a
    const [a, b] = await db.query<{ topic_id: number; appeal_id: string }>(
      `SELECT t.topic_id, e.appeal_id FROM topics t JOIN topic_examples e USING (topic_id)
       WHERE t.status = 'active' AND e.rank = 1 AND e.platform = '12345' ORDER BY t.size, t.topic_id LIMIT 2`,
    );
    const textOf = (id: string) => orders.rows.find((r) => r['工单编号'] === id)!;
    const call = { 来电号码: '13900000002', 工单状态: '已办结', 办结时间: '2025-06-09 10:00:00' };
    const p1: Rec = { ...textOf(b.appeal_id), ...call, 工单编号: 'GD2025P0000001', 来电时间: '2025/6/1 10:00' };
    const p2: Rec = { ...textOf(a.appeal_id), ...call, 工单编号: 'GD2025P0000002', 来电时间: '2025/6/3 10:00' };
    before = step.after;
    await importFile(db, writeCsv(join(dir, 'p.csv'), orders.header, [p1, p2]), { preset: 'cn-12345-workorders' });
    await assignNewAppeals(db);
    step = await incrementalMatchesFull(db, before);
    expect(await signalOf(db, 'GD2025P0000001')).toMatchObject({ topic_id: b.topic_id });
    expect(await signalOf(db, 'GD2025P0000002')).toMatchObject({ topic_id: a.topic_id, sig_repeat_caller: false });

    // b merged into a: the second call now repeats the first, though neither row was written
    before = step.after;
    await mergeTopics(db, a.topic_id, [b.topic_id]);
    step = await incrementalMatchesFull(db, before);
    expect(await signalOf(db, 'GD2025P0000002')).toMatchObject({ sig_repeat_caller: true });
    expect(step.changedSignals).toContain('12345/GD2025P0000002');

    // the first call loses its topic, as when a later topic run leaves an appeal unclustered
    before = step.after;
    await db.query(`DELETE FROM appeal_topics WHERE appeal_id = 'GD2025P0000001'`);
    step = await incrementalMatchesFull(db, before);
    expect(await signalOf(db, 'GD2025P0000001')).toMatchObject({ topic_id: null });
    expect(await signalOf(db, 'GD2025P0000002')).toMatchObject({ sig_repeat_caller: false });

    // and gets one again, as a later assignment would give it, the second call's topic row untouched
    before = step.after;
    await db.query(`INSERT INTO appeal_topics VALUES ('12345', 'GD2025P0000001', $1, 0.5)`, [a.topic_id]);
    step = await incrementalMatchesFull(db, before);
    expect(await signalOf(db, 'GD2025P0000002')).toMatchObject({ sig_repeat_caller: true });

    // unclustered appeals promoted to a topic of their own
    const outliers = await db.query<{ platform: string; appeal_id: string }>('SELECT platform, appeal_id FROM topic_outliers ORDER BY appeal_id LIMIT 5');
    expect(outliers).toHaveLength(5);
    before = step.after;
    await promoteOutliers(db, { appeals: outliers.map((o) => ({ platform: o.platform, appealId: o.appeal_id })) });
    step = await incrementalMatchesFull(db, before);
    expect(step.changedSignals).toEqual(expect.arrayContaining(outliers.map((o) => `${o.platform}/${o.appeal_id}`)));

    // a row written outside an import, under an old import's id (as fixtures and repairs write them)
    before = step.after;
    await insertAppeals(db, [{ id: 'GD2025F0000001', at: '2025-06-10 09:00', caller: 'fixture-caller' }]);
    step = await incrementalMatchesFull(db, before);
    expect(step.changedSignals).toContain('12345/GD2025F0000001');
  }, 120_000);
});
