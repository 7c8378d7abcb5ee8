import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { writeSampleCity, type CatalogueEntry, type SampleFiles } from '../../../pipelines/sample/index.js';
import { tempDir } from '../../helpers/temp-db.js';

export type Row = Record<string, string>;

export interface Sample {
  dir: string;
  files: SampleFiles;
  headers: Record<'workOrders' | 'transfers' | 'incidents' | 'truth' | 'units', string[]>;
  workOrders: Row[];
  transfers: Row[];
  incidents: Row[];
  truth: Row[];
  units: Row[];
  problems: CatalogueEntry[];
  cleanup: () => void;
}

function readCsv(path: string): { header: string[]; rows: Row[] } {
  const records = parse(readFileSync(path), { relax_column_count: false }) as string[][];
  const [header, ...body] = records;
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

/** Writes a small sample city into a temporary folder and reads every file back as a CSV reader would. */
export async function generateSample(n = 3000, seed = 12345): Promise<Sample> {
  const { dir, cleanup } = tempDir();
  const files = await writeSampleCity(dir, { n, seed });
  const wo = readCsv(files.workOrders.path);
  const tr = readCsv(files.transfers.path);
  const inc = readCsv(files.incidents.path);
  const truth = readCsv(files.truth.path);
  const units = readCsv(files.units.path);
  return {
    dir,
    files,
    headers: { workOrders: wo.header, transfers: tr.header, incidents: inc.header, truth: truth.header, units: units.header },
    workOrders: wo.rows,
    transfers: tr.rows,
    incidents: inc.rows,
    truth: truth.rows,
    units: units.rows,
    problems: JSON.parse(readFileSync(files.problems.path, 'utf8')) as CatalogueEntry[],
    cleanup,
  };
}

/** Transfer rows grouped by record (platform + id), in their order. */
export function transfersByRecord(s: Sample): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const t of s.transfers) {
    const key = `${t['平台']}|${t['工单编号']}`;
    const list = out.get(key);
    if (list) list.push(t);
    else out.set(key, [t]);
  }
  return out;
}

/** Ground truth by platform + id. */
export function truthByRecord(s: Sample): Map<string, Row> {
  return new Map(s.truth.map((t) => [`${t.platform}|${t.appeal_id}`, t]));
}
