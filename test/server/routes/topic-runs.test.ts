import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startServer, type Harness } from '../harness.js';

let h: Harness;
let officer: Client;
beforeAll(async () => {
  h = await startServer({ data: 'sample' });
  officer = await Client.signedIn(h.base, 'officer');
});
afterAll(() => h.close());

describe('/api/topics/runs', () => {
  it('runs the topic engine again from the dashboard: topics kept by id, curations re-applied, logged', async () => {
    const before = (await officer.json('/api/topics/runs/last')).lastRun;
    expect(before).toMatchObject({ runId: expect.any(Number), finishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/), loadedSince: 0 });
    const ranking = await officer.json('/api/topics');
    const top = ranking.topics[0];
    const renamed = await officer.post(`/api/topics/${top.topicId}/rename`, { label: '会商前人工命名' });
    expect(renamed.status).toBe(200);

    const res = await officer.post('/api/topics/runs', {});
    expect(res.status).toBe(200);
    const run = await res.json();
    expect(run.runId).toBeGreaterThan(before.runId);
    // the same appeals: every topic found again under its id, none new or retired
    expect(run).toMatchObject({ topics: before.topics, newTopics: 0, retiredTopics: 0, keptTopics: before.topics, appeals: before.appeals });
    expect((await officer.json('/api/topics/runs/last')).lastRun).toMatchObject({ runId: run.runId, topics: run.topics });
    const again = await officer.json(`/api/topics/${top.topicId}`);
    expect(again.label).toBe('会商前人工命名');

    const audit = await (await Client.signedIn(h.base, 'admin')).json('/api/users/audit?action=topics_run');
    expect(audit.rows[0]).toMatchObject({ who: 'officer', what: `#${run.runId}` });
  });

  it('is for officers and admins', async () => {
    for (const who of ['leader', 'headA'] as const) {
      const c = await Client.signedIn(h.base, who);
      expect((await c.post('/api/topics/runs', {})).status).toBe(403);
      expect((await c.get('/api/topics/runs/last')).status).toBe(403);
    }
  });
});
