import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MANIFEST } from '../export/output-dir.js';

/** A lake the topic engine cannot work on as asked; the message is for the user as it is. */
export class LakeError extends Error {}

/** A folder written by `export` (pipelines/export/parquet.ts), read partition by partition. */
export interface Lake {
  dir: string;
  /** When the export was written: partition results from another export are stale. */
  exportedAt: string;
  /** Partitions the topic engine runs on, one per district folder of the appeals, sorted. */
  partitions: string[];
}

/** Where one partition's topic results are written, beside the export's own tables. */
export const BY_PARTITION = 'topics_by_partition';
/** Where the merged topics are written. */
export const MERGED = 'topics_merged';

export async function openLake(dir: string): Promise<Lake> {
  const abs = resolve(dir);
  const manifestFile = join(abs, MANIFEST);
  if (!existsSync(manifestFile)) throw new LakeError(`${dir} holds no Parquet export (no ${MANIFEST}): write one with npm run pipeline -- export --out ${dir}`);
  let manifest: { exportedAt?: unknown };
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch (err) {
    throw new LakeError(`${manifestFile} is not readable JSON: ${(err as Error).message}`);
  }
  if (typeof manifest.exportedAt !== 'string') throw new LakeError(`${manifestFile} does not say when the export was written (exportedAt)`);
  const appeals = join(abs, 'appeals');
  if (!existsSync(appeals)) throw new LakeError(`${dir} has no appeals folder`);
  const partitions = (await readdir(appeals, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && e.name.startsWith('district='))
    .map((e) => e.name)
    .sort();
  return { dir: abs, exportedAt: manifest.exportedAt, partitions };
}

/** A partition as the user named it, checked against the lake (never a path of its own). */
export function partitionOf(lake: Lake, name: string): string {
  if (!lake.partitions.includes(name)) {
    const known = lake.partitions.length ? lake.partitions.join(', ') : 'none';
    throw new LakeError(`no partition '${name}' in ${lake.dir} (partitions: ${known})`);
  }
  return name;
}

/** The Parquet files of a partition's appeals, every month, sorted. */
export async function appealFiles(lake: Lake, partition: string): Promise<string[]> {
  const dir = join(lake.dir, 'appeals', partition);
  return (await readdir(dir, { withFileTypes: true, recursive: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.parquet'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The export's units file: names of units teach the segmenter, as in a database's own run. */
export function unitsFile(lake: Lake): string {
  return join(lake.dir, 'units', 'data_0.parquet');
}
