import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../pipelines/db/database.js';
import { ROOT } from '../../../pipelines/config.js';
import { importFile } from '../../../pipelines/ingest/index.js';
import { writeSyntheticWorkOrders } from '../../bench/synthetic-export.js';
import { tempDir } from '../../helpers/temp-db.js';

const ROWS = 400_000;

function runCli(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'pipelines/cli.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('an import killed mid-way', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('leaves the database as it was, and a re-run loads each row once', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const dbPath = join(t.dir, 'crash.duckdb');
    const small = join(t.dir, 'small.csv');
    writeFileSync(small, '工单编号,来电时间,诉求内容\nS1,2025-01-01 08:00:00,路灯不亮\nS2,2025-01-02 08:00:00,井盖缺失\n');
    const big = join(t.dir, 'big.csv');
    await writeSyntheticWorkOrders(big, ROWS);

    const db = await Database.open(dbPath);
    await importFile(db, small);
    db.close();

    const child = runCli(['import', big, '--db', dbPath]);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let running = true;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => {
        running = false;
        resolve({ code, signal });
      }),
    );
    // Killed once the import has started writing rows into the file (inside its transaction), however
    // fast or slow the machine reads and checks them.
    const before = statSync(dbPath).size;
    while (running && statSync(dbPath).size < before + (1 << 20)) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    const { signal } = await exited;
    expect(signal, `the import finished before it could be killed: ${stderr}`).toBe('SIGKILL');

    const after = await Database.open(dbPath);
    const counts = async () => (await after.query<{ appeals: number; versions: number; runs: number }>(
      'SELECT (SELECT count(*) FROM appeals)::INTEGER AS appeals, (SELECT count(*) FROM appeal_versions)::INTEGER AS versions, (SELECT count(*) FROM import_runs)::INTEGER AS runs',
    ))[0];
    expect(await counts()).toEqual({ appeals: 2, versions: 0, runs: 1 });

    const report = await importFile(after, big);
    expect(report).toMatchObject({ rowsRead: ROWS, inserted: ROWS, rejected: 0 });
    expect(await counts()).toEqual({ appeals: ROWS + 2, versions: 0, runs: 2 });
    const dupes = await after.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM (SELECT platform, appeal_id FROM appeals GROUP BY ALL HAVING count(*) > 1)');
    expect(dupes[0].n).toBe(0);
    // Rows checked straight from the file, on several threads, still carry their own row numbers.
    const misnumbered = await after.query<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM appeals WHERE import_id = $1 AND appeal_id <> 'GD2025' || lpad((source_row - 2)::VARCHAR, 9, '0')",
      [report.importId],
    );
    expect(misnumbered[0].n).toBe(0);
    after.close();
  }, 180_000);
});
