import { parse } from 'csv-parse/sync';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../pipelines/db/database.js';
import { tempDir } from '../../helpers/temp-db.js';
import { cli } from '../../helpers/cli.js';

describe('npm run pipeline -- import / rejects / status', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('imports with --json, saves the inferred mapping, lists rejects and counts tables', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const db = join(t.dir, 'cli.duckdb');
    const file = join(t.dir, 'wo.csv');
    writeFileSync(file, '工单号,受理时间,问题描述\nA1,2025-05-16 08:00:00,路灯不亮\nA2,2025-02-30 08:00:00,井盖缺失\n');

    const saved = join(t.dir, 'mapping.json');
    await cli(['import', file, '--save-mapping', saved, '--dry-run', '--db', db]);
    const mapping = JSON.parse(readFileSync(saved, 'utf8'));
    expect(mapping.fields).toEqual({ appeal_id: '工单号', received_at: '受理时间', content: '问题描述' });

    // a dry run says what the import would do, and writes nothing
    const dry = JSON.parse((await cli(['import', file, '--dry-run', '--json', '--db', db])).stdout);
    expect(dry.check).toMatchObject({ rowsRead: 2, inserted: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(dry.check.rejectReasons).toEqual([{ reason: '受理时间 … is not a date', count: 1, data: { code: 'not_a_date', label: '受理时间', label2: null } }]);
    expect(JSON.parse((await cli(['status', '--json', '--db', db])).stdout)).toMatchObject({ appeals: 0, import_runs: 0 });

    const { stdout } = await cli(['import', file, '--mapping', saved, '--json', '--db', db]);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ rowsRead: 2, inserted: 1, rejected: 1 });
    // the same file again: the dry run says it was imported before
    expect((await cli(['import', file, '--dry-run', '--db', db])).stdout).toContain(`note: this file was imported before, by import #${report.importId} (wo.csv, `);

    const rejects = JSON.parse((await cli(['rejects', '--import', String(report.importId), '--json', '--db', db])).stdout);
    expect(rejects).toEqual([expect.objectContaining({ source_row: 3, reason: "受理时间 '2025-02-30 08:00:00' is not a date" })]);

    const listed = (await cli(['rejects', '--import', String(report.importId), '--db', db])).stdout;
    expect(listed).toContain("wo.csv:3  受理时间 '2025-02-30 08:00:00' is not a date\n    工单号: A2 · 受理时间: 2025-02-30 08:00:00 · 问题描述: 井盖缺失");

    // the rejects as a CSV to fix: the file's columns, the reason as stored
    const out = join(t.dir, 'rejects.csv');
    expect((await cli(['rejects', '--import', String(report.importId), '--csv', out, '--db', db])).stdout).toContain(`1 rejected rows of import #${report.importId} written to`);
    expect(parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''))).toEqual([
      ['row', 'reason', '工单号', '受理时间', '问题描述'],
      ['3', "受理时间 '2025-02-30 08:00:00' is not a date", 'A2', '2025-02-30 08:00:00', '井盖缺失'],
    ]);
    expect((await cli(['rejects', '--csv', out, '--db', db]).catch((e) => e)).code).toBe(2);

    const status = JSON.parse((await cli(['status', '--json', '--db', db])).stdout);
    expect(status).toMatchObject({ appeals: 1, rejects: 1, import_runs: 1 });
  }, 180_000);

  it('exits non-zero with a one-line message and no stack trace on a bad file', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = join(t.dir, 'empty.csv');
    writeFileSync(file, '');
    const err = await cli(['import', file, '--db', join(t.dir, 'x.duckdb')]).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr.trim()).toBe('error: the file is empty');
  }, 180_000);

  it('keeps an import whose follow-up work fails: the report, then the failure, exit 1', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const db = join(t.dir, 'cli.duckdb');
    const file = join(t.dir, 'wo.csv');
    writeFileSync(file, '工单号,受理时间,问题描述\nA1,2025-05-16 08:00:00,路灯不亮\n');
    const move = async (from: string, to: string) => {
      const d = await Database.open(db);
      await d.exec(`ALTER TABLE ${from} RENAME TO ${to}`);
      d.close();
    };
    await move('topics', 'topics_away');
    const err = await cli(['import', file, '--db', db]).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stdout).toMatch(/inserted\s+1\n/);
    expect(err.stderr.trim()).toMatch(/^error: import #1 is in, but updating units, topics and signals failed: .*topics.*The next import that changes data does it again\.$/s);
    await move('topics_away', 'topics');
    const status = JSON.parse((await cli(['status', '--json', '--db', db])).stdout);
    expect(status).toMatchObject({ appeals: 1, import_runs: 1 });
  }, 180_000);

  it('refuses unknown options with usage', async () => {
    const err = await cli(['import', 'x.csv', '--frobnicate']).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toContain("Unknown option '--frobnicate'");
    expect(err.stderr).toContain('usage: npm run pipeline -- import <file>');
  }, 180_000);
});
