import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, PASSWORD, UNIT_A, startServer, type Harness } from '../harness.js';

let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await startServer({ data: 'none' });
  admin = await Client.signedIn(h.base, 'admin');
});
afterAll(() => h.close());

describe('user administration', () => {
  it('is for admins only', async () => {
    for (const who of ['officer', 'leader', 'headA'] as const) {
      const c = await Client.signedIn(h.base, who);
      const res = await c.get('/api/users');
      expect(res.status, who).toBe(403);
      expect(await res.json()).toEqual({ error: 'forbidden', message: 'this needs the role admin', params: { roles: ['admin'] } });
      expect((await c.post('/api/users', { username: 'x', role: 'officer', password: 'long enough pw' })).status, who).toBe(403);
    }
  });

  it('creates a unit head who can sign in, and refuses inconsistent or duplicate users', async () => {
    const res = await admin.post('/api/users', { username: 'zhang.san', displayName: '张三', role: 'unit_head', unit: UNIT_A, password: 'a long password' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ username: 'zhang.san', role: 'unit_head', unit: UNIT_A, disabled: false });
    const me = await (await (await Client.signedIn(h.base, 'zhang.san', 'a long password')).json('/api/auth/session')).user;
    expect(me).toMatchObject({ role: 'unit_head', unit: UNIT_A });
    const taken = await admin.post('/api/users', { username: 'zhang.san', role: 'officer', password: 'a long password' });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ error: 'exists', params: { username: 'zhang.san' } });
    const noUnit = await admin.post('/api/users', { username: 'li', role: 'unit_head', password: 'a long password' });
    expect(noUnit.status).toBe(400);
    expect((await noUnit.json()).message).toMatch(/unit/);
    expect((await admin.post('/api/users', { username: 'wang', role: 'officer', unit: UNIT_A, password: 'a long password' })).status).toBe(400);
    expect((await admin.post('/api/users', { username: "x' OR 1=1 --", role: 'officer', password: 'a long password' })).status).toBe(400);
    expect((await admin.post('/api/users', { username: 'short', role: 'officer', password: 'short' })).status).toBe(400);
    expect((await admin.post('/api/users', { username: 'boss', role: 'emperor', password: 'a long password' })).status).toBe(400);
  });

  it('changes a role at once: the user’s open sessions end', async () => {
    const c = await Client.signedIn(h.base, 'leader');
    const users = await admin.json('/api/users');
    const leader = users.users.find((u: { username: string }) => u.username === 'leader');
    const res = await admin.patch(`/api/users/${leader.userId}`, { role: 'officer' });
    expect(res.status).toBe(200);
    expect((await c.json('/api/auth/session')).user).toBeNull();
    expect((await (await Client.signedIn(h.base, 'leader')).json('/api/auth/session')).user.role).toBe('officer');
  });

  it('disables a user, who then cannot sign in, and resets a password', async () => {
    const users = await admin.json('/api/users');
    const officer = users.users.find((u: { username: string }) => u.username === 'officer');
    expect((await admin.patch(`/api/users/${officer.userId}`, { disabled: true })).status).toBe(200);
    expect((await new Client(h.base).post('/api/auth/login', { username: 'officer', password: PASSWORD })).status).toBe(401);
    expect((await admin.patch(`/api/users/${officer.userId}`, { disabled: false, password: 'brand new secret' })).status).toBe(200);
    await Client.signedIn(h.base, 'officer', 'brand new secret');
  });

  it('keeps the last administrator', async () => {
    const users = await admin.json('/api/users');
    const self = users.users.find((u: { username: string }) => u.username === 'admin');
    const res = await admin.patch(`/api/users/${self.userId}`, { role: 'officer' });
    expect(res.status).toBe(409);
    expect((await admin.patch('/api/users/99999', { displayName: 'x' })).status).toBe(404);
    expect((await admin.patch('/api/users/abc', { displayName: 'x' })).status).toBe(400);
  });

  it('records user changes in the audit log', async () => {
    const log = await admin.json('/api/users/audit?action=user_update');
    expect(log.rows.length).toBeGreaterThanOrEqual(3);
    expect(log.rows.every((r: { who: string }) => r.who === 'admin')).toBe(true);
    expect(JSON.stringify(log)).not.toContain('brand new secret');
  });
});
