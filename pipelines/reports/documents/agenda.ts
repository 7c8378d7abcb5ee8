import type { Database } from '../../db/database.js';
import { followUpForMeeting, getMeeting, type DecisionFollowUp, type FollowUpInput, type MeetingDetail, type MeetingFollowUp, type TopicEvidence } from '../../consultation/index.js';
import { daysBetween } from '../../consultation/dates.js';
import { trendSpec } from '../chart.js';
import { chineseDate, num, pct, pp } from '../format.js';
import { FOLLOW_UP_STATUS_LABELS, MEETING_KIND_LABELS, METRIC_LABELS, SCORE_PART_LABELS, SIGNAL_LABELS, VERDICT_LABELS } from '../labels.js';
import type { Block, ReportDoc, TableBlock } from '../model.js';

/** What the agenda and briefing pack show: the meeting screen's data and the follow-up section. */
export interface AgendaPackData {
  meeting: MeetingDetail;
  followUp: MeetingFollowUp;
}

export async function loadAgendaPack(db: Database, meetingId: number, followUp: FollowUpInput = {}): Promise<AgendaPackData> {
  return { meeting: await getMeeting(db, meetingId), followUp: await followUpForMeeting(db, meetingId, followUp) };
}

const p = (text: string, label?: string): Block => ({ type: 'paragraph', text, label });
const h = (level: 1 | 2 | 3, text: string): Block => ({ type: 'heading', level, text });

function effectText(f: DecisionFollowUp, metric: keyof typeof METRIC_LABELS): string | null {
  const e = f.effects.find((x) => x.metric === metric);
  if (!e) return null;
  const rate = metric !== 'hours_to_owner';
  const v = (x: number) => (rate ? pct(x) : `${num(x)}小时`);
  const d = (x: number | null) => (x === null ? '—' : rate ? `${pp(x)}个百分点` : `${x > 0 ? '+' : ''}${num(x)}小时`);
  const interval = e.low === null || e.high === null || e.se === 0 ? '' : `（95%区间${d(e.low)}至${d(e.high)}）`;
  const name = METRIC_LABELS[metric].replace('（小时）', '');
  return `${name}由${v(e.treatedPre)}变为${v(e.treatedPost)}，对照议题平均由${v(e.controlPre)}变为${v(e.controlPost)}，净效应${d(e.estimate)}${interval}，${VERDICT_LABELS[e.verdict]}`;
}

function followUpBlocks(data: MeetingFollowUp): Block[] {
  const out: Block[] = [h(1, '上次会商事项落实情况')];
  const prev = data.previousMeeting;
  if (!prev || !data.decisions.length) {
    out.push(p('本次会商前尚无施行中的会商决定，暂无落实情况。'));
    return out;
  }
  out.push(
    p(
      `${prev.title}（${chineseDate(prev.date)}）形成的${data.decisions.length}项决定落实情况如下。评估方法：比较每项决定施行前后相同天数内的指标，` +
        '并以未作决定、前期诉求量和争议评分相近的议题为对照组（双重差分），净效应为负表示较对照组改善。',
    ),
  );
  const table: TableBlock = {
    type: 'table',
    title: '上次会商决定落实情况',
    sheet: '落实情况',
    columns: [
      { header: '议题', format: 'text' },
      { header: '牵头单位', format: 'text' },
      { header: '施行前', group: '职能性退单率', format: 'pct' },
      { header: '施行后', group: '职能性退单率', format: 'pct' },
      { header: '净效应（百分点）', group: '职能性退单率', format: 'pp' },
      { header: '施行前', group: '确定承办单位用时（小时）', format: 'num' },
      { header: '施行后', group: '确定承办单位用时（小时）', format: 'num' },
      { header: '净效应', group: '确定承办单位用时（小时）', format: 'num' },
      { header: '施行前', group: '重复诉求率', format: 'pct' },
      { header: '施行后', group: '重复诉求率', format: 'pct' },
      { header: '净效应（百分点）', group: '重复诉求率', format: 'pp' },
      { header: '评估', format: 'text' },
    ],
    rows: data.decisions.map((f) => {
      const e = (m: 'return_rate' | 'hours_to_owner' | 'repeat_rate') => f.effects.find((x) => x.metric === m);
      const cells = (m: 'return_rate' | 'hours_to_owner' | 'repeat_rate') => [e(m)?.treatedPre ?? null, e(m)?.treatedPost ?? null, e(m)?.estimate ?? null];
      const verdict = f.status === 'measured' ? VERDICT_LABELS[e('return_rate')?.verdict ?? 'unclear'] : FOLLOW_UP_STATUS_LABELS[f.status];
      return [f.decision.topicLabel ?? f.decision.itemTitle, f.decision.leadUnit, ...cells('return_rate'), ...cells('hours_to_owner'), ...cells('repeat_rate'), verdict];
    }),
    note: '净效应 = （本议题施行后 − 施行前）−（对照议题施行后 − 施行前的平均）；评估以职能性退单率的95%区间是否跨零为准。',
  };
  out.push(table);
  for (const f of data.decisions) {
    const d = f.decision;
    out.push(h(2, `关于${d.topicLabel ?? d.itemTitle}`));
    const assist = d.assistingUnits.length ? `，${d.assistingUnits.join('、')}配合` : '';
    const head = `该决定自${chineseDate(d.effectiveFrom)}起施行，由${d.leadUnit}牵头${assist}。`;
    if (f.status !== 'measured' || !f.window || !f.treated) {
      out.push(p(`${head}${FOLLOW_UP_STATUS_LABELS[f.status]}。`));
      continue;
    }
    const controls = f.controls.map((c) => c.label).join('、');
    const parts = (['return_rate', 'hours_to_owner', 'repeat_rate'] as const).map((m) => effectText(f, m)).filter((x): x is string => x !== null);
    out.push(
      p(
        `${head}施行前后各${f.window.days}天，该议题分别受理诉求${f.treated.pre.appeals}件、${f.treated.post.appeals}件；对照议题为${controls}。` +
          `${parts.join('；')}。`,
      ),
    );
  }
  return out;
}

function agendaTable(meeting: MeetingDetail): TableBlock {
  return {
    type: 'table',
    title: '会议议程',
    sheet: '议程',
    columns: [
      { header: '序号', format: 'int' },
      { header: '议题', format: 'text' },
      { header: '诉求量', format: 'int' },
      { header: '争议评分', format: 'num' },
      { header: '建议牵头单位', format: 'text' },
      { header: '备注', format: 'text' },
    ],
    rows: meeting.items.map((i, k) => [k + 1, i.title, i.evidence?.appeals ?? null, i.evidence?.score ? i.evidence.score.value * 100 : null, leadName(i.evidence), i.notes ?? '']),
    note: '争议评分为各构成项加权之和（0–100），构成见各议题材料。',
  };
}

function leadName(e: TopicEvidence | null): string {
  const lead = e?.suggestedLead;
  if (!lead) return '—';
  const units = lead.units.length ? lead.units.join('、') : (lead.unit ?? '');
  return lead.kind && units ? `${units}（${lead.kind}）` : units || lead.kind || '—';
}

function topicBlocks(e: TopicEvidence, k: number, title: string): Block[] {
  const out: Block[] = [];
  const m = e.measures;
  const facts = [
    `统计期内（${chineseDate(e.window.from)}至${chineseDate(e.window.to)}）共受理该类诉求${e.appeals}件`,
    e.score ? `争议评分${num(e.score.value * 100)}` : null,
    m ? `职能性退单率${pct(m.functionalReturnRate)}` : null,
    m?.hoursToOwner !== null && m?.hoursToOwner !== undefined ? `确定承办单位用时中位数${num(m.hoursToOwner)}小时` : null,
    m ? `重复诉求率${pct(m.repeatRate)}` : null,
  ].filter((x): x is string => x !== null);
  out.push(p(`${facts.join('，')}。`));
  if (e.trend.length > 1) {
    const per = daysBetween(e.trend[0].period, e.trend[1].period) <= 7 ? '周' : '月';
    out.push({ type: 'chart', title: `${title}诉求量趋势（件/${per}）`, spec: trendSpec(e.trend.map((t) => ({ period: t.period.slice(5), value: t.appeals }))), width: 480, height: 180 });
  }
  if (e.score) {
    out.push({
      type: 'table',
      title: `${title}争议评分构成`,
      sheet: `议题${k}-评分`,
      columns: [
        { header: '构成项', format: 'text' },
        { header: '取值', format: 'pct' },
        { header: '权重', format: 'num' },
        { header: '贡献', format: 'num' },
        { header: '依据', format: 'text' },
      ],
      rows: e.score.parts.map((s) => [
        SCORE_PART_LABELS[s.name] ?? s.name,
        s.value,
        s.weight * 100,
        s.contribution * 100,
        s.numerator !== null && s.denominator !== null ? `${s.numerator}/${s.denominator}` : '',
      ]),
      note: '取值为该项占比（诉求量、分散度为标准化值），贡献 = 取值 × 权重，各项贡献之和即争议评分。',
    });
  }
  if (e.units.length) {
    out.push({
      type: 'table',
      title: `${title}涉及单位`,
      sheet: `议题${k}-单位`,
      columns: [
        { header: '单位', format: 'text' },
        { header: '类别', format: 'text' },
        { header: '派至件数', format: 'int' },
        { header: '退回次数', format: 'int' },
        { header: '其中职能性退回', format: 'int' },
        { header: '最终承办件数', format: 'int' },
      ],
      rows: e.units.map((u) => [u.unit, u.kind ?? '—', u.received, u.returned, u.functionalReturns, u.kept]),
    });
  }
  if (e.returnFlow.length) {
    const level = e.flowLevel === 'kind' ? '单位类别' : '单位';
    out.push({
      type: 'table',
      title: `${title}退单流向`,
      sheet: `议题${k}-流向`,
      columns: [
        { header: `退回${level}`, format: 'text' },
        { header: `转至${level}`, format: 'text' },
        { header: '次数', format: 'int' },
        { header: '其中职能性', format: 'int' },
      ],
      rows: e.returnFlow.map((f) => [f.from, f.to, f.count, f.functional]),
    });
  }
  if (e.returnReasons.length) out.push(p(e.returnReasons.map((r) => `${r.reason}（${r.count}次）`).join('；') + '。', '主要退回理由：'));
  if (e.samples.length) {
    out.push(h(3, '典型诉求（已脱敏）'));
    for (const [i, s] of e.samples.entries()) {
      const signals = s.signals.length ? `〔${s.signals.map((x) => SIGNAL_LABELS[x] ?? x).join('、')}〕` : '';
      out.push(p(`（${i + 1}）${s.receivedAt.slice(0, 10)}${s.district ? `，${s.district}` : ''}：${s.text}${signals}`));
    }
  }
  const lead = e.suggestedLead;
  if (lead) out.push(p(`${leadName(e)}，最终承办了该议题${pct(lead.share)}的诉求（${lead.kept}件），退回${lead.returned}次。`, '建议牵头单位：'));
  return out;
}

/** The agenda and briefing pack: follow-up of the last decisions, the agenda, one section per topic. */
export function agendaDoc(data: AgendaPackData): ReportDoc {
  const m = data.meeting;
  const blocks: Block[] = [
    p(chineseDate(m.date), '会议时间：'),
    p(MEETING_KIND_LABELS[m.kind], '会议类型：'),
  ];
  if (m.convener) blocks.push(p(m.convener, '召集单位：'));
  if (m.location) blocks.push(p(m.location, '会议地点：'));
  blocks.push(p(m.units.length ? m.units.map((u) => u.unit).join('、') : '待定', '参会单位：'));
  blocks.push(...followUpBlocks(data.followUp));
  blocks.push(h(1, '会议议程'), agendaTable(m));
  blocks.push(h(1, '议题材料'));
  for (const [k, item] of m.items.entries()) {
    blocks.push(h(2, item.title));
    if (item.evidence) blocks.push(...topicBlocks(item.evidence, k + 1, item.title));
    else blocks.push(p('该事项由会议召集方提出，无统计材料。'));
    if (item.notes) blocks.push(p(item.notes, '备注：'));
  }
  return { kind: 'agenda', title: m.title, subtitle: '会议议程及会商材料', fileStem: `${m.title}-议程及会商材料`, blocks };
}
