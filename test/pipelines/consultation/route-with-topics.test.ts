import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, createMeeting, recordDecision, setMeetingStatus, suggestRoute } from '../../../pipelines/consultation/index.js';
import type { Database } from '../../../pipelines/db/database.js';
import { runTopics } from '../../../pipelines/topics/run.js';
import { tempDb } from '../../helpers/temp-db.js';

const PROBLEMS = [
  ['小区楼道里有人给电动车充电，电线拉得到处都是，存在火灾隐患', '电动车在楼道充电，飞线充电很危险', '楼道里停放电动车并充电，堵塞消防通道', '有住户把电动车推进楼道充电，担心起火'],
  ['楼下饭店油烟直排，家里窗户都不能开', '餐馆油烟很大，没有安装净化设备', '烧烤店油烟扰民，晚上气味很重', '饭店排烟管道直接对着居民楼，油烟严重'],
  ['工地夜间施工噪音很大，影响休息', '晚上十一点还在施工，噪音扰民', '附近工地凌晨打桩，声音太吵', '夜里施工机器轰鸣，无法入睡'],
];

describe('route suggestion with the topic engine', () => {
  let db: Database;
  let cleanup = () => {};
  beforeAll(async () => {
    const t = await tempDb();
    db = t.db;
    cleanup = t.cleanup;
    let n = 0;
    for (const texts of PROBLEMS)
      for (let k = 0; k < 40; k++) {
        n += 1;
        await db.query(
          `INSERT INTO appeals (platform, appeal_id, channel, received_at, district, content, row_hash, import_id, source_file, source_row, loaded_at)
           VALUES ('12345', $1, 'phone', TIMESTAMPTZ '2024-03-01 09:00:00+08' + to_days($2), '东城区', $3, 'h', 1, 'fixture', $4, now())`,
          [`A${n}`, k % 28, texts[k % 4] + (k % 3 ? '，请尽快处理' : '，多次反映无果'), n],
        );
      }
    await runTopics(db, { workers: 1 });
  });
  afterAll(() => cleanup());

  it('suggests the lead unit decided for the topic a new appeal falls into', async () => {
    // a new appeal worded like one the engine clustered falls into that appeal's topic
    const [seen] = await db.query<{ topic_id: number; content: string }>("SELECT t.topic_id, a.content FROM appeals a JOIN appeal_topics t USING (platform, appeal_id) WHERE a.appeal_id = 'A5'");
    expect(seen.content).toBe('小区楼道里有人给电动车充电，电线拉得到处都是，存在火灾隐患，请尽快处理');
    const text = seen.content;
    const topic = seen.topic_id;
    const before = await suggestRoute(db, { text, district: '东城区' });
    expect(before).toMatchObject({ reason: 'no_rule', topic: { topicId: topic } });

    const m = await createMeeting(db, { title: '会商', date: '2024-03-31' });
    const item = await addItem(db, m.meetingId, { topicId: topic });
    await setMeetingStatus(db, m.meetingId, { to: 'issued' });
    await recordDecision(db, m.meetingId, { itemId: item.itemId, leadUnit: '东城区城市管理委员会', normText: '楼道充电由城管委牵头。', effectiveFrom: '2024-04-01' });
    const after = await suggestRoute(db, { text, district: '东城区', at: '2024-04-02' });
    expect(after).toMatchObject({ reason: 'rule_applies', leadUnit: '东城区城市管理委员会', topic: { topicId: topic } });
    expect(after.confidence).toBeCloseTo(after.topic!.similarity * 0.9, 3);
  });
});
