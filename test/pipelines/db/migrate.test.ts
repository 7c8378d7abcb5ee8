import { writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../pipelines/db/database.js';
import { migrationFiles, sqlText } from '../../../pipelines/db/sql-files.js';
import { importFile, undoImport } from '../../../pipelines/ingest/index.js';
import { tempDir } from '../../helpers/temp-db.js';

describe('migrations', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('applies every migration once and keeps data across reopen', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const path = `${t.dir}/m.duckdb`;
    const first = await Database.open(path);
    const versions = (await first.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version);
    expect(versions).toEqual(migrationFiles().map((m) => m.version));
    const salt = (await first.query<{ value: string }>("SELECT value FROM settings WHERE key = 'caller_salt'"))[0].value;
    first.close();

    const second = await Database.open(path);
    const again = (await second.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM schema_migrations'))[0].n;
    const salt2 = (await second.query<{ value: string }>("SELECT value FROM settings WHERE key = 'caller_salt'"))[0].value;
    second.close();
    expect(again).toBe(versions.length);
    expect(salt2).toBe(salt);
    expect(salt).toMatch(/^[0-9a-f]{32}$/);
  });

  it('brings a database that holds data, made by the first migration, up to date', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const path = `${t.dir}/old.duckdb`;
    // a database as the first version left it, with an import's run, records and a reject
    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    const [first] = migrationFiles();
    await c.run(sqlText('db/schema_migrations'));
    await c.run(first.text);
    await c.run(`INSERT INTO schema_migrations (version, name) VALUES (${first.version}, '${first.name}')`);
    await c.run(`INSERT INTO import_runs (import_id, kind, source_file, started_at, status, rows_read, inserted) VALUES (nextval('import_id_seq'), 'appeals', 'old.csv', now(), 'done', 1, 1)`);
    await c.run(`INSERT INTO appeals (platform, appeal_id, received_at, content, row_hash, import_id, source_file, source_row, loaded_at)
                 VALUES ('12345', 'OLD1', TIMESTAMPTZ '2024-05-01 08:00:00+08', '路灯不亮', 'h', 1, 'old.csv', 2, now())`);
    await c.run(`INSERT INTO transfers (platform, appeal_id, seq, from_party, to_party, method, sent_at, outcome, row_hash, import_id, source_file, source_row, loaded_at)
                 VALUES ('12345', 'OLD1', 1, '12345', '城管局', 'dispatch', TIMESTAMPTZ '2024-05-01 08:05:00+08', 'pending', 'h', 1, 'old.csv', 2, now())`);
    await c.run(`INSERT INTO rejects (import_id, source_file, source_row, raw, reason) VALUES (1, 'old.csv', 3, '{}', 'not a date')`);
    c.closeSync();
    instance.closeSync();

    const db = await Database.open(path);
    try {
      expect((await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version)).toEqual(migrationFiles().map((m) => m.version));
      expect(await db.query('SELECT appeal_id FROM appeals')).toEqual([{ appeal_id: 'OLD1' }]);
      expect(await db.query('SELECT count(*)::INTEGER AS n FROM rejects')).toEqual([{ n: 1 }]);
      // and it works as a new one: an import, and its undo
      const file = `${t.dir}/new.csv`;
      writeFileSync(file, '工单编号,来电时间,诉求内容\nNEW1,2025-05-16 08:00:00,井盖缺失\n');
      const report = await importFile(db, file);
      expect(report).toMatchObject({ inserted: 1 });
      await undoImport(db, report.importId, 'tester');
      expect(await db.query('SELECT appeal_id FROM appeals')).toEqual([{ appeal_id: 'OLD1' }]);
    } finally {
      db.close();
    }
  });
});
