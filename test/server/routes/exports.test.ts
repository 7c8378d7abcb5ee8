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

  it('refuses dates out of order or not dates, and everyone but admins', async () => {
    const backwards = await admin.post('/api/exports/parquet', { from: '2025-03-01', to: '2025-02-01' });
    expect(backwards.status).toBe(400);
    expect((await admin.post('/api/exports/parquet', { from: '2025-02-30' })).status).toBe(400);
    const officer = await Client.signedIn(h.base, 'officer');
    expect((await officer.post('/api/exports/parquet', {})).status).toBe(403);
  });
});
