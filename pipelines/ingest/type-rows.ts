import type { Database } from '../db/database.js';
import { TARGET_TABLE } from './fields.js';
import type { Staged } from './readers/staged.js';
import type { Kind } from './types.js';

function isCsvError(err: unknown): boolean {
  return err instanceof Error && err.message.includes('CSV Error');
}

/**
 * Runs `fn` over the staged rows. If the file was staged in place and DuckDB cannot split one of
 * its rows, the file is staged again with its rejects kept, and `fn` runs over that.
 */
export async function withSplitRows<T>(staged: Staged, fn: (staged: Staged) => Promise<T>): Promise<T> {
  try {
    return await fn(staged);
  } catch (err) {
    if (!staged.restage || !isCsvError(err)) throw err;
    return fn(await staged.restage());
  }
}

/**
 * Checks and types the staged rows into the temp table `typed` (sql/ingest/typed_*.sql), through
 * the view `mapped` (`select`: the mapping's select list). Rows staged in place are typed straight
 * from the file, on every core, and numbered afterwards.
 */
export async function typeRows(db: Database, staged: Staged, kind: Kind, select: string): Promise<void> {
  const table = TARGET_TABLE[kind];
  // Transfers without a sequence column are numbered by time, then file row, while being typed.
  const start = staged.restage && table === 'transfers' ? await staged.restage() : staged;
  return withSplitRows(start, async (s) => {
    await db.exec(`CREATE OR REPLACE TEMP VIEW mapped AS SELECT ${select} FROM ${s.restage ? 'staged_rows' : 'staged'}`);
    await db.run(table === 'appeals' ? 'ingest/typed_appeals' : 'ingest/typed_transfers');
    if (s.restage) await db.run('ingest/number_typed_rows');
  });
}
