import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addItem,
  createMeeting,
  evidenceWindow,
  fillFromProposal,
  followUpForMeeting,
  getMeeting,
  listRules,
  recordDecision,
  setMeetingStatus,
  suggestRoute,
  type AssignText,
} from '../../../pipelines/consultation/index.js';
import type { Database } from '../../../pipelines/db/database.js';
import { proposeAgenda } from '../../../pipelines/disputes/index.js';
import { tempDb } from '../../helpers/temp-db.js';
import { LABELS, loadScenario } from './scenario.js';

// Stands in for the topic engine's assignText: the topic whose label the text contains.
const byLabel: AssignText = async (_db, text) => {
  const hit = Object.entries(LABELS).find(([, label]) => text.includes(label));
  return hit ? { topicId: Number(hit[0]), label: hit[1], similarity: 0.8 } : null;
};

describe('consultation workflow, end to end through the library', () => {
  let db: Database;
  let cleanup = () => {};
  beforeAll(async () => {
    const t = await tempDb();
    db = t.db;
    cleanup = t.cleanup;
    await loadScenario(db, t.dir);
  });
  afterAll(() => cleanup());

  it('goes from proposal to agenda, decision, rule, route suggestion and follow-up', async () => {
    const m1 = await createMeeting(db, { title: '2024年第一次联席会商会议', date: '2024-03-31' }, { actor: 'officer' });
    expect(m1.status).toBe('draft');

    const window = await evidenceWindow(db, m1);
    expect(window).toEqual({ from: '2024-01-01', to: '2024-03-30' });
    const proposal = await proposeAgenda(db, { from: window.from, to: window.to, top: 2 });
    const added = await fillFromProposal(db, m1.meetingId, proposal);
    expect(added.map((i) => i.topicId)).toEqual(proposal.items.map((p) => p.topicId));
    expect(added.map((i) => i.origin)).toEqual(['proposal', 'proposal']);
    const topic1 = added.find((i) => i.topicId === 1)!;
    expect(topic1.evidence?.appeals).toBe(20);
    expect(topic1.evidence?.score?.value).toBeCloseTo(proposal.items.find((p) => p.topicId === 1)!.score, 12);

    // the invited units are those involved in the proposed topics
    const detail = await getMeeting(db, m1.meetingId);
    const involved = new Set(proposal.items.flatMap((p) => p.units.map((u) => u.unit)));
    expect(new Set(detail.units.map((u) => u.unit))).toEqual(involved);
    expect(detail.units.every((u) => u.origin === 'suggested')).toBe(true);

    await setMeetingStatus(db, m1.meetingId, { to: 'issued' }, { actor: 'officer' });
    const decision = await recordDecision(
      db,
      m1.meetingId,
      { itemId: topic1.itemId, leadUnit: '东城区城市管理委员会', assistingUnits: ['东城区消防救援大队'], normText: '楼道充电由城管委牵头，消防救援大队配合。', deadlineDays: 5, effectiveFrom: '2024-04-01' },
      { actor: 'officer' },
    );
    expect(decision).toMatchObject({ topicId: 1, status: 'in_force', recordedBy: 'officer', scopeDistricts: [] });

    const rules = await listRules(db);
    expect(rules.map((r) => [r.topicId, r.leadUnit])).toEqual([[1, '东城区城市管理委员会']]);

    const route = await suggestRoute(db, { text: '我们小区电动车楼道充电很危险', district: '东城区', at: '2024-05-01' }, byLabel);
    expect(route).toMatchObject({ reason: 'rule_applies', leadUnit: '东城区城市管理委员会', assistingUnits: ['东城区消防救援大队'] });
    expect(route.rule?.decisionId).toBe(decision.decisionId);
    expect(route.confidence).toBeCloseTo(0.8 * 0.9, 10);

    await setMeetingStatus(db, m1.meetingId, { to: 'held' });
    await setMeetingStatus(db, m1.meetingId, { to: 'minutes_issued' });

    const m2 = await createMeeting(db, { title: '2024年第二次联席会商会议', date: '2024-05-10' });
    await addItem(db, m2.meetingId, { topicId: 4 });
    const follow = await followUpForMeeting(db, m2.meetingId, { windowDays: 30, controls: 3 });
    expect(follow.previousMeeting?.meetingId).toBe(m1.meetingId);
    expect(follow.decisions).toHaveLength(1);
    const f = follow.decisions[0];
    expect(f.status).toBe('measured');
    expect(f.window).toEqual({ preFrom: '2024-03-02', preTo: '2024-03-31', postFrom: '2024-04-01', postTo: '2024-04-30', days: 30 });
    // topic 1 is the decided one; every other topic with enough appeals is undecided here
    expect(f.controls.map((c) => c.topicId).sort()).not.toContain(1);
    expect(f.treated?.pre.return_rate).toBeCloseTo(0.5, 12);
    expect(f.treated?.post.return_rate).toBeCloseTo(0.1, 12);
  });
});
