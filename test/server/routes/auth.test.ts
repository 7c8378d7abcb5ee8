import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, PASSWORD, startServer, type Harness } from '../harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startServer({ data: 'none' });
});
afterAll(() => h.close());

describe('sign in and out', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and answers who is signed in', async () => {
    const c = new Client(h.base);
    const res = await c.post('/api/auth/login', { username: 'officer', password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('linkage_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const { user: me } = await c.json('/api/auth/session');
    expect(me).toMatchObject({ username: 'officer', role: 'officer', unit: null });
    expect(me.csrfToken).toBe(c.csrf);
    // The session ends when its cookie does: the client's hint of a live session relies on it.
    const cookieEnds = Date.parse(/Expires=([^;]+)/i.exec(cookie)![1]);
    expect(Math.abs(Date.parse(me.expiresAt) - cookieEnds)).toBeLessThan(5_000);
  });

  it('refuses a wrong password with 401 and logs the attempt', async () => {
    const res = await new Client(h.base).post('/api/auth/login', { username: 'leader', password: 'not the password' });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe('bad_credentials');
    const admin = await Client.signedIn(h.base, 'admin');
    const log = await admin.json('/api/users/audit?action=login_failed');
    expect(log.rows.some((r: { who: string }) => r.who === 'leader')).toBe(true);
  });

  it('ends the session on logout: the old cookie no longer works', async () => {
    const c = await Client.signedIn(h.base, 'leader');
    const stolen = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    const again = new Client(h.base);
    again.cookie = stolen;
    expect((await again.json('/api/auth/session')).user).toBeNull();
  });

  it('stores only an argon2id hash of passwords and sha-256 of session tokens', async () => {
    const c = await Client.signedIn(h.base, 'headA');
    const rows = await h.db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'headA'");
    expect(rows[0].password_hash.startsWith('$argon2id$')).toBe(true);
    const token = decodeURIComponent(c.cookie.split('=')[1]);
    const sessions = await h.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(sessions.some((s) => s.token_hash === token)).toBe(false);
    expect(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
  });
});

describe('CSRF', () => {
  it('rejects a state-changing request without the token, or with a wrong one, and accepts the right one', async () => {
    const c = await Client.signedIn(h.base, 'officer');
    const missing = await c.post('/api/auth/logout', undefined, { csrf: false });
    expect(missing.status).toBe(403);
    expect((await missing.json()).error).toBe('csrf');
    const wrong = await c.request('POST', '/api/auth/logout', { csrf: false, headers: { 'x-csrf-token': c.csrf.slice(1) + 'x' } });
    expect(wrong.status).toBe(403);
    expect((await c.json('/api/auth/session')).user).toMatchObject({ username: 'officer' });
    expect((await c.post('/api/auth/logout')).status).toBe(200);
  });
});

describe('password change', () => {
  it('needs the current password, then signs in with the new one only', async () => {
    const c = await Client.signedIn(h.base, 'headB');
    const wrong = await c.post('/api/auth/password', { current: 'wrong one!!', next: 'a much longer secret' });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toBe('wrong_password');
    expect((await c.post('/api/auth/password', { current: PASSWORD, next: 'short' })).status).toBe(400);
    expect((await c.post('/api/auth/password', { current: PASSWORD, next: 'a much longer secret' })).status).toBe(200);
    expect((await c.json('/api/auth/session')).user).toMatchObject({ username: 'headB' });
    expect((await new Client(h.base).post('/api/auth/login', { username: 'headB', password: PASSWORD })).status).toBe(401);
    await Client.signedIn(h.base, 'headB', 'a much longer secret');
  });
});

describe('login rate limit', () => {
  let limited: Harness;
  beforeAll(async () => {
    limited = await startServer({ data: 'none', config: { loginLimit: { max: 3, windowMs: 60_000 } } });
  });
  afterAll(() => limited.close());

  it('answers 429 after too many failed attempts from one address, even with the right password', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await new Client(limited.base).post('/api/auth/login', { username: 'admin', password: `guess ${i}` })).status);
    expect(statuses.slice(0, 3).every((s) => s === 401)).toBe(true);
    expect(statuses[3]).toBe(429);
    const blocked = await new Client(limited.base).post('/api/auth/login', { username: 'admin', password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).message).toMatch(/too many/);
  });
});
