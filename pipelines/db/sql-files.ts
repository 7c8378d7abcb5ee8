import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's sql/ folder: every schema, view and non-trivial query lives there as a file. */
export const SQL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'sql');

const cache = new Map<string, string>();

/** Text of `sql/<name>.sql`; names may contain a folder (`ingest/upsert_appeals`). */
export function sqlText(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(SQL_DIR, `${name}.sql`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Migration files in apply order: `sql/migrations/NNN_name.sql`. */
export function migrationFiles(): { version: number; name: string; text: string }[] {
  const dir = join(SQL_DIR, 'migrations');
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), text: readFileSync(join(dir, f), 'utf8') }));
}
