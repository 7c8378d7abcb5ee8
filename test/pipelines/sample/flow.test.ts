import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample, transfersByRecord, truthByRecord, type Row, type Sample } from './sample-files.js';

// Everything here is measured from the generated files (units.csv gives each unit's kind and
// district), the way the product will see them — not from the generator's internals.

let s: Sample;
let disputed: Set<string>;
let byRecord: Map<string, Row[]>;
let truth: Map<string, Row>;
let unit: Map<string, Row>;

beforeAll(async () => {
  s = await generateSample(3000, 4242);
  disputed = new Set(s.problems.filter((p) => p.disputed).map((p) => p.key));
  byRecord = transfersByRecord(s);
  truth = truthByRecord(s);
  unit = new Map(s.units.map((u) => [u.name, u]));
});
afterAll(() => s.cleanup());

interface ReturnCounts {
  dispatches: number;
  functional: number;
  territorial: number;
  territorialReasons: string[];
}

/**
 * A dispatch to a unit that comes back is functional when the unit that takes it next (or finally
 * owns it) is of another kind, territorial when it is the same kind in another district.
 */
function classifyReturns(keys: (k: string) => boolean): ReturnCounts {
  const out: ReturnCounts = { dispatches: 0, functional: 0, territorial: 0, territorialReasons: [] };
  for (const w of s.workOrders) {
    const key = truth.get(`12345|${w['工单编号']}`)!.problem_key;
    if (!keys(key)) continue;
    const dispatches = (byRecord.get(`12345|${w['工单编号']}`) ?? []).filter((r) => unit.has(r['接收单位']));
    out.dispatches += dispatches.length;
    dispatches.forEach((r, i) => {
      if (r['流转结果'] !== '退回') return;
      const from = unit.get(r['接收单位'])!;
      const next = unit.get(dispatches[i + 1]?.['接收单位'] ?? w['承办单位']);
      if (!next) return;
      if (next.kind !== from.kind) out.functional++;
      else if (next.district !== from.district) {
        out.territorial++;
        out.territorialReasons.push(r['退回原因']);
      }
    });
  }
  return out;
}

function share(rows: Row[], pick: (w: Row) => boolean): number {
  return rows.length ? rows.filter(pick).length / rows.length : 0;
}

function ordersOf(isDisputed: boolean): Row[] {
  return s.workOrders.filter((w) => disputed.has(truth.get(`12345|${w['工单编号']}`)!.problem_key) === isDisputed);
}

describe('dispute signals in the transfer log', () => {
  it('disputed problems come back from other kinds of unit far more often than clear ones', () => {
    const d = classifyReturns((k) => disputed.has(k));
    const c = classifyReturns((k) => !disputed.has(k));
    const dShare = d.functional / d.dispatches;
    const cShare = c.functional / c.dispatches;
    expect(dShare).toBeGreaterThan(0.15);
    expect(dShare).toBeGreaterThan(4 * cShare);
  });

  it('clear problems are often sent to the wrong district first, returned with a territorial reason', () => {
    const prone = new Set(s.problems.filter((p) => p.misroute_prone && !p.disputed).map((p) => p.key));
    expect(prone.size).toBeGreaterThanOrEqual(3);
    const c = classifyReturns((k) => prone.has(k));
    expect(c.territorial / c.dispatches).toBeGreaterThan(0.05);
    expect(c.territorial).toBeGreaterThan(3 * c.functional);
    const territorialWords = /属地|辖区|管辖|地址不在|供热区域|供热范围/;
    expect(c.territorialReasons.filter((r) => territorialWords.test(r)).length / c.territorialReasons.length).toBeGreaterThan(0.95);
  });

  it('disputed problems end with several kinds of owner, clear ones with one', () => {
    const kindsOf = (isDisputed: boolean) => {
      const perProblem = new Map<string, Map<string, number>>();
      for (const w of ordersOf(isDisputed)) {
        const kind = unit.get(w['承办单位'])?.kind;
        if (!kind) continue;
        const key = truth.get(`12345|${w['工单编号']}`)!.problem_key;
        const m = perProblem.get(key) ?? perProblem.set(key, new Map()).get(key)!;
        m.set(kind, (m.get(kind) ?? 0) + 1);
      }
      // share of each problem's owners that are of its commonest kind
      return [...perProblem.values()].filter((m) => [...m.values()].reduce((a, b) => a + b) >= 20).map((m) => {
        const counts = [...m.values()];
        return Math.max(...counts) / counts.reduce((a, b) => a + b);
      });
    };
    const d = kindsOf(true);
    const c = kindsOf(false);
    expect(d.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...d)).toBeLessThan(0.85);
    expect(Math.min(...c)).toBeGreaterThan(0.9);
  });

  it('disputed work orders wait longer for a unit to sign, leave more callers dissatisfied and unowned', () => {
    const firstSign = (w: Row) => {
      const rec = (byRecord.get(`12345|${w['工单编号']}`) ?? []).find((r) => unit.has(r['接收单位']) && r['签收时间']);
      return rec ? (Date.parse(rec['签收时间'].replace(' ', 'T')) - Date.parse(rec['流转时间'].replace(' ', 'T'))) / 3.6e6 : null;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const hours = (isDisputed: boolean) => median(ordersOf(isDisputed).map(firstSign).filter((h): h is number => h !== null));
    expect(hours(true)).toBeGreaterThan(2 * hours(false));
    const dissatisfied = (isDisputed: boolean) => share(ordersOf(isDisputed).filter((w) => w['满意度评价'] !== '未评价'), (w) => w['满意度评价'] === '不满意');
    expect(dissatisfied(true)).toBeGreaterThan(2 * dissatisfied(false));
    const unowned = (isDisputed: boolean) => share(ordersOf(isDisputed), (w) => w['承办单位'] === '');
    expect(unowned(true)).toBeGreaterThan(3 * unowned(false));
  });

  it('callers of disputed problems call again more often and say nobody takes responsibility', () => {
    const repeatShare = (isDisputed: boolean) => {
      const rows = ordersOf(isDisputed);
      const seen = new Map<string, number>();
      for (const w of rows) {
        const k = `${truth.get(`12345|${w['工单编号']}`)!.problem_key}|${w['来电号码']}`;
        seen.set(k, (seen.get(k) ?? 0) + 1);
      }
      return share(rows, (w) => seen.get(`${truth.get(`12345|${w['工单编号']}`)!.problem_key}|${w['来电号码']}`)! > 1);
    };
    expect(repeatShare(true)).toBeGreaterThan(2 * repeatShare(false));
    const cue = /推诿|不归|没人管|没有人管|多次反映|踢皮球|归谁管/;
    expect(share(ordersOf(true), (w) => cue.test(w['诉求内容']))).toBeGreaterThan(4 * share(ordersOf(false), (w) => cue.test(w['诉求内容'])));
  });
});

describe('the units\' replies (办理结果)', () => {
  it('closed orders carry the unit\'s account, unsigned ones none, and those left returned the last return\'s words', () => {
    const closed = s.workOrders.filter((w) => w['工单状态'] === '已办结');
    expect(share(closed, (w) => w['办理结果'] !== '')).toBe(1);
    expect(s.workOrders.filter((w) => w['工单状态'] === '待签收').every((w) => w['办理结果'] === '')).toBe(true);
    const returned = s.workOrders.filter((w) => w['工单状态'] === '已退回');
    expect(returned.length).toBeGreaterThan(10);
    for (const w of returned) {
      const last = (byRecord.get(`12345|${w['工单编号']}`) ?? []).filter((r) => r['流转结果'] === '退回' && r['退回原因']).pop();
      expect(w['办理结果']).toBe(last?.['退回原因'] ?? '');
    }
    // the account follows the outcome: unresolved ones explain rather than report it done
    const done = /已解决|整改完毕|整改到位|处理完毕/;
    const resolved = closed.filter((w) => w['是否解决'] === '是' && w['承办单位'] !== '12345');
    const unresolved = closed.filter((w) => w['是否解决'] === '否' && w['承办单位'] !== '12345');
    expect(share(resolved, (w) => done.test(w['办理结果']))).toBeGreaterThan(0.8);
    expect(share(unresolved, (w) => done.test(w['办理结果']))).toBe(0);
    // and some name the caller, as personal data for the import to mask
    expect(share(closed, (w) => /[\u4e00-\u9fa5](先生|女士)/.test(w['办理结果']))).toBeGreaterThan(0.1);
  });
});

describe('linkage between 12345 and 110', () => {
  it('diverts most non-police incidents to 12345 and none of the police ones', () => {
    const nonPolice = s.incidents.filter((i) => i['警情性质'] === '非警务类');
    const ratio = nonPolice.length / s.incidents.length;
    expect(ratio).toBeGreaterThan(0.3);
    expect(ratio).toBeLessThan(0.4);
    const handedTo12345 = (i: Row) => (byRecord.get(`110|${i['警情编号']}`) ?? []).some((r) => r['派出单位'] === '110' && r['接收单位'] === '12345');
    expect(share(nonPolice, handedTo12345)).toBeGreaterThan(0.6);
    expect(s.incidents.filter((i) => i['警情性质'] === '警务类').some(handedTo12345)).toBe(false);
    const methods = new Set(s.transfers.filter((t) => t['派出单位'] === '110' && t['接收单位'] === '12345').map((t) => t['流转方式']));
    expect([...methods].sort()).toEqual(['一键转接', '三方通话', '在线转办'].sort());
    // after the hand-over 12345 dispatches to a unit under the incident's own id
    const dispatched = nonPolice.filter((i) => (byRecord.get(`110|${i['警情编号']}`) ?? []).some((r) => r['派出单位'] === '12345' && unit.has(r['接收单位'])));
    expect(dispatched.length).toBeGreaterThan(0.5 * nonPolice.length);
  });

  it('passes some work orders to 110, some back again, and settles some in three-party calls', () => {
    const to110 = s.transfers.filter((t) => t['平台'] === '12345' && t['派出单位'] === '12345' && t['接收单位'] === '110');
    expect(to110.filter((t) => t['流转结果'] === '签收').length).toBeGreaterThan(0);
    expect(to110.filter((t) => t['流转结果'] === '退回').length).toBeGreaterThan(0);
    expect(to110.filter((t) => t['流转方式'] === '三方通话').length).toBeGreaterThan(0);
    expect(s.transfers.some((t) => t['流转结果'] === '协商')).toBe(true);
  });

  it('links emergencies to 119, 120, 122 and the utility hotlines', () => {
    const parties = new Set(s.transfers.map((t) => t['接收单位']));
    for (const p of ['119', '120', '122', '供水热线', '供电热线', '燃气热线', '供热热线']) expect(parties.has(p), p).toBe(true);
  });
});
