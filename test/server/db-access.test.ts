import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../pipelines/db/database.js';
import { importFile } from '../../pipelines/ingest/index.js';
import { computeKpis } from '../../pipelines/kpis/index.js';
import { DatabaseAccess } from '../../server/db-access.js';
import { refreshDerived } from '../../server/derived.js';
import { tempDb } from '../helpers/temp-db.js';
import { APPEALS, Client, startServer, UNIT_A, type Harness } from './harness.js';

/** A promise and the function that settles it. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

describe('DatabaseAccess', () => {
  let t: Awaited<ReturnType<typeof tempDb>>;
  let access: DatabaseAccess;
  const logs: string[] = [];

  beforeEach(async () => {
    t = await tempDb();
    await t.db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)');
    access = await DatabaseAccess.create(t.db, (line) => logs.push(line));
  });
  afterEach(() => t.cleanup());

  const rows = async (db: Database) => (await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM t'))[0].n;
  const count = () => access.read(() => rows(access.db));

  it('shows a read during a write the data as it was before the write, across its commits; the next read sees it all', async () => {
    const wrote = signal();
    const release = signal();
    const write = access.write(async () => {
      await access.db.exec('INSERT INTO t VALUES (2)');
      await access.db.transaction(() => access.db.exec('INSERT INTO t VALUES (3)'));
      wrote.fire();
      await release.promise;
    });
    await wrote.promise;
    expect(await rows(t.db)).toBe(3);
    expect(access.busyWriting).toBe(true);
    expect(await Promise.all([count(), count(), count()])).toEqual([1, 1, 1]);
    release.fire();
    await write;
    expect(access.busyWriting).toBe(false);
    expect(await count()).toBe(3);
  });

  it('keeps a read that began before a write on its snapshot to its end, and lets the write run meanwhile', async () => {
    const first = signal();
    const written = signal();
    const read = access.read(async () => {
      const before = await rows(access.db);
      first.fire();
      await written.promise;
      return [before, await rows(access.db)];
    });
    await first.promise;
    await access.write(() => access.db.exec('INSERT INTO t VALUES (2)'));
    written.fire();
    expect(await read).toEqual([1, 1]);
    expect(await count()).toBe(2);
  });

  it('does not start a write before a read that began earlier has taken its snapshot', async () => {
    const go = signal();
    const read = access.read(async () => {
      await go.promise;
      return rows(access.db);
    });
    let wrote = false;
    const write = access.write(async () => {
      await access.db.exec('INSERT INTO t VALUES (2)');
      wrote = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(wrote).toBe(false);
    go.fire();
    expect(await read).toBe(1);
    await write;
    expect(await count()).toBe(2);
  });

  it('runs writes one at a time, in order', async () => {
    const order: string[] = [];
    const slow = access.write(async () => {
      order.push('a+');
      await new Promise((r) => setTimeout(r, 30));
      order.push('a-');
    });
    const next = access.write(async () => {
      order.push('b+');
    });
    await Promise.all([slow, next]);
    expect(order).toEqual(['a+', 'a-', 'b+']);
    await expect(access.write(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(access.busyWriting).toBe(false);
  });

  it('writes accounts beside a running write, and reads them at once', async () => {
    const release = signal();
    const wrote = signal();
    const write = access.write(async () => {
      await access.db.transaction(async () => {
        await access.db.run('db/audit_insert', { who: 'system', action: 'import', what: 'big.csv', details: null });
        wrote.fire();
        await release.promise;
      });
    });
    await wrote.promise;
    await access.accounts(async () => {
      await access.db.one('server/user_insert', { username: 'newcomer', display_name: null, role: 'officer', unit: null, password_hash: 'x' });
      await access.db.run('db/audit_insert', { who: 'newcomer', action: 'login', what: null, details: null });
    });
    const found = await access.accounts(() => access.db.one<{ username: string }>('server/user_by_name', { username: 'newcomer' }));
    expect(found?.username).toBe('newcomer');
    release.fire();
    await write;
    const audit = await t.db.query<{ who: string }>('SELECT who FROM audit_log ORDER BY who');
    expect(audit.map((r) => r.who)).toEqual(['newcomer', 'system']);
  });

  it('gives reads a new Database object, and so fresh per-object caches, after a write that changes data', async () => {
    const view = () => access.read(async () => access.db);
    const first = await view();
    expect(first).not.toBe(t.db);
    expect(await view()).toBe(first);
    await access.write(async () => undefined, { invalidates: false });
    expect(await view()).toBe(first);
    await access.write(() => access.db.exec('INSERT INTO t VALUES (2)'));
    expect(await view()).not.toBe(first);
  });

  it('runs a read that turns out to write again as a write', async () => {
    expect(await access.read(async () => (await access.db.exec('INSERT INTO t VALUES (7)'), 'done'))).toBe('done');
    expect(await access.read(() => access.db.transaction(() => access.db.exec('INSERT INTO t VALUES (8)')))).toBeUndefined();
    expect(await count()).toBe(3);
  });

  it('does not cache an answer computed on a snapshot older than the last write', async () => {
    const during = signal();
    const writeOver = signal();
    const release = signal();
    const writing = signal();
    const write = access.write(async () => {
      writing.fire();
      await release.promise;
    });
    await writing.promise;
    const stale = access.read(async () => {
      during.fire();
      await writeOver.promise;
      return access.cache.get('n', () => rows(access.db));
    });
    await during.promise;
    await t.db.exec('INSERT INTO t VALUES (2)');
    release.fire();
    await write;
    writeOver.fire();
    expect(await stale).toBe(1);
    expect(await access.read(() => access.cache.get('n', () => rows(access.db)))).toBe(2);
  });

  it('closes the database once the reads under way have ended, and refuses work after', async () => {
    const first = signal();
    const go = signal();
    const read = access.read(async () => {
      const n = await rows(access.db);
      first.fire();
      await go.promise;
      return n + (await rows(access.db));
    });
    await first.promise;
    let closed = false;
    const closing = access.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(false);
    go.fire();
    expect(await read).toBe(2);
    await closing;
    await expect(count()).rejects.toThrow(/closed/);
    await expect(access.write(async () => undefined)).rejects.toThrow(/closed/);
  });

  it('closes without waiting for a read that turned into a write queued behind the closing', async () => {
    const writing = signal();
    const release = signal();
    const reading = signal();
    const closeQueued = signal();
    const write = access.write(async () => {
      writing.fire();
      await release.promise;
    });
    await writing.promise;
    const read = access.read(async () => {
      reading.fire();
      await closeQueued.promise;
      await access.db.exec('INSERT INTO t VALUES (9)');
      return 'wrote';
    });
    await reading.promise;
    const closing = access.close();
    closeQueued.fire();
    // the read finds it must write, and queues behind the closing
    await new Promise((r) => setTimeout(r, 50));
    release.fire();
    await write;
    await closing;
    await expect(read).rejects.toThrow(/closed/);
  });

  it('does not reuse a connection whose snapshot a failed statement aborted', async () => {
    await refreshDerived(t.db);
    const kpis = () => computeKpis(access.db, { period: 'month' });
    await expect(
      access.read(async () => {
        await kpis();
        await access.db.query("SELECT CAST('x' AS INTEGER)");
      }),
    ).rejects.toThrow(/Conversion/);
    expect((await access.read(kpis)).period).toBe('month');
  });
});

describe('reads over HTTP while an import runs', () => {
  let h: Harness;
  let officer: Client;
  beforeAll(async () => {
    h = await startServer();
    officer = await Client.signedIn(h.base, 'officer');
  });
  afterAll(() => h.close());

  const ORDERS_HEAD = '工单编号,来电时间,所属区县,诉求内容,承办单位';
  const appeals = async (c: Client) => (await c.json<{ totals: { appeals: number } }>('/api/summary')).totals.appeals;

  it('answers with the data from before a held import, signs people in meanwhile, then shows the import', async () => {
    const file = join(h.dir, 'held.csv');
    writeFileSync(file, [ORDERS_HEAD, `HELD001,2025/5/1 9:00,东城区,井盖丢失,${UNIT_A}`, `HELD002,2025/5/2 9:00,东城区,路灯不亮,${UNIT_A}`].join('\n'));
    const imported = signal();
    const release = signal();
    const write = h.app.ctx.lock.write(async () => {
      // the importer commits; the topic and signal steps that follow an import are still to come
      await importFile(h.db, file, { preset: 'cn-12345-workorders' });
      imported.fire();
      await release.promise;
    });
    await imported.promise;
    expect(await appeals(officer)).toBe(APPEALS.length);
    expect((await officer.get('/api/appeals/12345/HELD001')).status).toBe(404);
    expect((await officer.json('/api/appeals?q=井盖')).rows).toEqual([]);
    expect((await officer.json('/api/kpis?period=month')).kpis.length).toBeGreaterThan(0);
    expect((await (await fetch(`${h.base}/api/health`)).json()).busy).toBe(true);
    const leader = await Client.signedIn(h.base, 'leader');
    expect(await appeals(leader)).toBe(APPEALS.length);
    expect((await leader.post('/api/auth/logout')).status).toBe(200);
    // a document is built on the snapshot and recorded beside the import
    const report = await officer.get('/api/documents/operation?period=2025-03&format=xlsx');
    expect(report.status).toBe(200);
    const exported = await h.app.ctx.lock.accounts(() => h.app.ctx.db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = 'export' AND what LIKE '%.xlsx'"));
    expect(exported[0].n).toBe(1);
    // an upload is previewed on a connection of its own
    const form = new FormData();
    form.append('file', new Blob([[ORDERS_HEAD, `PRE001,2025/5/3 9:00,东城区,路面塌陷,${UNIT_A}`].join('\n')]), 'preview.csv');
    const admin = await Client.signedIn(h.base, 'admin');
    const previewed = await admin.request('POST', '/api/imports/uploads', { raw: form });
    expect(previewed.status).toBe(200);
    expect((await previewed.json()).sample).toEqual([expect.objectContaining({ 工单编号: 'PRE001' })]);
    release.fire();
    await write;
    expect(await appeals(officer)).toBe(APPEALS.length + 2);
    expect((await officer.get('/api/appeals/12345/HELD001')).status).toBe(200);
  });

  it('answers while an uploaded import runs, with the counts from before it', async () => {
    const admin = await Client.signedIn(h.base, 'admin');
    const before = await appeals(officer);
    const rows = Array.from({ length: 20_000 }, (_, i) => `BIG${String(i).padStart(6, '0')},2025/6/${1 + (i % 28)} 9:00,西城区,第${i}号井盖丢失需要修复,${UNIT_A}`);
    const form = new FormData();
    form.append('file', new Blob([[ORDERS_HEAD, ...rows].join('\n')]), 'big.csv');
    const uploaded = await (await admin.request('POST', '/api/imports/uploads', { raw: form })).json();
    const { jobId } = await (await admin.post(`/api/imports/uploads/${uploaded.uploadId}/run`, {})).json();
    const seenWhileRunning: number[] = [];
    for (;;) {
      const count = await appeals(officer);
      const job = await admin.json(`/api/imports/jobs/${jobId}`);
      if (job.state === 'queued' || job.state === 'running') {
        seenWhileRunning.push(count);
        continue;
      }
      expect(job.state).toBe('done');
      break;
    }
    expect(seenWhileRunning.length).toBeGreaterThan(0);
    expect(new Set(seenWhileRunning)).toEqual(new Set([before]));
    expect(await appeals(officer)).toBe(before + rows.length);
  });
});
