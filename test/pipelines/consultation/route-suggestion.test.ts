import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, createMeeting, recordDecision, revokeDecision, setMeetingStatus, suggestRoute, type AssignText } from '../../../pipelines/consultation/index.js';
import type { Database } from '../../../pipelines/db/database.js';
import { ensureSignals } from '../../../pipelines/disputes/index.js';
import { tempDb } from '../../helpers/temp-db.js';
import { LABELS, loadScenario } from './scenario.js';

// Stands in for the topic engine's assignText: the topic whose label the text contains.
const byLabel: AssignText = async (_db, text) => {
  const hit = Object.entries(LABELS).find(([, label]) => text.includes(label));
  return hit ? { topicId: Number(hit[0]), label: hit[1], similarity: 0.9 } : null;
};

describe('route suggestion', () => {
  let db: Database;
  let cleanup = () => {};
  let meetingId = 0;
  const items: Record<number, number> = {};
  beforeAll(async () => {
    const t = await tempDb();
    db = t.db;
    cleanup = t.cleanup;
    await loadScenario(db, t.dir);
    // as after an import: the per-appeal signals (final owners) are up to date
    await ensureSignals(db);
    meetingId = (await createMeeting(db, { title: '会商', date: '2024-03-31' })).meetingId;
    for (const topicId of [1, 2, 3, 4]) items[topicId] = (await addItem(db, meetingId, { topicId })).itemId;
    await setMeetingStatus(db, meetingId, { to: 'issued' });
    const decide = (topic: number, leadUnit: string, scopeDistricts: string[], effectiveFrom = '2024-04-01') =>
      recordDecision(db, meetingId, { itemId: items[topic], leadUnit, assistingUnits: [], normText: 'n', scopeDistricts, effectiveFrom });
    await decide(1, '市城管委', []);
    await decide(1, '东城区城管委', ['东城区']);
    await decide(2, '东城区住建委', ['东城区']);
    await decide(2, '西城区住建委', ['西城区']);
    await decide(3, '市交通委', [], '2024-06-01');
  });
  afterAll(() => cleanup());

  const ask = (text: string, district?: string, at = '2024-05-01') => suggestRoute(db, { text, district, at }, byLabel);

  it('prefers the rule written for the district over the city-wide one', async () => {
    const local = await ask('小区电动车楼道充电', '东城区');
    expect(local).toMatchObject({ reason: 'rule_applies', leadUnit: '东城区城管委' });
    expect(local.confidence).toBeCloseTo(0.9, 12);
    const elsewhere = await ask('小区电动车楼道充电', '朝阳区');
    expect(elsewhere).toMatchObject({ reason: 'rule_applies', leadUnit: '市城管委' });
    expect(elsewhere.confidence).toBeCloseTo(0.81, 12);
  });

  it('explains when no rule applies', async () => {
    expect(await ask('夜间施工噪音', '朝阳区')).toMatchObject({ reason: 'out_of_scope', leadUnit: null, confidence: 0 });
    expect((await ask('夜间施工噪音', '朝阳区')).explanation).toContain('东城区、西城区');
    expect(await ask('夜间施工噪音')).toMatchObject({ reason: 'district_needed', leadUnit: null });
    expect(await ask('共享单车乱停放', '东城区')).toMatchObject({ reason: 'not_yet_effective', leadUnit: null });
    expect(await ask('共享单车乱停放', '东城区', '2024-06-01')).toMatchObject({ reason: 'rule_applies', leadUnit: '市交通委' });
    const none = await ask('井盖缺失', '东城区');
    expect(none).toMatchObject({ reason: 'no_rule', leadUnit: null });
    // who handled it so far is still shown: topic 6 has 7 appeals, 2 returned by 住建委 to 执法局
    expect(none.history.map((h) => [h.unit, h.appeals])).toEqual([
      ['东城区住房和城乡建设委员会', 5],
      ['东城区城市管理综合行政执法局', 2],
    ]);
    expect(none.history[0].share).toBeCloseTo(5 / 7, 12);
    expect(await ask('天气很好')).toMatchObject({ reason: 'no_topic', topic: null });
  });

  it('sees a new or revoked decision at once', async () => {
    expect((await ask('路灯不亮', '东城区')).reason).toBe('no_rule');
    const d = await recordDecision(db, meetingId, { itemId: items[4], leadUnit: '区城管委', normText: 'n', effectiveFrom: '2024-04-01' });
    expect(await ask('路灯不亮', '东城区')).toMatchObject({ reason: 'rule_applies', leadUnit: '区城管委' });
    await revokeDecision(db, d.decisionId);
    expect((await ask('路灯不亮', '东城区')).reason).toBe('no_rule');
  });

  it('rejects empty text', async () => {
    await expect(suggestRoute(db, { text: ' ' }, byLabel)).rejects.toThrow(/text/);
  });
});
