import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../pipelines/db/database.js';
import { Client, startServer, type Harness } from '../harness.js';

let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await startServer();
  admin = await Client.signedIn(h.base, 'admin');
});
afterAll(() => h.close());

describe('/api/backups', () => {
  it('backs the database up into a new file, lists it, and deletes it by name, each logged', async () => {
    const res = await admin.post('/api/backups', {});
    expect(res.status).toBe(200);
    const made = await res.json();
    expect(made.name).toMatch(/^linkage-\d{8}-\d{6}\.duckdb$/);
    expect(made.tables).toBeGreaterThan(30);
    // the file holds the records, as the server has them
    const copy = await Database.openReadOnly(join(h.dir, 'backups', made.name));
    const [n] = await copy.query<{ appeals: number; users: number }>('SELECT (SELECT count(*) FROM appeals)::INTEGER AS appeals, (SELECT count(*) FROM users)::INTEGER AS users');
    copy.close();
    expect(n).toEqual((await h.db.query('SELECT (SELECT count(*) FROM appeals)::INTEGER AS appeals, (SELECT count(*) FROM users)::INTEGER AS users'))[0]);

    // two within the same second: each its own file
    const [a, b] = await Promise.all([admin.post('/api/backups', {}), admin.post('/api/backups', {})]);
    const names = [(await a.json()).name, (await b.json()).name];
    expect(new Set([made.name, ...names]).size).toBe(3);

    const list = await admin.json('/api/backups');
    expect(list.dir).toBe(join(h.dir, 'backups'));
    expect(list.schedule).toBeNull();
    expect(list.backups.map((x: { name: string }) => x.name).sort()).toEqual([made.name, ...names].sort());
    expect(list.backups.find((x: { name: string }) => x.name === made.name)).toMatchObject({ bytes: made.bytes, writtenAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/) });

    const gone = await admin.request('DELETE', `/api/backups/${made.name}`);
    expect(gone.status).toBe(200);
    expect(existsSync(join(h.dir, 'backups', made.name))).toBe(false);
    // only backups are ever deleted, found by name
    writeFileSync(join(h.dir, 'backups', 'notes.txt'), 'keep me');
    expect((await admin.request('DELETE', '/api/backups/..')).status).toBe(404);
    for (const bad of [made.name, 'notes.txt', '%2E%2E%2Fbackups', 'x%2F..%2F..%2Fdata.duckdb']) {
      const r = await admin.request('DELETE', `/api/backups/${bad}`);
      expect(r.status, bad).toBe(404);
      expect((await r.json()).message).toMatch(/^there is no backup named/);
    }
    expect(readdirSync(join(h.dir, 'backups'))).toContain('notes.txt');

    const audit = await admin.json('/api/users/audit');
    const actions = audit.rows.filter((r: { action: string }) => r.action.startsWith('backup')).map((r: { action: string; what: string }) => [r.action, r.what]);
    expect(actions).toContainEqual(['backup', made.name]);
    expect(actions).toContainEqual(['backup_delete', made.name]);
  });

  it('is for admins only', async () => {
    for (const role of ['officer', 'leader', 'headA'] as const) {
      const c = await Client.signedIn(h.base, role);
      expect((await c.get('/api/backups')).status).toBe(403);
      expect((await c.post('/api/backups', {})).status).toBe(403);
      expect((await c.request('DELETE', '/api/backups/anything.duckdb')).status).toBe(403);
    }
  });
});
