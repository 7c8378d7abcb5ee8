import { open } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../db/database.js';
import { ImportError } from '../errors.js';
import { findHeaderRow, uniqueHeaders } from '../header-row.js';
import { csvColumns } from '../dynamic-sql.js';
import { literal } from '../../db/sql-quote.js';
import type { Staged } from './staged.js';

const HEAD_BYTES = 256 * 1024;
const DELIMITERS = [',', '\t', ';', '|'];

interface CsvLayout {
  delimiter: string;
  /** Lines above the header row (titles, date ranges). */
  skip: number;
  headers: string[];
}

/** Delimiter, title lines to skip and header names, from the first records of a UTF-8 CSV file. */
export async function csvLayout(path: string): Promise<CsvLayout> {
  const handle = await open(path, 'r');
  const buf = Buffer.alloc(HEAD_BYTES);
  let read: number;
  try {
    ({ bytesRead: read } = await handle.read(buf, 0, HEAD_BYTES, 0));
  } finally {
    await handle.close();
  }
  let text = buf.subarray(0, read).toString('utf8').replace(/^\ufeff/, '');
  // Old Mac Excel ends lines in a bare CR (DuckDB and csv-parse read that as they are).
  const newline = !text.includes('\n') && text.includes('\r') ? '\r' : '\n';
  if (read === HEAD_BYTES) {
    if (!text.includes(newline)) throw new ImportError('the first line is longer than 256 KB: this does not look like a CSV export');
    text = text.slice(0, text.lastIndexOf(newline) + 1);
  }
  if (text.trim() === '') throw new ImportError('the file has no header row');
  const firstLines = text.split(newline).slice(0, 30);
  const delimiter = DELIMITERS.map((d) => ({ d, n: Math.min(...firstLines.slice(0, 5).filter((l) => l.trim()).map((l) => l.split(d).length)) }))
    .sort((a, b) => b.n - a.n)[0].d;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, skip_records_with_error: true, info: true, to: 30 }) as never;
  } catch (err) {
    throw new ImportError(`cannot read the first rows as CSV: ${(err as Error).message}`);
  }
  const rows = records.map((r) => r.record);
  const headerIndex = findHeaderRow(rows);
  const skip = headerIndex === 0 ? 0 : records[headerIndex - 1].info.lines;
  const headers = rows[headerIndex] ?? [];
  return { delimiter, skip, headers: uniqueHeaders(headers) };
}

// An explicit buffer: left to itself DuckDB sizes its read buffers from max_line_size (8 MB here),
// which made the first read of a large file about three times slower and raised peak memory.
function csvSource(path: string, layout: CsvLayout, keepRejects: boolean): string {
  const rejects = keepRejects ? ", store_rejects = true, rejects_table = 'csv_reject_errors', rejects_scan = 'csv_reject_scans'" : '';
  return `read_csv(${literal(path)}, header = true, skip = ${layout.skip}, auto_detect = false, delim = ${literal(layout.delimiter)},
    quote = '"', escape = '"', columns = ${csvColumns(layout.headers)}, max_line_size = 8388608, strict_mode = true${rejects})`;
}

/**
 * Stages a UTF-8 CSV file as the temp table `staged` (every column VARCHAR, plus `__row`, the row
 * number counting the header as row 1). Rows DuckDB cannot split into the header's columns go to
 * `staged_errors` with their line and DuckDB's reason.
 */
export async function stageCsv(db: Database, path: string): Promise<Staged> {
  const layout = await csvLayout(path);
  await db.run('ingest/drop_csv_rejects');
  try {
    await db.exec(`CREATE OR REPLACE TEMP TABLE staged_raw AS SELECT * FROM ${csvSource(path, layout, true)}`);
  } catch (err) {
    throw new ImportError(`cannot read the file as CSV: ${(err as Error).message.split('\n')[0]}`);
  }
  const headerRow = layout.skip + 1;
  await db.run('ingest/csv_errors', { header_row: headerRow });
  const { n } = (await db.one<{ n: number }>('ingest/count_staged_errors'))!;
  await db.run(n === 0 ? 'ingest/stage_rows_plain' : 'ingest/stage_rows_with_gaps');
  return { headers: layout.headers, headerRow };
}

/**
 * Stages a UTF-8 CSV file in place: views over the file itself, read again by each query that
 * needs it, since parsing the file costs less than copying it into a table, and DuckDB reads it on
 * every core without keeping rejects. A row DuckDB cannot split fails the query reading it; then
 * `restage` stages the file with stageCsv.
 */
export async function stageCsvInPlace(db: Database, path: string): Promise<Staged> {
  const layout = await csvLayout(path);
  const headerRow = layout.skip + 1;
  await db.exec(`CREATE OR REPLACE TEMP VIEW staged_rows AS SELECT NULL::INTEGER AS __row, * FROM ${csvSource(path, layout, false)}`);
  await db.run('ingest/stage_rows_in_place', { header_row: headerRow });
  await db.run('ingest/no_staged_errors');
  return { headers: layout.headers, headerRow, restage: () => stageCsv(db, path) };
}
