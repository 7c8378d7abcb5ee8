import type { City } from './city.js';
import { EXPORT_AT, HOUR, DAY, hourOf, inOfficeHours, nextOfficeTime } from './clock.js';
import type { Rng } from './prng.js';
import type { LinkParty, ProblemSpec } from './problems/types.js';
import { functionalReason, returnFrom110, returnFrom12345, territorialReason } from './reasons.js';
import type { Scene } from './scene.js';
import { KIND_SPOKEN, UnitRegistry, type Kind } from './units.js';

export type Method = '派单' | '一键转接' | '在线转办' | '三方通话';
export type Result = '签收' | '退回' | '协商' | '待签收';

/** One hand-over, as the transfer log records it. */
export interface TransferRow {
  from: string;
  to: string;
  method: Method;
  sentAt: number;
  acceptedAt: number | null;
  result: Result;
  reason: string;
}

export type Status = '已办结' | '办理中' | '已退回' | '待签收';
export type Satisfaction = '满意' | '基本满意' | '不满意' | '未评价';

export interface Outcome {
  /** The unit that finally owns it; '' when nobody does yet. */
  finalUnit: string;
  status: Status;
  closedAt: number | null;
  responded: boolean;
  resolved: boolean;
  satisfaction: Satisfaction;
}

/** What decides a work order's path besides its problem. */
export interface FlowFlags {
  to110: boolean;
  threeParty: boolean;
  link: LinkParty | null;
  /** The caller will ring again about the same matter: this round did not settle it. */
  unsettled: boolean;
  /** Online channels are dispatched later than phone calls. */
  online: boolean;
}

// Units that answer around the clock; government offices sign for work orders in office hours.
const ROUND_THE_CLOCK = new Set<Kind>(['公安', '交警', '消防救援', '供热', '供电', '供水', '燃气', '物业', '通信运营商']);
const HOTLINE_OWNER: Partial<Record<LinkParty, Kind>> = { 供水热线: '供水', 供电热线: '供电', 燃气热线: '燃气', 供热热线: '供热' };
const COMMUNITY_KINDS = new Set<Kind>(['物业', '街道办事处']);

/**
 * Simulates who a matter is handed to, who sends it back and why, who finally owns it, and how it
 * ends — the transfer chains of 12345 work orders and of the 110 incidents diverted to 12345.
 */
export class FlowSimulator {
  constructor(
    private readonly rng: Rng,
    private readonly city: City,
    private readonly units: UnitRegistry,
  ) {}

  /** Every hand-over of one 12345 work order received at t0. Rows are appended to `rows`. */
  workOrder(spec: ProblemSpec, scene: Scene, t0: number, flags: FlowFlags, rows: TransferRow[]): Outcome {
    const rng = this.rng;
    let clock = t0;
    if (flags.link) {
      const sent = t0 + rng.range(60, 300);
      const method: Method = rng.chance(0.7) ? '一键转接' : '三方通话';
      const accepted = sent + rng.range(10, 120);
      rows.push({ from: '12345', to: flags.link, method, sentAt: sent, acceptedAt: accepted, result: '签收', reason: '' });
      const hotlineOwner = HOTLINE_OWNER[flags.link];
      if (hotlineOwner) {
        // a utility's own hotline takes the whole matter; its company is the handling unit
        const unit = this.units.unit(hotlineOwner, scene)!;
        return this.close(spec, t0, unit, accepted, rng.logNormal(6 * HOUR, 0.9), 0, flags);
      }
      clock = accepted + rng.range(10, 60) * 60;
    }

    let excludePolice = false;
    if (flags.threeParty || flags.to110) {
      const handled = this.to110(spec, scene, clock, flags, rows);
      if (handled.owned) return handled.outcome!;
      clock = handled.clock;
      excludePolice = handled.refused;
    }
    return this.dispatch(spec, scene, t0, this.dispatchTime(clock, flags.online), flags, rows, excludePolice);
  }

  /**
   * A non-police 110 incident handed to 12345 at t0 (already received by 110). Returns the outcome
   * of the 12345 side, or null when 12345 sent it back to 110.
   */
  divertedIncident(spec: ProblemSpec, scene: Scene, t0: number, policeFirst: boolean, rows: TransferRow[]): { outcome: Outcome | null; handoverAt: number } {
    const rng = this.rng;
    const r = rng.next();
    const method: Method = r < 0.55 ? '一键转接' : r < 0.92 ? '在线转办' : '三方通话';
    const sent = t0 + (method === '在线转办' ? rng.range(5, 40) * 60 : rng.range(60, 360));
    if (policeFirst) {
      rows.push({ from: '110', to: '12345', method, sentAt: sent, acceptedAt: null, result: '退回', reason: returnFrom12345(rng) });
      return { outcome: null, handoverAt: sent + rng.range(2, 20) * 60 };
    }
    const accepted = sent + (method === '在线转办' ? rng.range(2, 60) * 60 : rng.range(20, 180));
    rows.push({ from: '110', to: '12345', method, sentAt: sent, acceptedAt: accepted, result: method === '三方通话' && rng.chance(0.5) ? '协商' : '签收', reason: '' });
    const flags: FlowFlags = { to110: false, threeParty: false, link: null, unsettled: false, online: method === '在线转办' };
    const outcome = this.dispatch(spec, scene, accepted, this.dispatchTime(accepted, flags.online), flags, rows, true);
    return { outcome, handoverAt: accepted };
  }

  /** 12345 passes it to 110 (stability clue) or settles it with 110 in a three-party call. */
  private to110(spec: ProblemSpec, scene: Scene, clock: number, flags: FlowFlags, rows: TransferRow[]): { owned: boolean; outcome?: Outcome; clock: number; refused: boolean } {
    const rng = this.rng;
    const policeOwner = spec.owners.some(([k]) => k === '公安');
    const station = () => this.units.unit('公安', scene)!;
    if (flags.threeParty) {
      const sent = clock + rng.range(60, 480);
      if (policeOwner && rng.chance(0.4)) {
        const accepted = sent + rng.range(30, 180);
        rows.push({ from: '12345', to: '110', method: '三方通话', sentAt: sent, acceptedAt: accepted, result: '签收', reason: '' });
        return { owned: true, outcome: this.policeTakes(spec, clock, accepted, station(), flags, rows), clock, refused: false };
      }
      rows.push({ from: '12345', to: '110', method: '三方通话', sentAt: sent, acceptedAt: null, result: '协商', reason: '' });
      return { owned: false, clock: sent + rng.range(5, 30) * 60, refused: true };
    }
    const urgent = rng.chance(0.6);
    const sent = clock + (urgent ? rng.range(60, 300) : rng.range(10, 90) * 60);
    const method: Method = urgent ? '一键转接' : '在线转办';
    if (policeOwner && rng.chance(0.45)) {
      // 110 judges it not a police matter and sends it back: the 12345 ↔ 110 ping-pong
      rows.push({ from: '12345', to: '110', method, sentAt: sent, acceptedAt: null, result: '退回', reason: returnFrom110(rng) });
      return { owned: false, clock: sent + rng.range(20, 240) * 60, refused: true };
    }
    const accepted = sent + (urgent ? rng.range(20, 120) : rng.range(2, 40) * 60);
    rows.push({ from: '12345', to: '110', method, sentAt: sent, acceptedAt: accepted, result: '签收', reason: '' });
    if (policeOwner) return { owned: true, outcome: this.policeTakes(spec, clock, accepted, station(), flags, rows), clock, refused: false };
    // police deal with the immediate danger; the matter itself still goes to its owner
    const stationAccepted = accepted + rng.range(3, 30) * 60;
    rows.push({ from: '110', to: station(), method: '派单', sentAt: accepted + rng.range(1, 5) * 60, acceptedAt: stationAccepted, result: '签收', reason: '' });
    return { owned: false, clock: accepted + rng.range(30, 180) * 60, refused: false };
  }

  private policeTakes(spec: ProblemSpec, t0: number, accepted: number, station: string, flags: FlowFlags, rows: TransferRow[]): Outcome {
    const rng = this.rng;
    const sent = accepted + rng.range(1, 5) * 60;
    const signed = sent + rng.range(3, 30) * 60;
    rows.push({ from: '110', to: station, method: '派单', sentAt: sent, acceptedAt: signed, result: '签收', reason: '' });
    // counted as one hand-over away from the unit first thought of: callers rate it a little lower
    return this.close(spec, t0, station, signed, rng.logNormal(10 * HOUR, 1), 1, flags);
  }

  /** When 12345 dispatches a work order: soon by day, the next morning for night calls. */
  private dispatchTime(t: number, online: boolean): number {
    const rng = this.rng;
    const d = t + (online ? rng.logNormal(70 * 60, 0.9) : rng.logNormal(12 * 60, 0.7));
    const h = hourOf(d);
    if (h >= 22 || h < 7) {
      const morning = Math.floor((d + (h >= 22 ? DAY : 0)) / DAY) * DAY + 7.5 * HOUR;
      return morning + rng.range(0, 90) * 60;
    }
    return Math.round(d);
  }

  /** Dispatches to units until one signs for it (or it is left returned or unsigned). */
  private dispatch(spec: ProblemSpec, scene: Scene, t0: number, firstAt: number, flags: FlowFlags, rows: TransferRow[], excludePolice: boolean): Outcome {
    const rng = this.rng;
    const owner = spec.owners[0][0];
    const available = spec.owners.filter(([k]) => !(excludePolice && k === '公安') && this.units.exists(k, scene));
    const candidates = available.length ? available : spec.owners.filter(([k]) => this.units.exists(k, scene));
    const tried: Kind[] = [];
    let kind: Kind = spec.disputed ? rng.pickWeighted(candidates) : owner;
    if (!spec.disputed && spec.misdispatch && rng.chance(0.05)) {
      const wrong = rng.pick(spec.misdispatch);
      if (this.units.exists(wrong, scene)) kind = wrong;
    }
    let sent = firstAt;
    let functionalReturns = 0;
    let returns = 0;
    const misroute = spec.misroute ?? 0.02;

    for (let step = 0; step < 8; step++) {
      if (sent > EXPORT_AT) return this.open(returns > 0 ? '已退回' : '待签收');
      // a dispatcher may pick the same kind of unit in a neighbouring district (a routing error)
      if (UnitRegistry.isTerritorial(kind) && rng.chance(step === 0 ? misroute : misroute / 4)) {
        const wrongDistrict = this.neighbour(scene);
        const unit = this.units.unit(kind, scene, wrongDistrict)!;
        const back = this.unitDelay(kind, sent, rng.logNormal(3 * HOUR, 0.9));
        if (back > EXPORT_AT) {
          rows.push({ from: '12345', to: unit, method: '派单', sentAt: sent, acceptedAt: null, result: '待签收', reason: '' });
          return this.open('待签收');
        }
        const signedFirst = rng.chance(0.2) ? this.unitDelay(kind, sent, rng.logNormal(HOUR, 0.8)) : null;
        rows.push({ from: '12345', to: unit, method: '派单', sentAt: sent, acceptedAt: signedFirst !== null && signedFirst < back ? signedFirst : null, result: '退回', reason: territorialReason(rng, this.city.districts[scene.district].name, kind) });
        returns++;
        sent = this.redispatch(back);
        continue;
      }

      const unit = this.units.unit(kind, scene)!;
      const lastChance = functionalReturns >= 3;
      let returnP: number;
      if (!spec.disputed) returnP = kind === owner ? 0.004 : 0.92;
      else returnP = lastChance ? 0 : ([0.45, 0.35, 0.25][functionalReturns] ?? 0.2);
      if (rng.chance(returnP)) {
        const back = this.unitDelay(kind, sent, rng.logNormal(spec.disputed ? 7 * HOUR : 3 * HOUR, 1));
        if (back > EXPORT_AT) {
          rows.push({ from: '12345', to: unit, method: '派单', sentAt: sent, acceptedAt: null, result: '待签收', reason: '' });
          return this.open('待签收');
        }
        tried.push(kind);
        const next = spec.disputed ? this.nextKind(candidates, kind, tried) : owner;
        const signedFirst = rng.chance(0.25) ? this.unitDelay(kind, sent, rng.logNormal(1.5 * HOUR, 0.8)) : null;
        rows.push({
          from: '12345', to: unit, method: '派单', sentAt: sent,
          acceptedAt: signedFirst !== null && signedFirst < back ? signedFirst : null,
          result: '退回',
          reason: rng.chance(0.04) ? '' : functionalReason(rng, KIND_SPOKEN[next], COMMUNITY_KINDS.has(next) && !COMMUNITY_KINDS.has(kind)),
        });
        returns++;
        functionalReturns++;
        // a share of disputed work orders is left returned, waiting for the centre to rule on it
        if (spec.disputed && rng.chance(0.05 + 0.03 * functionalReturns)) return this.open('已退回');
        kind = next;
        sent = this.redispatch(back);
        continue;
      }

      const median = spec.disputed ? (2.5 + 1.5 * functionalReturns) * HOUR : 0.6 * HOUR;
      const accepted = this.unitDelay(kind, sent, rng.logNormal(median, spec.disputed ? 1.1 : 0.9));
      if (accepted > EXPORT_AT) {
        rows.push({ from: '12345', to: unit, method: '派单', sentAt: sent, acceptedAt: null, result: '待签收', reason: '' });
        return this.open('待签收');
      }
      rows.push({ from: '12345', to: unit, method: '派单', sentAt: sent, acceptedAt: accepted, result: '签收', reason: '' });
      const work = spec.disputed ? rng.logNormal((70 + 25 * functionalReturns) * HOUR, 0.9) : rng.logNormal(28 * HOUR, 0.85);
      return this.close(spec, t0, unit, accepted, work, functionalReturns, flags);
    }
    return this.open('已退回');
  }

  /** The kind of unit to try after a functional return (the return reason points to it). */
  private nextKind(candidates: [Kind, number][], current: Kind, tried: Kind[]): Kind {
    const rng = this.rng;
    const others = candidates.filter(([k]) => k !== current);
    if (!others.length) return current;
    const untried = others.filter(([k]) => !tried.includes(k));
    // after several returns the centre rules and sends it back to a unit that already refused it
    if (!untried.length || (tried.length >= 2 && rng.chance(0.3))) return rng.pick(tried.filter((k) => k !== current).concat(others.map(([k]) => k)));
    return rng.pickWeighted(untried);
  }

  private neighbour(scene: Scene): number {
    const rng = this.rng;
    const road = this.city.roads[scene.road];
    const across = road.districts.filter((d) => d !== scene.district);
    if (across.length && rng.chance(0.6)) return rng.pick(across);
    return rng.pick(this.city.districts[scene.district].neighbours);
  }

  /** When a unit of `kind` acts on something sent at `sent`, needing `delay` seconds of its time. */
  private unitDelay(kind: Kind, sent: number, delay: number): number {
    if (ROUND_THE_CLOCK.has(kind)) return Math.round(sent + delay * 0.6);
    let t = nextOfficeTime(sent) + delay;
    if (!inOfficeHours(t)) t = nextOfficeTime(t) + this.rng.range(0, 40) * 60;
    return Math.round(t);
  }

  private redispatch(back: number): number {
    const t = back + this.rng.logNormal(1.2 * HOUR, 0.8);
    return Math.round(inOfficeHours(t) || hourOf(t) >= 7 && hourOf(t) < 22 ? t : nextOfficeTime(t));
  }

  private open(status: Status): Outcome {
    return { finalUnit: '', status, closedAt: null, responded: this.rng.chance(0.15), resolved: false, satisfaction: '未评价' };
  }

  /** Work done after `accepted`; closing, resolution and the caller's rating follow from the path. */
  private close(spec: ProblemSpec, t0: number, unit: string, accepted: number, work: number, functionalReturns: number, flags: FlowFlags): Outcome {
    const rng = this.rng;
    const closeAt = Math.round(accepted + work);
    const waited = accepted - t0;
    const responded = waited < 24 * HOUR ? rng.chance(0.985) : rng.chance(0.75);
    if (closeAt > EXPORT_AT) return { finalUnit: unit, status: '办理中', closedAt: null, responded, resolved: false, satisfaction: '未评价' };
    let pResolved = (spec.disputed ? 0.66 : 0.91) - 0.09 * functionalReturns - (flags.unsettled ? 0.3 : 0);
    if (closeAt - t0 > 10 * DAY) pResolved -= 0.1;
    const resolved = rng.chance(Math.min(0.97, Math.max(0.06, pResolved)));
    let satisfaction: Satisfaction;
    if (rng.chance(0.15)) satisfaction = '未评价';
    else {
      const unhappy = (resolved ? 0.05 : 0.6) + 0.06 * functionalReturns + (waited > 48 * HOUR ? 0.08 : 0);
      const r = rng.next();
      satisfaction = r < unhappy ? '不满意' : r < unhappy + (resolved ? 0.17 : 0.3) ? '基本满意' : '满意';
    }
    return { finalUnit: unit, status: '已办结', closedAt: closeAt, responded, resolved, satisfaction };
  }
}
