import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { stageCsvInPlace } from './readers/csv.js';
import { stageJson } from './readers/json.js';
import { stageParquet } from './readers/parquet.js';
import { stageXlsx } from './readers/xlsx.js';
import type { Staged } from './readers/staged.js';
import type { Progress } from './phases.js';
import type { Sniffed } from './sniff.js';
import { transcodeToUtf8 } from './transcode.js';


/**
 * Reads any supported file into the temp tables `staged` and `staged_errors`, converting what DuckDB
 * cannot read directly (GB18030/UTF-16 text, XLSX) into UTF-8 CSV under `workDir` first.
 */
export async function stageFile(db: Database, path: string, sniffed: Sniffed, workDir: string, onProgress?: Progress): Promise<Staged> {
  let source = path;
  if (sniffed.format !== 'xlsx' && sniffed.format !== 'parquet' && (sniffed.encoding === 'gb18030' || sniffed.encoding.startsWith('utf-16'))) {
    source = join(workDir, 'utf8.txt');
    let done = 0;
    await transcodeToUtf8(path, source, sniffed.encoding, (n) => onProgress?.('converting encoding', (done += n), sniffed.size));
  }
  switch (sniffed.format) {
    case 'xlsx':
      return stageXlsx(db, path, workDir, (n) => onProgress?.('reading spreadsheet rows', n, 0));
    case 'parquet':
      return stageParquet(db, source);
    case 'json':
    case 'ndjson':
      return stageJson(db, source, sniffed.format);
    case 'csv':
      return stageCsvInPlace(db, source);
  }
}
