import { existsSync, readFileSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ExportError, MANIFEST } from './output-dir.js';

/** An export found in a folder of exports, as its manifest describes it. */
export interface EarlierExport {
  /** Its folder's name, directly under the folder of exports. */
  name: string;
  exportedAt: string;
  from: string | null;
  to: string | null;
  appeals: number;
  /** Everything in its folder, topics computed from it included. */
  bytes: number;
}

async function folderBytes(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return bytes;
}

/** The export in `dir`/`name`, or null when that folder holds none (no readable manifest of ours). */
async function exportIn(dir: string, name: string): Promise<EarlierExport | null> {
  const file = join(dir, name, MANIFEST);
  if (!existsSync(file)) return null;
  let m: { product?: unknown; exportedAt?: unknown; window?: { from?: string | null; to?: string | null }; tables?: { appeals?: { rows?: number } } };
  try {
    m = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (m.product !== 'Linkage Insight' || typeof m.exportedAt !== 'string') return null;
  return { name, exportedAt: m.exportedAt, from: m.window?.from ?? null, to: m.window?.to ?? null, appeals: m.tables?.appeals?.rows ?? 0, bytes: await folderBytes(join(dir, name)) };
}

/** The folders directly under `dir` an export may be in (not the hidden ones exports are written in first). */
async function folders(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
}

/** The exports directly under `dir`, newest first (none when it does not exist yet). */
export async function listExports(dir: string): Promise<EarlierExport[]> {
  const out: EarlierExport[] = [];
  for (const name of await folders(dir)) {
    const found = await exportIn(dir, name);
    if (found) out.push(found);
  }
  return out.sort((a, b) => (a.exportedAt < b.exportedAt ? 1 : a.exportedAt > b.exportedAt ? -1 : a.name < b.name ? -1 : 1));
}

/**
 * Deletes the export named `name` directly under `dir`, with everything in its folder. The name is
 * looked up among the exports there, never used as a path of its own: anything else is refused.
 */
export async function deleteExport(dir: string, name: string): Promise<EarlierExport> {
  const found = (await folders(dir)).includes(name) ? await exportIn(dir, name) : null;
  if (!found) throw new ExportError(`no export named '${name}' in ${dir}`);
  await rm(join(dir, found.name), { recursive: true, force: true });
  return found;
}
