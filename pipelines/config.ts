import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Project root (the folder holding package.json). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The embedded default database: a DuckDB file under data/, overridable with LINKAGE_DB. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LINKAGE_DB ? resolve(env.LINKAGE_DB) : join(ROOT, 'data', 'linkage.duckdb');
}
