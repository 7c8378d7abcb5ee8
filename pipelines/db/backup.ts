import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Database } from './database.js';
import { ident, literal } from './sql-quote.js';

/** A backup that cannot be written or restored as asked; the message is for the user as it is. */
export class BackupError extends Error {}

/** The file a backup was to be written to exists (or appeared while it was written). */
export class BackupTargetTaken extends BackupError {}

export interface BackupReport {
  file: string;
  bytes: number;
  tables: number;
  /** Rows in all tables, counted in the copy and found equal to the database's at the moment copied. */
  rows: number;
  ms: number;
}

/** The name the backup file is attached under while it is written: one backup at a time per process. */
const TARGET = 'linkage_backup_target';
let queue: Promise<unknown> = Promise.resolve();

export type TableRow = { schema_name: string; table_name: string };

/** Rows of every table of open or attached database `database`, in one statement, by `schema.table`. */
export async function rowCounts(db: Database, database: string, tables: TableRow[]): Promise<Map<string, number>> {
  if (!tables.length) return new Map();
  const parts = tables.map((t) => `SELECT ${literal(`${t.schema_name}.${t.table_name}`)} AS name, count(*)::BIGINT AS n FROM ${ident(database)}.${ident(t.schema_name)}.${ident(t.table_name)}`);
  const rows = await db.query<{ name: string; n: bigint | number }>(parts.join(' UNION ALL '));
  return new Map(rows.map((r) => [r.name, Number(r.n)]));
}

/**
 * Copies the whole database (tables, views, sequences) into a new DuckDB file `file`, as one
 * snapshot: writes that commit meanwhile are not in it, and do not wait for it. Inside the same
 * transaction every table's rows are counted in the copy and in the database, and must agree. The
 * file appears only when complete; an existing file is never replaced.
 */
export function backupDatabase(db: Database, file: string): Promise<BackupReport> {
  const run = queue.then(() => writeBackup(db, resolve(file)));
  queue = run.catch(() => undefined);
  return run;
}

async function writeBackup(db: Database, target: string): Promise<BackupReport> {
  if (existsSync(target)) throw new BackupTargetTaken(`${target} exists already: choose a new file`);
  const started = Date.now();
  await mkdir(dirname(target), { recursive: true });
  const partial = join(dirname(target), `.${basename(target)}.partial-${randomUUID()}`);
  const source = (await db.one<{ name: string }>('db/current_database'))!.name;
  await db.exec(`ATTACH ${literal(partial)} AS ${TARGET}`);
  let report: Omit<BackupReport, 'bytes' | 'ms'>;
  try {
    report = await db.transaction(async () => {
      await db.exec(`COPY FROM DATABASE ${ident(source)} TO ${TARGET}`);
      const tables = await db.all<TableRow>('db/database_tables', { database: source });
      const copied = await db.all<TableRow>('db/database_tables', { database: TARGET });
      const want = await rowCounts(db, source, tables);
      const got = await rowCounts(db, TARGET, copied);
      for (const [name, n] of want) {
        if (got.get(name) !== n) throw new BackupError(`the copy of table ${name} holds ${got.get(name) ?? 'no'} rows, not ${n}: the backup was not kept`);
      }
      return { file: target, tables: tables.length, rows: [...want.values()].reduce((a, b) => a + b, 0) };
    });
  } catch (err) {
    await db.exec(`DETACH ${TARGET}`).catch(() => undefined);
    await rm(partial, { force: true });
    throw err;
  }
  await db.exec(`DETACH ${TARGET}`);
  try {
    // a hard link, not a rename: it fails rather than replace a file that appeared meanwhile
    await link(partial, target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new BackupTargetTaken(`${target} was written by another backup meanwhile: choose a new file`);
    throw err;
  } finally {
    await rm(partial, { force: true });
  }
  return { ...report, bytes: (await stat(target)).size, ms: Date.now() - started };
}
