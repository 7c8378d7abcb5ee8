import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { deleteExport, listExports } from '../../../pipelines/export/earlier-exports.js';
import { ExportError } from '../../../pipelines/export/output-dir.js';
import { exportParquet } from '../../../pipelines/export/parquet.js';
import { tempDb } from '../../helpers/temp-db.js';
import { insertAppeals } from '../disputes/fixture.js';

function bytesUnder(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((s, e) => s + statSync(join(e.parentPath, e.name)).size, 0);
}

describe('earlier exports in the folder of exports', () => {
  let db: Database;
  let dir: string;
  let cleanup: () => void;
  let exports: string;

  beforeEach(async () => {
    ({ db, dir, cleanup } = await tempDb());
    await insertAppeals(db, [
      { id: 'A1', at: '2025-01-10 09:00', district: '东城区' },
      { id: 'A2', at: '2025-02-10 09:00', district: '西城区' },
    ]);
    exports = join(dir, 'exports');
    await exportParquet(db, join(exports, 'parquet-1'));
    await exportParquet(db, join(exports, 'parquet-2'), { from: '2025-02-01' });
    // what else may lie there: a folder of notes, another tool's manifest, a broken one, a file
    mkdirSync(join(exports, 'notes'));
    writeFileSync(join(exports, 'notes', 'readme.txt'), 'keep');
    mkdirSync(join(exports, 'other'));
    writeFileSync(join(exports, 'other', '_manifest.json'), '{"product": "another tool", "exportedAt": "2030-01-01"}');
    mkdirSync(join(exports, 'broken'));
    writeFileSync(join(exports, 'broken', '_manifest.json'), '{"product": ');
    writeFileSync(join(exports, 'loose.parquet'), 'x');
  });
  afterEach(() => cleanup());

  it('lists our exports only, newest first, with their window, appeals and size', async () => {
    const list = await listExports(exports);
    expect(list.map((e) => [e.name, e.from, e.to, e.appeals])).toEqual([
      ['parquet-2', '2025-02-01', null, 1],
      ['parquet-1', null, null, 2],
    ]);
    for (const e of list) expect(e.bytes).toBe(bytesUnder(join(exports, e.name)));
    expect(list[0].exportedAt >= list[1].exportedAt).toBe(true);
    expect(await listExports(join(dir, 'none yet'))).toEqual([]);
  });

  it('deletes one export by its name and refuses anything else', async () => {
    for (const name of ['notes', 'other', 'broken', 'loose.parquet', '..', '.', 'parquet-1/..', '../exports/parquet-1', join(exports, 'parquet-1'), '']) {
      await expect(deleteExport(exports, name), name).rejects.toThrow(ExportError);
    }
    const gone = await deleteExport(exports, 'parquet-1');
    expect(gone.name).toBe('parquet-1');
    expect(readdirSync(exports).sort()).toEqual(['broken', 'loose.parquet', 'notes', 'other', 'parquet-2']);
    expect(existsSync(join(exports, 'notes', 'readme.txt'))).toBe(true);
    await expect(deleteExport(exports, 'parquet-1')).rejects.toThrow("no export named 'parquet-1'");
  });
});
