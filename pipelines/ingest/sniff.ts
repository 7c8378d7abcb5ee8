import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ImportError } from './errors.js';

export type Format = 'csv' | 'xlsx' | 'json' | 'ndjson' | 'parquet';
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface Sniffed {
  format: Format;
  encoding: Encoding;
  size: number;
}

const PROBE_BYTES = 4 * 1024 * 1024;

/** Reads the first bytes of a file and decides its format and text encoding. */
export async function sniffFile(path: string): Promise<Sniffed> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new ImportError(`cannot read '${path}': no such file`);
  }
  if (size === 0) throw new ImportError('the file is empty');
  const handle = await open(path, 'r');
  const head = Buffer.alloc(Math.min(size, PROBE_BYTES));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  return { ...sniffBytes(head, extname(path).toLowerCase(), head.length < size), size };
}

export function sniffBytes(head: Buffer, ext: string, truncated: boolean): { format: Format; encoding: Encoding } {
  if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
    if (ext && !['.xlsx', '.xlsm'].includes(ext)) throw new ImportError(`'${ext}' is a zip archive, not a spreadsheet export this tool reads (.xlsx)`);
    return { format: 'xlsx', encoding: 'utf-8' };
  }
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return { format: 'parquet', encoding: 'utf-8' };
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new ImportError('this is an old binary Excel file (.xls); save it as .xlsx or CSV and import that');
  }
  if (ext === '.xlsx' || ext === '.xlsm') throw new ImportError('the file is named .xlsx but is not a valid XLSX (zip) file; it may be truncated');
  if (ext === '.parquet') throw new ImportError('the file is named .parquet but has no Parquet header; it may be truncated');

  let encoding: Encoding;
  if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
  else if (head[0] === 0xfe && head[1] === 0xff) encoding = 'utf-16be';
  else if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) encoding = 'utf-8-bom';
  else {
    if (head.subarray(0, 65536).includes(0)) throw new ImportError('the file looks binary (it contains NUL bytes): not a CSV, JSON, XLSX or Parquet export');
    encoding = isUtf8(head, truncated) ? 'utf-8' : 'gb18030';
  }
  const text = encoding.startsWith('utf-16') ? '' : head.subarray(0, 4096).toString('latin1').trimStart();
  const first = encoding.startsWith('utf-16') ? '' : text.replace(/^\xef\xbb\xbf/, '').trimStart()[0];
  if (first === '[') return { format: 'json', encoding };
  if (first === '{') return { format: 'ndjson', encoding };
  return { format: 'csv', encoding };
}

/** Valid UTF-8, allowing a multi-byte character cut off at the end of a partial read. */
function isUtf8(bytes: Buffer, truncated: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: truncated });
    return true;
  } catch {
    return false;
  }
}
