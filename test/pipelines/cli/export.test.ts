import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDb } from '../../helpers/temp-db.js';
import { insertAppeals } from '../disputes/fixture.js';
import { cli } from '../../helpers/cli.js';

describe('npm run pipeline -- export', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('writes the Parquet export, says what it wrote, and refuses to overwrite without --overwrite', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    await insertAppeals(t.db, [
      { id: 'A1', at: '2025-01-10 09:00', district: '东城区' },
      { id: 'A2', at: '2025-02-10 09:00', district: '西城区' },
    ]);
    t.db.close();
    const out = join(t.dir, 'lake');

    const { stdout } = await cli(['export', '--out', out, '--by', 'analyst', '--db', t.path]);
    expect(stdout).toMatch(/appeals\s+2 rows\s+2 files/);
    expect(readdirSync(join(out, 'appeals')).sort()).toEqual(['district=东城区', 'district=西城区']);

    const again = await cli(['export', '--out', out, '--db', t.path]).catch((e) => e);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`error: ${out} holds an earlier export: pass --overwrite to replace it\n`);

    const json = JSON.parse((await cli(['export', '--out', out, '--overwrite', '--from', '2025-02-01', '--json', '--db', t.path])).stdout);
    expect(json.tables.find((x: { name: string }) => x.name === 'appeals')).toMatchObject({ rows: 1, files: 1 });

    const bad = await cli(['export', '--out', join(t.dir, 'x'), '--from', '2025-13-01', '--db', t.path]).catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("error: from '2025-13-01' is not a calendar date\n");
    expect((await cli(['export', '--db', t.path]).catch((e) => e)).stderr).toContain('--out is required');
  });
});
