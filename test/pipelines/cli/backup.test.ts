import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-db.js';
import { cli } from '../../helpers/cli.js';

describe('npm run pipeline -- backup / restore', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('backs the database up, restores it over later changes, and refuses what it cannot do', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const db = join(t.dir, 'cli.duckdb');
    const head = '工单号,受理时间,问题描述';
    writeFileSync(join(t.dir, 'a.csv'), `${head}\nA1,2025-05-16 08:00:00,路灯不亮\n`);
    writeFileSync(join(t.dir, 'b.csv'), `${head}\nA2,2025-05-17 08:00:00,井盖缺失\n`);
    await cli(['import', join(t.dir, 'a.csv'), '--db', db]);
    const backup = join(t.dir, 'saved.duckdb');
    expect((await cli(['backup', '--out', backup, '--db', db])).stdout).toMatch(
      new RegExp(`^backed up [\\d,]+ rows in \\d+ tables to ${backup.replaceAll('.', '\\.')} \\([\\d.]+ MB, [\\d.]+ s\\)\\n$`),
    );
    await cli(['import', join(t.dir, 'b.csv'), '--db', db]);
    expect(JSON.parse((await cli(['status', '--json', '--db', db])).stdout).appeals).toBe(2);

    const again = await cli(['backup', '--out', backup, '--db', db]).catch((e) => e);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`error: ${backup} exists already: choose a new file\n`);

    expect((await cli(['restore', '--from', backup, '--dry-run', '--db', db])).stdout).toMatch(new RegExp(`^${backup.replaceAll('.', '\\.')} is a backup of schema \\d+: [\\d,]+ rows in \\d+ tables; nothing was changed\\n$`));
    expect(JSON.parse((await cli(['status', '--json', '--db', db])).stdout).appeals).toBe(2);
    const restored = JSON.parse((await cli(['restore', '--from', backup, '--db', db, '--json'])).stdout);
    expect(restored).toMatchObject({ file: db, from: backup, previous: expect.stringContaining('cli.duckdb.before-restore-') });
    expect(JSON.parse((await cli(['status', '--json', '--db', db])).stdout)).toMatchObject({ appeals: 1, import_runs: 1 });
    // the replaced database is kept, with both imports
    expect(JSON.parse((await cli(['status', '--json', '--db', restored.previous])).stdout).appeals).toBe(2);

    expect((await cli(['restore', '--from', join(t.dir, 'a.csv'), '--db', db]).catch((e) => e)).stderr).toMatch(/^error: .*a\.csv is not a DuckDB database/);
    expect((await cli(['backup', '--db', db]).catch((e) => e)).stderr).toContain('usage: npm run pipeline -- backup --out FILE');
  });
});
