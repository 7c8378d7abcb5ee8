import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { defaultConfig, withOverride } from '../../../pipelines/disputes/config.js';
import { topicScores, type TopicScore } from '../../../pipelines/disputes/scores.js';
import { tempDb } from '../../helpers/temp-db.js';
import { buildAgendaCity } from './agenda-fixture.js';

const MARCH = { from: '2025-03-01', to: '2025-03-31' };

describe('topic scores', () => {
  let db: Database;
  let cleanup: () => void;
  let byId: Map<number, TopicScore>;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await buildAgendaCity(db);
    byId = new Map((await topicScores(db, MARCH)).topics.map((t) => [t.topicId, t]));
  });
  afterAll(() => cleanup());

  it('measures a disputed topic and builds its score from weighted parts', () => {
    const t = byId.get(1)!;
    expect(t).toMatchObject({ volume: 25, eligible: true, settled: false, functionalReturnRate: 1, territorialReturnRate: 0, returnRate: 1 });
    // owners: 住建 20, 城管 5 → H = 0.8·log2(1/0.8) + 0.2·log2(5) = 0.257542 + 0.464386 = 0.721928 bits
    expect(t.ownerEntropy).toBeCloseTo(0.721928, 5);
    expect(t).toMatchObject({ ownerKinds: 2, mainOwnerKind: '住建', mainOwnerShare: 0.8 });
    // 10 of 25 rated dissatisfied; every appeal was accepted 1 h after receipt
    expect(t.dissatisfaction).toBeCloseTo(0.4, 10);
    expect(t.hoursToOwner).toEqual({ median: 1, p90: 1 });
    const part = Object.fromEntries(t.parts.map((p) => [p.part, p]));
    expect(part.functional_return).toMatchObject({ value: 1, numerator: 25, denominator: 25, weight: 0.25 });
    expect(part.redispatch_kind.value).toBe(1);
    expect(part.owner_entropy.value).toBeCloseTo(0.721928 / 1.5, 5);
    expect(part.text_cue).toMatchObject({ value: 0.2, numerator: 5 });
    expect(part.dissatisfaction).toMatchObject({ numerator: 10, denominator: 25 });
    // ln(26) / ln(501) = 3.258097 / 6.216606
    expect(part.volume.value).toBeCloseTo(0.524099, 5);
    for (const p of ['ping_pong', 'three_party', 'no_owner', 'slow_accept', 'repeat']) expect(part[p].value, p).toBe(0);
    // 0.25·1 + 0.10·1 + 0.15·0.481285 + 0.10·0.2 + 0.05·0.4 + 0.05·0.524099 = 0.488398
    expect(t.score).toBeCloseTo(0.488398, 5);
    expect(t.score).toBeCloseTo(t.parts.reduce((s, p) => s + p.weight * p.value, 0), 12);
  });

  it('gives territorial misroutes no dispute weight, only the misroute rate', () => {
    const t = byId.get(2)!;
    expect(t).toMatchObject({ functionalReturnRate: 0, territorialReturnRate: 1, returnRate: 1, ownerEntropy: 0, disputeShare: 0 });
    // only the volume part: 0.05 · 0.524099
    expect(t.score).toBeCloseTo(0.026205, 5);
  });

  it('ranks disputed topics above clear-owner ones and marks small and settled topics', async () => {
    const ranked = (await topicScores(db, MARCH)).topics.map((t) => t.topicId);
    expect(ranked.slice(0, 2).sort()).toEqual([1, 4]);
    expect(byId.get(5)).toMatchObject({ volume: 5, eligible: false });
    expect(byId.get(4)!.settled).toBe(true);
  });

  it('scores follow the configured weights', async () => {
    const config = withOverride(defaultConfig(), { weights: { functional_return: 1, volume: 0 } });
    const t = (await topicScores(db, { ...MARCH, config })).topics.find((x) => x.topicId === 1)!;
    // 1·1 + 0.10·1 + 0.15·0.481285 + 0.10·0.2 + 0.05·0.4 = 1.212193
    expect(t.score).toBeCloseTo(1.212193, 5);
  });

  it('compares with the previous window and flags the emerging topic', async () => {
    const config = withOverride(defaultConfig(), { emerging: { recentDays: 10 } });
    const scores = await topicScores(db, { ...MARCH, config });
    // recent = 22–31 March: 4 each of topics 1, 2, 3, 4 and all 25 of topic 6 = 41;
    // baseline = 84 days before 22 March: 21 each of topics 1–4, 5 of topic 5, 9 weekly heating appeals = 98
    expect(scores.totals).toMatchObject({ recent: 41, baseline: 98 });
    const t6 = scores.topics.find((t) => t.topicId === 6)!;
    // P(X ≥ 25 | n = 25, p0 = 41/139) = (41/139)^25
    expect(t6.emerging.pUp).toBeCloseTo((41 / 139) ** 25, 20);
    expect(t6.emerging.flag).toBe(true);
    expect(scores.topics.filter((t) => t.emerging.flag).map((t) => t.topicId)).toEqual([6]);
    // the previous window of 31 days, 29 Jan – 28 Feb, holds the weekly heating appeals of 3, 10, 17 and 24 Feb
    const t3 = scores.topics.find((t) => t.topicId === 3)!;
    expect(t3.growth.reference).toBe(4);
    expect(t3.growth.current).toBe(25);
    expect(scores.window).toMatchObject({ from: '2025-03-01', toExclusive: '2025-04-01', days: 31, prevFrom: '2025-01-29' });
  });

  it('restricts to one district', async () => {
    const scores = await topicScores(db, { ...MARCH, district: '西城区' });
    expect(scores.topics).toEqual([]);
  });
});
