import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { validate } from '../../consultation/index.js';
import { todayLocal } from '../../consultation/dates.js';
import { topicScores } from '../../disputes/index.js';
import { computeKpis, type KpiKind, type KpiReport } from '../../kpis/index.js';
import { seriesSpec } from '../chart.js';
import { chineseNumber, int, pct } from '../format.js';
import type { Block, Cell, ReportDoc, TableBlock } from '../model.js';

export const operationReportInput = z.object({
  /** A month (2024-05) or a quarter (2024-Q2). */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'period must be a month YYYY-MM or a quarter YYYY-Qn'),
  /** The issuing body, named at the end. */
  org: z.string().trim().min(1).max(200).optional(),
  /** The issue date (default today). */
  issuedOn: z.iso.date().optional(),
});
export type OperationReportInput = z.input<typeof operationReportInput>;

/** One reporting period: inclusive ISO dates. */
export interface ReportPeriod {
  kind: 'month' | 'quarter';
  key: string;
  label: string;
  from: string;
  to: string;
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** 2024-05 → May 2024; 2024-Q2 → April–June 2024. */
export function parsePeriod(key: string): ReportPeriod {
  const [ys, rest] = key.split('-');
  const y = Number(ys);
  if (rest.startsWith('Q')) {
    const q = Number(rest.slice(1));
    const m0 = (q - 1) * 3 + 1;
    return { kind: 'quarter', key, label: `${y}年第${chineseNumber(q)}季度`, from: iso(y, m0, 1), to: iso(y, m0 + 2, lastDay(y, m0 + 2)) };
  }
  const m = Number(rest);
  return { kind: 'month', key, label: `${y}年${m}月`, from: iso(y, m, 1), to: iso(y, m, lastDay(y, m)) };
}

/** The period before (环比) and the same period a year earlier (同比). */
export function comparisonPeriods(p: ReportPeriod): { prev: ReportPeriod; yoy: ReportPeriod } {
  const [ys, rest] = p.key.split('-');
  const y = Number(ys);
  if (p.kind === 'quarter') {
    const q = Number(rest.slice(1));
    return { prev: parsePeriod(q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`), yoy: parsePeriod(`${y - 1}-Q${q}`) };
  }
  const m = Number(rest);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { prev: parsePeriod(m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`), yoy: parsePeriod(`${y - 1}-${pad(m)}`) };
}

export interface KpiComparison {
  id: string;
  label: string;
  kind: KpiKind;
  cur: number | null;
  prev: number | null;
  yoy: number | null;
}

interface VolumeRow {
  key: string;
  cur: number;
  prev: number;
  yoy: number;
}

/** Everything the periodic linkage operation report (运行情况通报) shows. */
export interface OperationReportData {
  period: ReportPeriod;
  prev: ReportPeriod;
  yoy: ReportPeriod;
  org: string | null;
  issuedOn: string;
  volume: { platform: VolumeRow[]; channel: VolumeRow[]; type: VolumeRow[] };
  kpis: KpiComparison[];
  /** Response, resolution and satisfaction rates for transferred appeals versus the others, this period. */
  groups: { id: string; label: string; transferred: number | null; other: number | null }[];
  units: {
    unit: string;
    kind: string | null;
    dispatched: number;
    accepted: number;
    returned: number;
    returnRate: number | null;
    prevReturnRate: number | null;
    hoursP50: number | null;
    owned: number;
    closed: number;
    resolutionRate: number | null;
    dissatisfactionRate: number | null;
  }[];
  hotTopics: { topicId: number; label: string; volume: number; previous: number; score: number; settled: boolean; emerging: boolean }[];
  trend: { period: string; platform: string; appeals: number }[];
}

const UNITS_SHOWN = 20;
const TOPICS_SHOWN = 10;
const TREND_PERIODS = { month: 12, quarter: 8 } as const;

const addDay = (d: string, n = 1) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};

function pickKpis(report: KpiReport, cur: string, prev: string, yoy: string): { kpis: KpiComparison[]; groups: OperationReportData['groups'] } {
  const at = (values: { period: string; value: number | null }[], p: string) => values.find((v) => v.period === p)?.value ?? null;
  const kpis = report.kpis.map((k) => ({ id: k.id, label: k.label.zh, kind: k.kind, cur: at(k.values, cur), prev: at(k.values, prev), yoy: at(k.values, yoy) }));
  const groups = report.kpis
    .filter((k) => k.breakdown === 'group')
    .map((k) => ({
      id: k.id,
      label: k.label.zh,
      transferred: at(k.breakdowns.filter((b) => b.breakdown === 'transferred'), cur),
      other: at(k.breakdowns.filter((b) => b.breakdown === 'other'), cur),
    }));
  return { kpis, groups };
}

export async function loadOperationReport(db: Database, input: OperationReportInput): Promise<OperationReportData> {
  const q = validate(operationReportInput, input);
  const period = parsePeriod(q.period);
  const { prev, yoy } = comparisonPeriods(period);
  const report = await computeKpis(db, { period: period.kind, from: yoy.from, to: period.to });
  const { kpis, groups } = pickKpis(report, period.from, prev.from, yoy.from);
  const w = { cur_from: period.from, cur_to: addDay(period.to), prev_from: prev.from, prev_to: addDay(prev.to), yoy_from: yoy.from, yoy_to: addDay(yoy.to) };
  const volume = async (split: string) => db.all<VolumeRow & Record<string, unknown>>('reports/operation_volume', { ...w, split });
  const units = await db.all<Record<string, unknown>>('reports/operation_units', { cur_from: w.cur_from, cur_to: w.cur_to, prev_from: w.prev_from, prev_to: w.prev_to, limit: UNITS_SHOWN });
  const scores = await topicScores(db, { from: period.from, to: period.to });
  const trendFrom = period.kind === 'month' ? addMonths(period.from, -(TREND_PERIODS.month - 1)) : addMonths(period.from, -3 * (TREND_PERIODS.quarter - 1));
  const trend = await db.all<{ period: string; platform: string; appeals: number }>('reports/operation_trend', { period: period.kind, from: trendFrom, to: w.cur_to });
  return {
    period,
    prev,
    yoy,
    org: q.org ?? null,
    issuedOn: q.issuedOn ?? todayLocal(),
    volume: { platform: await volume('platform'), channel: await volume('channel'), type: await volume('type') },
    kpis,
    groups,
    units: units.map((u) => ({
      unit: u.unit as string,
      kind: (u.kind as string | null) ?? null,
      dispatched: u.dispatched as number,
      accepted: u.accepted as number,
      returned: u.returned as number,
      returnRate: u.return_rate as number | null,
      prevReturnRate: u.prev_return_rate as number | null,
      hoursP50: u.hours_p50 as number | null,
      owned: u.owned as number,
      closed: u.closed as number,
      resolutionRate: u.resolution_rate as number | null,
      dissatisfactionRate: u.dissatisfaction_rate as number | null,
    })),
    hotTopics: [...scores.topics]
      .sort((a, b) => b.volume - a.volume || b.score - a.score || a.topicId - b.topicId)
      .slice(0, TOPICS_SHOWN)
      .map((t) => ({ topicId: t.topicId, label: t.label, volume: t.volume, previous: t.growth.reference, score: t.score, settled: t.settled, emerging: t.emerging.flag })),
    trend,
  };
}

function addMonths(isoDate: string, n: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

/** A period's first day as the chart's axis shows it: 2024-05, or 2024Q2 for quarters. */
function periodLabel(first: string, kind: ReportPeriod['kind']): string {
  return kind === 'month' ? first.slice(0, 7) : `${first.slice(0, 4)}Q${Math.floor(Number(first.slice(5, 7)) / 3) + 1}`;
}

const p = (text: string, label?: string): Block => ({ type: 'paragraph', text, label });
const h = (level: 1 | 2 | 3, text: string): Block => ({ type: 'heading', level, text });
const rel = (cur: number | null, base: number | null) => (cur === null || base === null || base === 0 ? null : (cur - base) / base);
const diff = (cur: number | null, base: number | null) => (cur === null || base === null ? null : cur - base);

const CHANNELS: Record<string, string> = { phone: '电话', web: '网站', app: '客户端', wechat: '微信', sms: '短信', other: '其他' };
const PLATFORMS: Record<string, string> = { '12345': '12345热线', '110': '110接警' };

function volumeTable(title: string, sheet: string, rows: VolumeRow[], name: (k: string) => string): TableBlock {
  return {
    type: 'table',
    title,
    sheet,
    columns: [
      { header: '类别', format: 'text' },
      { header: '本期', format: 'int' },
      { header: '上期', group: '环比', format: 'int' },
      { header: '增减', group: '环比', format: 'change' },
      { header: '去年同期', group: '同比', format: 'int' },
      { header: '增减', group: '同比', format: 'change' },
    ],
    rows: [...rows.map((r) => [name(r.key), r.cur, r.prev, rel(r.cur, r.prev), r.yoy, rel(r.cur, r.yoy)] as Cell[]), totalRow(rows)],
  };
}

function totalRow(rows: VolumeRow[]): Cell[] {
  const sum = (k: 'cur' | 'prev' | 'yoy') => rows.reduce((a, r) => a + r[k], 0);
  return ['合计', sum('cur'), sum('prev'), rel(sum('cur'), sum('prev')), sum('yoy'), rel(sum('cur'), sum('yoy'))];
}

function kpiTable(title: string, sheet: string, kpis: KpiComparison[], kind: 'count' | 'rate' | 'time'): TableBlock {
  const valueFormat = kind === 'rate' ? 'pct' : kind === 'count' ? 'int' : 'num';
  const changeFormat = kind === 'rate' ? 'pp' : 'change';
  const delta = kind === 'rate' ? diff : rel;
  const changeHeader = kind === 'rate' ? '增减（百分点）' : '增减';
  return {
    type: 'table',
    title,
    sheet,
    columns: [
      { header: '指标', format: 'text' },
      { header: '本期', format: valueFormat },
      { header: '上期', group: '环比', format: valueFormat },
      { header: changeHeader, group: '环比', format: changeFormat },
      { header: '去年同期', group: '同比', format: valueFormat },
      { header: changeHeader, group: '同比', format: changeFormat },
    ],
    rows: kpis.map((k) => [k.label, k.cur, k.prev, delta(k.cur, k.prev), k.yoy, delta(k.cur, k.yoy)]),
  };
}

function describeChange(cur: number, base: number | null, what: string): string {
  const r = rel(cur, base);
  if (r === null) return `${what}无可比数据`;
  return `${what}${r >= 0 ? '增长' : '下降'}${Math.abs(r * 100).toFixed(1)}%`;
}

/** 运行情况通报: volumes, the KPI dictionary with 环比 and 同比, units, hot topics. */
export function operationReportDoc(d: OperationReportData): ReportDoc {
  const total = (k: 'cur' | 'prev' | 'yoy') => d.volume.platform.reduce((a, r) => a + r[k], 0);
  const find = (id: string) => d.kpis.find((k) => k.id === id);
  const blocks: Block[] = [h(1, '总体情况')];
  const t110 = find('transfers_110_to_12345');
  const t12345 = find('transfers_12345_to_110');
  const ret = find('transfer_return_rate');
  blocks.push(
    p(
      `${d.period.label}，共受理诉求和警情${total('cur')}件，${describeChange(total('cur'), total('prev'), '环比')}，${describeChange(total('cur'), total('yoy'), '同比')}。` +
        (t110 && t12345 ? `110向12345转办${int(t110.cur)}件，12345向110推送${int(t12345.cur)}件` : '') +
        (ret ? `，转办退回率${pct(ret.cur)}（上期${pct(ret.prev)}）。` : '。'),
    ),
  );
  if (new Set(d.trend.map((t) => t.period)).size > 1)
    blocks.push({
      type: 'chart',
      title: '受理量走势',
      spec: seriesSpec(
        d.trend.map((t) => ({ period: periodLabel(t.period, d.period.kind), series: PLATFORMS[t.platform] ?? t.platform, value: t.appeals })),
        { yTitle: '件' },
      ),
      width: 480,
      height: 180,
    });
  blocks.push(volumeTable('受理量（按平台）', '平台', d.volume.platform, (k) => PLATFORMS[k] ?? k));
  blocks.push(volumeTable('受理量（按渠道）', '渠道', d.volume.channel, (k) => CHANNELS[k] ?? k));
  blocks.push(volumeTable('受理量（按诉求类型）', '诉求类型', d.volume.type, (k) => k));
  blocks.push(h(1, '联动运行指标'));
  blocks.push(p('各项指标的定义（分子、分母、时间归属）见指标字典；“增减”对数量和时长为相对变化，对比率为百分点。'));
  blocks.push(kpiTable('数量指标', '数量指标', d.kpis.filter((k) => k.kind === 'count'), 'count'));
  blocks.push(kpiTable('比率指标', '比率指标', d.kpis.filter((k) => k.kind === 'rate'), 'rate'));
  blocks.push(kpiTable('时效指标（分钟）', '时效指标', d.kpis.filter((k) => k.kind === 'p50' || k.kind === 'p90'), 'time'));
  if (d.groups.length)
    blocks.push({
      type: 'table',
      title: '转办诉求与其他诉求“三率”对比（本期）',
      sheet: '三率对比',
      columns: [
        { header: '指标', format: 'text' },
        { header: '转办诉求', format: 'pct' },
        { header: '其他诉求', format: 'pct' },
        { header: '差值（百分点）', format: 'pp' },
      ],
      rows: d.groups.map((g) => [g.label, g.transferred, g.other, diff(g.transferred, g.other)]),
    });
  blocks.push(h(1, '承办单位情况'));
  const lagging = d.units.filter((u) => u.dispatched >= 20 && u.returnRate !== null).sort((a, b) => (b.returnRate ?? 0) - (a.returnRate ?? 0)).slice(0, 3);
  if (lagging.length && (lagging[0].returnRate ?? 0) > 0)
    blocks.push(p(`本期退回率较高的单位：${lagging.map((u) => `${u.unit}（${pct(u.returnRate)}）`).join('、')}。`));
  blocks.push({
    type: 'table',
    title: `派单量前${d.units.length}位承办单位`,
    sheet: '承办单位',
    columns: [
      { header: '单位', format: 'text' },
      { header: '派单', format: 'int' },
      { header: '签收', format: 'int' },
      { header: '退回', format: 'int' },
      { header: '退回率', format: 'pct' },
      { header: '退回率环比（百分点）', format: 'pp' },
      { header: '签收用时中位数（小时）', format: 'num' },
      { header: '最终承办', format: 'int' },
      { header: '办结', format: 'int' },
      { header: '解决率', format: 'pct' },
      { header: '不满意率', format: 'pct' },
    ],
    rows: d.units.map((u) => [u.unit, u.dispatched, u.accepted, u.returned, u.returnRate, diff(u.returnRate, u.prevReturnRate), u.hoursP50, u.owned, u.closed, u.resolutionRate, u.dissatisfactionRate]),
  });
  blocks.push(h(1, '热点与争议问题'));
  const emerging = d.hotTopics.filter((t) => t.emerging);
  if (emerging.length) blocks.push(p(`本期明显上升的问题：${emerging.map((t) => t.label).join('、')}。`));
  blocks.push({
    type: 'table',
    title: `受理量前${d.hotTopics.length}位的问题`,
    sheet: '热点问题',
    columns: [
      { header: '问题', format: 'text' },
      { header: '本期', format: 'int' },
      { header: '上期', format: 'int' },
      { header: '环比', format: 'change' },
      { header: '争议评分', format: 'num' },
      { header: '会商决定', format: 'text' },
    ],
    rows: d.hotTopics.map((t) => [t.label, t.volume, t.previous, rel(t.volume, t.previous), t.score * 100, t.settled ? '已决定' : '未决定']),
  });
  const decided = find('disputed_topics_decided');
  const open = find('disputed_topics_open');
  if (decided && open) blocks.push(p(`截至本期，已决争议事项${int(decided.cur)}项，未决争议事项${int(open.cur)}项。`));
  return {
    kind: 'operation',
    title: `12345热线与110联动运行情况通报`,
    subtitle: `（${d.period.label}）`,
    fileStem: `联动运行情况通报-${d.period.key}`,
    blocks,
    closing: { org: d.org, date: d.issuedOn },
  };
}
