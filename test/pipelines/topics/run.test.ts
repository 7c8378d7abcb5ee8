import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { listTopics, runTopics, topicDetail } from '../../../pipelines/topics/index.js';
import { tempDb } from '../../helpers/temp-db.js';
import { generateAppeals, insertAppeals, shuffled } from './fixture.js';
import { readAssignments, truthOf } from './topic-db.js';
import { ari } from '../../../pipelines/topics/quality.js';

const appeals = generateAppeals({ n: 1200, seed: 11, problems: 12, oneOffShare: 0.04 });

describe('a topic run', () => {
  let t: Awaited<ReturnType<typeof tempDb>>;
  let summary: Awaited<ReturnType<typeof runTopics>>;
  beforeAll(async () => {
    t = await tempDb();
    await insertAppeals(t.db, appeals);
    summary = await runTopics(t.db);
  });
  afterAll(() => t.cleanup());

  test('finds the recurring problems without being told how many', async () => {
    const rows = await readAssignments(t.db, t.dir);
    const truth = truthOf(appeals);
    const recurring = rows.filter((r) => truth.get(r.appeal_id));
    expect(summary.topics).toBeGreaterThanOrEqual(12);
    expect(ari(recurring.map((r) => truth.get(r.appeal_id)!), recurring.map((r) => r.topic_id || -1))).toBeGreaterThan(0.9);
    expect(recurring.filter((r) => !r.topic_id).length / recurring.length).toBeLessThan(0.08);
  });

  test('records the run with its parameters, segmenter, lexicon and input hash', async () => {
    expect(summary.appeals).toBe(appeals.length);
    expect(summary.segmenterVersion).toMatch(/jieba/);
    expect(summary.inputHash).toMatch(/^\d+$/);
    expect(summary.lexiconHash).toMatch(/^[0-9a-f]{16}$/);
    expect(summary.newTopics).toBe(summary.topics);
    expect(summary.learnedWords).toBeGreaterThan(0);
  });

  test('each topic has a label, distinctive terms, examples and a threshold', async () => {
    const topics = await listTopics(t.db);
    expect(topics.length).toBe(summary.topics);
    for (const topic of topics) {
      expect(topic.label.length).toBeGreaterThan(1);
      expect(topic.terms.length).toBeGreaterThan(0);
      expect(topic.examples.length).toBeGreaterThan(0);
      expect(topic.threshold).toBeGreaterThan(0);
    }
    expect(new Set(topics.map((x) => x.label)).size).toBe(topics.length);
    const ebike = topics.find((x) => x.terms.includes('电动车'));
    expect(ebike?.label).toMatch(/电动车|充电/);
    const detail = await topicDetail(t.db, topics[0].topicId);
    expect(detail?.monthly.reduce((s, m) => s + m.appeals, 0)).toBe(topics[0].size);
    expect(detail?.lineage.map((l) => l.kind)).toEqual(['new']);
  });

  test('the same appeals inserted in another order give identical topics, labels and similarities', async () => {
    const other = await tempDb();
    try {
      await insertAppeals(other.db, shuffled(appeals, 5));
      await runTopics(other.db);
      expect(await readAssignments(other.db, other.dir)).toEqual(await readAssignments(t.db, t.dir));
      const strip = (xs: Awaited<ReturnType<typeof listTopics>>) => xs.map((x) => ({ ...x, examples: x.examples.map((e) => e.appealId) }));
      expect(strip(await listTopics(other.db))).toEqual(strip(await listTopics(t.db)));
    } finally {
      other.cleanup();
    }
  });
});

describe('topic ids across runs', () => {
  test('a re-run with more appeals keeps every topic’s id and its appeals', async () => {
    const t = await tempDb();
    try {
      await insertAppeals(t.db, appeals);
      const first = await runTopics(t.db);
      const firstRows = new Map((await readAssignments(t.db, t.dir)).map((r) => [r.appeal_id, r.topic_id]));
      await insertAppeals(t.db, generateAppeals({ n: 400, seed: 12, problems: 12, oneOffShare: 0.04, idPrefix: 'B' }));
      const second = await runTopics(t.db);
      expect(second.keptTopics).toBe(first.topics);
      expect(second.retiredTopics).toBe(0);
      const again = (await readAssignments(t.db, t.dir)).filter((r) => firstRows.get(r.appeal_id));
      const same = again.filter((r) => r.topic_id === firstRows.get(r.appeal_id)).length;
      expect(same / again.length).toBeGreaterThan(0.97);
    } finally {
      t.cleanup();
    }
  });

  test('a window learns topics from its appeals and assigns the others', async () => {
    const t = await tempDb();
    try {
      await insertAppeals(t.db, appeals);
      const s = await runTopics(t.db, { from: '2025-01-01', to: '2025-06-30' });
      expect(s.windowAppeals).toBeLessThan(s.appeals);
      expect(s.appeals).toBe(appeals.length);
      const rows = await readAssignments(t.db, t.dir);
      expect(rows.filter((r) => r.topic_id).length).toBe(s.clustered);
      await expect(runTopics(t.db, { from: '2025-13-01' })).rejects.toThrow(/not a date/);
      await expect(runTopics(t.db, { from: '2030-01-01' })).rejects.toThrow(/no appeals/);
    } finally {
      t.cleanup();
    }
  });
});

