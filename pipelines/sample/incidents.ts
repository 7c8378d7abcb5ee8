import { drawTime } from './calendar.js';
import { DAY, EXPORT_AT, YEAR_END, dashSecond, dayNames, dayOf } from './clock.js';
import type { SampleContext } from './context.js';
import type { CsvWriter } from './csv-writer.js';
import type { TransferRow } from './flow.js';
import { mobile, person } from './pii.js';
import { cumulative } from './prng.js';
import type { LinkParty } from './problems/types.js';
import { drawScene, type Scene } from './scene.js';
import type { Caller } from './text.js';
import type { Kind } from './units.js';
import type { Case, WorkOrderWriters } from './workorders.js';

export const INCIDENT_HEADER = ['警情编号', '报警时间', '报警电话', '报警内容', '警情类别', '警情性质', '所属区县', '事发地址', '处置单位', '处置状态', '结束时间'];

/** 110 incidents per 12345 work order (about 60,000 beside 150,000). */
export const INCIDENTS_PER_WORK_ORDER = 0.4;
const NON_POLICE_SHARE = 0.36;
const DIVERTED_SHARE = 0.86;
// Callers who rang 12345 about a matter and later ring 110 about the same one.
const SAME_CASE_SHARE = 0.12;
const UTILITY_HOTLINES: Partial<Record<LinkParty, Kind>> = { 供水热线: '供水', 供电热线: '供电', 燃气热线: '燃气', 供热热线: '供热' };

interface Incident {
  t: number;
  police: boolean;
  index: number; // police matter or problem
  scene: Scene;
  caller: Caller;
}

/** Generates the 110 incident list and the transfers of incidents handed on. Returns its row count. */
export async function writeIncidents(ctx: SampleContext, count: number, cases: Case[], out: CsvWriter, w: WorkOrderWriters): Promise<number> {
  const rng = ctx.rng.incidents;
  const withIncidents = ctx.problems.map((p, i) => (p.spec.incident ? i : -1)).filter((i) => i >= 0);
  const nonPoliceCum = cumulative(withIncidents.map((i) => ctx.problems[i].spec.incident!.weight));
  const policeCum = cumulative(ctx.police.map((p) => p.spec.weight));
  const casesByProblem = new Map<number, number[]>();
  cases.forEach((c, ci) => {
    const list = casesByProblem.get(c.problem);
    if (list) list.push(ci);
    else casesByProblem.set(c.problem, [ci]);
  });

  const incidents: Incident[] = [];
  for (let k = 0; k < count; k++) {
    if (rng.chance(NON_POLICE_SHARE)) {
      const pi = withIncidents[rng.weighted(nonPoliceCum)];
      const p = ctx.problems[pi];
      const earlier = casesByProblem.get(pi);
      if (earlier && rng.chance(SAME_CASE_SHARE)) {
        const c = cases[rng.pick(earlier)];
        const t = c.firstAt + Math.max(3600, rng.logNormal(2 * DAY, 1));
        if (t < YEAR_END) {
          incidents.push({ t: Math.floor(t), police: false, index: pi, scene: c.scene, caller: c.caller });
          continue;
        }
      }
      const scene = drawScene(rng, ctx.city, ctx.districtCum, p.spec);
      incidents.push({ t: drawTime(rng, p.days, p.spec.hours), police: false, index: pi, scene, caller: { person: person(rng), phone: mobile(rng) } });
    } else {
      const mi = rng.weighted(policeCum);
      const m = ctx.police[mi].spec;
      const scene = drawScene(rng, ctx.city, ctx.districtCum, m);
      incidents.push({ t: drawTime(rng, ctx.police[mi].days, m.hours), police: true, index: mi, scene, caller: { person: person(rng), phone: mobile(rng) } });
    }
  }
  incidents.sort((a, b) => a.t - b.t);

  const rows: TransferRow[] = [];
  let day = -1;
  let seq = 0;
  for (const inc of incidents) {
    if (dayOf(inc.t) !== day) {
      day = dayOf(inc.t);
      seq = rng.range(1, 60);
    }
    // 110 numbers every call of the day; most calls are not incidents, so the ids have gaps
    seq += rng.range(1, 4);
    const id = `JQ${dayNames(day).compact}${String(seq).padStart(7, '0')}`;
    rows.length = 0;
    const r = inc.police ? policeIncident(ctx, inc, rows) : nonPoliceIncident(ctx, inc, rows);
    const spec = inc.police ? ctx.police[inc.index].spec : ctx.problems[inc.index].spec;
    let pause = out.row([
      id, dashSecond(inc.t), inc.caller.phone, r.content, r.category, inc.police ? '警务类' : '非警务类',
      ctx.city.districts[inc.scene.district].name, inc.scene.address, r.unit, r.status, r.end === null ? '' : dashSecond(r.end),
    ]);
    if (pause) await pause;
    for (let k = 0; k < rows.length; k++) {
      const t = rows[k];
      pause = w.transfers.row(['110', id, String(k + 1), dashSecond(t.sentAt), t.from, t.to, t.method, t.acceptedAt === null ? '' : dashSecond(t.acceptedAt), t.result, t.reason]);
      if (pause) await pause;
    }
    const disputed = !inc.police && ctx.problems[inc.index].spec.disputed;
    const emerging = !inc.police && Boolean(ctx.problems[inc.index].spec.emerging);
    pause = w.truth.row(['110', id, spec.key, String(disputed), String(emerging)]);
    if (pause) await pause;
  }
  return incidents.length;
}

interface IncidentResult {
  content: string;
  category: string;
  unit: string;
  status: string;
  end: number | null;
}

function policeIncident(ctx: SampleContext, inc: Incident, rows: TransferRow[]): IncidentResult {
  const rng = ctx.rng.incidents;
  const m = ctx.police[inc.index];
  let clock = inc.t;
  for (const [party, p] of m.spec.links ?? []) {
    if (!rng.chance(p)) continue;
    const sent = clock + rng.range(30, 240);
    const accepted = sent + rng.range(10, 60);
    rows.push({ from: '110', to: party, method: rng.chance(0.8) ? '一键转接' : '三方通话', sentAt: sent, acceptedAt: accepted, result: '签收', reason: '' });
    clock = accepted;
  }
  const unit = ctx.units.unit(m.spec.handler, inc.scene)!;
  const content = ctx.text.incident(m.texts, inc.scene, inc.t, inc.caller);
  const end = inc.t + Math.round(rng.logNormal(70 * 60, 0.8));
  if (end > EXPORT_AT || (inc.t > EXPORT_AT - 2 * DAY && rng.chance(0.4))) return { content, category: m.spec.category, unit, status: '处置中', end: null };
  if (rng.chance(0.02)) return { content, category: m.spec.category, unit, status: '已撤销', end: inc.t + rng.range(5, 30) * 60 };
  return { content, category: m.spec.category, unit, status: '已处置', end };
}

function nonPoliceIncident(ctx: SampleContext, inc: Incident, rows: TransferRow[]): IncidentResult {
  const rng = ctx.rng.incidents;
  const p = ctx.problems[inc.index];
  const spec = p.spec;
  const category = spec.incident!.category;
  const station = () => ctx.units.unit('公安', inc.scene)!;
  const content = ctx.text.incident(p.texts, inc.scene, inc.t, inc.caller);
  const onScene = (): IncidentResult => ({ content, category, unit: station(), status: '已处置', end: inc.t + rng.range(20, 120) * 60 });

  // utilities' matters go straight to their own hotlines
  const hotline = spec.link && UTILITY_HOTLINES[spec.link[0]] ? spec.link[0] : null;
  if (hotline) {
    const sent = inc.t + rng.range(60, 300);
    const accepted = sent + rng.range(10, 90);
    rows.push({ from: '110', to: hotline, method: '一键转接', sentAt: sent, acceptedAt: accepted, result: '签收', reason: '' });
    return { content, category, unit: ctx.units.unit(UTILITY_HOTLINES[hotline]!, inc.scene)!, status: '已移交', end: accepted };
  }
  if (!rng.chance(DIVERTED_SHARE)) return onScene();
  // a matter with a safety edge may come back from 12345 as one for the police after all
  const policeFirst = spec.owners.some(([k]) => k === '公安') && rng.chance(0.06);
  const { outcome, handoverAt } = ctx.flow.divertedIncident(spec, inc.scene, inc.t, policeFirst, rows);
  if (!outcome) return { content, category, unit: station(), status: '已处置', end: handoverAt + rng.range(30, 120) * 60 };
  return { content, category, unit: outcome.finalUnit, status: '已移交', end: handoverAt };
}
