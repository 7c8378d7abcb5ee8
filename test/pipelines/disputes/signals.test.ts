import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { saveConfigOverride } from '../../../pipelines/disputes/config.js';
import { ensureSignals, updateSignals } from '../../../pipelines/disputes/signals.js';
import { tempDb } from '../../helpers/temp-db.js';
import { insertAppeals, insertTransfers, signalsOf, type FixtureAppeal, type FixtureTransfer, type SignalRow } from './fixture.js';

const CG_E = '东城区城市管理综合执法局';
const CG_W = '西城区城市管理综合执法局';
const ZJ_E = '东城区住房和城乡建设局';
const SJ_E = '东城区市场监督管理局';

// Each appeal is received at 08:00 on its day; dispatches go out at 08:10.
const day = (d: number, h = 8, m = 0) => `2025-03-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
const appeal = (id: string, d: number, extra: Partial<FixtureAppeal> = {}): FixtureAppeal => ({ id, at: day(d), ...extra });

const appeals: FixtureAppeal[] = [
  appeal('plain', 1, { handling: CG_E }),
  appeal('fn-reason', 2),
  appeal('fn-structural', 2),
  appeal('terr-reason', 3),
  appeal('terr-structural', 3),
  appeal('unclear', 3),
  appeal('redispatch', 4),
  appeal('pingpong', 5),
  appeal('pingpong-returned', 5),
  appeal('oneway', 5),
  appeal('three-party', 6),
  appeal('no-owner', 7),
  appeal('slow', 8),
  appeal('never', 8),
  appeal('many', 9),
  appeal('cue', 10, { content: '楼下烧烤摊油烟，几个部门互相推诿，到现在没人管' }),
  appeal('reply-fn', 10, { handling: CG_E, reply: '经核实，该问题不属于我单位职责范围，建议由区住建局处理。' }),
  appeal('reply-terr', 10, { handling: CG_E, reply: '经核实，该地点属地不符，不属于我单位职责，请转西城区办理。' }),
  appeal('reply-plain', 10, { handling: CG_E, reply: '已派员到现场处理，烧烤摊已撤离。' }),
  appeal('reply-en', 10, { handling: CG_E, reply: "This complaint does not fall under the Police Department's jurisdiction." }),
  appeal('reply-en-routine', 10, { handling: CG_E, reply: 'The Department of Transportation referred this complaint to the appropriate Maintenance Unit for repair.' }),
  appeal('reply-en-own', 10, { handling: CG_E, reply: "All trees under the agency's jurisdiction are assessed for risk." }),
  appeal('rep-1', 11, { caller: 'c1', topic: 1 }),
  appeal('rep-2', 21, { caller: 'c1', topic: 1 }),
  appeal('rep-other-topic', 22, { caller: 'c1', topic: 2 }),
  appeal('rep-late', 30, { caller: 'c1', topic: 1, at: '2025-04-25 08:00' }),
  appeal('addr-1', 12, { address: '和平里小区3号楼', topic: 3 }),
  appeal('addr-2', 13, { address: '和平里小区3号楼', topic: 3 }),
];

const t = (id: string, seq: number, to: string, sentH: number, d: number, extra: Partial<FixtureTransfer> = {}): FixtureTransfer => ({
  id, seq, from: '12345', to, sent: day(d, 8, 10 + seq), ...extra,
  ...(extra.accepted === undefined && extra.outcome === undefined ? { accepted: day(d, 8 + sentH, 10), outcome: 'accepted' } : {}),
});

const transfers: FixtureTransfer[] = [
  t('plain', 1, CG_E, 1, 1),
  // functional by reason: 城管 says it is not its job; the platform sends it back to 城管, which keeps it
  t('fn-reason', 1, CG_E, 1, 2, { outcome: 'returned', accepted: day(2, 9), reason: '不属于我单位职责' }),
  t('fn-reason', 2, CG_E, 2, 2),
  // functional by structure: no reason, the next unit is 住建
  t('fn-structural', 1, CG_E, 1, 2, { outcome: 'returned', accepted: null }),
  t('fn-structural', 2, ZJ_E, 2, 2),
  // territorial by reason even though nothing follows
  t('terr-reason', 1, CG_W, 1, 3, { outcome: 'returned', accepted: null, reason: '属地不符，不属于我辖区' }),
  t('terr-reason', 2, CG_E, 2, 3),
  // territorial by structure: 西城 城管 → 东城 城管, no reason
  t('terr-structural', 1, CG_W, 1, 3, { outcome: 'returned', accepted: null }),
  t('terr-structural', 2, CG_E, 2, 3),
  // returned without reason and nobody took it: unclear
  t('unclear', 1, CG_E, 1, 3, { outcome: 'returned', accepted: null, sent: '2025-03-31 07:00' }),
  // re-dispatched to another kind without a return
  t('redispatch', 1, CG_E, 1, 4, { outcome: 'pending', accepted: null }),
  t('redispatch', 2, ZJ_E, 2, 4),
  t('pingpong', 1, '110', 1, 5, { method: 'one_click' }),
  t('pingpong', 2, '12345', 2, 5, { from: '110', method: 'online' }),
  t('pingpong-returned', 1, '110', 1, 5, { method: 'one_click', outcome: 'returned', accepted: null }),
  t('oneway', 1, '110', 1, 5, { method: 'one_click' }),
  t('three-party', 1, '110', 1, 6, { method: 'three_party_call', outcome: 'negotiated', accepted: day(6, 8, 20) }),
  // 西城 城管 accepts within an hour, then returns (territorial); 东城 城管 keeps it 60 h after receipt
  t('no-owner', 1, CG_W, 1, 7, { reason: '属地不符', outcome: 'returned', accepted: day(7, 9) }),
  t('no-owner', 2, CG_E, 0, 7, { accepted: day(9, 20) }),
  t('slow', 1, CG_E, 10, 8),
  t('never', 1, CG_E, 0, 8, { outcome: 'pending', accepted: null }),
  t('many', 1, CG_E, 1, 9, { outcome: 'returned', accepted: null, reason: '职能交叉' }),
  t('many', 2, ZJ_E, 1, 9, { outcome: 'returned', accepted: null, reason: '职能交叉' }),
  t('many', 3, SJ_E, 2, 9),
];

// the latest receipt (the reference for appeals nobody accepted) is rep-late, 2025-04-25 08:00
describe('dispute signals per appeal', () => {
  let db: Database;
  let cleanup: () => void;
  let s: Map<string, SignalRow>;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await insertAppeals(db, appeals);
    await insertTransfers(db, transfers);
    await ensureSignals(db);
    s = await signalsOf(db);
  });
  afterAll(() => cleanup());

  const raised = (id: string) =>
    Object.entries(s.get(id)!)
      .filter(([k, v]) => k.startsWith('sig_') && v === true)
      .map(([k]) => k.slice(4))
      .sort();

  it('a plainly handled appeal raises nothing', () => {
    expect(raised('plain')).toEqual([]);
    expect(s.get('plain')).toMatchObject({ unit_dispatches: 1, unit_kinds: 1, owner_unit: CG_E, owner_kind: '城管', hours_to_owner: 1 + 10 / 60, signal_count: 0 });
  });

  it('a return whose reason names another body is functional', () => {
    expect(s.get('fn-reason')).toMatchObject({ returns: 1, functional_returns: 1, territorial_returns: 0 });
    expect(raised('fn-reason')).toEqual(['functional_return']);
  });

  it('a return followed by another kind of unit is functional and a re-dispatch', () => {
    expect(s.get('fn-structural')).toMatchObject({ functional_returns: 1, territorial_returns: 0, owner_kind: '住建' });
    expect(raised('fn-structural')).toEqual(['functional_return', 'redispatch_kind']);
  });

  it('a territorial misroute is counted but raises no dispute signal', () => {
    for (const id of ['terr-reason', 'terr-structural']) {
      expect(s.get(id), id).toMatchObject({ returns: 1, functional_returns: 0, territorial_returns: 1, unit_kinds: 1, signal_count: 0 });
    }
  });

  it('a return nobody followed up is unclear, not functional', () => {
    expect(s.get('unclear')).toMatchObject({ returns: 1, functional_returns: 0, territorial_returns: 0 });
    // still waiting since 03-31 07:00 (sent) / 03-03 08:00 (received): no unit ever kept it
    expect(raised('unclear')).toEqual(['no_owner', 'slow_accept']);
  });

  it('re-dispatch to another kind without a return', () => {
    expect(raised('redispatch')).toEqual(['redispatch_kind']);
  });

  it('12345 ↔ 110 back and forth, or a platform refusing the hand-over, is ping-pong; one way is not', () => {
    expect(raised('pingpong')).toEqual(['ping_pong']);
    expect(s.get('pingpong')!.platform_handovers).toBe(2);
    expect(raised('pingpong-returned')).toEqual(['ping_pong']);
    expect(raised('oneway')).toEqual([]);
    expect(s.get('oneway')!.platform_handovers).toBe(1);
  });

  it('a three-party call', () => {
    expect(raised('three-party')).toEqual(['three_party']);
  });

  it('no unit kept it within 48 h, although one accepted at once', () => {
    // received 03-07 08:00, first accepted 09:00 (1 h), kept by 东城 城管 from 03-09 20:00 (60 h)
    expect(s.get('no-owner')).toMatchObject({ hours_to_first_accept: 1, hours_to_owner: 60, territorial_returns: 1 });
    expect(raised('no-owner')).toEqual(['no_owner']);
  });

  it('first acceptance after 4 h is slow', () => {
    // sent 08:11, accepted 18:10 → 10 h 10 min after receipt
    expect(s.get('slow')!.hours_to_first_accept).toBeCloseTo(10 + 10 / 60, 6);
    expect(raised('slow')).toEqual(['slow_accept']);
  });

  it('an appeal nobody accepted raises no-owner and slow acceptance', () => {
    expect(s.get('never')).toMatchObject({ hours_to_first_accept: null, owner_unit: null });
    expect(raised('never')).toEqual(['no_owner', 'slow_accept']);
  });

  it('three kinds of unit involved', () => {
    expect(s.get('many')).toMatchObject({ unit_kinds: 3, functional_returns: 2 });
    expect(raised('many')).toEqual(['functional_return', 'many_kinds', 'redispatch_kind']);
  });

  it('text cues from the caller', () => {
    expect(raised('cue')).toEqual(['text_cue']);
    expect(s.get('cue')!.text_cue).toBe('互相推诿');
  });

  it("a reply saying it is another body's job is a functional return, told in words", () => {
    expect(raised('reply-fn')).toEqual(['functional_return']);
    expect(s.get('reply-fn')).toMatchObject({ returns: 0, functional_returns: 0 });
    // a unit naming the wrong district describes a dispatch error, as in a return's reason
    expect(raised('reply-terr')).toEqual([]);
    expect(raised('reply-plain')).toEqual([]);
    // in English too (NYC 311's resolution descriptions); routine referrals and a unit's own remit are not
    expect(raised('reply-en')).toEqual(['functional_return']);
    expect(raised('reply-en-routine')).toEqual([]);
    expect(raised('reply-en-own')).toEqual([]);
  });

  it('repeat appeals: same caller or address, same topic, within 30 days', () => {
    expect(raised('rep-1')).toEqual([]);
    expect(raised('rep-2')).toEqual(['repeat_caller']);
    expect(raised('rep-other-topic')).toEqual([]);
    expect(raised('rep-late')).toEqual([]);
    expect(raised('addr-1')).toEqual([]);
    expect(raised('addr-2')).toEqual(['repeat_address']);
    expect(s.get('addr-2')!.signal_count).toBe(1);
  });

  it('rebuilds only when an input or the configuration changed', async () => {
    expect(await ensureSignals(db)).toBe(false);
    await saveConfigOverride(db, { signals: { slowAcceptHours: 12 } });
    expect(await ensureSignals(db)).toBe(true);
    const after = await signalsOf(db);
    expect(after.get('slow')!.sig_slow_accept).toBe(false);
    await insertAppeals(db, [appeal('late-arrival', 28)]);
    expect(await ensureSignals(db)).toBe(true);
    expect((await signalsOf(db)).has('late-arrival')).toBe(true);
  });
});

describe('a functional return told in the reply, recomputed for a changed hand-over only', () => {
  it('keeps it when the appeal is in scope only because its hand-overs changed', async () => {
    const t = await tempDb();
    try {
      await insertAppeals(t.db, [
        appeal('R1', 1, { handling: CG_E, reply: '经核实，不属于我单位职责，建议由区住建局处理。' }),
        ...Array.from({ length: 10 }, (_, i) => appeal(`other-${i}`, 2 + i, { handling: CG_E })),
      ]);
      await ensureSignals(t.db);
      expect((await signalsOf(t.db)).get('R1')).toMatchObject({ sig_functional_return: true, unit_dispatches: 0 });
      await insertTransfers(t.db, [{ id: 'R1', seq: 1, from: '12345', to: CG_E, sent: day(1, 8, 10), accepted: day(1, 8, 30) }]);
      // only R1 is recomputed: its text is not read again, its reply is
      expect(await updateSignals(t.db)).toBe('changed');
      expect((await signalsOf(t.db)).get('R1')).toMatchObject({ sig_functional_return: true, unit_dispatches: 1, functional_returns: 0 });
    } finally {
      t.cleanup();
    }
  });
});
