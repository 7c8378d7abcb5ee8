import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addItem,
  ConsultationError,
  createMeeting,
  getMeeting,
  recordDecision,
  removeItem,
  reorderItems,
  revokeDecision,
  setInvitedUnits,
  setMeetingStatus,
  updateItem,
  updateMeeting,
} from '../../../pipelines/consultation/index.js';
import type { Database } from '../../../pipelines/db/database.js';
import { tempDb } from '../../helpers/temp-db.js';
import { loadScenario } from './scenario.js';

async function rejects(p: Promise<unknown>, code: ConsultationError['code'], message: RegExp): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConsultationError);
  expect((err as ConsultationError).code).toBe(code);
  expect((err as Error).message).toMatch(message);
}

describe('meetings', () => {
  let db: Database;
  let cleanup = () => {};
  // one city for all: every test works on meetings of its own
  beforeAll(async () => {
    const t = await tempDb();
    db = t.db;
    cleanup = t.cleanup;
    await loadScenario(db, t.dir);
  });
  afterAll(() => cleanup());

  it('moves only one step forward through draft → issued → held → minutes_issued', async () => {
    const m = await createMeeting(db, { title: '会商', date: '2024-03-31' }, { actor: 'a' });
    await rejects(setMeetingStatus(db, m.meetingId, { to: 'held' }), 'invalid_state', /from draft to held: the next status is issued/);
    await rejects(setMeetingStatus(db, m.meetingId, { to: 'issued' }), 'invalid_state', /agenda is empty/);
    await addItem(db, m.meetingId, { topicId: 1 });
    await setMeetingStatus(db, m.meetingId, { to: 'issued' }, { actor: 'b' });
    await rejects(setMeetingStatus(db, m.meetingId, { to: 'draft' }), 'invalid_state', /from issued to draft/);
    await rejects(setMeetingStatus(db, m.meetingId, { to: 'minutes_issued' }), 'invalid_state', /next status is held/);
    await setMeetingStatus(db, m.meetingId, { to: 'held' });
    await setMeetingStatus(db, m.meetingId, { to: 'minutes_issued' });
    await rejects(setMeetingStatus(db, m.meetingId, { to: 'minutes_issued' }), 'invalid_state', /it is final/);
    await rejects(setMeetingStatus(db, m.meetingId, { to: 'closed' as 'held' }), 'invalid_input', /to/);
    const d = await getMeeting(db, m.meetingId);
    expect(d.history.map((h) => [h.from, h.to, h.by])).toEqual([
      [null, 'draft', 'a'],
      ['draft', 'issued', 'b'],
      ['issued', 'held', null],
      ['held', 'minutes_issued', null],
    ]);
    expect(d.nextStatus).toBeNull();
    await rejects(setMeetingStatus(db, 999, { to: 'issued' }), 'not_found', /meeting 999/);
  });

  it('edits the agenda only in draft and decisions only once it is issued or held', async () => {
    const m = await createMeeting(db, { title: '会商', date: '2024-03-31' });
    const item = await addItem(db, m.meetingId, { topicId: 1 });
    await rejects(recordDecision(db, m.meetingId, { itemId: item.itemId, leadUnit: 'X', normText: 'n' }), 'invalid_state', /record a decision.*draft/);
    await setMeetingStatus(db, m.meetingId, { to: 'issued' });
    await rejects(addItem(db, m.meetingId, { topicId: 2 }), 'invalid_state', /change the agenda.*issued/);
    await rejects(updateMeeting(db, m.meetingId, { title: '新标题' }), 'invalid_state', /edit the meeting/);
    await rejects(setInvitedUnits(db, m.meetingId, { units: ['A'] }), 'invalid_state', /invited units/);
    await rejects(recordDecision(db, m.meetingId, { itemId: 999, leadUnit: 'X', normText: 'n' }), 'not_found', /no agenda item 999/);
    await rejects(recordDecision(db, m.meetingId, { itemId: item.itemId, leadUnit: 'X', assistingUnits: ['X'], normText: 'n' }), 'invalid_input', /cannot also be an assisting unit/);
    await rejects(recordDecision(db, m.meetingId, { itemId: item.itemId, leadUnit: 'X', normText: '   ' }), 'invalid_input', /normText/);
    const d = await recordDecision(db, m.meetingId, { itemId: item.itemId, leadUnit: 'X', normText: 'n' });
    expect(d.effectiveFrom).toBe('2024-03-31');
  });

  it('adds, reorders and removes items, keeping positions and invitations in step', async () => {
    const m = await createMeeting(db, { title: '会商', date: '2024-03-31' });
    const a = await addItem(db, m.meetingId, { topicId: 1 });
    const b = await addItem(db, m.meetingId, { topicId: 2 });
    const c = await addItem(db, m.meetingId, { title: '机制建设' });
    await rejects(addItem(db, m.meetingId, { topicId: 1 }), 'invalid_input', /already on the agenda/);
    await rejects(addItem(db, m.meetingId, { topicId: 77 }), 'not_found', /topic 77/);
    await rejects(addItem(db, m.meetingId, {}), 'invalid_input', /title or a topicId/);
    expect(a.title).toBe('小区电动车楼道充电');

    let units = (await getMeeting(db, m.meetingId)).units.map((u) => u.unit).sort();
    expect(units).toEqual(['东城区住房和城乡建设委员会', '东城区城市管理委员会', '东城区城市管理综合行政执法局', '东城区消防救援大队'].sort());

    await rejects(reorderItems(db, m.meetingId, { itemIds: [c.itemId, a.itemId] }), 'invalid_input', /exactly once/);
    const order = await reorderItems(db, m.meetingId, { itemIds: [c.itemId, a.itemId, b.itemId] });
    expect(order.map((i) => [i.itemId, i.position])).toEqual([
      [c.itemId, 1],
      [a.itemId, 2],
      [b.itemId, 3],
    ]);

    await setInvitedUnits(db, m.meetingId, { units: ['东城区城市管理委员会', '东城区消防救援大队', '市公安局'] });
    const left = await removeItem(db, a.itemId);
    expect(left.map((i) => [i.itemId, i.position])).toEqual([
      [c.itemId, 1],
      [b.itemId, 2],
    ]);
    // units invited only for topic 1 go with it; the unit added by hand stays
    units = (await getMeeting(db, m.meetingId)).units.map((u) => u.unit).sort();
    expect(units).toEqual(['市公安局']);
    const detail = await getMeeting(db, m.meetingId);
    expect(detail.units).toEqual([{ unit: '市公安局', origin: 'manual' }]);
    expect(detail.suggestedUnits.sort()).toEqual(['东城区住房和城乡建设委员会', '东城区城市管理综合行政执法局'].sort());
  });

  it('masks personal data in everything a user types', async () => {
    const m = await createMeeting(db, { title: '关于13812345678反映问题的会商', date: '2024-03-31' });
    expect(m.title).toBe('关于[电话]反映问题的会商');
    const item = await addItem(db, m.meetingId, { title: '联系人：王小明，反映的楼道问题', notes: '身份证号110101199003071234' });
    expect(item.title).toBe('联系人：[姓名]，反映的楼道问题');
    expect(item.notes).toBe('身份证号[身份证]');
    const renamed = await updateItem(db, item.itemId, { notes: '车牌京A12345' });
    expect(renamed.notes).not.toContain('京A12345');
    await setMeetingStatus(db, m.meetingId, { to: 'issued' });
    const d = await recordDecision(db, m.meetingId, { itemId: item.itemId, leadUnit: '街道办', normText: '请张先生（电话13912345678）协调' });
    expect(d.normText).toBe('请[姓名]先生（电话[电话]）协调');
  });

  it('supersedes an earlier decision the new one covers and revokes on request', async () => {
    const m = await createMeeting(db, { title: '会商', date: '2024-03-31' });
    const item = await addItem(db, m.meetingId, { topicId: 1 });
    await setMeetingStatus(db, m.meetingId, { to: 'issued' });
    const decide = (leadUnit: string, scopeDistricts: string[]) => recordDecision(db, m.meetingId, { itemId: item.itemId, leadUnit, normText: 'n', scopeDistricts });
    const citywide = await decide('A', []);
    const local = await decide('B', ['东城区']);
    const wider = await decide('C', ['东城区', '西城区']);
    const items = (await getMeeting(db, m.meetingId)).items[0].decisions;
    const byId = Object.fromEntries(items.map((d) => [d.decisionId, [d.status, d.supersededBy]]));
    // a narrower decision leaves the city-wide one in force; one covering 东城区 replaces the 东城区 one
    expect(byId).toEqual({ [citywide.decisionId]: ['in_force', null], [local.decisionId]: ['superseded', wider.decisionId], [wider.decisionId]: ['in_force', null] });
    const revoked = await revokeDecision(db, wider.decisionId);
    expect(revoked.status).toBe('revoked');
    await rejects(revokeDecision(db, wider.decisionId), 'invalid_state', /is revoked/);
  });
});
