import { existsSync } from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BackupError, rowCounts, type TableRow } from './backup.js';
import { Database } from './database.js';
import { migrationFiles } from './sql-files.js';

export interface CheckedBackup {
  /** The newest migration the backup's schema has. */
  version: number;
  tables: number;
  rows: number;
}

export interface RestoreReport extends CheckedBackup {
  file: string;
  from: string;
  /** Where the database that was replaced was moved to; null when there was none. */
  previous: string | null;
}

/** Opens a backup read-only and says what it holds; refuses files that are not ours or too new. */
export async function checkBackup(file: string): Promise<CheckedBackup> {
  if (!existsSync(file)) throw new BackupError(`${file}: no such file`);
  let db: Database;
  try {
    db = await Database.openReadOnly(file);
  } catch (err) {
    throw new BackupError(`${file} is not a DuckDB database (${(err as Error).message.split('\n')[0]})`);
  }
  try {
    const versions = await db.all<{ version: number }>('db/applied_migrations').catch(() => []);
    if (!versions.length) throw new BackupError(`${file} is not a Linkage Insight database: it has no schema migrations`);
    const version = Math.max(...versions.map((v) => v.version));
    const known = Math.max(...migrationFiles().map((m) => m.version));
    if (version > known) throw new BackupError(`${file} was made by a newer version of Linkage Insight (schema ${version}; this one knows up to ${known}): update first`);
    const name = (await db.one<{ name: string }>('db/current_database'))!.name;
    const tables = await db.all<TableRow>('db/database_tables', { database: name });
    const counts = await rowCounts(db, name, tables);
    return { version, tables: tables.length, rows: [...counts.values()].reduce((a, b) => a + b, 0) };
  } finally {
    db.close();
  }
}

/** Whether another process holds the database file open (DuckDB allows one). */
async function refuseIfInUse(path: string): Promise<void> {
  let db: Database;
  try {
    db = await Database.openReadOnly(path);
  } catch (err) {
    const message = (err as Error).message;
    if (/lock/i.test(message)) throw new BackupError(`${path} is in use by another process (is the server running?): stop it first`);
    throw err;
  }
  db.close();
}

/**
 * Puts backup `from` in place of the database at `dbPath`, for use with the server stopped. The
 * backup is checked first; the database it replaces is kept beside it (`….before-restore-<time>`),
 * and pending migrations are applied to the restored copy, as at any start.
 */
export async function restoreDatabase(from: string, dbPath: string): Promise<RestoreReport> {
  const checked = await checkBackup(resolve(from));
  const target = resolve(dbPath);
  let previous: string | null = null;
  if (existsSync(target)) {
    await refuseIfInUse(target);
    previous = `${target}.before-restore-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
    await rename(target, previous);
    if (existsSync(`${target}.wal`)) await rename(`${target}.wal`, `${previous}.wal`);
  }
  try {
    await copyFile(resolve(from), `${target}.restoring`);
    await rename(`${target}.restoring`, target);
    (await Database.open(target)).close();
  } catch (err) {
    await rm(`${target}.restoring`, { force: true });
    await rm(target, { force: true });
    if (previous) {
      await rename(previous, target);
      if (existsSync(`${previous}.wal`)) await rename(`${previous}.wal`, `${target}.wal`);
    }
    throw new BackupError(`the restored copy could not be opened (${(err as Error).message.split('\n')[0]}): ${previous ? 'the database was put back as it was' : 'nothing was restored'}`);
  }
  return { ...checked, file: target, from: resolve(from), previous };
}
