import { afterEach, describe, expect, test } from 'vitest';
import { assignNewAppeals, assignText, listTopics, runTopics } from '../../../pipelines/topics/index.js';
import { tempDb } from '../../helpers/temp-db.js';
import { generateAppeals, insertAppeals } from './fixture.js';
import { readAssignments, truthOf } from './topic-db.js';

const appeals = generateAppeals({ n: 900, seed: 31, problems: 10, oneOffShare: 0.03 });
const later = generateAppeals({ n: 300, seed: 32, problems: 10, oneOffShare: 0.03, idPrefix: 'L' });
const truth = truthOf([...appeals, ...later]);

let cleanup = () => {};
afterEach(() => cleanup());

describe('assignment without a run', () => {
  test('before any run there is nothing to assign to', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    await insertAppeals(t.db, appeals.slice(0, 20));
    expect(await assignNewAppeals(t.db)).toMatchObject({ runId: null, considered: 0 });
    expect(await assignText(t.db, '楼道电动车充电')).toBeNull();
  });

  test('new appeals join the topics their problem formed, once, and the rest wait in the outlier queue', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    await insertAppeals(t.db, appeals);
    await runTopics(t.db);
    const sizes = new Map((await listTopics(t.db)).map((x) => [x.topicId, x.size]));
    const topicOfProblem = new Map<string, number>();
    for (const r of await readAssignments(t.db, t.dir)) if (r.topic_id && truth.get(r.appeal_id)) topicOfProblem.set(truth.get(r.appeal_id)!, r.topic_id);
    await insertAppeals(t.db, later);
    const s = await assignNewAppeals(t.db);
    expect(s.considered).toBe(later.length);
    expect(s.assigned + s.unclustered).toBe(later.length);
    const rows = (await readAssignments(t.db, t.dir)).filter((r) => r.appeal_id.startsWith('L'));
    const recurring = rows.filter((r) => truth.get(r.appeal_id));
    const right = recurring.filter((r) => r.topic_id === topicOfProblem.get(truth.get(r.appeal_id)!)).length;
    expect(right / recurring.length).toBeGreaterThan(0.95);
    for (const x of await listTopics(t.db)) expect(x.size).toBe(sizes.get(x.topicId)! + rows.filter((r) => r.topic_id === x.topicId).length);
    expect((await assignNewAppeals(t.db)).considered).toBe(0);
  });

  test('one text is matched to its topic with a similarity, and the model stays loaded', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    await insertAppeals(t.db, appeals);
    await runTopics(t.db);
    const match = await assignText(t.db, '我家楼下有人跳广场舞，音响声音太大，晚上十点还不停');
    const topic = (await listTopics(t.db)).find((x) => x.topicId === match?.topicId);
    expect(topic?.terms).toContain('广场舞');
    expect(match?.label).toBe(topic?.label);
    expect(match!.similarity).toBeGreaterThanOrEqual(topic!.threshold!);
    expect(await assignText(t.db, '请问护照办理需要多长时间')).toBeNull();
    const started = Date.now();
    for (let i = 0; i < 50; i++) await assignText(t.db, `楼道里有人给电动车充电${i}`);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
