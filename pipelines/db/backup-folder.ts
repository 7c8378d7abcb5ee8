import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BackupError } from './backup.js';

/** A backup file found in a folder of backups. */
export interface BackupFile {
  name: string;
  /** When it was written (ISO). */
  writtenAt: string;
  bytes: number;
}

const BACKUP = /^[^.].*\.duckdb$/;

/** The backups directly under `dir`, newest first (not the hidden files they are written in first). */
export async function listBackups(dir: string): Promise<BackupFile[]> {
  if (!existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (!e.isFile() || !BACKUP.test(e.name)) continue;
    const s = await stat(join(dir, e.name));
    out.push({ name: e.name, writtenAt: s.mtime.toISOString(), bytes: s.size });
  }
  return out.sort((a, b) => (a.writtenAt < b.writtenAt ? 1 : a.writtenAt > b.writtenAt ? -1 : a.name < b.name ? -1 : 1));
}

/**
 * A free name for a backup started now (`stem.duckdb`, else `stem-2.duckdb` …): the caller's write
 * still refuses a file that appears meanwhile.
 */
export function freeBackupName(dir: string, stem: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stem}.duckdb` : `${stem}-${n}.duckdb`;
    if (!existsSync(join(dir, name))) return name;
  }
}

/** Deletes backup `name` under `dir`; the name is looked up among the backups there, never used as a path. */
export async function deleteBackup(dir: string, name: string): Promise<BackupFile> {
  const found = (await listBackups(dir)).find((b) => b.name === name);
  if (!found) throw new BackupError(`there is no backup named ${name}`);
  await rm(join(dir, found.name));
  return found;
}
