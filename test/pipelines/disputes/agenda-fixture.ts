import type { Database } from '../../../pipelines/db/database.js';
import { insertAppeals, insertTransfers, type FixtureAppeal, type FixtureTransfer } from './fixture.js';

export const CG_E = '东城区城市管理综合执法局';
export const CG_W = '西城区城市管理综合执法局';
export const ZJ_E = '东城区住房和城乡建设局';
export const HEAT = '江城市热力集团有限公司';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A small city for scores and agenda, all appeals in March 2025 unless said otherwise (day d of
 * March at 08:00, dispatched at 08:10, accepted at 09:00):
 *   topic 1 (disputed, 25): 20 × 城管 returns 职能交叉 → 住建 keeps it; 5 × 住建 returns → 城管 keeps it;
 *            every 5th text says 互相推诿; the first 10 rated dissatisfied, the rest satisfied.
 *   topic 2 (clear owner, territorial misroutes, 25): 西城 城管 returns 属地不符 → 东城 城管 keeps it.
 *   topic 3 (clear owner, 25 in March + 1 a week in Dec–Feb): 热力 accepts at once.
 *   topic 4 (disputed like topic 1, 25) with a decision in force.
 *   topic 5 (disputed like topic 1, but only 5 appeals): below the minimum volume.
 *   topic 6 (new, 25 appeals in the last 10 days of March): 城管 accepts at once.
 */
export async function buildAgendaCity(db: Database): Promise<void> {
  const appeals: FixtureAppeal[] = [];
  const transfers: FixtureTransfer[] = [];
  const at = (d: number, h: number, m = 0) => `2025-03-${pad(d)} ${pad(h)}:${pad(m)}`;
  const disputed = (topic: number, n: number, prefix: string) => {
    for (let i = 0; i < n; i++) {
      const id = `${prefix}${i}`;
      const d = 1 + (i % 28);
      appeals.push({
        id,
        at: at(d, 8),
        topic,
        content: i % 5 === 0 ? `小区违建几个部门互相推诿${i}` : `小区楼顶违建搭建${i}`,
        satisfaction: i < 10 ? 'dissatisfied' : 'satisfied',
        resolved: true,
      });
      const [first, second] = i < 20 ? [CG_E, ZJ_E] : [ZJ_E, CG_E];
      transfers.push({ id, seq: 1, from: '12345', to: first, sent: at(d, 8, 10), outcome: 'returned', reason: '职能交叉' });
      transfers.push({ id, seq: 2, from: '12345', to: second, sent: at(d, 8, 30), accepted: at(d, 9) });
    }
  };
  disputed(1, 25, 't1-');
  for (let i = 0; i < 25; i++) {
    const id = `t2-${i}`;
    const d = 1 + (i % 28);
    appeals.push({ id, at: at(d, 8), topic: 2, content: `路边摊占道经营${i}` });
    transfers.push({ id, seq: 1, from: '12345', to: CG_W, sent: at(d, 8, 10), outcome: 'returned', reason: '属地不符' });
    transfers.push({ id, seq: 2, from: '12345', to: CG_E, sent: at(d, 8, 30), accepted: at(d, 9) });
  }
  const heating = (id: string, when: string) => {
    appeals.push({ id, at: when, topic: 3, content: `暖气不热${id}` });
    transfers.push({ id, seq: 1, from: '12345', to: HEAT, sent: when, accepted: when });
  };
  for (let i = 0; i < 25; i++) heating(`t3-${i}`, at(1 + (i % 28), 8));
  // one heating appeal a week from 2024-12-02 to 2025-02-24 (13 weeks): the baseline of the emerging test
  for (let w = 0; w < 13; w++) heating(`t3-old-${w}`, new Date(Date.UTC(2024, 11, 2 + 7 * w)).toISOString().slice(0, 10) + ' 08:00');
  disputed(4, 25, 't4-');
  disputed(5, 5, 't5-');
  for (let i = 0; i < 25; i++) {
    const id = `t6-${i}`;
    const d = 22 + (i % 10);
    appeals.push({ id, at: at(d, 8), topic: 6, content: `共享电单车停放${i}` });
    transfers.push({ id, seq: 1, from: '12345', to: CG_E, sent: at(d, 8, 10), accepted: at(d, 9) });
  }
  await insertAppeals(db, appeals);
  await insertTransfers(db, transfers);
  await db.query(
    `INSERT INTO meetings (title, meeting_date) VALUES ('三月联席会', DATE '2025-02-20');
     INSERT INTO agenda_items (meeting_id, position, topic_id, title) VALUES (1, 1, 4, '违建');
     INSERT INTO decisions (item_id, topic_id, lead_unit, norm_text, effective_from) VALUES (1, 4, '东城区住房和城乡建设局', '住建牵头', DATE '2025-02-21')`,
  );
}
