import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../pipelines/db/database.js';

/** A fresh DuckDB file in its own temporary folder; `cleanup` closes and deletes it. */
export async function tempDb(): Promise<{ db: Database; dir: string; path: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'linkage-test-'));
  const path = join(dir, 'test.duckdb');
  const db = await Database.open(path);
  return {
    db,
    dir,
    path,
    cleanup: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A temporary folder for files a test writes. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'linkage-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
