import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { ensureSignals, topicScores } from '../../disputes/index.js';
import { ConsultationError, validate } from '../../consultation/index.js';
import { seriesSpec } from '../chart.js';
import { chineseDate, num, pct } from '../format.js';
import { RETURN_CLASS_LABELS } from '../labels.js';
import type { Block, ReportDoc } from '../model.js';

export const unitReportInput = z
  .object({ unit: z.string().trim().min(1).max(100), from: z.iso.date(), to: z.iso.date() })
  .refine((u) => u.from <= u.to, { message: 'from must not be after to' });
export type UnitReportInput = z.input<typeof unitReportInput>;

/** Everything the unit jurisdiction report shows (also what the unit screen shows). */
export interface UnitReportData {
  unit: string;
  kind: string | null;
  district: string | null;
  /** Inclusive ISO dates. */
  from: string;
  to: string;
  summary: {
    received: number;
    appeals: number;
    accepted: number;
    returned: number;
    pending: number;
    negotiated: number;
    functional: number;
    territorial: number;
    unclear: number;
    hoursP50: number | null;
    hoursP90: number | null;
    owned: number;
    resolvedRate: number | null;
    dissatisfiedRate: number | null;
  };
  peers: { kind: string; units: number; received: number; returnRate: number | null; hoursP50: number | null } | null;
  monthly: { month: string; received: number; accepted: number; returned: number }[];
  returnReasons: { reason: string; returnClass: string; returns: number }[];
  returnedTo: { party: string; returns: number; acceptedNext: number }[];
  /** Topics the unit was involved in, most disputed first. */
  topics: { topicId: number; label: string; score: number; settled: boolean; received: number; returned: number; appeals: number; topicAppeals: number }[];
  decisions: { decisionId: number; subject: string; meetingTitle: string; meetingDate: string; role: 'lead' | 'assisting'; leadUnit: string; normText: string; deadlineDays: number | null; scope: string[]; effectiveFrom: string; status: string }[];
  /** Accepted hand-overs by hours to acceptance: ≤1, 1–4, 4–24, 24–72, >72. */
  timeliness: { bucket: string; unit: number; peers: number }[];
}

const BUCKETS = ['1小时内', '1–4小时', '4–24小时', '24–72小时', '72小时以上'];
const TOPICS_SHOWN = 15;

const addDay = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
};

export async function loadUnitReport(db: Database, input: UnitReportInput): Promise<UnitReportData> {
  const q = validate(unitReportInput, input);
  await ensureSignals(db);
  const info = await db.one<{ name: string; kind: string | null; district: string | null }>('reports/unit_info', [q.unit]);
  if (!info) throw new ConsultationError('not_found', `unit ${q.unit} does not exist`);
  const w = { unit: q.unit, from: q.from, to: addDay(q.to) };
  const s = (await db.one<Record<string, number | null>>('reports/unit_summary', w))!;
  const peers = await db.one<{ kind: string; units: number; received: number; returned: number; hours_p50: number | null }>('reports/unit_peers', w);
  const monthly = await db.all<{ month: string; received: number; accepted: number; returned: number }>('reports/unit_monthly', w);
  const reasons = await db.all<{ reason: string; return_class: string; returns: number }>('reports/unit_return_reasons', w);
  const next = await db.all<{ next_party: string; returns: number; accepted_next: number }>('reports/unit_return_next', w);
  const topicRows = await db.all<{ topic_id: number; received: number; returned: number; appeals: number }>('reports/unit_topics', w);
  const decisions = await db.all<{
    decision_id: number;
    subject: string;
    meeting_title: string;
    meeting_date: string;
    role: 'lead' | 'assisting';
    lead_unit: string;
    norm_text: string;
    deadline_days: number | null;
    scope_districts: string[];
    effective_from: string;
    status: string;
  }>('reports/unit_decisions', { unit: q.unit });
  const buckets = await db.all<{ bucket: number; unit_count: number; peer_count: number }>('reports/unit_timeliness', w);
  const scores = new Map((await topicScores(db, { from: q.from, to: q.to })).topics.map((t) => [t.topicId, t]));
  const n = (k: string) => (s[k] ?? 0) as number;
  return {
    unit: info.name,
    kind: info.kind,
    district: info.district,
    from: q.from,
    to: q.to,
    summary: {
      received: n('received'),
      appeals: n('appeals'),
      accepted: n('accepted'),
      returned: n('returned'),
      pending: n('pending'),
      negotiated: n('negotiated'),
      functional: n('functional'),
      territorial: n('territorial'),
      unclear: n('unclear'),
      hoursP50: s.hours_p50,
      hoursP90: s.hours_p90,
      owned: n('owned'),
      resolvedRate: n('owned_rated_resolved') ? n('owned_resolved') / n('owned_rated_resolved') : null,
      dissatisfiedRate: n('owned_rated') ? n('owned_dissatisfied') / n('owned_rated') : null,
    },
    peers: peers ? { kind: peers.kind, units: peers.units, received: peers.received, returnRate: peers.received ? peers.returned / peers.received : null, hoursP50: peers.hours_p50 } : null,
    monthly,
    returnReasons: reasons.map((r) => ({ reason: r.reason, returnClass: r.return_class, returns: r.returns })),
    returnedTo: next.map((r) => ({ party: r.next_party, returns: r.returns, acceptedNext: r.accepted_next })),
    topics: topicRows
      .map((r) => {
        const t = scores.get(r.topic_id);
        return { topicId: r.topic_id, label: t?.label ?? String(r.topic_id), score: t?.score ?? 0, settled: t?.settled ?? false, received: r.received, returned: r.returned, appeals: r.appeals, topicAppeals: t?.volume ?? 0 };
      })
      .sort((a, b) => b.score - a.score || b.received - a.received || a.topicId - b.topicId)
      .slice(0, TOPICS_SHOWN),
    decisions: decisions.map((d) => ({
      decisionId: d.decision_id,
      subject: d.subject,
      meetingTitle: d.meeting_title,
      meetingDate: d.meeting_date,
      role: d.role,
      leadUnit: d.lead_unit,
      normText: d.norm_text,
      deadlineDays: d.deadline_days,
      scope: d.scope_districts.map(String),
      effectiveFrom: d.effective_from,
      status: d.status,
    })),
    timeliness: BUCKETS.map((bucket, i) => {
      const row = buckets.find((b) => b.bucket === i + 1);
      return { bucket, unit: row?.unit_count ?? 0, peers: row?.peer_count ?? 0 };
    }),
  };
}

const p = (text: string, label?: string): Block => ({ type: 'paragraph', text, label });
const h = (level: 1 | 2 | 3, text: string): Block => ({ type: 'heading', level, text });
const STATUS = { in_force: '施行中', superseded: '已被替代', revoked: '已撤销' } as Record<string, string>;

/** 单位职责履行情况报告: what the unit received, returned and why, its disputed topics, decisions and timeliness. */
export function unitReportDoc(d: UnitReportData): ReportDoc {
  const s = d.summary;
  const returnRate = s.received ? s.returned / s.received : null;
  const blocks: Block[] = [h(1, '基本情况')];
  const peer = d.peers && d.peers.units > 1 ? `同类${d.peers.units}家单位（${d.peers.kind}）退回率${pct(d.peers.returnRate)}、签收用时中位数${num(d.peers.hoursP50)}小时。` : '';
  blocks.push(
    p(
      `${chineseDate(d.from)}至${chineseDate(d.to)}，各平台共向${d.unit}派转${s.received}次（涉及诉求${s.appeals}件），` +
        `签收${s.accepted}次，退回${s.returned}次（退回率${pct(returnRate)}），待签收${s.pending}次。` +
        `签收用时中位数${num(s.hoursP50)}小时、90%分位${num(s.hoursP90)}小时。${peer}`,
    ),
  );
  if (s.owned) {
    const rates = [s.resolvedRate !== null ? `解决率${pct(s.resolvedRate)}` : null, s.dissatisfiedRate !== null ? `不满意率${pct(s.dissatisfiedRate)}` : null].filter(Boolean);
    blocks.push(p(`统计期内最终由本单位承办的诉求${s.owned}件${rates.length ? `，${rates.join('，')}` : ''}。`));
  }
  if (d.monthly.length > 1) {
    blocks.push({
      type: 'chart',
      title: '逐月派至、签收与退回情况',
      spec: seriesSpec(
        d.monthly.flatMap((m) => [
          { period: m.month, series: '派至', value: m.received },
          { period: m.month, series: '签收', value: m.accepted },
          { period: m.month, series: '退回', value: m.returned },
        ]),
        { yTitle: '次数' },
      ),
      width: 480,
      height: 180,
    });
  }
  blocks.push({
    type: 'table',
    title: '逐月派转情况',
    sheet: '逐月情况',
    columns: [
      { header: '月份', format: 'text' },
      { header: '派至', format: 'int' },
      { header: '签收', format: 'int' },
      { header: '退回', format: 'int' },
      { header: '退回率', format: 'pct' },
    ],
    rows: d.monthly.map((m) => [m.month, m.received, m.accepted, m.returned, m.received ? m.returned / m.received : null]),
  });
  blocks.push(h(1, '退回情况及原因'));
  blocks.push(
    p(
      s.returned
        ? `退回的${s.returned}次中，职能争议${s.functional}次、属地派错${s.territorial}次、未明确${s.unclear}次。职能争议是本单位与其他类别单位之间的职责边界问题，属地派错是派单环节的差错。`
        : '统计期内本单位没有退回。',
    ),
  );
  if (d.returnReasons.length)
    blocks.push({
      type: 'table',
      title: '退回理由',
      sheet: '退回理由',
      columns: [
        { header: '退回理由（已脱敏）', format: 'text' },
        { header: '类别', format: 'text' },
        { header: '次数', format: 'int' },
      ],
      rows: d.returnReasons.map((r) => [r.reason, RETURN_CLASS_LABELS[r.returnClass] ?? r.returnClass, r.returns]),
    });
  if (d.returnedTo.length)
    blocks.push({
      type: 'table',
      title: '退回后转至',
      sheet: '退回去向',
      columns: [
        { header: '转至', format: 'text' },
        { header: '次数', format: 'int' },
        { header: '其中被签收', format: 'int' },
      ],
      rows: d.returnedTo.map((r) => [r.party, r.returns, r.acceptedNext]),
    });
  blocks.push(h(1, '涉及的争议议题'));
  if (d.topics.length)
    blocks.push(
      p(`统计期内本单位参与办理的议题中，争议评分最高的${d.topics.length}个如下。`),
      {
        type: 'table',
        title: '涉及的争议议题',
        sheet: '争议议题',
        columns: [
          { header: '议题', format: 'text' },
          { header: '争议评分', format: 'num' },
          { header: '议题诉求量', format: 'int' },
          { header: '派至本单位', format: 'int' },
          { header: '本单位退回', format: 'int' },
          { header: '会商决定', format: 'text' },
        ],
        rows: d.topics.map((t) => [t.label, t.score * 100, t.topicAppeals, t.received, t.returned, t.settled ? '已决定' : '未决定']),
      },
    );
  else blocks.push(p('统计期内本单位未参与已归类议题的办理。'));
  blocks.push(h(1, '相关会商决定'));
  if (d.decisions.length)
    blocks.push({
      type: 'table',
      title: '涉及本单位的会商决定',
      sheet: '会商决定',
      columns: [
        { header: '事项', format: 'text' },
        { header: '会议', format: 'text' },
        { header: '本单位职责', format: 'text' },
        { header: '处置规范', format: 'text' },
        { header: '时限（日）', format: 'int' },
        { header: '适用范围', format: 'text' },
        { header: '施行日期', format: 'text' },
        { header: '状态', format: 'text' },
      ],
      rows: d.decisions.map((x) => [
        x.subject,
        `${x.meetingTitle}（${x.meetingDate}）`,
        x.role === 'lead' ? '牵头' : `配合（${x.leadUnit}牵头）`,
        x.normText,
        x.deadlineDays,
        x.scope.length ? x.scope.join('、') : '全市',
        x.effectiveFrom,
        STATUS[x.status] ?? x.status,
      ]),
    });
  else blocks.push(p('尚无涉及本单位的会商决定。'));
  blocks.push(h(1, '办理时效'));
  const total = d.timeliness.reduce((a, b) => a + b.unit, 0);
  const peerTotal = d.timeliness.reduce((a, b) => a + b.peers, 0);
  const within4 = total ? (d.timeliness[0].unit + d.timeliness[1].unit) / total : null;
  blocks.push(p(`已签收的${total}次派转中，4小时内签收的占${pct(within4)}。`));
  blocks.push({
    type: 'table',
    title: '签收用时分布',
    sheet: '办理时效',
    columns: [
      { header: '签收用时', format: 'text' },
      { header: '次数', group: '本单位', format: 'int' },
      { header: '占比', group: '本单位', format: 'pct' },
      { header: '次数', group: '同类单位', format: 'int' },
      { header: '占比', group: '同类单位', format: 'pct' },
    ],
    rows: d.timeliness.map((t) => [t.bucket, t.unit, total ? t.unit / total : null, t.peers, peerTotal ? t.peers / peerTotal : null]),
  });
  return {
    kind: 'unit',
    title: `${d.unit}职责履行情况报告`,
    subtitle: `（${chineseDate(d.from)}—${chineseDate(d.to)}）`,
    fileStem: `${d.unit}-职责履行情况-${d.from}-${d.to}`,
    blocks,
  };
}
