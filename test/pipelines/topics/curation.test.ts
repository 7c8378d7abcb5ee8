import { afterEach, describe, expect, test } from 'vitest';
import {
  assignNewAppeals,
  assignText,
  listTopics,
  markNoise,
  mergeTopics,
  promoteOutliers,
  renameTopic,
  restoreTopic,
  runTopics,
  searchOutliers,
  splitTopic,
  topicDetail,
  TopicError,
} from '../../../pipelines/topics/index.js';
import { tempDb } from '../../helpers/temp-db.js';
import { generateAppeals, insertAppeals, type FixtureAppeal } from './fixture.js';
import { readAssignments, truthOf } from './topic-db.js';

const appeals = generateAppeals({ n: 900, seed: 21, problems: 10, oneOffShare: 0.03 });
const truth = truthOf(appeals);

let cleanup = () => {};
afterEach(() => cleanup());

async function ready() {
  const t = await tempDb();
  cleanup = t.cleanup;
  await insertAppeals(t.db, appeals);
  await runTopics(t.db);
  return t;
}

/** The topic holding most appeals of a true problem. */
async function topicOf(t: Awaited<ReturnType<typeof tempDb>>, problem: string): Promise<number> {
  const counts = new Map<number, number>();
  for (const r of await readAssignments(t.db, t.dir)) if (r.topic_id && truth.get(r.appeal_id) === problem) counts.set(r.topic_id, (counts.get(r.topic_id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

function more(problem: string, n: number, prefix: string): FixtureAppeal[] {
  return generateAppeals({ n: n * 12, seed: 99, problems: 10, oneOffShare: 0, idPrefix: prefix }).filter((a) => a.problem === problem).slice(0, n);
}

describe('curation', () => {
  test('a rename survives a re-run; the automatic label is kept beside it', async () => {
    const t = await ready();
    const id = await topicOf(t, 'ebike_stairwell');
    await renameTopic(t.db, id, '电动车进楼充电隐患');
    await runTopics(t.db);
    const topic = (await listTopics(t.db)).find((x) => x.topicId === id)!;
    expect(topic.label).toBe('电动车进楼充电隐患');
    expect(topic.labelSource).toBe('curated');
    expect(topic.autoLabel).not.toBe('电动车进楼充电隐患');
    expect((await topicDetail(t.db, id))?.curations.map((c) => c.action)).toEqual(['rename']);
  });

  test('a noise mark survives a re-run; noise topics still take their appeals but are no answer for routing', async () => {
    const t = await ready();
    const id = await topicOf(t, 'wage_arrears');
    await markNoise(t.db, id);
    await runTopics(t.db);
    expect((await listTopics(t.db)).some((x) => x.topicId === id)).toBe(false);
    expect((await listTopics(t.db, { statuses: ['noise'] })).map((x) => x.topicId)).toEqual([id]);
    expect(await assignText(t.db, '公司拖欠工资三个月，多次讨要无果')).toBeNull();
    await insertAppeals(t.db, more('wage_arrears', 5, 'N'));
    await assignNewAppeals(t.db);
    expect((await readAssignments(t.db, t.dir)).filter((r) => r.appeal_id.startsWith('N')).every((r) => r.topic_id === id)).toBe(true);
    await restoreTopic(t.db, id);
    expect((await assignText(t.db, '公司拖欠工资三个月，多次讨要无果'))?.topicId).toBe(id);
    await expect(restoreTopic(t.db, id)).rejects.toThrow(TopicError);
  });

  test('a merge moves the appeals, is recorded as lineage, survives a re-run and steers new appeals', async () => {
    const t = await ready();
    const a = await topicOf(t, 'square_dance');
    const b = await topicOf(t, 'night_construction');
    const sizes = new Map((await listTopics(t.db)).map((x) => [x.topicId, x.size]));
    await mergeTopics(t.db, a, [b]);
    let topics = await listTopics(t.db, { statuses: ['active', 'merged'] });
    expect(topics.find((x) => x.topicId === a)?.size).toBe(sizes.get(a)! + sizes.get(b)!);
    expect(topics.find((x) => x.topicId === b)).toMatchObject({ status: 'merged', mergedInto: a });
    expect((await topicDetail(t.db, a))?.lineage).toEqual(expect.arrayContaining([expect.objectContaining({ fromTopic: b, toTopic: a, kind: 'merged', source: 'curation' })]));
    await runTopics(t.db);
    topics = await listTopics(t.db, { statuses: ['active', 'merged'] });
    expect(topics.find((x) => x.topicId === b)?.status).toBe('merged');
    const rows = await readAssignments(t.db, t.dir);
    expect(rows.filter((r) => truth.get(r.appeal_id) === 'night_construction' && r.topic_id === b)).toEqual([]);
    expect(rows.filter((r) => truth.get(r.appeal_id) === 'night_construction' && r.topic_id === a).length).toBeGreaterThan(sizes.get(b)! * 0.9);
    await insertAppeals(t.db, more('night_construction', 5, 'M'));
    await assignNewAppeals(t.db);
    expect((await readAssignments(t.db, t.dir)).filter((r) => r.appeal_id.startsWith('M')).map((r) => r.topic_id)).toEqual([a, a, a, a, a]);
    await expect(mergeTopics(t.db, b, [a])).rejects.toThrow(/merged/);
  });

  test('a split of a mixed topic restores its parts, and survives a re-run', async () => {
    const t = await ready();
    const a = await topicOf(t, 'street_vendor');
    const b = await topicOf(t, 'heating_cold');
    await mergeTopics(t.db, a, [b]);
    const children = await splitTopic(t.db, a);
    expect(children.length).toBeGreaterThanOrEqual(2);
    const byChild = async () => {
      const m = new Map<number, Set<string>>();
      for (const r of await readAssignments(t.db, t.dir)) {
        if (!r.topic_id || !children.includes(r.topic_id)) continue;
        const s = m.get(r.topic_id) ?? new Set<string>();
        s.add(truth.get(r.appeal_id)!);
        m.set(r.topic_id, s);
      }
      return m;
    };
    for (const problems of (await byChild()).values()) expect(problems.size).toBe(1);
    const parent = await topicDetail(t.db, a);
    expect(parent?.status).toBe('retired');
    expect(parent?.lineage.filter((l) => l.kind === 'split').map((l) => l.toTopic).sort()).toEqual([...children].sort());
    await runTopics(t.db);
    const after = await listTopics(t.db);
    for (const c of children) expect(after.find((x) => x.topicId === c)?.parentTopic).toBe(a);
    expect(after.some((x) => x.topicId === a)).toBe(false);
    for (const problems of (await byChild()).values()) expect(problems.size).toBe(1);
  });

  test('outliers can be found, searched and promoted into a topic that lasts', async () => {
    const t = await ready();
    const novel = ['小区快递柜收费太高', '快递柜超时收费不合理', '快递柜收费没有公示', '快递柜强制收费'].map((text, i) => ({
      ...appeals[0],
      appealId: `Q${i}`,
      title: '快递柜收费',
      content: `市民反映${text}，快递员不送货上门。`,
      problem: 'locker',
    }));
    await insertAppeals(t.db, novel);
    await assignNewAppeals(t.db);
    const found = await searchOutliers(t.db, { search: '快递柜' });
    expect(found.outliers.map((o) => o.appealId).sort()).toEqual(['Q0', 'Q1', 'Q2', 'Q3']);
    const { topicId, size } = await promoteOutliers(t.db, { search: '快递柜', label: '快递柜收费' });
    expect(size).toBe(4);
    expect((await searchOutliers(t.db, { search: '快递柜' })).total).toBe(0);
    expect((await assignText(t.db, '快递柜超时收费，快递员不送货上门'))?.topicId).toBe(topicId);
    await runTopics(t.db);
    const topic = (await listTopics(t.db)).find((x) => x.topicId === topicId);
    expect(topic?.label).toBe('快递柜收费');
    expect(topic?.size).toBeGreaterThanOrEqual(4);
    await expect(promoteOutliers(t.db, { search: '没有这样的诉求' })).rejects.toThrow(/at least 3/);
  });
});
