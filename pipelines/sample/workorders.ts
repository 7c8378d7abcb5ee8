import { drawTime } from './calendar.js';
import { DAY, EXPORT_AT, YEAR_END, dashMinute, dashSecond, dayNames, dayOf, slashMinute } from './clock.js';
import type { SampleContext } from './context.js';
import type { CsvWriter } from './csv-writer.js';
import type { FlowFlags, Outcome, TransferRow } from './flow.js';
import { landline, mobile, person } from './pii.js';
import { replyFor } from './replies.js';
import { cumulative, type Rng } from './prng.js';
import type { AppealType } from './problems/types.js';
import { drawScene, type Scene } from './scene.js';
import type { Caller, Channel } from './text.js';
import { KIND_SPOKEN } from './units.js';

export const WORK_ORDER_HEADER = ['工单编号', '来电时间', '来电号码', '来源渠道', '诉求类型', '所属区县', '所属街道', '事发地址', '诉求标题', '诉求内容', '承办单位', '工单状态', '办结时间', '是否响应', '是否解决', '满意度评价', '办理结果'];
export const TRANSFER_HEADER = ['平台', '工单编号', '流转序号', '流转时间', '派出单位', '接收单位', '流转方式', '签收时间', '流转结果', '退回原因'];
export const TRUTH_HEADER = ['platform', 'appeal_id', 'problem_key', 'disputed', 'emerging'];

/** One underlying matter: a problem at a place, reported by one caller once or several times. */
export interface Case {
  problem: number;
  scene: Scene;
  caller: Caller;
  firstAt: number;
  calls: number;
}

const CHANNELS: [Channel, number][] = [['电话', 0.63], ['微信', 0.14], ['APP', 0.1], ['网站', 0.09], ['短信', 0.04]];
// Chance a caller rings again about the same unsettled matter (geometric number of extra calls).
const REPEAT_DISPUTED = 0.2;
const REPEAT_CLEAR = 0.05;
const FREQUENT_CALLERS = 150;

export interface WorkOrderWriters {
  orders: CsvWriter;
  transfers: CsvWriter;
  truth: CsvWriter;
}

/** Draws the year's cases and their calls, n calls in all, in time order. */
export function drawCases(ctx: SampleContext, n: number): { cases: Case[]; times: Float64Array; caseOf: Int32Array; callNo: Uint8Array } {
  const rng = ctx.rng.cases;
  const sceneRng = ctx.rng.scenes;
  const repeatP = ctx.problems.map((p) => (p.spec.disputed ? REPEAT_DISPUTED : REPEAT_CLEAR));
  // weights per case, so that the share of work orders (not of cases) matches the catalogue
  const problemCum = cumulative(ctx.problems.map((p, i) => p.spec.share * (1 - repeatP[i])));
  const frequent = Array.from({ length: FREQUENT_CALLERS }, () => mobile(sceneRng));
  const cases: Case[] = [];
  const times = new Float64Array(n);
  const caseOf = new Int32Array(n);
  const callNo = new Uint8Array(n);
  let count = 0;
  while (count < n) {
    const pi = rng.weighted(problemCum);
    const p = ctx.problems[pi];
    const first = drawTime(rng, p.days, p.spec.hours);
    const wanted = 1 + rng.geometric(repeatP[pi], 5);
    const scene = drawScene(sceneRng, ctx.city, ctx.districtCum, p.spec);
    const phone = sceneRng.chance(0.012) ? sceneRng.pick(frequent) : sceneRng.chance(0.03) ? landline(sceneRng) : mobile(sceneRng);
    const c: Case = { problem: pi, scene, caller: { person: person(sceneRng), phone }, firstAt: first, calls: 0 };
    let t = first;
    for (let k = 0; k < wanted && count < n; k++) {
      if (k > 0) t += Math.max(0.5 * DAY, rng.logNormal(6 * DAY, 0.7));
      if (t >= YEAR_END) break;
      times[count] = t;
      caseOf[count] = cases.length;
      callNo[count] = k;
      c.calls++;
      count++;
    }
    cases.push(c);
  }
  return { cases, times, caseOf, callNo };
}

/** 诉求类型: the problem's own mix, and now and then a thank-you (rarely for disputed ones). */
function typeOf(rng: Rng, types: [AppealType, number][], disputed: boolean): AppealType {
  return rng.chance(disputed ? 0.001 : 0.005) ? '感谢' : rng.pickWeighted(types);
}

/** Generates n work orders with their transfers and ground truth; returns the cases for 110 to reuse. */
export async function writeWorkOrders(ctx: SampleContext, n: number, w: WorkOrderWriters): Promise<Case[]> {
  const { cases, times, caseOf, callNo } = drawCases(ctx, n);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
  const rng = ctx.rng.orders;
  const lastId: (string | null)[] = new Array(cases.length).fill(null);
  const rows: TransferRow[] = [];
  let day = -1;
  let seq = 0;

  for (const i of order) {
    const t = Math.floor(times[i]);
    const c = cases[caseOf[i]];
    const p = ctx.problems[c.problem];
    const spec = p.spec;
    if (dayOf(t) !== day) {
      day = dayOf(t);
      seq = 0;
    }
    seq++;
    const id = `GD${dayNames(day).compact}${String(seq).padStart(5, '0')}`;
    const channel = rng.pickWeighted(CHANNELS);
    const type = typeOf(rng, spec.types, spec.disputed);
    const repeatNo = callNo[i];
    const flags: FlowFlags = {
      to110: spec.to110 !== undefined && rng.chance(spec.to110),
      threeParty: spec.threeParty !== undefined && rng.chance(spec.threeParty),
      link: spec.link && rng.chance(spec.link[1]) ? spec.link[0] : null,
      unsettled: repeatNo < c.calls - 1,
      online: channel !== '电话',
    };
    const cueP = spec.disputed ? (repeatNo > 0 ? 0.5 : 0.14) : repeatNo > 0 ? 0.06 : 0.01;

    rows.length = 0;
    let outcome: Outcome;
    if (type === '感谢') outcome = thanks(ctx, c, t, rows);
    // consultations about policy are often answered by 12345 itself
    else if (type === '咨询' && spec.types[0][0] === '咨询' && rng.chance(0.55)) outcome = answeredDirectly(rng, t);
    else outcome = ctx.flow.workOrder(spec, c.scene, t, flags, rows);

    const text = ctx.text.workOrder({
      problem: p.texts,
      spec,
      scene: c.scene,
      t,
      channel,
      type,
      repeatNo,
      prevId: lastId[caseOf[i]],
      disputeCue: rng.chance(cueP),
      stability: flags.to110 && rng.chance(0.8),
      emergency: flags.link,
      caller: c.caller,
      thanked: type === '感谢' ? KIND_SPOKEN[spec.owners[0][0]] : '',
    });
    lastId[caseOf[i]] = id;

    const d = ctx.city.districts[c.scene.district].name;
    const st = ctx.city.streets[c.scene.street].name;
    let pause = w.orders.row([
      id, slashMinute(t), c.caller.phone, channel, type, d, st, c.scene.address, text.title, text.content,
      outcome.finalUnit, outcome.status, outcome.closedAt === null ? '' : dashMinute(outcome.closedAt),
      outcome.responded ? '是' : '否', outcome.resolved ? '是' : '否', outcome.satisfaction, replyFor(ctx.rng.replies, outcome, rows, c.caller.person, type === '感谢'),
    ]);
    if (pause) await pause;
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      pause = w.transfers.row(['12345', id, String(k + 1), dashSecond(r.sentAt), r.from, r.to, r.method, r.acceptedAt === null ? '' : dashSecond(r.acceptedAt), r.result, r.reason]);
      if (pause) await pause;
    }
    pause = w.truth.row(['12345', id, spec.key, String(spec.disputed), String(Boolean(spec.emerging))]);
    if (pause) await pause;
  }
  return cases;
}

/** A consultation 12345 answers itself (直办): no dispatch, closed within minutes. */
function answeredDirectly(rng: Rng, t: number): Outcome {
  const resolved = rng.chance(0.93);
  const r = rng.next();
  return {
    finalUnit: '12345',
    status: '已办结',
    closedAt: t + rng.range(3, 25) * 60,
    responded: true,
    resolved,
    satisfaction: r < 0.2 ? '未评价' : r < (resolved ? 0.85 : 0.4) ? '满意' : r < 0.95 ? '基本满意' : '不满意',
  };
}

/** A thank-you is forwarded to the unit thanked, which signs for it at once. */
function thanks(ctx: SampleContext, c: Case, t: number, rows: TransferRow[]): Outcome {
  const rng = ctx.rng.orders;
  const kind = ctx.problems[c.problem].spec.owners[0][0];
  if (!ctx.units.exists(kind, c.scene)) return answeredDirectly(rng, t);
  const unit = ctx.units.unit(kind, c.scene)!;
  const sent = t + rng.range(10, 120) * 60;
  const accepted = sent + rng.range(10, 90) * 60;
  const closedAt = accepted + rng.range(1, 6) * 3600;
  rows.push({ from: '12345', to: unit, method: '派单', sentAt: sent, acceptedAt: accepted, result: '签收', reason: '' });
  if (closedAt > EXPORT_AT) return { finalUnit: unit, status: '办理中', closedAt: null, responded: true, resolved: false, satisfaction: '未评价' };
  return { finalUnit: unit, status: '已办结', closedAt, responded: true, resolved: true, satisfaction: '满意' };
}
