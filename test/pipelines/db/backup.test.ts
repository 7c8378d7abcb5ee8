import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupError, backupDatabase } from '../../../pipelines/db/backup.js';
import { Database } from '../../../pipelines/db/database.js';
import { checkBackup, restoreDatabase } from '../../../pipelines/db/restore.js';
import { importFile } from '../../../pipelines/ingest/index.js';
import { audit } from '../../../pipelines/db/audit.js';
import { tempDb } from '../../helpers/temp-db.js';

let db: Database;
let dir: string;
let path: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, dir, path, cleanup } = await tempDb());
  const csv = join(dir, 'orders.csv');
  writeFileSync(csv, ['工单编号,来电时间,所属区县,诉求内容,承办单位', 'B1,2025/5/1 9:00,东城区,路灯不亮,东城区城管局', 'B2,2025/5/2 9:00,西城区,井盖缺失,西城区住建局'].join('\n'));
  await importFile(db, csv);
  await audit(db, { who: 'admin', action: 'import', what: 'orders.csv' });
});
afterEach(() => cleanup());

/** Every row of the tables a user's work lives in, as stored. */
async function contents(d: Database) {
  return {
    appeals: await d.query('SELECT * EXCLUDE (loaded_at) FROM appeals ORDER BY appeal_id'),
    runs: await d.query('SELECT import_id, source_file, inserted FROM import_runs ORDER BY import_id'),
    audit: await d.query('SELECT audit_id, who, action, what FROM audit_log ORDER BY audit_id'),
    migrations: await d.query('SELECT version FROM schema_migrations ORDER BY version'),
  };
}

describe('backupDatabase and restoreDatabase', () => {
  it('copies every table into a new file, counted equal, and puts it back in place of a database later changed', async () => {
    const file = join(dir, 'backups', 'b1.duckdb');
    const before = await contents(db);
    const report = await backupDatabase(db, file);
    const total = (await db.query<{ n: number }>("SELECT sum(estimated_size)::INTEGER AS n FROM duckdb_tables() WHERE database_name = current_database()"))[0].n;
    expect(report).toMatchObject({ file, rows: total, bytes: expect.any(Number) });
    expect(report.tables).toBeGreaterThan(30);
    // only the finished file is there
    expect(readdirSync(join(dir, 'backups'))).toEqual(['b1.duckdb']);
    expect(await checkBackup(file)).toEqual({ version: Math.max(...before.migrations.map((m) => (m as { version: number }).version)), tables: report.tables, rows: report.rows });

    // later work, then the restore
    await db.query("DELETE FROM appeals WHERE appeal_id = 'B1'");
    await audit(db, { who: 'admin', action: 'export', what: 'later' });
    db.close();
    const restored = await restoreDatabase(file, path);
    expect(restored).toMatchObject({ file: path, from: file, rows: report.rows, previous: expect.stringMatching(/test\.duckdb\.before-restore-\d{8}T\d{6}Z$/) });
    expect(existsSync(restored.previous!)).toBe(true);
    db = await Database.open(path);
    expect(await contents(db)).toEqual(before);
    // the audit log's sequence goes on from where the backup had it
    await audit(db, { who: 'admin', action: 'export', what: 'after restore' });
    const ids = (await db.query<{ audit_id: number }>('SELECT audit_id FROM audit_log ORDER BY audit_id')).map((r) => Number(r.audit_id));
    expect(new Set(ids).size).toBe(ids.length);
    // the database it replaced is kept whole
    const old = await Database.openReadOnly(restored.previous!);
    expect((await old.query("SELECT appeal_id FROM appeals ORDER BY appeal_id")).map((r) => r.appeal_id)).toEqual(['B2']);
    old.close();
  });

  it('is one snapshot: an import committing meanwhile is in it whole or not at all', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `C${i},2025/6/1 9:00,东城区,第${i}号井盖缺失,东城区城管局`);
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, ['工单编号,来电时间,所属区县,诉求内容,承办单位', ...rows].join('\n'));
    const aside = await db.connect();
    try {
      const file = join(dir, 'during.duckdb');
      const [backup] = await Promise.all([backupDatabase(aside, file), importFile(db, csv)]);
      const copy = await Database.openReadOnly(file);
      const [n] = await copy.query<{ appeals: number; runs: number }>('SELECT (SELECT count(*) FROM appeals)::INTEGER AS appeals, (SELECT count(*) FROM import_runs)::INTEGER AS runs');
      copy.close();
      expect([{ appeals: 2, runs: 1 }, { appeals: 20_002, runs: 2 }]).toContainEqual(n);
      expect(backup.rows).toBeGreaterThan(0);
    } finally {
      aside.close();
    }
  });

  it('never replaces an existing file and leaves nothing behind when refused', async () => {
    const file = join(dir, 'taken.duckdb');
    writeFileSync(file, 'mine');
    await expect(backupDatabase(db, file)).rejects.toThrow(BackupError);
    expect(readdirSync(dir).filter((f) => f.includes('taken'))).toEqual(['taken.duckdb']);
    // two at once: both written, one after the other
    const [a, b] = await Promise.all([backupDatabase(db, join(dir, 'a.duckdb')), backupDatabase(db, join(dir, 'b.duckdb'))]);
    expect(a.rows).toBe(b.rows);
  });

  it('refuses to restore what is not a backup of ours, or is newer, or while the database is in use', async () => {
    const text = join(dir, 'notes.duckdb');
    writeFileSync(text, 'not a database');
    await expect(restoreDatabase(text, path)).rejects.toThrow(/is not a DuckDB database/);
    await expect(restoreDatabase(join(dir, 'missing.duckdb'), path)).rejects.toThrow(/missing\.duckdb: no such file/);
    const empty = join(dir, 'empty.duckdb');
    // a DuckDB file of someone else's
    (await DuckDBInstance.create(empty)).closeSync();
    await expect(restoreDatabase(empty, path)).rejects.toThrow(/is not a Linkage Insight database: it has no schema migrations/);

    const newer = join(dir, 'newer.duckdb');
    await backupDatabase(db, newer);
    const n = await Database.open(newer);
    await n.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')");
    n.close();
    await expect(restoreDatabase(newer, path)).rejects.toThrow(/made by a newer version of Linkage Insight \(schema 999; this one knows up to \d+\)/);

    const good = join(dir, 'good.duckdb');
    await backupDatabase(db, good);
    db.close();
    // another process holds the database open, as the server would
    const holder = spawn(process.execPath, ['--input-type=module', '-e', "import { DuckDBInstance } from '@duckdb/node-api'; await DuckDBInstance.create(process.argv[1]); console.log('open'); setInterval(() => {}, 1000);", path], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await once(holder.stdout!, 'data');
      await expect(restoreDatabase(good, path)).rejects.toThrow(/is in use by another process \(is the server running\?\): stop it first/);
    } finally {
      holder.kill();
      await once(holder, 'exit');
    }
    // nothing moved
    expect(readdirSync(dir).filter((f) => f.startsWith('test.duckdb'))).toEqual(['test.duckdb']);
    db = await Database.open(path);
  });

  it('puts the database back when the restored copy cannot be opened', async () => {
    // a backup that passes the check but whose migrations fail: it says only the first was applied
    const broken = join(dir, 'broken.duckdb');
    await backupDatabase(db, broken);
    const b = await Database.open(broken);
    await b.query('DELETE FROM schema_migrations WHERE version > 1');
    b.close();
    const before = await contents(db);
    db.close();
    await expect(restoreDatabase(broken, path)).rejects.toThrow(/^the restored copy could not be opened \(.*already exists.*\): the database was put back as it was$/);
    expect(readdirSync(dir).filter((f) => f.startsWith('test.duckdb'))).toEqual(['test.duckdb']);
    db = await Database.open(path);
    expect(await contents(db)).toEqual(before);
  });
});
