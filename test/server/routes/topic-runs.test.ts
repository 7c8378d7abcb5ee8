import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startServer, type Harness } from '../harness.js';

let h: Harness;
let officer: Client;

/** The current topic run, once it has ended. */
async function finished(c: Client): Promise<Record<string, any>> {
  for (;;) {
    const { job } = await c.json('/api/topics/runs/current');
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}
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
    const started = await res.json();
    expect(started).toMatchObject({ state: expect.stringMatching(/^(queued|running)$/), startedBy: 'officer', result: null, error: null });
    // one run at a time: a second one is refused while the first is under way, and says whose it is
    const second = await (await Client.signedIn(h.base, 'admin')).post('/api/topics/runs', {});
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: 'topic_run_running', params: { who: 'officer', at: started.startedAt } });
    const job = await finished(officer);
    expect(job).toMatchObject({ state: 'done', startedBy: 'officer', step: null, error: null });
    const run = job.result;
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
      expect((await c.get('/api/topics/runs/current')).status).toBe(403);
    }
  });
});

describe('a topic run that fails', () => {
  it('ends as failed with a message, and the server log has why', async () => {
    const empty = await startServer({ data: 'none' });
    try {
      const admin = await Client.signedIn(empty.base, 'admin');
      expect((await admin.json('/api/topics/runs/current')).job).toBeNull();
      expect((await admin.post('/api/topics/runs', {})).status).toBe(200);
      expect(await finished(admin)).toMatchObject({ state: 'failed', result: null, error: 'the topic run failed; the server log has the details' });
      expect(empty.logs.join('\n')).toContain('no appeals to learn topics from');
      // a failed run is over: another may start
      expect((await admin.post('/api/topics/runs', {})).status).toBe(200);
      expect((await finished(admin)).state).toBe('failed');
    } finally {
      await empty.close();
    }
  });
});
