import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, createMeeting, decisionOutcome, followUpDecisions, followUpForMeeting, getMeeting, recordDecision, setMeetingStatus } from '../../../pipelines/consultation/index.js';
import type { Database } from '../../../pipelines/db/database.js';
import { tempDb } from '../../helpers/temp-db.js';
import { loadScenario } from './scenario.js';

describe('decision follow-up', () => {
  let db: Database;
  let cleanup = () => {};
  let first = 0;
  beforeAll(async () => {
    const t = await tempDb();
    db = t.db;
    cleanup = t.cleanup;
    await loadScenario(db, t.dir);
    // topics 1 and 5 decided on 31 March, effective 1 April; topic 6 too (it has too few appeals);
    // topic 2 decided with effect from 20 April (too early to judge on data ending 30 April);
    // and a matter without a topic
    const m = await createMeeting(db, { title: '第一次会商', date: '2024-03-31' });
    first = m.meetingId;
    for (const topicId of [1, 5, 6, 2]) await addItem(db, m.meetingId, { topicId });
    await addItem(db, m.meetingId, { title: '会商机制建设' });
    await setMeetingStatus(db, m.meetingId, { to: 'issued' });
    const items = (await getMeeting(db, m.meetingId)).items;
    const item = (topic: number | null) => items.find((i) => i.topicId === topic)!.itemId;
    const decide = (itemId: number, effectiveFrom: string) => recordDecision(db, m.meetingId, { itemId, leadUnit: '东城区城市管理委员会', normText: '牵头办理', effectiveFrom });
    await decide(item(1), '2024-04-01');
    await decide(item(5), '2024-04-01');
    await decide(item(6), '2024-04-01');
    await decide(item(2), '2024-04-20');
    await decide(item(null), '2024-04-01');
  });
  afterAll(() => cleanup());

  it('compares only with topics undecided over the whole window', async () => {
    const [f] = (await followUpDecisions(db, { meetingId: first, windowDays: 30, controls: 3 })).filter((x) => x.decision.topicId === 1);
    expect(f.status).toBe('measured');
    // topics 5 and 6 are decided from 1 April and topic 2 from 20 April: never comparisons
    expect(f.controls.map((c) => c.topicId).sort()).toEqual([3, 4]);
  });

  it('reports the difference in differences with its interval for a known effect', async () => {
    // with topic 2 undecided: controls 2, 3, 4 (see scenario.ts)
    const db2 = await tempDb();
    try {
      await loadScenario(db2.db, db2.dir);
      const m = await createMeeting(db2.db, { title: '会商', date: '2024-03-31' });
      const item = await addItem(db2.db, m.meetingId, { topicId: 1 });
      const other = await addItem(db2.db, m.meetingId, { topicId: 5 });
      await setMeetingStatus(db2.db, m.meetingId, { to: 'issued' });
      await recordDecision(db2.db, m.meetingId, { itemId: item.itemId, leadUnit: '东城区城市管理委员会', normText: '牵头办理', effectiveFrom: '2024-04-01' });
      await recordDecision(db2.db, m.meetingId, { itemId: other.itemId, leadUnit: '东城区城市管理综合行政执法局', normText: '牵头办理', effectiveFrom: '2024-04-01' });
      const [f] = (await followUpDecisions(db2.db, { windowDays: 30, controls: 3 })).filter((x) => x.decision.topicId === 1);
      expect(f.controls.map((c) => c.topicId).sort()).toEqual([2, 3, 4]);
      const returns = f.effects.find((e) => e.metric === 'return_rate')!;
      // (0.1 − 0.5) − mean(0.3 − 0.3, 0.3 − 0.4, 0.3 − 0.2) = −0.4
      expect(returns.estimate).toBeCloseTo(-0.4, 12);
      expect(returns.se).toBeCloseTo(0.1 * Math.sqrt(4 / 3), 12);
      expect(returns.verdict).toBe('unclear');
      const hours = f.effects.find((e) => e.metric === 'hours_to_owner')!;
      // (12 − 48) − mean(24 − 24, 30 − 30, 26 − 20) = −38; sd of (0, 0, 6) = √12
      expect(hours.estimate).toBeCloseTo(-38, 9);
      expect(hours.se).toBeCloseTo(Math.sqrt(12) * Math.sqrt(4 / 3), 9);
      expect(hours.high!).toBeLessThan(0);
      expect(hours.verdict).toBe('improved');
      // one measure clearly better, none worse: the decision worked
      expect(decisionOutcome(f)).toBe('effective');
    } finally {
      db2.cleanup();
    }
  });

  it('explains why a decision cannot be measured', async () => {
    const all = await followUpDecisions(db, { meetingId: first, windowDays: 30, controls: 3 });
    const status = Object.fromEntries(all.map((f) => [f.decision.topicId ?? 'none', f.status]));
    expect(status).toEqual({ 1: 'measured', 5: 'measured', 6: 'too_few_appeals', 2: 'too_early', none: 'no_topic' });
  });

  it('follows up the previous meeting with decisions for the next agenda', async () => {
    const next = await createMeeting(db, { title: '第二次会商', date: '2024-05-10' });
    const f = await followUpForMeeting(db, next.meetingId, { windowDays: 30, controls: 3 });
    expect(f.previousMeeting?.meetingId).toBe(first);
    expect(f.decisions).toHaveLength(5);
    const earlier = await followUpForMeeting(db, first);
    expect(earlier).toEqual({ previousMeeting: null, decisions: [] });
  });

  it('says in a word what each decision has done: measured ones by their verdicts, the others why not yet', async () => {
    const all = await followUpDecisions(db, { meetingId: first, windowDays: 30, controls: 3 });
    const outcome = Object.fromEntries(all.map((f) => [f.decision.topicId ?? 'none', decisionOutcome(f)]));
    expect(outcome).toEqual({ 1: 'no_change', 5: 'no_change', 6: 'too_few_appeals', 2: 'too_early', none: 'no_topic' });
    const effect = (...verdicts: ('improved' | 'worsened' | 'unclear')[]) => ({ status: 'measured' as const, effects: verdicts.map((verdict) => ({ verdict })) as never });
    expect(decisionOutcome(effect('improved', 'unclear', 'unclear'))).toBe('effective');
    expect(decisionOutcome(effect('improved', 'worsened', 'unclear'))).toBe('worsened');
    expect(decisionOutcome(effect('unclear', 'unclear', 'unclear'))).toBe('no_change');
    expect(decisionOutcome(effect())).toBe('no_change');
    for (const f of all.filter((x) => x.status === 'measured')) {
      const verdicts = f.effects.map((e) => e.verdict);
      expect(decisionOutcome(f)).toBe(verdicts.includes('worsened') ? 'worsened' : verdicts.includes('improved') ? 'effective' : 'no_change');
    }
  });
});
