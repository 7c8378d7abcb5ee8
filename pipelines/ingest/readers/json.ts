import type { Database } from '../../db/database.js';
import { ImportError } from '../errors.js';
import { ident, literal } from '../../db/sql-quote.js';
import type { Staged } from './staged.js';

/**
 * Stages a JSON array of objects (e.g. Open311 GeoReport v2) or NDJSON as `staged`: one column per
 * key seen in any object, nested values as JSON text. In NDJSON a line that is not a JSON object
 * becomes a staged error with its line number; a broken JSON array fails the whole file.
 */
export async function stageJson(db: Database, path: string, format: 'json' | 'ndjson'): Promise<Staged> {
  try {
    if (format === 'json') await db.exec(`CREATE OR REPLACE TEMP TABLE json_rows AS SELECT row_number() OVER () AS line, json AS j FROM read_json_objects(${literal(path)}, format = 'array')`);
    else await db.exec(`CREATE OR REPLACE TEMP TABLE json_rows AS SELECT row_number() OVER () AS line, line_text AS j FROM read_csv(${literal(path)}, header = false, auto_detect = false, columns = {'line_text': 'VARCHAR'}, delim = chr(1), quote = '', escape = '', max_line_size = 8388608)`);
  } catch (err) {
    throw new ImportError(`cannot read the file as ${format === 'json' ? 'a JSON array' : 'NDJSON'}: ${(err as Error).message.split('\n')[0]}`);
  }
  await db.run('ingest/json_errors');
  const keys = (await db.all<{ key: string }>('ingest/json_keys')).map((r) => r.key);
  if (keys.length === 0) throw new ImportError('the file holds no JSON objects');
  const columns = keys.map((k) => `json_extract_string(json_object_or_null(j), ${literal(`$.${JSON.stringify(k)}`)}) AS ${ident(k)}`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE staged_raw AS SELECT line::INTEGER AS __row, ${columns.join(', ')} FROM json_rows WHERE json_object_or_null(j) IS NOT NULL ORDER BY line`);
  await db.exec('DROP TABLE json_rows');
  await db.run('ingest/stage_view');
  return { headers: keys, headerRow: 0 };
}
