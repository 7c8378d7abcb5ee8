import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { defaultConfig, withOverride } from '../../../pipelines/disputes/config.js';
import { topicScores, type TopicScores } from '../../../pipelines/disputes/scores.js';
import { tempDb } from '../../helpers/temp-db.js';
import { insertAppeals, type FixtureAppeal } from './fixture.js';

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY = 86_400_000;

/**
 * Topic 1: one appeal a day from 2024-03-01 to 2025-03-31 (the background).
 * Topic 6: new — 25 appeals over 22–31 March 2025.
 * Topic 7: seasonal — 25 appeals over 22–31 March 2025 and 25 over the same ten days a year earlier
 * (2024-03-23 … 2024-04-01, 364 days before).
 */
function appeals(): FixtureAppeal[] {
  const out: FixtureAppeal[] = [];
  for (let t = Date.UTC(2024, 2, 1); t <= Date.UTC(2025, 2, 31); t += DAY) out.push({ id: `bg-${day(t)}`, at: `${day(t)} 10:00`, topic: 1 });
  const burst = (prefix: string, topic: number, first: number) => {
    for (let i = 0; i < 25; i++) out.push({ id: `${prefix}${i}`, at: `${day(first + (i % 10) * DAY)} 11:${String(i).padStart(2, '0')}`, topic });
  };
  burst('new-', 6, Date.UTC(2025, 2, 22));
  burst('season-', 7, Date.UTC(2025, 2, 22));
  burst('season-old-', 7, Date.UTC(2024, 2, 23));
  return out;
}

describe('emerging topics', () => {
  let db: Database;
  let cleanup: () => void;
  let scores: TopicScores;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await insertAppeals(db, appeals());
    scores = await topicScores(db, { from: '2025-03-01', to: '2025-03-31', config: withOverride(defaultConfig(), { emerging: { recentDays: 10 } }) });
  });
  afterAll(() => cleanup());

  it('flags a new problem but not one that came back with its season', () => {
    // recent 22–31 Mar 2025: 10 + 25 + 25; baseline, 84 days from 28 Dec 2024: 84 background appeals
    expect(scores.totals).toMatchObject({ recent: 60, baseline: 84 });
    expect(scores.window).toMatchObject({ recentFrom: '2025-03-22', baseFrom: '2024-12-28' });
    const t6 = scores.topics.find((t) => t.topicId === 6)!;
    const t7 = scores.topics.find((t) => t.topicId === 7)!;
    // both rose from nothing against the baseline: P(X ≥ 25 | n = 25, p0 = 60/144) = (60/144)^25
    expect(t6.emerging.pUp).toBeCloseTo((60 / 144) ** 25, 20);
    expect(t7.emerging.pUp).toBeCloseTo((60 / 144) ** 25, 20);
    // earlier ten-day stretches, counted back from 28 Dec 2024: 23 Mar – 1 Apr 2024 is 280 … 271 days
    // before it, all in stretch (days − 1) // 10 = 27, which holds topic 7's 25 earlier appeals
    expect(t6.emerging.peakBefore).toBe(0);
    expect(t7.emerging.peakBefore).toBe(25);
    expect(scores.topics.find((t) => t.topicId === 1)!.emerging.peakBefore).toBe(10);
    expect(scores.topics.filter((t) => t.emerging.flag).map((t) => t.topicId)).toEqual([6]);
  });
});
