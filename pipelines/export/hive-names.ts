import { readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';

/** The folder name Hive, Spark and DuckDB all read as a NULL partition value. */
export const HIVE_NULL = '__HIVE_DEFAULT_PARTITION__';

// The characters Hive and Spark escape in partition folder names; everything else, Chinese
// included, is written as it is.
const ESCAPED = /[\u0001-\u001f"#%'*/:=?\\\u007f{[\]^]/g;

/** A partition value as Hive writes it in a folder name. */
export function hiveEscape(value: string): string {
  return value.replace(ESCAPED, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Renames the partition folders DuckDB wrote under `dir` (key=value, every non-ASCII byte
 * percent-encoded) to Hive's escaping. Spark and Hive decode a folder name one %XX at a time, as
 * one character each, so DuckDB's encoding of 朝阳区 would read back garbled there; DuckDB reads
 * both forms.
 */
export async function useHiveNames(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    let name = entry.name;
    const eq = name.indexOf('=');
    if (eq > 0) {
      const value = decodeURIComponent(name.slice(eq + 1));
      // a NULL, or a value spelled like the NULL folder, keeps the name DuckDB gave it
      if (value !== HIVE_NULL) {
        const hive = `${name.slice(0, eq)}=${hiveEscape(value)}`;
        if (hive !== name) await rename(join(dir, name), join(dir, hive));
        name = hive;
      }
    }
    await useHiveNames(join(dir, name));
  }
}
