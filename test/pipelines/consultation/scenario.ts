import type { Database } from '../../../pipelines/db/database.js';
import { loadCity, type TopicPeriod } from './fixture.js';

/** Topic labels of the follow-up scenario. */
export const LABELS: Record<number, string> = {
  1: '小区电动车楼道充电',
  2: '夜间施工噪音',
  3: '共享单车乱停放',
  4: '路灯不亮',
  5: '餐饮油烟扰民',
  6: '井盖缺失',
};

const PRE = '2024-03-02';
const POST = '2024-04-01';
const p = (topic: number, from: string, appeals: number, returned: number, hours: number): TopicPeriod => ({
  topic,
  from,
  appeals,
  returned,
  hours,
  first: topic === 1 ? '东城区消防救援大队' : '东城区住房和城乡建设委员会',
  owner: topic === 1 ? '东城区城市管理委员会' : '东城区城市管理综合行政执法局',
});

/**
 * March (pre) and April (post) 2024, decisions taking effect on 1 April. Topic 1 is decided; its
 * functional return rate falls 0.5 → 0.1 and its hours to the owner 48 → 12. Topics 2–4 are
 * undecided comparisons (return rates 0.3 → 0.3, 0.4 → 0.3, 0.2 → 0.3; hours 24 → 24, 30 → 30,
 * 20 → 26). Topic 5 is decided too (never a comparison); topic 6 has too few appeals.
 */
export const PERIODS: TopicPeriod[] = [
  p(1, PRE, 20, 10, 48), p(1, POST, 20, 2, 12),
  p(2, PRE, 20, 6, 24), p(2, POST, 20, 6, 24),
  p(3, PRE, 20, 8, 30), p(3, POST, 20, 6, 30),
  p(4, PRE, 20, 4, 20), p(4, POST, 20, 6, 26),
  p(5, PRE, 20, 10, 40), p(5, POST, 20, 0, 10),
  p(6, PRE, 3, 1, 10), p(6, POST, 3, 1, 10),
  // keeps the data running to 30 April, so a 30-day window after 1 April is complete
  p(6, '2024-04-30', 1, 0, 10),
];

export async function loadScenario(db: Database, dir: string): Promise<void> {
  await loadCity(db, dir, LABELS, PERIODS);
}
