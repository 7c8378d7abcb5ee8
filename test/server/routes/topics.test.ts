import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSignals, topicScores } from '../../../pipelines/disputes/index.js';
import { Client, startServer, type Harness } from '../harness.js';

const YEAR = 'from=2025-01-01&to=2025-12-31';
let h: Harness;
let officer: Client;
let ranking: { topics: { topicId: number; label: string; rank: number | null; score: number; volume: number; matching: number; eligible: boolean }[] };

beforeAll(async () => {
  h = await startServer({ data: 'sample' });
  officer = await Client.signedIn(h.base, 'officer');
  ranking = await officer.json(`/api/topics?${YEAR}`);
});
afterAll(() => h.close());

describe('topic ranking', () => {
  it('is the dispute scorer’s ranking of the eligible topics, best first, numbered 1…n', async () => {
    const lib = await h.app.ctx.lock.read(() => topicScores(h.db, { from: '2025-01-01', to: '2025-12-31' }));
    const expected = lib.topics.filter((t) => t.eligible).map((t) => t.topicId);
    expect(ranking.topics.map((t) => t.topicId)).toEqual(expected.slice(0, 200));
    expect(ranking.topics.map((t) => t.rank)).toEqual(ranking.topics.map((_, i) => i + 1));
    expect(ranking.topics.length).toBeGreaterThan(3);
  });

  it('filters by platform and unit involved, and by label text', async () => {
    const police = await officer.json(`/api/topics?${YEAR}&platform=110`);
    for (const t of police.topics) expect(t.matching).toBeGreaterThan(0);
    const facets = await officer.json('/api/facets');
    const unit = facets.units.find((u: { appeals: number }) => u.appeals > 20).name;
    const byUnit = await officer.json(`/api/topics?${YEAR}&unit=${encodeURIComponent(unit)}&eligibleOnly=false`);
    expect(byUnit.topics.length).toBeGreaterThan(0);
    expect(byUnit.topics.length).toBeLessThan((await officer.json(`/api/topics?${YEAR}&eligibleOnly=false`)).topics.length);
    const first = byUnit.topics[0];
    const appeals = await officer.json(`/api/appeals?topic=${first.topicId}&unit=${encodeURIComponent(unit)}&${YEAR}&pageSize=1`);
    expect(appeals.total).toBe(first.matching);
    const word = ranking.topics[0].label.slice(0, 2);
    const named = await officer.json(`/api/topics?${YEAR}&q=${encodeURIComponent(word)}`);
    expect(named.topics.every((t: { label: string }) => t.label.includes(word))).toBe(true);
  });

  it('treats injection attempts in its filters as plain text', async () => {
    for (const field of ['q', 'platform', 'unit', 'district']) {
      const body = await officer.json(`/api/topics?${YEAR}&${field}=${encodeURIComponent("' OR 1=1 --")}`);
      expect(body.topics, field).toEqual([]);
    }
    expect((await officer.get(`/api/topics?from=${encodeURIComponent("2025' --")}`)).status).toBe(400);
  });
});

describe('topic page', () => {
  it('shows the top topic with its score parts, trend, units, return flow and masked samples', async () => {
    const top = ranking.topics[0];
    const page = await officer.json(`/api/topics/${top.topicId}?${YEAR}`);
    expect(page.rank.score).toBeCloseTo(top.score, 10);
    expect(page.rank.parts.length).toBeGreaterThan(3);
    expect(page.trend.reduce((n: number, p: { appeals: number }) => n + p.appeals, 0)).toBe(top.volume);
    expect(page.units.length).toBeGreaterThan(0);
    expect(page.samples.length).toBeGreaterThan(0);
    for (const s of page.samples) expect(s.text).not.toMatch(/1[3-9]\d{9}/);
    expect(page.monthly.length).toBeGreaterThan(0);
  });

  it('leaves out the appeals that praise or thank, and says how many there are', async () => {
    // the small sample city's thank-you calls form a topic of their own
    const [row] = await h.db.query<{ topic_id: number; praise: number; total: number }>(
      `SELECT tp.topic_id, count(*) FILTER (WHERE a.appeal_type = '感谢')::INTEGER AS praise, count(*)::INTEGER AS total
       FROM appeal_topics tp JOIN appeals a USING (platform, appeal_id)
       WHERE a.received_at >= CAST('2025-01-01' AS DATE) AND a.received_at < CAST('2025-12-31' AS DATE) + 1
       GROUP BY tp.topic_id ORDER BY praise DESC, tp.topic_id LIMIT 1`,
    );
    expect(row.praise).toBeGreaterThan(0);
    expect(ranking.topics.map((t) => t.topicId)).not.toContain(row.topic_id);
    const page = await officer.json(`/api/topics/${row.topic_id}?${YEAR}`);
    expect(page.praiseInWindow).toBe(row.praise);
    expect(page.trend.reduce((n: number, p: { appeals: number }) => n + p.appeals, 0)).toBe(row.total - row.praise);
    expect(page.rank?.volume ?? 0).toBe(row.total - row.praise);
    // a thank-you goes to the unit thanked: that is no sign of who should lead
    expect(page.units).toEqual([]);
    expect(page.suggestedLead).toBeNull();
  });

  it('shows a unit head only samples from appeals their unit may read in full', async () => {
    const facets = await officer.json('/api/facets');
    const unit = facets.units.find((u: { appeals: number }) => u.appeals > 20).name as string;
    await h.app.ctx.lock.write(() => h.db.query("UPDATE users SET unit = $1 WHERE username = 'headA'", [unit]));
    const head = await Client.signedIn(h.base, 'headA');
    let shown = 0;
    let hidden = 0;
    for (const t of ranking.topics.slice(0, 5)) {
      const all = await officer.json(`/api/topics/${t.topicId}?${YEAR}`);
      const mine = await head.json(`/api/topics/${t.topicId}?${YEAR}`);
      expect(mine.samples.length).toBeLessThanOrEqual(all.samples.length);
      for (const s of mine.samples) {
        expect((await head.get(`/api/appeals/${s.platform}/${s.appealId}`)).status).toBe(200);
        shown++;
      }
      for (const s of all.samples.filter((x: { appealId: string }) => !mine.samples.some((m: { appealId: string }) => m.appealId === x.appealId))) {
        expect((await head.get(`/api/appeals/${s.platform}/${s.appealId}`)).status).toBe(403);
        hidden++;
      }
    }
    // the samples of the top topics come from many units: some must have been withheld
    expect(hidden).toBeGreaterThan(0);
    expect(shown + hidden).toBe((await Promise.all(ranking.topics.slice(0, 5).map((t) => officer.json(`/api/topics/${t.topicId}?${YEAR}`)))).reduce((n, p) => n + p.samples.length, 0));
  });

  it('answers 404 for a topic that does not exist', async () => {
    expect((await officer.get('/api/topics/999999')).status).toBe(404);
  });
});

describe('curation', () => {
  it('lets an officer rename a topic, and keeps leaders and unit heads out', async () => {
    const t = ranking.topics[1];
    const leader = await Client.signedIn(h.base, 'leader');
    expect((await leader.post(`/api/topics/${t.topicId}/rename`, { label: '改名' })).status).toBe(403);
    expect((await officer.post(`/api/topics/${t.topicId}/rename`, { label: '  ' })).status).toBe(400);
    const res = await officer.post(`/api/topics/${t.topicId}/rename`, { label: '楼道电动车充电（人工命名）' });
    expect(res.status).toBe(200);
    const page = await officer.json(`/api/topics/${t.topicId}?${YEAR}`);
    expect(page.label).toBe('楼道电动车充电（人工命名）');
    expect(page.labelSource).toBe('curated');
    expect(page.curations.at(-1)).toMatchObject({ action: 'rename', by: 'officer' });
    // the ranking is recomputed after the write, not served from the cache
    const again = await officer.json(`/api/topics?${YEAR}`);
    expect(again.topics.find((x: { topicId: number }) => x.topicId === t.topicId).label).toBe('楼道电动车充电（人工命名）');
  });

  it('marks a topic as noise and restores it', async () => {
    const t = ranking.topics[2];
    expect((await officer.post(`/api/topics/${t.topicId}/noise`)).status).toBe(200);
    expect((await officer.json(`/api/topics/${t.topicId}`)).status).toBe('noise');
    expect((await officer.post(`/api/topics/${t.topicId}/restore`)).status).toBe(200);
    expect((await officer.json(`/api/topics/${t.topicId}`)).status).toBe('active');
  });

  it('refuses a merge: 404 for no such topic, 400 for nothing to merge, 409 with its reason for a topic merged already', async () => {
    const [into, source] = [ranking.topics[4].topicId, ranking.topics[5].topicId];
    const missing = await officer.post(`/api/topics/${into}/merge`, { sources: [987654] });
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toMatch(/987654/);
    expect((await officer.post(`/api/topics/${into}/merge`, { sources: [into] })).status).toBe(400);
    expect((await officer.post(`/api/topics/${into}/merge`, { sources: [source] })).status).toBe(200);
    // the merge moved appeals: it brought the signals up to date itself, so no reader has to
    expect(await h.app.ctx.lock.write(() => ensureSignals(h.app.ctx.db))).toBe(false);
    const again = await officer.post(`/api/topics/${into}/merge`, { sources: [source] });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: 'curation_refused', message: expect.stringContaining(`topic ${source} is merged`) });
  });
});

describe('unclustered queue', () => {
  it('lists outliers newest first and searches their text; unit heads may not read it', async () => {
    const all = await officer.json('/api/topics/outliers?pageSize=200');
    expect(all.total).toBeGreaterThan(0);
    const word = all.rows[0].content.replace(/[^\p{Script=Han}]/gu, '').slice(2, 4);
    const found = await officer.json(`/api/topics/outliers?q=${encodeURIComponent(word)}`);
    expect(found.total).toBeGreaterThan(0);
    for (const r of found.rows) expect(`${r.title ?? ''}${r.content}`).toContain(word);
    expect((await officer.json(`/api/topics/outliers?q=${encodeURIComponent("' OR 1=1 --")}`)).total).toBe(0);
    const head = await Client.signedIn(h.base, 'headB');
    expect((await head.get('/api/topics/outliers')).status).toBe(403);
  });
});
