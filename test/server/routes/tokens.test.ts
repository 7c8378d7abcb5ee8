import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, startServer, type Harness } from '../harness.js';

let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await startServer();
  admin = await Client.signedIn(h.base, 'admin');
});
afterAll(() => h.close());

/** A request as a platform's dispatch system makes it: a bearer token, no cookie, no CSRF header. */
function machine(token: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${h.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('API tokens for hotline platforms', () => {
  it('are made once by an admin, call the route suggestion and the rules without CSRF, and nothing else', async () => {
    const res = await admin.post('/api/tokens', { name: '12345-dispatch' });
    expect(res.status).toBe(200);
    const made = await res.json();
    expect(made).toMatchObject({ name: '12345-dispatch', token: expect.stringMatching(/^lk_[A-Za-z0-9_-]{43}$/) });
    // a year unless said
    const [life] = await h.db.query<{ days: number }>('SELECT date_diff(\'day\', created_at, expires_at)::INTEGER AS days FROM api_tokens WHERE token_id = $1', [made.tokenId]);
    expect(life.days).toBe(365);
    expect(made.expiresAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);

    const ask = await machine(made.token, 'POST', '/api/route-suggestion', { text: '楼道里有人给电动车充电', district: '东城区' });
    expect(ask.status).toBe(200);
    expect((await ask.json()).reason).toBe('no_topic');
    expect((await machine(made.token, 'GET', '/api/rules')).status).toBe(200);
    // not a way into the rest of the API, not even what an officer may read
    for (const [method, path] of [['GET', '/api/appeals'], ['GET', '/api/summary'], ['GET', '/api/tokens'], ['POST', '/api/backups']] as const) {
      const refused = await machine(made.token, method, path, method === 'POST' ? {} : undefined);
      expect(refused.status, path).toBe(403);
      expect((await refused.json()).error).toBe('token_not_allowed');
    }

    // listed without its secret, with its last use
    const list = await admin.json('/api/tokens');
    const row = list.tokens.find((t: { tokenId: number }) => t.tokenId === made.tokenId);
    expect(row).toMatchObject({ name: '12345-dispatch', createdBy: 'admin', revokedAt: null, lastUsedAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/) });
    expect(JSON.stringify(list)).not.toContain(made.token);
    const [stored] = await h.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE token_id = $1', [made.tokenId]);
    expect(stored.token_hash).not.toContain(made.token.slice(3));

    // one name in force at a time
    const taken = await admin.post('/api/tokens', { name: '12345-dispatch' });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ error: 'name_taken', params: { name: '12345-dispatch' } });

    const revoked = await admin.request('DELETE', `/api/tokens/${made.tokenId}`);
    expect(await revoked.json()).toEqual({ tokenId: made.tokenId, name: '12345-dispatch' });
    const after = await machine(made.token, 'POST', '/api/route-suggestion', { text: '路灯不亮' });
    expect(after.status).toBe(401);
    expect((await after.json()).message).toBe('unknown, revoked or expired API token');
    expect((await admin.request('DELETE', `/api/tokens/${made.tokenId}`)).status).toBe(404);
    // the name is free again
    expect((await admin.post('/api/tokens', { name: '12345-dispatch' })).status).toBe(200);

    const audit = await admin.json('/api/users/audit');
    const actions = audit.rows.filter((r: { action: string }) => r.action.startsWith('token_')).map((r: { action: string; what: string }) => `${r.action} ${r.what}`);
    expect(actions.slice(0, 3)).toEqual(['token_create 12345-dispatch', 'token_revoke 12345-dispatch', 'token_create 12345-dispatch']);
  });

  it('stop working when they expire, which frees their name; or never, when made so', async () => {
    const made = await (await admin.post('/api/tokens', { name: 'short-lived', days: 30 })).json();
    const [life] = await h.db.query<{ days: number }>('SELECT date_diff(\'day\', created_at, expires_at)::INTEGER AS days FROM api_tokens WHERE token_id = $1', [made.tokenId]);
    expect(life.days).toBe(30);
    expect((await machine(made.token, 'GET', '/api/rules')).status).toBe(200);
    // thirty-one days on, the server (which knows the token since its first call) refuses it
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 31 * 86_400_000);
      expect((await machine(made.token, 'GET', '/api/rules')).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
    // one that expired before its first call is refused from the database's record
    const fresh = await (await admin.post('/api/tokens', { name: 'expired-before-use', days: 1 })).json();
    await h.db.query("UPDATE api_tokens SET expires_at = now() - INTERVAL 1 MINUTE WHERE token_id = $1", [fresh.tokenId]);
    const refused = await machine(fresh.token, 'GET', '/api/rules');
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toBe('bad_token');
    const list = await admin.json('/api/tokens');
    expect(list.tokens.find((t: { tokenId: number }) => t.tokenId === fresh.tokenId)).toMatchObject({ expired: true, revokedAt: null });
    expect((await admin.post('/api/tokens', { name: 'expired-before-use' })).status).toBe(200);
    const forever = await (await admin.post('/api/tokens', { name: 'no-end', days: null })).json();
    expect(forever.expiresAt).toBeNull();
    for (const days of [0, 3651, 1.5, '30']) expect((await admin.post('/api/tokens', { name: 'bad-days', days })).status, String(days)).toBe(400);
  });

  it('refuse a wrong token outright, and bad requests with a message', async () => {
    const wrong = await machine('lk_not-a-token', 'POST', '/api/route-suggestion', { text: '路灯不亮' });
    expect(wrong.status).toBe(401);
    // a wrong token is not read as no one: a public route refuses it too
    expect((await machine('lk_not-a-token', 'GET', '/api/health')).status).toBe(401);
    for (const name of ['', 'a b', 'x'.repeat(61), '../etc']) {
      const res = await admin.post('/api/tokens', { name });
      expect(res.status, name).toBe(400);
      expect((await res.json()).message).toMatch(/body\.name/);
    }
    expect((await admin.request('DELETE', '/api/tokens/abc')).status).toBe(400);
    const officer = await Client.signedIn(h.base, 'officer');
    expect((await officer.get('/api/tokens')).status).toBe(403);
    expect((await officer.post('/api/tokens', { name: 'mine' })).status).toBe(403);
  });
});

describe('the calls a token may make', () => {
  it('are limited per token and minute (429 with the limit), not those of people signed in', async () => {
    const limited = await startServer({ config: { tokenRatePerMinute: 3 } });
    try {
      const boss = await Client.signedIn(limited.base, 'admin');
      const one = (await (await boss.post('/api/tokens', { name: 'busy' })).json()).token;
      const two = (await (await boss.post('/api/tokens', { name: 'calm' })).json()).token;
      const call = (token: string) => fetch(`${limited.base}/api/rules`, { headers: { authorization: `Bearer ${token}` } });
      for (let i = 0; i < 3; i++) expect((await call(one)).status).toBe(200);
      const refused = await call(one);
      expect(refused.status).toBe(429);
      expect(await refused.json()).toMatchObject({ error: 'token_rate_limited', params: { limit: 3 } });
      // the other token has its own budget; a person's requests are not counted
      expect((await call(two)).status).toBe(200);
      for (let i = 0; i < 5; i++) expect((await boss.get('/api/rules')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
