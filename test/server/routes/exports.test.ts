import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startServer, type Harness } from '../harness.js';

let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await startServer();
  admin = await Client.signedIn(h.base, 'admin');
});
afterAll(() => h.close());

describe('POST /api/exports/parquet', () => {
  it('writes a new folder under the export folder, answers what it wrote, and logs it', async () => {
    const appeals = (await h.db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM appeals'))[0].n;
    const res = await admin.post('/api/exports/parquet', {});
    expect(res.status).toBe(200);
    const report = await res.json();
    // the folder is the server's choice, under its export folder: a client never names a path
    expect(report.dir).toMatch(new RegExp(`^${join(h.dir, 'exports')}/parquet-\\d{8}-\\d{6}$`));
    expect(readdirSync(join(h.dir, 'exports'))).toEqual([report.dir.split('/').pop()]);
    expect(report.tables.find((t: { name: string }) => t.name === 'appeals').rows).toBe(appeals);
    expect(JSON.parse(readFileSync(join(report.dir, '_manifest.json'), 'utf8')).tables.appeals.rows).toBe(appeals);
    const read = await h.db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM read_parquet('${report.dir}/appeals/**/*.parquet', hive_partitioning = true)`);
    expect(read[0].n).toBe(appeals);
    const audit = await admin.json('/api/users/audit?action=export');
    expect(audit.rows[0]).toMatchObject({ who: 'admin', what: 'parquet' });
  });

  it('gives exports started within the same second folders of their own', async () => {
    const [a, b] = await Promise.all([admin.post('/api/exports/parquet', {}), admin.post('/api/exports/parquet', {})]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const dirs = [(await a.json()).dir, (await b.json()).dir];
    expect(new Set(dirs).size).toBe(2);
    for (const dir of dirs) expect(JSON.parse(readFileSync(join(dir, '_manifest.json'), 'utf8')).product).toBe('Linkage Insight');
  });

  it('refuses dates out of order or not dates, and everyone but admins', async () => {
    const backwards = await admin.post('/api/exports/parquet', { from: '2025-03-01', to: '2025-02-01' });
    expect(backwards.status).toBe(400);
    expect((await admin.post('/api/exports/parquet', { from: '2025-02-30' })).status).toBe(400);
    const officer = await Client.signedIn(h.base, 'officer');
    expect((await officer.post('/api/exports/parquet', {})).status).toBe(403);
  });
});

describe('GET and DELETE /api/exports/parquet', () => {
  it('lists the exports in the export folder and deletes one by name, logged', async () => {
    const first = await (await admin.post('/api/exports/parquet', { from: '2025-01-01' })).json();
    const name = first.dir.split('/').pop();
    const list = await admin.json('/api/exports/parquet');
    const entry = list.exports.find((e: { name: string }) => e.name === name);
    expect(entry).toMatchObject({ from: '2025-01-01', to: null });
    expect(entry.exportedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(entry.appeals).toBe(first.tables.find((t: { name: string }) => t.name === 'appeals').rows);
    expect(entry.bytes).toBeGreaterThan(0);

    const res = await admin.request('DELETE', `/api/exports/parquet/${name}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name });
    expect(readdirSync(join(h.dir, 'exports'))).not.toContain(name);
    expect((await admin.json('/api/exports/parquet')).exports.map((e: { name: string }) => e.name)).not.toContain(name);
    const audit = await admin.json('/api/users/audit?action=export_delete');
    expect(audit.rows[0]).toMatchObject({ who: 'admin', what: 'parquet' });

    // gone, or never an export: 404 with a message; a path is only ever a name looked up
    expect((await admin.request('DELETE', '/api/exports/parquet/..')).status).toBe(404);
    for (const bad of [name, 'notes', 'x%2F..%2F..', '%2Fetc']) {
      const r = await admin.request('DELETE', `/api/exports/parquet/${bad}`);
      expect(r.status, bad).toBe(404);
      expect((await r.json()).message).toMatch(/^no export named/);
    }
    expect(readdirSync(h.dir)).toContain('exports');
  });

  it('is for admins only', async () => {
    const officer = await Client.signedIn(h.base, 'officer');
    expect((await officer.get('/api/exports/parquet')).status).toBe(403);
    expect((await officer.request('DELETE', '/api/exports/parquet/anything')).status).toBe(403);
  });
});
