import { afterEach, describe, expect, test } from 'vitest';
import { assignNewAppeals, risingTerms, runTopics, searchOutliers } from '../../../pipelines/topics/index.js';
import { tempDb } from '../../helpers/temp-db.js';
import { generateAppeals, insertAppeals } from './fixture.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('the outlier queue', () => {
  test('lists unclustered appeals newest first with their nearest topic, and finds them by text', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    await insertAppeals(t.db, generateAppeals({ n: 700, seed: 41, problems: 8, oneOffShare: 0.15 }));
    const s = await runTopics(t.db);
    const all = await searchOutliers(t.db, { limit: 1000 });
    expect(all.total).toBe(s.appeals - s.clustered);
    expect(all.outliers.length).toBe(all.total);
    for (let i = 1; i < all.outliers.length; i++) expect(all.outliers[i - 1].receivedAt.getTime()).toBeGreaterThanOrEqual(all.outliers[i].receivedAt.getTime());
    const first = all.outliers[0];
    const found = await searchOutliers(t.db, { search: first.content.slice(-8) });
    expect(found.outliers.map((o) => o.appealId)).toContain(first.appealId);
    expect(found.outliers.every((o) => `${o.title} ${o.content}`.includes(first.content.slice(-8)))).toBe(true);
    expect((await searchOutliers(t.db, { limit: 5, offset: 5 })).outliers.map((o) => o.appealId)).toEqual(all.outliers.slice(5, 10).map((o) => o.appealId));
  });

  test('a term appearing lately among the outliers is rising', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    const base = generateAppeals({ n: 600, seed: 42, problems: 8, oneOffShare: 0 });
    await insertAppeals(t.db, base);
    await runTopics(t.db);
    const texts = ['凉亭里发现马蜂窝', '围墙上有马蜂窝', '树上马蜂窝很大', '车库马蜂窝蛰人', '屋檐外面马蜂窝', '马蜂窝越来越多'];
    const news = texts.map((content, i) => ({ ...base[0], appealId: `W${i}`, title: '', content, receivedAt: `2025-12-2${i} 10:00:00`, problem: 'wasps' }));
    const older = ['公园长椅坏了', '公园厕所没水'].map((content, i) => ({ ...base[0], appealId: `O${i}`, title: '', content, receivedAt: `2025-11-1${i} 10:00:00`, problem: '' }));
    await insertAppeals(t.db, [...news, ...older]);
    await assignNewAppeals(t.db);
    const rising = await risingTerms(t.db, { days: 28 });
    expect(rising[0]).toMatchObject({ term: '马蜂窝', recent: 6, previous: 0 });
    expect(rising.some((r) => r.term === '公园')).toBe(false);
  });
});
