import type { Database } from '../../../pipelines/db/database.js';
import { addItem, createMeeting, getMeeting, recordDecision, setMeetingStatus } from '../../../pipelines/consultation/index.js';
import { loadScenario } from '../consultation/scenario.js';

/**
 * The follow-up scenario plus two meetings: the first (31 March 2024) decided topics 1 and 5 with
 * effect from 1 April; the second (10 May) has topic 2 and a hand-typed item whose title looks like
 * a spreadsheet formula and whose notes carry personal data (masked on the way in).
 */
export async function loadMeetings(db: Database, dir: string): Promise<{ first: number; second: number }> {
  await loadScenario(db, dir);
  const m1 = await createMeeting(db, { title: '2024年第一次联席会商会议', date: '2024-03-31', convener: '市12345热线办公室', location: '市民服务中心' });
  const a = await addItem(db, m1.meetingId, { topicId: 1 });
  const b = await addItem(db, m1.meetingId, { topicId: 5 });
  await addItem(db, m1.meetingId, { topicId: 3 });
  await setMeetingStatus(db, m1.meetingId, { to: 'issued' });
  await recordDecision(db, m1.meetingId, {
    itemId: a.itemId,
    leadUnit: '东城区城市管理委员会',
    assistingUnits: ['东城区消防救援大队'],
    normText: '楼道电动车充电由城管委牵头处置，消防救援大队配合，联系人：王小明，电话13812345678。',
    deadlineDays: 5,
    effectiveFrom: '2024-04-01',
  });
  await recordDecision(db, m1.meetingId, { itemId: b.itemId, leadUnit: '东城区城市管理综合行政执法局', normText: '餐饮油烟由执法局负责。', effectiveFrom: '2024-04-01', scopeDistricts: ['东城区'] });
  await setMeetingStatus(db, m1.meetingId, { to: 'held' });
  const m2 = await createMeeting(db, { title: '2024年第二次联席会商会议', date: '2024-05-10' });
  await addItem(db, m2.meetingId, { topicId: 2 });
  await addItem(db, m2.meetingId, { title: '=HYPERLINK("http://x","点击")', notes: '身份证110101199003071234，电话13912345678' });
  if ((await getMeeting(db, m2.meetingId)).items.length !== 2) throw new Error('fixture: second meeting should have two items');
  return { first: m1.meetingId, second: m2.meetingId };
}

/** Phone numbers and ID numbers as they would appear unmasked. */
export { UNMASKED as PII } from '../../helpers/docx.js';
