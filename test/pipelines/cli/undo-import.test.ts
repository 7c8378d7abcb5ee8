import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-db.js';
import { cli } from '../../helpers/cli.js';

describe('npm run pipeline -- imports / undo-import / prune-kept-versions', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('says what undoing would do, undoes an import, and refuses an older one while a later import that changed its records stands', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const db = join(t.dir, 'cli.duckdb');
    const head = '工单号,受理时间,问题描述,状态';
    writeFileSync(join(t.dir, 'a.csv'), `${head}\nA1,2025-05-16 08:00:00,路灯不亮,办理中\n`);
    writeFileSync(join(t.dir, 'b.csv'), `${head}\nA1,2025-05-16 08:00:00,路灯不亮,已办结\nA2,2025-05-17 08:00:00,井盖缺失,办理中\n`);
    const first = JSON.parse((await cli(['import', join(t.dir, 'a.csv'), '--json', '--db', db])).stdout);
    const second = JSON.parse((await cli(['import', join(t.dir, 'b.csv'), '--json', '--db', db])).stdout);

    const older = await cli(['undo-import', String(first.importId), '--db', db]).catch((e) => e);
    expect(older.code).toBe(2);
    expect(older.stderr).toBe(`error: import #${second.importId} (b.csv) came later and changed records this import wrote: undo it first\n`);

    expect((await cli(['undo-import', String(second.importId), '--dry-run', '--db', db])).stdout).toBe(
      `undoing import #${second.importId} (b.csv) would remove 1 row and restore 1 earlier version\n`,
    );
    expect(JSON.parse((await cli(['undo-import', String(second.importId), '--json', '--by', 'officer', '--db', db])).stdout)).toEqual({
      importId: second.importId, sourceFile: 'b.csv', removed: 1, restored: 1,
    });
    expect(JSON.parse((await cli(['status', '--json', '--db', db])).stdout)).toMatchObject({ appeals: 1, appeals_replaced: 0 });
    // the import list gives the ids, newest first, and says which was undone by whom
    const runs = JSON.parse((await cli(['imports', '--json', '--db', db])).stdout);
    expect(runs.map((r: { import_id: number; status: string; undone_by: string | null }) => [r.import_id, r.status, r.undone_by])).toEqual([
      [second.importId, 'undone', 'officer'],
      [first.importId, 'done', null],
    ]);
    expect((await cli(['imports', '--limit', '1', '--db', db])).stdout).toMatch(
      new RegExp(`^#${second.importId}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  appeals  b\\.csv  undone \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d by officer\n    read 2: 1 new, 1 updated, 0 unchanged, 0 rejected\n\\(1 older; --limit to see more\\)\n$`),
    );
    expect((await cli(['undo-import', 'x', '--db', db]).catch((e) => e)).stderr).toContain('usage: npm run pipeline -- undo-import <import id>');
  });

  it('clears the versions kept for imports older than a number of days, after saying what it would clear', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const db = join(t.dir, 'cli.duckdb');
    const head = '工单号,受理时间,问题描述,状态';
    writeFileSync(join(t.dir, 'a.csv'), `${head}\nA1,2025-05-16 08:00:00,路灯不亮,办理中\n`);
    writeFileSync(join(t.dir, 'b.csv'), `${head}\nA1,2025-05-16 08:00:00,路灯不亮,已办结\n`);
    await cli(['import', join(t.dir, 'a.csv'), '--db', db]);
    const second = JSON.parse((await cli(['import', join(t.dir, 'b.csv'), '--json', '--db', db])).stdout);

    expect((await cli(['prune-kept-versions', '--older-than', '30', '--db', db])).stdout).toBe('no import started more than 30 days ago: nothing cleared\n');
    expect((await cli(['prune-kept-versions', '--older-than', '0', '--dry-run', '--db', db])).stdout).toBe(
      `would clear 1 appeal and 0 transfer versions kept for imports up to #${second.importId}; 2 imports can no longer be undone\n`,
    );
    expect(JSON.parse((await cli(['prune-kept-versions', '--older-than', '0', '--json', '--by', 'admin', '--db', db])).stdout)).toMatchObject({
      upTo: second.importId, imports: 2, appeals: 1, transfers: 0, pruned: true,
    });
    expect(JSON.parse((await cli(['status', '--json', '--db', db])).stdout)).toMatchObject({ appeals: 1, appeals_replaced: 0, replaced_prunes: 1 });
    const refused = await cli(['undo-import', String(second.importId), '--db', db]).catch((e) => e);
    expect(refused.stderr).toMatch(/^error: the earlier versions kept to undo imports up to #\d+ were cleared \(.+ by admin\): import #\d+ cannot be undone\n$/);
    expect((await cli(['prune-kept-versions', '--older-than', 'soon', '--db', db]).catch((e) => e)).stderr).toContain('usage: npm run pipeline -- prune-kept-versions --older-than DAYS');
  });
});
