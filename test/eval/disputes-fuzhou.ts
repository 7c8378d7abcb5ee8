import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Database } from '../../pipelines/db/database.js';
import { defaultConfig, withOverride } from '../../pipelines/disputes/config.js';
import { topicScores } from '../../pipelines/disputes/scores.js';
import { ensureSignals } from '../../pipelines/disputes/signals.js';
import { runTopics } from '../../pipelines/topics/index.js';
import { setUnit } from '../../pipelines/disputes/units.js';
import { importFile } from '../../pipelines/ingest/index.js';
import { assignTopics } from './disputes-topics.js';
import type { EvalRow } from './types.js';

/** Spearman rank correlation with average ranks for ties. */
export function spearman(x: number[], y: number[]): number {
  const ranks = (v: number[]) => {
    const order = v.map((value, i) => ({ value, i })).sort((a, b) => a.value - b.value);
    const r = new Array<number>(v.length);
    for (let s = 0; s < order.length; ) {
      let e = s;
      while (e + 1 < order.length && order[e + 1].value === order[s].value) e++;
      for (let k = s; k <= e; k++) r[order[k].i] = (s + e) / 2 + 1;
      s = e + 1;
    }
    return r;
  };
  const rx = ranks(x);
  const ry = ranks(y);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(rx);
  const my = mean(ry);
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < rx.length; i++) {
    num += (rx[i] - mx) * (ry[i] - my);
    dx += (rx[i] - mx) ** 2;
    dy += (ry[i] - my) ** 2;
  }
  return num / Math.sqrt(dx * dy);
}

// The body that wrote the first reply, from how it names itself; kinds set by hand below.
const REPLIERS: [RegExp, string, string][] = [
  [/我(司|公司)/, '回复单位（企业）', '企业'],
  [/我街道|本街道/, '回复单位（街道）', '街道办事处'],
  [/我镇|本镇/, '回复单位（镇）', '乡镇'],
  [/我局|本局/, '回复单位（区局）', '区级部门'],
  [/我区/, '回复单位（区政府）', '区政府'],
  [/我(处|委|办|所|单位)/, '回复单位（其他）', '其他'],
];

// A reply handing the matter on: 建议转…办理, 转由…, 请向…反映, 不属于我… (the replier says it is someone else's).
const HAND_ON = /建议转([\u4e00-\u9fa5]{2,20}?)(?:办理|处理|咨询|答复)|转(?:由|交|至)([\u4e00-\u9fa5]{2,20}?)(?:办理|处理|负责)|请向([\u4e00-\u9fa5]{2,20}?)(?:反映|咨询)|不属于我[\u4e00-\u9fa5]{0,6}(?:职责|管辖|范围)/;

interface RiverCase {
  id: string;
  group: string;
  retransfers: number;
}

/** One of the two Fuzhou files: its columns and how its cases are grouped. */
interface FuzhouFile {
  name: string;
  file: string;
  content: string;
  district: string;
  /** The date column as YYYY-MM-DD. */
  date: (r: Record<string, string>) => string;
  group: (r: Record<string, string>) => string;
  groupLabel: string;
  minCases: number;
  /** A case counts as re-transferred from this many 转处理次数 (the 2006–2016 crawl counts the first hand-over too). */
  movedAt: number;
}

export const FUZHOU_FILES: FuzhouFile[] = [
  {
    name: 'fz12345-rivers 2016–2020',
    file: 'fz12345_rivers_2016-2020.csv',
    content: '投诉件内容',
    district: '区县(工作表)',
    date: (r) => r['时间'],
    group: (r) => `${r['河流']}·${r['性质']}`,
    groupLabel: 'river × type',
    minCases: 10,
    movedAt: 1,
  },
  {
    name: 'fz12345-heichou 2006–2016',
    file: 'fz12345_heichou_2006-2016.csv',
    content: '诉求件内容',
    district: '区域',
    date: (r) => {
      const [m, d, y] = r['时间'].split('/');
      return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    },
    group: (r) => `${r['区域']}·${r['性质']}`,
    groupLabel: 'district × type',
    minCases: 5,
    movedAt: 2,
  },
];

/** Rank correlation between each topic's dispute score and its cases' real re-transfer rate. */
async function correlate(db: Database, spec: FuzhouFile, cases: RiverCase[], topicOf: Map<string, number>, name: string): Promise<EvalRow[]> {
  const minCases = spec.minCases;
  const config = withOverride(defaultConfig(), { minVolume: minCases });
  const scores = await topicScores(db, { from: '2000-01-01', to: '2030-12-31', config });
  const rate = new Map<number, { n: number; moved: number; total: number }>();
  for (const c of cases) {
    const t = topicOf.get(c.id);
    if (t === undefined) continue;
    const s = rate.get(t) ?? { n: 0, moved: 0, total: 0 };
    s.n++;
    if (c.retransfers >= spec.movedAt) s.moved++;
    s.total += c.retransfers;
    rate.set(t, s);
  }
  const eligible = scores.topics.filter((t) => t.volume >= minCases && rate.has(t.topicId));
  const real = eligible.map((t) => rate.get(t.topicId)!.moved / rate.get(t.topicId)!.n);
  const meanCount = eligible.map((t) => rate.get(t.topicId)!.total / rate.get(t.topicId)!.n);
  const partRho = eligible[0]
    ? eligible[0].parts
        .map((p) => ({ part: p.part, rho: spearman(eligible.map((t) => t.parts.find((q) => q.part === p.part)!.value), real) }))
        .filter((p) => Number.isFinite(p.rho))
        .sort((a, b) => b.rho - a.rho)
    : [];
  console.error(`[eval] ${name}: ${eligible.length} topics of ≥ ${minCases} cases; per-part rank correlation with re-transfer rate: ${partRho.map((p) => `${p.part} ${p.rho.toFixed(2)}`).join(', ')}`);
  return [
    { dataset: name, metric: `topics with ≥ ${minCases} cases`, value: eligible.length },
    { dataset: name, metric: `Spearman: dispute score vs share with 转处理次数 ≥ ${spec.movedAt}`, value: spearman(eligible.map((t) => t.score), real) },
    { dataset: name, metric: 'Spearman: dispute score vs mean 转处理次数', value: spearman(eligible.map((t) => t.score), meanCount) },
    { dataset: name, metric: 'Spearman: volume alone vs the same share (baseline)', value: spearman(eligible.map((t) => t.volume), real) },
  ];
}

/**
 * The same cases as an export without a transfer log would give them: the appeal, the body that
 * replied as its handling unit, and the reply itself, which the product reads (a reply saying it is
 * another body's job is a functional return). Per case, the signals raised against 转处理次数: with
 * the reply, and without it (the baseline), from the same rows.
 */
async function fromReplies(spec: FuzhouFile, source: Record<string, string>[], cases: RiverCase[], workDir: string): Promise<EvalRow[]> {
  const header = ['编号', '时间', '标题', '投诉件内容', '性质', '信息来源', '区县', '承办单位', '回复'];
  const table = source.map((r, i) => [cases[i].id, `${spec.date(r)} 09:00`, r['标题'], r[spec.content], r['性质'], r['信息来源'], r[spec.district], REPLIERS.find(([re]) => re.test(r['回复1'] ?? ''))?.[1] ?? '', r['回复1'] ?? '']);
  const file = join(workDir, `${spec.file}-with-replies.csv`);
  writeFileSync(file, [header, ...table].map((row) => row.map((c) => `"${(c ?? '').replace(/"/g, '""')}"`).join(',')).join('\n'));
  const fields = { appeal_id: '编号', received_at: '时间', title: '标题', content: '投诉件内容', appeal_type: '性质', channel: '信息来源', district: '区县', handling_unit: '承办单位' };
  const out: EvalRow[] = [];
  for (const [label, reply] of [['reading the reply (no transfer log)', { reply: '回复' }], ['the same rows without the reply (baseline)', {}]] as const) {
    const db = await Database.open(join(workDir, `${spec.file}-replies-${out.length}.duckdb`));
    try {
      await importFile(db, file, { mapping: { kind: 'appeals', constants: { platform: '12345' }, fields: { ...fields, ...reply } } });
      await ensureSignals(db);
      const signals = new Map((await db.query<{ appeal_id: string; signal_count: number }>('SELECT appeal_id, signal_count FROM appeal_signals')).map((r) => [r.appeal_id, r.signal_count]));
      out.push({ dataset: spec.name, metric: `Spearman per case: signals vs 转处理次数, ${label}`, value: spearman(cases.map((c) => signals.get(c.id) ?? 0), cases.map((c) => c.retransfers)) });
    } finally {
      db.close();
    }
  }
  return out;
}

/**
 * Fuzhou 12345 river appeals with their real re-transfer counts (转处理次数). The cases are grouped
 * twice — by a simple grouping (river × appeal type, or district × type), then by the topic engine —
 * and each group's
 * dispute score is computed from what the product sees — text, type, channel, the first reply read
 * as hand-overs (who replied; 建议转…办理 as a return to the body it names) and the days to the final
 * reply as the time the owning body took it — without the count, and ranked against the group's
 * real re-transfer rate.
 */
export async function evalFuzhou(spec: FuzhouFile, sharedDir: string, workDir: string): Promise<EvalRow[]> {
  const file = join(sharedDir, 'data', 'real', 'fz12345-rivers', spec.file);
  const records = parse(readFileSync(file, 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const cases: RiverCase[] = [];
  const appeals: string[][] = [['编号', '时间', '标题', '投诉件内容', '性质', '信息来源', '区县', '承办单位', '办结时间']];
  const transfers: string[][] = [['平台', '工单编号', '流转序号', '流转时间', '派出单位', '接收单位', '流转方式', '签收时间', '流转结果', '退回原因']];
  for (const [i, r] of records.entries()) {
    const id = `FZ${String(i + 1).padStart(5, '0')}`;
    const reply = r['回复1'] ?? '';
    const replier = REPLIERS.find(([re]) => re.test(reply));
    const handOn = HAND_ON.exec(reply);
    const day = spec.date(r);
    const sent = `${day} 09:00`;
    // the final reply closes the case: the time the owning body is known to have taken it
    const days = Number(r['最终回复-投诉事件'] || 0);
    const closed = `${new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)} 09:00`;
    cases.push({ id, group: spec.group(r), retransfers: Number(r['转处理次数'] || 0) });
    const first = replier?.[1] ?? '首办单位';
    if (handOn) {
      const next = handOn[1] ?? handOn[2] ?? handOn[3] ?? '其他单位';
      transfers.push(['12345', id, '1', sent, '12345', first, 'dispatch', '', '退回', handOn[0]]);
      transfers.push(['12345', id, '2', sent, '12345', next, 'dispatch', closed, '签收', '']);
      appeals.push([id, sent, r['标题'], r[spec.content], r['性质'], r['信息来源'], r[spec.district], next, closed]);
    } else {
      if (replier) transfers.push(['12345', id, '1', sent, '12345', first, 'dispatch', closed, '签收', '']);
      appeals.push([id, sent, r['标题'], r[spec.content], r['性质'], r['信息来源'], r[spec.district], replier?.[1] ?? '', closed]);
    }
  }
  const csv = (table: string[][]) => table.map((row) => row.map((c) => `"${(c ?? '').replace(/"/g, '""')}"`).join(',')).join('\n');
  writeFileSync(join(workDir, `${spec.file}-appeals.csv`), csv(appeals));
  writeFileSync(join(workDir, `${spec.file}-transfers.csv`), csv(transfers));

  const db = await Database.open(join(workDir, `${spec.file}.duckdb`));
  try {
    await importFile(db, join(workDir, `${spec.file}-appeals.csv`), {
      mapping: {
        kind: 'appeals',
        constants: { platform: '12345' },
        fields: { appeal_id: '编号', received_at: '时间', title: '标题', content: '投诉件内容', appeal_type: '性质', channel: '信息来源', district: '区县', handling_unit: '承办单位', closed_at: '办结时间' },
      },
    });
    await importFile(db, join(workDir, `${spec.file}-transfers.csv`), { preset: 'cn-transfers' });
    for (const [, name, kind] of REPLIERS) await setUnit(db, name, { kind });
    await setUnit(db, '首办单位', { kind: '未知' });

    // per case: how many dispute signals the appeal raised, against its own count
    await ensureSignals(db);
    const signals = new Map(
      (await db.query<{ appeal_id: string; signal_count: number }>('SELECT appeal_id, signal_count FROM appeal_signals')).map((r) => [r.appeal_id, r.signal_count]),
    );
    const rows: EvalRow[] = [
      { dataset: spec.name, metric: `Spearman per case (${cases.length}): signals raised vs 转处理次数`, value: spearman(cases.map((c) => signals.get(c.id) ?? 0), cases.map((c) => c.retransfers)) },
      ...(await fromReplies(spec, records, cases, workDir)),
    ];

    // topics = a simple grouping (labelled as such), then the topic engine's own topics
    const groups = [...new Set(cases.map((c) => c.group))].sort();
    const groupId = new Map(groups.map((g, i) => [g, i + 1]));
    await assignTopics(db, groups.map((g, i) => ({ topicId: i + 1, label: g })), cases.map((c) => ({ platform: '12345', appealId: c.id, topicId: groupId.get(c.group)! })));
    rows.push(...(await correlate(db, spec, cases, new Map(cases.map((c) => [c.id, groupId.get(c.group)!])), `${spec.name} (${spec.groupLabel})`)));
    try {
      await runTopics(db, {});
      const assigned = await db.query<{ appeal_id: string; topic_id: number }>('SELECT appeal_id, topic_id FROM appeal_topics');
      rows.push(...(await correlate(db, spec, cases, new Map(assigned.map((r) => [r.appeal_id, r.topic_id])), `${spec.name} (topic engine)`)));
    } catch (err) {
      rows.push({ dataset: `${spec.name} (topic engine)`, metric: `skipped: topic engine failed (${(err as Error).message.slice(0, 80)})`, value: '—' });
    }
    return rows;
  } finally {
    db.close();
  }
}
