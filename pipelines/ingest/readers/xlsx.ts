import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Database } from '../../db/database.js';
import { csvColumns } from '../dynamic-sql.js';
import { literal } from '../../db/sql-quote.js';
import { ImportError } from '../errors.js';
import { findHeaderRow, uniqueHeaders } from '../header-row.js';
import type { RejectReasonData } from '../types.js';
import type { Staged } from './staged.js';
import { xmlElements, richText, rowCells, rowNumber } from './sheet-xml.js';
import { entryStream, zipEntries, type ZipEntry } from './zip.js';

const HEADER_SEARCH_ROWS = 30;

async function entryText(path: string, entry: ZipEntry | undefined): Promise<string> {
  if (!entry) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of await entryStream(path, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w.:-]+)="([^"]*)"/g)) out[m[1].replace(/^[\w.-]+:/, '')] = m[2];
  return out;
}

/** Where the workbook's first sheet and its shared strings live, from workbook.xml and its relationships. */
async function workbookParts(path: string, entries: Map<string, ZipEntry>): Promise<{ sheet: ZipEntry; sharedStrings?: ZipEntry }> {
  const rels = (await entryText(path, entries.get('xl/_rels/workbook.xml.rels'))).match(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g) ?? [];
  const targets = rels.map(attributes).map((a) => ({ id: a.Id, type: a.Type ?? '', entry: entries.get(a.Target?.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`) }));
  const firstSheet = (await entryText(path, entries.get('xl/workbook.xml'))).match(/<(?:[\w.-]+:)?sheet\b[^>]*>/);
  const sheetId = firstSheet ? attributes(firstSheet[0]).id : undefined;
  const sheet =
    targets.find((t) => t.id === sheetId)?.entry ??
    [...entries.values()].filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name)).sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))[0];
  if (!sheet) throw new ImportError('cannot read the spreadsheet: it holds no worksheet');
  const sharedStrings = targets.find((t) => t.type.endsWith('/sharedStrings'))?.entry ?? entries.get('xl/sharedStrings.xml');
  return { sheet, sharedStrings };
}

async function readSharedStrings(path: string, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (entry) for await (const batch of xmlElements(await entryStream(path, entry), 'si')) for (const si of batch) strings.push(richText(si));
  return strings;
}

function csvField(s: string): string {
  return `"${s.includes('"') ? s.replaceAll('"', '""') : s}"`;
}

/** A sheet row that cannot be loaded, found while converting (a staged_errors row). */
interface SheetError {
  source_row: number;
  raw: string;
  reason: string;
  reason_data: RejectReasonData;
}

interface SheetCsv extends Staged {
  errors: SheetError[];
}

/**
 * Streams the first sheet of an XLSX file into a UTF-8 CSV of exactly the header's columns plus
 * `__row`, the sheet's row number, finding the header row under any title rows. A row with filled
 * cells beyond the header's width is not written but returned as an error. Memory stays flat in the
 * sheet's size (only shared strings are held).
 */
export async function xlsxToCsv(src: string, dest: string, onRow?: (n: number) => void): Promise<SheetCsv> {
  const out = createWriteStream(dest);
  const pending: { n: number; cells: string[] }[] = [];
  const errors: SheetError[] = [];
  let headers: string[] = [];
  let header: number | null = null;
  let written = 0;
  // The rows of each chunk read are written together: a write call per row costs more than parsing
  // the row, while holding many rows back makes them outlive the young generation of the heap.
  let lines: string[] = [];
  const flush = async () => {
    if (lines.length && !out.write(lines.join(''))) await once(out, 'drain');
    lines = [];
  };
  const emit = (n: number, cells: string[]) => {
    if (!cells.some((c) => c !== '')) return;
    if (cells.length > headers.length && cells.slice(headers.length).some((c) => c !== '')) {
      const reason = `the row has more cells than the header (Expected Number of Columns: ${headers.length} Found: ${cells.length})`;
      const reason_data = { code: 'too_many_cells', expected: headers.length, found: cells.length };
      errors.push({ source_row: n, raw: cells.map(csvField).join(','), reason, reason_data });
      return;
    }
    let line = String(n);
    for (let i = 0; i < headers.length; i++) line += `,${csvField(cells[i] ?? '')}`;
    lines.push(`${line}\n`);
    written++;
    if (written % 10000 === 0) onRow?.(written);
  };
  const startData = () => {
    const rows = pending.map((p) => p.cells);
    const h = findHeaderRow(rows);
    headers = uniqueHeaders(rows[h] ?? []);
    header = pending[h]?.n ?? 1;
    lines.push(`__row,${headers.map(csvField).join(',')}\n`);
    for (const p of pending.slice(h + 1)) emit(p.n, p.cells);
    pending.length = 0;
  };
  try {
    const entries = await zipEntries(src);
    const parts = await workbookParts(src, entries);
    const sharedStrings = await readSharedStrings(src, parts.sharedStrings);
    let n = 0;
    for await (const rows of xmlElements(await entryStream(src, parts.sheet), 'row')) {
      for (const row of rows) {
        n = rowNumber(row) ?? n + 1;
        const cells = rowCells(row, sharedStrings);
        if (header !== null) emit(n, cells);
        else {
          pending.push({ n, cells });
          if (pending.length >= HEADER_SEARCH_ROWS) startData();
        }
      }
      await flush();
    }
    if (header === null) startData();
    await flush();
  } catch (err) {
    out.destroy();
    if (err instanceof ImportError) throw err;
    throw new ImportError(`cannot read the spreadsheet: ${(err as Error).message}`);
  }
  out.end();
  await once(out, 'finish');
  if (headers.length === 0) throw new ImportError('the spreadsheet has no header row');
  return { headers, headerRow: header ?? 1, errors };
}

/**
 * Stages the first sheet of an XLSX file: converted to CSV under `workDir`, which `staged` reads in
 * place (the rows carry their own numbers, so nothing need be copied into a table).
 */
export async function stageXlsx(db: Database, path: string, workDir: string, onRow?: (n: number) => void): Promise<Staged> {
  const csv = join(workDir, 'sheet.csv');
  const sheet = await xlsxToCsv(path, csv, onRow);
  await db.exec(`CREATE OR REPLACE TEMP VIEW staged AS SELECT __row::INTEGER AS __row, * EXCLUDE (__row) FROM read_csv(${literal(csv)},
    header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = ${csvColumns(['__row', ...sheet.headers])},
    max_line_size = 8388608, strict_mode = true)`);
  await db.run('ingest/sheet_errors', { errors: JSON.stringify(sheet.errors) });
  return { headers: sheet.headers, headerRow: sheet.headerRow };
}
