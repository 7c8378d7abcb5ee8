import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { ImportError } from '../errors.js';
import { findHeaderRow, uniqueHeaders } from '../header-row.js';

const HEADER_SEARCH_ROWS = 30;

/** Cell value as export text: dates as local wall time (Excel stores no zone), rich text joined. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
    return JSON.stringify(value);
  }
  return String(value);
}

function csvField(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}

/**
 * Streams the first sheet of an XLSX file into a UTF-8 CSV whose first column `__row` is the sheet's
 * row number, finding the header row under any title rows. Memory stays flat in the file's size
 * (only shared strings are cached). Returns the number of data rows written.
 */
export async function xlsxToCsv(src: string, dest: string, onRow?: (n: number) => void): Promise<number> {
  const out = createWriteStream(dest);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(src, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore' } as never);
  const pending: { n: number; cells: string[] }[] = [];
  let width = 0;
  let header: number | null = null;
  let written = 0;
  let buffer = '';
  // Rows are gathered into ~1 MB writes: a write call per row costs more than parsing the row.
  const flush = async () => {
    if (buffer && !out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  const write = async (line: string) => {
    buffer += line;
    if (buffer.length > 1 << 20) await flush();
  };
  const emit = async (n: number, cells: string[]) => {
    if (cells.every((c) => c === '')) return;
    const padded = Array.from({ length: width }, (_, i) => cells[i] ?? '');
    await write(`${n},${padded.map(csvField).join(',')}\n`);
    written++;
    if (written % 10000 === 0) onRow?.(written);
  };
  const startData = async () => {
    const rows = pending.map((p) => p.cells);
    const h = findHeaderRow(rows);
    const names = uniqueHeaders(rows[h] ?? []);
    width = names.length;
    header = pending[h]?.n ?? 1;
    await write(`__row,${names.map(csvField).join(',')}\n`);
    for (const p of pending.slice(h + 1)) await emit(p.n, p.cells);
    pending.length = 0;
  };
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i]).trim());
        if (header === null) {
          pending.push({ n: row.number, cells });
          if (pending.length >= HEADER_SEARCH_ROWS) await startData();
        } else {
          if (cells.length > width && cells.slice(width).some((c) => c !== '')) {
            // Keep cells beyond the header's width visible to the row checks: they become a reject.
            await write(`${row.number},${cells.map(csvField).join(',')}\n`);
            written++;
          } else await emit(row.number, cells);
        }
      }
      break;
    }
    if (header === null) await startData();
    await flush();
  } catch (err) {
    out.destroy();
    throw new ImportError(`cannot read the spreadsheet: ${(err as Error).message}`);
  }
  out.end();
  await once(out, 'finish');
  if (width === 0) throw new ImportError('the spreadsheet has no header row');
  return written;
}
