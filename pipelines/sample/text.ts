import type { City } from './city.js';
import { DAY, dayNames, dayOf } from './clock.js';
import * as P from './phrases.js';
import { bankCard, email, idCard, landline, mobile, nameInText, phoneInText, plate, type Person } from './pii.js';
import type { Rng } from './prng.js';
import type { AppealType, LinkParty, PoliceSpec, ProblemSpec } from './problems/types.js';
import { compoundName, type Scene } from './scene.js';
import { compile, type Template } from './template.js';
import { KIND_COLLOQUIAL } from './units.js';

export type Voice = 'phone' | 'online' | 'police';
export type Channel = keyof typeof P.OPENINGS;

/** A problem's texts, compiled once. */
export interface CompiledTexts {
  key: string;
  titles: Template[];
  cores: Template[];
  /** For each core, the titles that share the most wording with it (an operator titles what was said). */
  titlesFor: number[][];
  details: Template[];
  requests: Template[];
  duration: 'long' | 'short';
  pii: { plate?: number; idcard?: number; bank?: number };
}

/** Slots problem texts may use (see ProblemSpec); the rest are for the composer's own phrases. */
export const PROBLEM_SLOTS = ['loc', 'c', 'bd', 'rd', 'rd2', 'no', 'shop', 'co', 'sq', 'd', 'st', 'who', 'dur', 'date', 'tm', 'tmp', 'cnt', 'amt'];

function checkSlots(key: string, templates: Template[]): Template[] {
  for (const t of templates) {
    for (let i = 1; i < t.parts.length; i += 2) {
      if (!PROBLEM_SLOTS.includes(t.parts[i])) throw new Error(`problem ${key}: unknown slot {${t.parts[i]}} in '${t.source}'`);
    }
  }
  return templates;
}

/** Compiles a problem's texts, rejecting slots the composer does not know. */
export function compileTexts(spec: ProblemSpec | PoliceSpec): CompiledTexts {
  const p = spec as Partial<ProblemSpec>;
  const titles = checkSlots(spec.key, compile(p.titles ?? []));
  const cores = checkSlots(spec.key, compile(spec.cores));
  return {
    key: spec.key,
    titles,
    cores,
    titlesFor: cores.map((core) => closestTitles(core, titles)),
    details: checkSlots(spec.key, compile(spec.details)),
    requests: checkSlots(spec.key, compile(p.requests ?? [])),
    duration: p.duration ?? 'long',
    pii: spec.pii ?? {},
  };
}

/** Character pairs of a template's literal text. */
function bigrams(t: Template): Set<string> {
  const text = t.parts.filter((_, i) => i % 2 === 0).join('|');
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) if (text[i] !== '|' && text[i + 1] !== '|') out.add(text.slice(i, i + 2));
  return out;
}

function closestTitles(core: Template, titles: Template[]): number[] {
  if (!titles.length) return [];
  const words = bigrams(core);
  const scores = titles.map((t) => [...bigrams(t)].filter((b) => words.has(b)).length);
  const best = Math.max(...scores);
  return scores.flatMap((s, i) => (s === best ? [i] : []));
}

const T = (list: readonly string[]) => compile(list);
const DURATION_T = T(P.DURATION_SENTENCES);
const REPEAT_T = T(P.REPEAT_SENTENCES);
const REPEAT_WITHOUT_ID = REPEAT_T.filter((t) => !t.has('prev'));
const BLAME_T = T(P.BLAME_CUES);
const REQUEST_T = T(P.REQUESTS);
const THANKS_T = T(P.THANKS);
const STABILITY_T: Record<string, Template[]> = Object.fromEntries(Object.entries(P.STABILITY).map(([k, v]) => [k, T(v)]));
const DETAIL_PROBABILITY = 0.5;

/** The person and number behind a case. */
export interface Caller {
  person: Person;
  phone: string;
}

export interface WorkOrderText {
  problem: CompiledTexts;
  spec: ProblemSpec;
  scene: Scene;
  t: number;
  channel: Channel;
  type: AppealType;
  /** 0 for the first call of a case, 1… for calls again about the same matter. */
  repeatNo: number;
  prevId: string | null;
  disputeCue: boolean;
  stability: boolean;
  emergency: LinkParty | null;
  caller: Caller;
  /** For thanks: how the caller names the unit that solved it. */
  thanked: string;
}

/** Composes the texts of work orders and incidents from templates and the case's scene. */
export class TextComposer {
  constructor(
    private readonly rng: Rng,
    private readonly city: City,
  ) {}

  /** Fills one slot. `ctx` carries what the slot needs beyond the scene. */
  private slot(name: string, s: Scene, ctx: SlotContext): string {
    const rng = this.rng;
    const city = this.city;
    switch (name) {
      case 'loc':
        return this.location(s);
      case 'c':
        return compoundName(rng, city, s.community);
      case 'bd':
        return `${s.building}号楼`;
      case 'rd':
        return city.roads[s.road].name;
      case 'rd2':
        return city.roads[s.road2].name;
      case 'no':
        return `${s.houseNo}号`;
      case 'shop':
        return s.shop;
      case 'co':
        return s.company || '公司';
      case 'sq':
        return s.square;
      case 'd':
        return city.districts[s.district].name;
      case 'st':
        return city.streets[s.street].name;
      case 'who':
        return rng.pick(P.WHO[ctx.voice]);
      case 'dur':
        return rng.pick(P.DURATIONS[ctx.duration]);
      case 'date':
        return this.dateBefore(ctx.t);
      case 'tm':
        return rng.pick(P.LATE_HOURS);
      case 'tmp':
        return String(rng.range(11, 17));
      case 'cnt':
        return rng.pick(P.SMALL_COUNTS);
      case 'amt':
        return formatAmount(rng, s.amount || rng.range(5, 300) * 100);
      case 'prev':
        return ctx.prevId ?? '';
      case 'label':
        return ctx.label ?? '';
      case 'unit':
        return ctx.unit ?? '相关部门';
      case 'A':
        return ctx.a ?? '物业';
      case 'B':
        return ctx.b ?? '社区';
      default:
        throw new Error(`unknown template slot {${name}}`);
    }
  }

  private render(t: Template, s: Scene, ctx: SlotContext): string {
    return t.render((name) => this.slot(name, s, ctx));
  }

  /** The place as a caller describes it (shorter and more varied than 事发地址). */
  location(s: Scene): string {
    const rng = this.rng;
    const city = this.city;
    const c = () => compoundName(rng, city, s.community);
    const d = city.districts[s.district].name;
    const st = city.streets[s.street].name;
    const rd = city.roads[s.road].name;
    const rd2 = city.roads[s.road2].name;
    const r = rng.next();
    switch (s.place) {
      case 'home':
        if (r < 0.35) return `${c()}${s.building}号楼`;
        if (r < 0.55) return `${c()}${s.building}号楼${s.entrance}单元`;
        if (r < 0.7) return `${st}${c()}${s.building}号楼`;
        if (r < 0.85) return `${d}${c()}${s.building}栋`;
        return `${c()}${s.building}号楼${s.entrance}单元${s.room}室`;
      case 'community':
        if (r < 0.5) return c();
        if (r < 0.75) return `${st}${c()}`;
        return `${d}${c()}`;
      case 'street':
        if (r < 0.3) return `${rd}${s.houseNo}号附近`;
        if (r < 0.55) return `${rd}与${rd2}交叉口`;
        if (r < 0.75) return `${d}${rd}`;
        if (r < 0.9) return `${rd}${c()}门口`;
        return `${rd}${s.houseNo}号`;
      case 'shop':
        if (r < 0.45) return `${rd}${s.houseNo}号`;
        if (r < 0.7) return `${d}${rd}`;
        if (r < 0.85) return `${c()}门口`;
        return `${rd}与${rd2}交叉口附近`;
      case 'site':
        if (r < 0.35) return `${rd}与${rd2}交叉口的${s.project}项目工地`;
        if (r < 0.65) return `${rd}${s.project}项目工地`;
        if (r < 0.85) return `${c()}旁边的工地`;
        return `${d}${rd}的在建工地`;
      case 'square':
        if (r < 0.45) return s.square;
        if (r < 0.75) return `${c()}门口的小广场`;
        return `${c()}南侧的空地`;
      case 'company':
        if (r < 0.6) return `${rd}${s.houseNo}号`;
        return `${d}${rd}`;
      case 'none':
        if (r < 0.5) return `${d}${st}`;
        return c();
    }
  }

  /** A day shortly before t, as callers say it (昨天晚上, 3月5日). */
  private dateBefore(t: number): string {
    const rng = this.rng;
    const r = rng.next();
    if (r < 0.2) return '昨天';
    if (r < 0.32) return '昨天晚上';
    if (r < 0.42) return '今天上午';
    if (r < 0.5) return '前天';
    if (r < 0.58) return '上周';
    return dayNames(Math.max(0, dayOf(t - rng.range(1, 12) * DAY))).cn;
  }

  /** 诉求标题: a short title, 8–20 characters. */
  title(problem: CompiledTexts, s: Scene, ctx: SlotContext, core: number): string {
    const near = problem.titlesFor[core];
    for (let attempt = 0; attempt < 4; attempt++) {
      const pick = attempt < 3 && this.rng.chance(0.9) ? problem.titles[this.rng.pick(near)] : this.rng.pick(problem.titles);
      const text = this.render(pick, s, ctx);
      if (text.length >= 8 && text.length <= 20) return text;
    }
    const plain = problem.titles.find((t) => t.parts.length === 1 && t.length >= 8 && t.length <= 20);
    if (!plain) throw new Error(`problem ${problem.key} has no slot-free title of 8–20 characters`);
    return plain.source;
  }

  workOrder(w: WorkOrderText): { title: string; content: string } {
    const rng = this.rng;
    const voice: Voice = w.channel === '电话' ? 'phone' : 'online';
    const ctx: SlotContext = { voice, duration: w.problem.duration, t: w.t, prevId: w.prevId };
    if (w.type === '感谢') {
      const opening = voice === 'phone' ? '市民来电表示：' : `${rng.pick(P.OPENINGS[w.channel]).text}`;
      const body = this.render(rng.pick(THANKS_T), w.scene, { ...ctx, label: w.spec.zh, unit: w.thanked });
      return { title: rng.pick(P.THANKS_TITLES), content: `${opening}${body}。` };
    }
    const coreIndex = rng.int(w.problem.cores.length);
    const core = w.problem.cores[coreIndex];
    let opening: string;
    if (voice === 'phone') {
      const typed = P.TYPE_OPENINGS[w.type];
      // say 咨询/投诉/举报 up front only where the text reads like one
      const fits = w.type === '投诉' || w.type === '举报' || (w.type === '咨询' && /咨询|了解|怎么|如何/.test(core.source));
      if (typed && fits && rng.chance(0.3)) opening = rng.pick(typed);
      else {
        // an opening that already names the caller does not go before a text starting with them
        let o = rng.pick(P.OPENINGS.电话);
        while (core.startsWithWho && o.who) o = rng.pick(P.OPENINGS.电话);
        opening = o.text;
      }
    } else {
      opening = rng.pick(P.OPENINGS[w.channel]).text + (rng.chance(0.3) ? rng.pick(P.ONLINE_INTROS) : '');
    }

    const sentences: string[] = [this.render(core, w.scene, ctx)];
    if (w.problem.details.length && rng.chance(DETAIL_PROBABILITY)) sentences.push(this.render(rng.pick(w.problem.details), w.scene, ctx));
    if (!core.has('dur') && rng.chance(0.22)) sentences.push(this.render(rng.pick(DURATION_T), w.scene, ctx));
    if (w.repeatNo > 0 && rng.chance(0.6)) {
      sentences.push(this.render(rng.pick(w.prevId ? REPEAT_T : REPEAT_WITHOUT_ID), w.scene, ctx));
    }
    if (w.disputeCue) sentences.push(this.disputeCue(w.spec, w.scene, ctx));
    if (w.stability && STABILITY_T[w.spec.key]) sentences.push(this.render(rng.pick(STABILITY_T[w.spec.key]), w.scene, ctx));
    if (w.emergency && P.EMERGENCY_NOW[w.emergency]) sentences.push(rng.pick(P.EMERGENCY_NOW[w.emergency]!));
    if (voice === 'online' && w.repeatNo > 0 && rng.chance(0.15)) sentences.push(rng.pick(P.ONLINE_ASIDES));
    const pii = this.personalData(w.problem, w.caller, voice);
    if (pii) sentences.push(pii);
    const requests = w.problem.requests.length && rng.chance(0.6) ? w.problem.requests : REQUEST_T;
    sentences.push(this.render(rng.pick(requests), w.scene, ctx));

    // now and then an online message runs over two paragraphs
    const breakAt = w.channel === '网站' && sentences.length > 2 && rng.chance(0.05) ? 1 + rng.int(sentences.length - 1) : -1;
    let content = opening;
    for (let i = 0; i < sentences.length; i++) content += sentences[i] + (i === breakAt - 1 ? '。\n' : '。');
    if (voice === 'phone' && rng.chance(0.2)) content += rng.pick(P.PHONE_TAILS);
    return { title: this.title(w.problem, w.scene, ctx, coreIndex), content: tidy(content) };
  }

  private disputeCue(spec: ProblemSpec, s: Scene, ctx: SlotContext): string {
    const rng = this.rng;
    if (spec.owners.length >= 2 && rng.chance(0.5)) {
      const i = rng.int(spec.owners.length);
      let j = rng.int(spec.owners.length - 1);
      if (j >= i) j++;
      return this.render(rng.pick(BLAME_T), s, { ...ctx, a: KIND_COLLOQUIAL[spec.owners[i][0]], b: KIND_COLLOQUIAL[spec.owners[j][0]] });
    }
    return rng.pick(P.DISPUTE_CUES);
  }

  /** Names, numbers, plates… as callers give them, in some texts only. */
  private personalData(problem: CompiledTexts, caller: Caller, voice: Voice): string | null {
    const rng = this.rng;
    const parts: string[] = [];
    const online = voice === 'online';
    const withName = rng.chance(voice === 'police' ? 0.04 : 0.07);
    const withPhone = rng.chance(voice === 'police' ? 0.02 : online ? 0.08 : 0.05);
    if (withName) parts.push(voice === 'police' ? `报警人：${caller.person.surname}${caller.person.given}` : nameInText(rng, caller.person, online));
    if (withPhone) {
      // mostly the number the caller rang from, sometimes another one to call back on
      const number = rng.chance(0.7) ? caller.phone : rng.chance(0.2) ? landline(rng) : mobile(rng);
      parts.push(`${rng.pick(['联系电话', '联系方式：', '电话', '回电请打'])}${phoneInText(rng, number)}`);
    }
    if (problem.pii.idcard && rng.chance(problem.pii.idcard)) parts.push(`${rng.pick(['身份证号', '身份证号码：', '证件号'])}${idCard(rng)}`);
    if (problem.pii.bank && rng.chance(problem.pii.bank)) parts.push(`${rng.pick(['银行卡号', '工资卡号', '卡号：'])}${bankCard(rng)}`);
    if (problem.pii.plate && rng.chance(problem.pii.plate)) parts.push(`${rng.pick(['车牌号', '车牌号为', '涉事车辆', '车牌'])}${plate(rng)}`);
    if (online && rng.chance(0.04)) parts.push(`${rng.pick(['邮箱', '回复请发邮箱：', '电子邮箱'])}${email(rng)}`);
    return parts.length ? parts.join('，') : null;
  }

  /** 报警内容 of a 110 incident (police matter or a non-police one of the shared problems). */
  incident(problem: CompiledTexts, s: Scene, t: number, caller: Caller): string {
    const rng = this.rng;
    const ctx: SlotContext = { voice: 'police', duration: problem.duration, t, prevId: null };
    const core = rng.pick(problem.cores);
    let content = rng.pick(core.startsWithWho ? P.POLICE_OPENINGS_WHO : P.POLICE_OPENINGS) + this.render(core, s, ctx) + '。';
    if (problem.details.length && rng.chance(0.3)) content += this.render(rng.pick(problem.details), s, ctx) + '。';
    const pii = this.personalData(problem, caller, 'police');
    if (pii) content += pii + '。';
    if (rng.chance(0.3)) content += rng.pick(P.POLICE_REQUESTS) + '。';
    return tidy(content);
  }
}

interface SlotContext {
  voice: Voice;
  duration: 'long' | 'short';
  t: number;
  prevId: string | null;
  label?: string;
  unit?: string;
  a?: string;
  b?: string;
}

/** A place said as '…附近' followed by a text saying '附近…' once more. */
function tidy(text: string): string {
  return text.includes('附近附近') ? text.replace(/附近附近/g, '附近') : text;
}

/** An amount of yuan as people write it: 3500, 3,500 or 1.2万. */
function formatAmount(rng: Rng, amount: number): string {
  const r = rng.next();
  if (amount >= 10000 && r < 0.15) return `${(amount / 10000).toFixed(1).replace(/\.0$/, '')}万`;
  if (amount >= 1000 && r > 0.92) return amount.toLocaleString('en-US');
  return String(amount);
}
