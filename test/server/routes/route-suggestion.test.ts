import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startServer, type Harness } from '../harness.js';

// The fixture city has no topic run: every text is a matter without a known topic. Routing by a
// decided rule is covered by meetings.test.ts on the sample city.
let h: Harness;
let officer: Client;
beforeAll(async () => {
  h = await startServer();
  officer = await Client.signedIn(h.base, 'officer');
});
afterAll(() => h.close());

describe('route suggestion for hotline platforms', () => {
  it('answers a text no topic takes with the reason, in words for the dispatcher', async () => {
    const res = await officer.post('/api/route-suggestion', { text: '楼道里有人给电动车充电', district: '东城区' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ topic: null, rule: null, leadUnit: null, assistingUnits: [], confidence: 0, reason: 'no_topic', explanation: '未匹配到已知议题，请按常规派单。', history: [] });
  });

  it('is for officer and admin accounts, with the session’s CSRF token', async () => {
    const ask = { text: '路灯不亮' };
    expect((await (await Client.signedIn(h.base, 'admin')).post('/api/route-suggestion', ask)).status).toBe(200);
    for (const who of ['leader', 'headA'] as const) expect((await (await Client.signedIn(h.base, who)).post('/api/route-suggestion', ask)).status, who).toBe(403);
    expect((await new Client(h.base).post('/api/route-suggestion', ask)).status).toBe(401);
    expect((await officer.post('/api/route-suggestion', ask, { csrf: false })).status).toBe(403);
  });

  it('answers malformed requests with 400 and the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{}, /body\.text/],
      [{ text: '   ' }, /body\.text/],
      [{ text: '占'.repeat(5001) }, /body\.text/],
      [{ text: '占道经营', district: 7 }, /body\.district/],
      [{ text: '占道经营', at: '2025-02-30' }, /body\.at/],
    ];
    for (const [ask, message] of cases) {
      const res = await officer.post('/api/route-suggestion', ask);
      expect(res.status, JSON.stringify(ask)).toBe(400);
      expect((await res.json()).message).toMatch(message);
    }
  });

  it('lists the rules in force to every signed-in user (none before any decision)', async () => {
    expect(await (await Client.signedIn(h.base, 'headA')).json('/api/rules')).toEqual({ rules: [] });
  });
});
