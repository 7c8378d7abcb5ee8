import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../../pipelines/db/database.js';
import { importFile } from '../../../pipelines/ingest/index.js';
import { SAMPLE_FILE_NAMES, writeSampleCity } from '../../../pipelines/sample/index.js';
import { rng } from './sparse-fixture.js';

/**
 * The sample city for the topic engine's evaluation and benchmark: generated into `dir` (the
 * generator's own files, with truth.csv beside them) and imported with the shipped presets.
 */
export async function writeCity(dir: string, n: number, seed?: number): Promise<{ workOrders: string; incidents: string; truth: string }> {
  await writeSampleCity(dir, { n, seed });
  return { workOrders: join(dir, SAMPLE_FILE_NAMES.workOrders), incidents: join(dir, SAMPLE_FILE_NAMES.incidents), truth: join(dir, SAMPLE_FILE_NAMES.truth) };
}

export async function importCity(db: Database, files: { workOrders: string; incidents: string }): Promise<void> {
  await importFile(db, files.workOrders, { preset: 'cn-12345-workorders' });
  await importFile(db, files.incidents, { preset: 'cn-110-incidents' });
}

/** A copy of a CSV file with its records in a seeded random order (the header stays first). */
export function shuffleCsv(file: string, out: string, seed: number): void {
  const [header, ...records] = parse(readFileSync(file, 'utf8'), { relax_column_count: true }) as string[][];
  const r = rng(seed);
  for (let i = records.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [records[i], records[j]] = [records[j], records[i]];
  }
  const quote = (f: string) => `"${f.replace(/"/g, '""')}"`;
  writeFileSync(out, `${[header, ...records].map((rec) => rec.map(quote).join(',')).join('\n')}\n`);
}

/** truth.csv as platform/appeal_id → problem key. */
export function readTruth(file: string): Map<string, string> {
  const out = new Map<string, string>();
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = header.split(',');
  const [p, a, k] = ['platform', 'appeal_id', 'problem_key'].map((c) => cols.indexOf(c));
  for (const line of lines) {
    const f = line.split(',');
    out.set(`${f[p]}/${f[a]}`, f[k]);
  }
  return out;
}
