import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../config.js';
import type { Database } from '../db/database.js';
import { importFile } from '../ingest/import.js';
import { afterImport } from '../ingest/after-import.js';
import { afterImportText } from '../ingest/report-text.js';
import type { ImportReport } from '../ingest/types.js';
import { SAMPLE_FILE_NAMES, writeSampleCity } from './index.js';

/** The sample city's exports and the preset each is read with, in load order. */
export const SAMPLE_IMPORTS = [
  { file: SAMPLE_FILE_NAMES.workOrders, preset: 'cn-12345-workorders' },
  { file: SAMPLE_FILE_NAMES.incidents, preset: 'cn-110-incidents' },
  { file: SAMPLE_FILE_NAMES.transfers, preset: 'cn-transfers' },
] as const;

export const SAMPLE_DIR = join(ROOT, 'data', 'sample');

/** Imports the sample city's export files from `dir` through the ordinary importer, as a user's own would be. */
export async function importSampleFiles(db: Database, dir: string, log: (line: string) => void = () => {}): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  for (const { file, preset } of SAMPLE_IMPORTS) {
    const report = await importFile(db, join(dir, file), { preset, importedBy: 'sample' });
    log(`  ${file}: ${report.inserted.toLocaleString('en')} inserted, ${report.rejected} rejected`);
    reports.push(report);
  }
  const after = await afterImport(db, reports[reports.length - 1], { full: true });
  for (const line of afterImportText(after)) log(`  ${line}`);
  return reports;
}

/** On a database with no appeals, loads the built-in sample city so a new user sees a working product. */
export async function seedIfEmpty(db: Database, log: (line: string) => void = console.log, dir = SAMPLE_DIR): Promise<boolean> {
  const row = await db.one<{ n: number }>('sample/appeal_count');
  if (row && row.n > 0) return false;
  log('the database is empty: loading the built-in sample city (once) …');
  if (!SAMPLE_IMPORTS.every((f) => existsSync(join(dir, f.file)))) await writeSampleCity(dir);
  await importSampleFiles(db, dir, log);
  return true;
}

/** Writes a sample city of the given size into `dir` and imports it (tests and benchmarks use small ones). */
export async function loadSampleCity(db: Database, opts: { dir: string; n?: number; seed?: number; log?: (line: string) => void }): Promise<ImportReport[]> {
  await writeSampleCity(opts.dir, { n: opts.n, seed: opts.seed });
  return importSampleFiles(db, opts.dir, opts.log);
}
