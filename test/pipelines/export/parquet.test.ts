import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { ensureSignals } from '../../../pipelines/disputes/signals.js';
import { ExportError } from '../../../pipelines/export/output-dir.js';
import { EXPORT_TABLES, exportParquet, recordParquetExport } from '../../../pipelines/export/parquet.js';
import { importFile } from '../../../pipelines/ingest/index.js';
import { tempDb } from '../../helpers/temp-db.js';
import { insertAppeals, insertTransfers } from '../disputes/fixture.js';

/** Rows of one exported table as DuckDB reads the folder, partition values from the folder names. */
function readBack(db: Database, dir: string, table: string, columns: string): Promise<Record<string, unknown>[]> {
  return db.query(`SELECT ${columns} FROM read_parquet('${join(dir, table)}/**/*.parquet', hive_partitioning = true, union_by_name = true) ORDER BY ALL`);
}

/** Partition folders of one table, as district/month paths. */
function partitions(dir: string, table: string): string[] {
  return readdirSync(join(dir, table)).flatMap((d) => readdirSync(join(dir, table, d)).map((m) => `${d}/${m}`)).sort();
}

describe('exportParquet', () => {
  let db: Database;
  let dir: string;
  let cleanup: () => void;

  beforeEach(async () => {
    ({ db, dir, cleanup } = await tempDb());
    await insertAppeals(db, [
      { id: 'A1', at: '2025-01-31 23:30', district: '东城区', topic: 1, handling: '东城区城管局' },
      { id: 'A2', at: '2025-02-01 00:30', district: '东城区', topic: 1 },
      { id: 'A3', at: '2025-02-10 09:00', district: '新区/开发区=一期', topic: 2 },
      { id: 'A4', at: '2025-02-11 09:00', district: null },
      { id: 'P1', platform: '110', at: '2025-03-02 10:00', district: '西城区', police: false },
    ]);
    await insertTransfers(db, [
      { id: 'A1', seq: 1, from: '12345', to: '东城区城管局', sent: '2025-01-31 23:40', accepted: '2025-02-01 08:00' },
      { id: 'A3', seq: 1, from: '12345', to: '新区住建局', sent: '2025-02-10 09:10', outcome: 'returned', reason: '不属于我单位职责' },
      // a transfer whose appeal was never loaded: placed by the month it was sent
      { id: 'GONE', seq: 1, from: '12345', to: '西城区水务局', sent: '2025-03-05 10:00' },
    ]);
    await db.query("INSERT INTO units VALUES ('东城区城管局', '城管', '东城区', 'inferred')");
    await db.query("UPDATE topics SET label = '张先生 13912345678 反映路灯' WHERE topic_id = 2");
    await ensureSignals(db);
  });
  afterEach(() => cleanup());

  it('writes every table, record tables partitioned by district and local month, and reads back as stored', async () => {
    const out = join(dir, 'lake');
    const report = await exportParquet(db, out);
    await recordParquetExport(db, report, 'tester');

    // partitions: local month of receipt (A1 is 31 January in Beijing, 15:30 UTC), Chinese names as
    // they are, Hive's escapes for / and =, the NULL folder for no district
    expect(partitions(out, 'appeals')).toEqual([
      'district=__HIVE_DEFAULT_PARTITION__/month=2025-02',
      'district=东城区/month=2025-01',
      'district=东城区/month=2025-02',
      'district=新区%2F开发区%3D一期/month=2025-02',
      'district=西城区/month=2025-03',
    ]);
    // each record table holds exactly what the database holds
    const stored = await db.query("SELECT platform, appeal_id, content, district, strftime(received_at, '%Y-%m') AS month FROM appeals ORDER BY ALL");
    expect(await readBack(db, out, 'appeals', 'platform, appeal_id, content, district, month')).toEqual(stored);
    expect(await readBack(db, out, 'transfers', 'appeal_id, seq, to_party, district, month')).toEqual([
      { appeal_id: 'A1', seq: 1, to_party: '东城区城管局', district: '东城区', month: '2025-01' },
      { appeal_id: 'A3', seq: 1, to_party: '新区住建局', district: '新区/开发区=一期', month: '2025-02' },
      { appeal_id: 'GONE', seq: 1, to_party: '西城区水务局', district: null, month: '2025-03' },
    ]);
    expect(await readBack(db, out, 'appeal_topics', 'appeal_id, topic_id, district, month')).toEqual([
      { appeal_id: 'A1', topic_id: 1, district: '东城区', month: '2025-01' },
      { appeal_id: 'A2', topic_id: 1, district: '东城区', month: '2025-02' },
      { appeal_id: 'A3', topic_id: 2, district: '新区/开发区=一期', month: '2025-02' },
    ]);
    const signals = await db.query('SELECT appeal_id, functional_returns, signal_count FROM appeal_signals ORDER BY ALL');
    expect(signals.length).toBe(5);
    expect(await readBack(db, out, 'appeal_signals', 'appeal_id, functional_returns, signal_count')).toEqual(signals);
    // units: the one set by hand and the two resolved while the signals were built
    const units = await db.query('SELECT name, kind, district FROM units ORDER BY ALL');
    expect(units.length).toBe(3);
    expect(await readBack(db, out, 'units', 'name, kind, district')).toEqual(units);
    // a label a person typed is masked again
    const labels = (await readBack(db, out, 'topics', 'topic_id, label')).map((r) => r.label as string);
    expect(labels[0]).toBe('topic 1');
    expect(labels[1]).not.toContain('13912345678');
    expect(labels[1]).not.toContain('张先生');

    // the report and the manifest agree with what was written
    const manifest = JSON.parse(readFileSync(join(out, '_manifest.json'), 'utf8'));
    expect(report.tables.map((t) => t.name)).toEqual(EXPORT_TABLES.map((t) => t.name));
    for (const t of report.tables) {
      expect(manifest.tables[t.name].rows).toBe(t.rows);
      expect(t.files).toBe(t.partitionedBy.length ? partitions(out, t.name).length : 1);
    }
    expect(Object.fromEntries(report.tables.map((t) => [t.name, t.rows]))).toEqual({
      appeals: 5, transfers: 3, appeal_topics: 3, appeal_signals: 5, units: 3, topics: 2, topic_terms: 0,
    });
    expect(manifest.tables.appeals.columns).toContainEqual({ name: 'received_at', type: 'TIMESTAMP WITH TIME ZONE' });
    expect(manifest).toMatchObject({ timeZone: 'Asia/Shanghai', window: { from: null, to: null } });

    // recorded in the audit log with who and how much
    const [entry] = await db.query<{ who: string; what: string; details: string }>("SELECT who, what, details::VARCHAR AS details FROM audit_log WHERE action = 'export'");
    expect(entry).toMatchObject({ who: 'tester', what: 'parquet' });
    expect(JSON.parse(entry.details).rows).toMatchObject({ appeals: 5, transfers: 3 });
    // nothing is left beside the export, nor on the connection
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
    expect(await db.query("SELECT view_name FROM duckdb_views() WHERE view_name LIKE 'export%' UNION ALL SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'export%'")).toEqual([]);
  });

  it('writes files the importer reads back as they were stored', async () => {
    const out = join(dir, 'lake');
    await exportParquet(db, out);
    const other = await tempDb();
    try {
      const file = join(out, 'appeals', 'district=东城区', 'month=2025-02', 'data_0.parquet');
      expect(await importFile(other.db, file)).toMatchObject({ rowsRead: 1, inserted: 1, rejected: 0, preset: null });
      const cols = 'platform, appeal_id, received_at, district, content, handling_unit';
      expect(await other.db.query(`SELECT ${cols} FROM appeals`)).toEqual(await db.query(`SELECT ${cols} FROM appeals WHERE appeal_id = 'A2'`));
    } finally {
      other.cleanup();
    }
  });

  it('exports one window: the appeals received in it (local dates) with their records', async () => {
    const out = join(dir, 'feb');
    const report = await exportParquet(db, out, { from: '2025-02-01', to: '2025-03-05' });
    expect((await readBack(db, out, 'appeals', 'appeal_id')).map((r) => r.appeal_id)).toEqual(['A2', 'A3', 'A4', 'P1']);
    expect((await readBack(db, out, 'transfers', 'appeal_id')).map((r) => r.appeal_id)).toEqual(['A3', 'GONE']);
    expect((await readBack(db, out, 'appeal_topics', 'appeal_id')).map((r) => r.appeal_id)).toEqual(['A2', 'A3']);
    expect(report).toMatchObject({ from: '2025-02-01', to: '2025-03-05' });

    // a window with no appeals gives empty table folders, not missing ones
    const empty = await exportParquet(db, join(dir, 'none'), { from: '2030-01-01' });
    expect(empty.tables.find((t) => t.name === 'appeals')).toMatchObject({ rows: 0, files: 0 });
    expect(readdirSync(join(dir, 'none', 'appeals'))).toEqual([]);
  });

  it('never deletes what is not an earlier export, and replaces an earlier one only when asked', async () => {
    const mine = join(dir, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'keep me');
    await expect(exportParquet(db, mine, { overwrite: true })).rejects.toThrow(/not empty and holds no earlier export/);
    expect(readFileSync(join(mine, 'notes.txt'), 'utf8')).toBe('keep me');
    await expect(exportParquet(db, join(mine, 'notes.txt'), {})).rejects.toThrow(/is a file/);

    const out = join(dir, 'lake');
    await exportParquet(db, out);
    await expect(exportParquet(db, out)).rejects.toThrow(/pass --overwrite/);

    // the replacement holds only the new export: March's partition is gone
    await exportParquet(db, out, { to: '2025-02-28', overwrite: true });
    expect(partitions(out, 'appeals')).not.toContain('district=西城区/month=2025-03');
    expect(JSON.parse(readFileSync(join(out, '_manifest.json'), 'utf8')).window).toEqual({ from: null, to: '2025-02-28' });
  });

  it('leaves an earlier export as it was when a new one fails, and rejects bad dates before writing', async () => {
    const out = join(dir, 'lake');
    await exportParquet(db, out);
    const before = readFileSync(join(out, '_manifest.json'), 'utf8');

    await db.query('ALTER TABLE topic_terms RENAME TO topic_terms_gone');
    await expect(exportParquet(db, out, { overwrite: true })).rejects.toThrow(/topic_terms/);
    expect(readFileSync(join(out, '_manifest.json'), 'utf8')).toBe(before);
    expect(partitions(out, 'appeals')).toContain('district=西城区/month=2025-03');
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);

    await expect(exportParquet(db, join(dir, 'bad'), { from: '2025-02-30' })).rejects.toThrow(ExportError);
    await expect(exportParquet(db, join(dir, 'bad'), { from: '2025-03-01', to: '2025-02-01' })).rejects.toThrow(/after/);
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  });
});
