import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, type SampleContext } from './context.js';
import { CsvWriter } from './csv-writer.js';
import { INCIDENT_HEADER, INCIDENTS_PER_WORK_ORDER, writeIncidents } from './incidents.js';
import { TRANSFER_HEADER, TRUTH_HEADER, WORK_ORDER_HEADER, writeWorkOrders } from './workorders.js';

export const DEFAULT_N = 150_000;
export const DEFAULT_SEED = 12345;

export const SAMPLE_FILE_NAMES = {
  workOrders: '12345_work_orders.csv',
  transfers: '12345_transfers.csv',
  incidents: '110_incidents.csv',
  truth: 'truth.csv',
  problems: 'problems.json',
  units: 'units.csv',
} as const;

export type SampleFileKey = keyof typeof SAMPLE_FILE_NAMES;

export interface SampleFile {
  path: string;
  /** Data rows (CSV, header excluded) or entries (JSON). */
  rows: number;
}

export type SampleFiles = Record<SampleFileKey, SampleFile>;

/**
 * Writes a year (2025) of the fictional 江城市's shared records as Chinese government exports, plus
 * the ground truth beside them. Same n and seed give byte-identical files.
 *
 * - 12345_work_orders.csv, 12345_transfers.csv, 110_incidents.csv: what the product imports;
 * - truth.csv, problems.json: the ground truth for evaluation (never in the export files);
 * - units.csv: every unit name used, with its kind and district.
 */
export async function writeSampleCity(outDir: string, opts: { n?: number; seed?: number } = {}): Promise<SampleFiles> {
  const n = opts.n ?? DEFAULT_N;
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(n) || n < 1) throw new Error(`n must be a positive whole number, got ${n}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be a whole number, got ${seed}`);
  mkdirSync(outDir, { recursive: true });
  const path = (k: SampleFileKey) => join(outDir, SAMPLE_FILE_NAMES[k]);
  const ctx = createContext(seed);

  const writers = {
    orders: new CsvWriter(path('workOrders'), WORK_ORDER_HEADER),
    transfers: new CsvWriter(path('transfers'), TRANSFER_HEADER),
    truth: new CsvWriter(path('truth'), TRUTH_HEADER),
  };
  const incidentsOut = new CsvWriter(path('incidents'), INCIDENT_HEADER);
  const cases = await writeWorkOrders(ctx, n, writers);
  await writeIncidents(ctx, Math.round(n * INCIDENTS_PER_WORK_ORDER), cases, incidentsOut, writers);
  await Promise.all([writers.orders.close(), writers.transfers.close(), writers.truth.close(), incidentsOut.close()]);

  const catalogue = problemCatalogue(ctx);
  writeFileSync(path('problems'), `${JSON.stringify(catalogue, null, 2)}\n`);
  const units = ctx.units.records();
  const unitsOut = new CsvWriter(path('units'), ['name', 'kind', 'district']);
  for (const u of units) unitsOut.row([u.name, u.kind, u.district]);
  await unitsOut.close();

  return {
    workOrders: { path: path('workOrders'), rows: writers.orders.rows },
    transfers: { path: path('transfers'), rows: writers.transfers.rows },
    incidents: { path: path('incidents'), rows: incidentsOut.rows },
    truth: { path: path('truth'), rows: writers.truth.rows },
    problems: { path: path('problems'), rows: catalogue.length },
    units: { path: path('units'), rows: unitsOut.rows },
  };
}

/** One entry of problems.json. */
export interface CatalogueEntry {
  key: string;
  label_zh: string;
  label_en: string;
  /** '12345' for the shared problems (which also reach 110), '110' for police matters. */
  platform: '12345' | '110';
  disputed: boolean;
  owner_kinds: string[];
  /** Intended share of 12345 work orders (of 110 police incidents for police matters). */
  share: number;
  seasonal: string | null;
  emerging: boolean;
  /** Often sent to the same kind of unit in the wrong district first. */
  misroute_prone: boolean;
  /** 110's category when it reaches 110 as a non-police incident. */
  incident_category: string | null;
}

function problemCatalogue(ctx: SampleContext): CatalogueEntry[] {
  const total = ctx.problems.reduce((s, p) => s + p.spec.share, 0);
  const policeTotal = ctx.police.reduce((s, p) => s + p.spec.weight, 0);
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return [
    ...ctx.problems.map(({ spec }) => ({
      key: spec.key,
      label_zh: spec.zh,
      label_en: spec.en,
      platform: '12345' as const,
      disputed: spec.disputed,
      owner_kinds: spec.owners.map(([k]) => k),
      share: round(spec.share / total),
      seasonal: spec.season ?? null,
      emerging: Boolean(spec.emerging),
      misroute_prone: (spec.misroute ?? 0) >= 0.1,
      incident_category: spec.incident?.category ?? null,
    })),
    ...ctx.police.map(({ spec }) => ({
      key: spec.key,
      label_zh: spec.zh,
      label_en: spec.en,
      platform: '110' as const,
      disputed: false,
      owner_kinds: [spec.handler],
      share: round(spec.weight / policeTotal),
      seasonal: null,
      emerging: false,
      misroute_prone: false,
      incident_category: spec.category,
    })),
  ];
}
