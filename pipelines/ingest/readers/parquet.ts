import type { Database } from '../../db/database.js';
import { ImportError } from '../errors.js';
import { literal } from '../../db/sql-quote.js';
import type { Staged } from './staged.js';

/** Stages a Parquet file as `staged`, every column cast to VARCHAR, rows numbered from 1. */
export async function stageParquet(db: Database, path: string): Promise<Staged> {
  try {
    await db.exec(`CREATE OR REPLACE TEMP TABLE staged_raw AS SELECT COLUMNS(*)::VARCHAR FROM read_parquet(${literal(path)})`);
  } catch (err) {
    throw new ImportError(`cannot read the Parquet file: ${(err as Error).message.split('\n')[0]}`);
  }
  await db.run('ingest/no_staged_errors');
  await db.run('ingest/stage_view_numbered');
  const headers = (await db.all<{ name: string }>('ingest/staged_columns')).map((r) => r.name);
  return { headers, headerRow: 0 };
}
