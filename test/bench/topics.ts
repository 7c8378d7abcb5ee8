import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../../pipelines/config.js';
import { Database } from '../../pipelines/db/database.js';
import { ari, nmi } from '../../pipelines/topics/quality.js';
import { importCity, readTruth, writeCity } from '../pipelines/topics/city.js';
import type { BenchRow, BenchSection } from './types.js';

const exec = promisify(execFile);

/** Eligible appeals (12345 + non-police 110) the sample generator makes per unit of n. */
const ELIGIBLE_PER_N = 171_768 / 150_000;
const NEW_APPEALS = 10_000;
/** Runs measured (each on a fresh copy of the database): the machine is shared, so one is not enough. */
const RUNS = 3;

interface RunResult {
  ms: number;
  cpuMs: number;
  maxRssMiB: number;
  load: number;
  appeals: number;
  topics: number;
  clustered: number;
  steps: Record<string, number>;
}
interface BaselineResult {
  ms: number;
  maxRssMiB: number;
  appeals: number;
  nmi: number;
  ari: number;
}
interface LakeResult {
  exportMs: number;
  ms: number;
  cpuMs: number;
  maxRssMiB: number;
  appeals: number;
  partitions: number;
  slowest: number;
  mergeMs: number;
  partitionTopics: number;
  topics: number;
  nmi: number;
  ari: number;
}
interface AssignResult {
  loadMs: number;
  assignMs: number;
  maxRssMiB: number;
  considered: number;
}

/** One measurement in a child process of its own (test/bench/topics-once.ts). */
async function once<T>(...args: string[]): Promise<T> {
  const { stdout } = await exec(process.execPath, ['--import', 'tsx', join(ROOT, 'test/bench/topics-once.ts'), ...args], { cwd: ROOT, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as T;
}

/** Each eligible appeal's true problem and the topic found (-1: none), in key order. */
async function agreement(db: Database, truthFile: string): Promise<{ truth: string[]; found: number[] }> {
  const truth = readTruth(truthFile);
  const rows = await db.query<{ platform: string; appeal_id: string; topic_id: number | null }>(
    'SELECT i.platform, i.appeal_id, t.topic_id FROM topic_input i LEFT JOIN appeal_topics t USING (platform, appeal_id) ORDER BY i.platform, i.appeal_id',
  );
  return { truth: rows.map((r) => truth.get(`${r.platform}/${r.appeal_id}`) ?? '?'), found: rows.map((r) => r.topic_id ?? -1) };
}

/** A sample file again under new ids (records start with their id), so an import adds them as new appeals. */
function renameIds(file: string, out: string, from: RegExp, to: string): void {
  writeFileSync(out, readFileSync(file, 'utf8').replace(from, to));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * The topic engine on the sample city at `scale` appeals: text to stored topics (speed over
 * RUNS runs, peak memory, quality), assigning 10,000 new appeals, and the plain TF-IDF + k-means
 * baseline on the same data, side by side. Every measurement runs in a process of its own.
 */
export const topicsBench: BenchSection = async ({ scale, workDir }) => {
  const n = Math.max(1000, Math.round(scale / ELIGIBLE_PER_N));
  console.error(`[bench] topics: sample city n=${n.toLocaleString('en')}…`);
  const files = await writeCity(join(workDir, 'city'), n);
  const pristine = join(workDir, 'city.duckdb');
  const loading = await Database.open(pristine);
  await importCity(loading, files);
  loading.close();

  const path = join(workDir, 'topics.duckdb');
  const runs: RunResult[] = [];
  for (let r = 0; r < RUNS; r++) {
    rmSync(path, { force: true });
    copyFileSync(pristine, path);
    console.error(`[bench] topics: run ${r + 1} of ${RUNS}…`);
    const result = await once<RunResult>('run', path);
    console.error(`[bench] topics: ${Math.round(result.ms)} ms (load ${result.load.toFixed(1)} before), steps (ms) ${JSON.stringify(result.steps)}`);
    runs.push(result);
  }
  const rates = runs.map((r) => r.appeals / (r.ms / 1000));
  const rate = median(rates);
  const run = runs[rates.indexOf(rate)];
  const same = runs.every((r) => r.topics === run.topics && r.clustered === run.clustered);

  const db = await Database.open(path);
  let ours: { truth: string[]; found: number[] };
  try {
    ours = await agreement(db, files.truth);
  } finally {
    db.close();
  }

  console.error('[bench] topics: baseline (jieba + TF-IDF + k-means, k given)…');
  const k = new Set(ours.truth).size;
  const base = await once<BaselineResult>('baseline', pristine, files.truth, String(k));
  const baseRate = base.appeals / (base.ms / 1000);

  console.error('[bench] topics: partition by partition (export, a run per district, merge)…');
  const lake = await once<LakeResult>('lake', pristine, files.truth, join(workDir, 'lake'));
  const lakeRate = lake.appeals / (lake.ms / 1000);

  console.error('[bench] topics: assign 10,000 new appeals…');
  const extra = await writeCity(join(workDir, 'extra'), Math.round(NEW_APPEALS / ELIGIBLE_PER_N), 777);
  const renamed = { workOrders: join(workDir, 'extra-orders.csv'), incidents: join(workDir, 'extra-incidents.csv') };
  renameIds(extra.workOrders, renamed.workOrders, /^GD/gm, 'NW');
  renameIds(extra.incidents, renamed.incidents, /^JQ/gm, 'NJ');
  const adding = await Database.open(path);
  try {
    await importCity(adding, renamed);
  } finally {
    adding.close();
  }
  const assign = await once<AssignResult>('assign', path);

  const spread = `${RUNS} runs: ${rates.map((x) => Math.round(x / 1000)).join(', ')}k/s, machine load ${runs.map((r) => r.load.toFixed(1)).join(', ')}`;
  return [
    { area: 'topics', metric: `text to stored topics, ${run.appeals.toLocaleString('en')} appeals (${run.topics} topics; median of ${spread})`, value: Math.round(rate), unit: 'appeals/s', target: '≥ 50000', ok: rate >= 50_000, baseline: Math.round(baseRate) },
    { area: 'topics', metric: 'run wall time (median run)', value: Number((run.ms / 1000).toFixed(1)), unit: 's', baseline: Number((base.ms / 1000).toFixed(1)) },
    { area: 'topics', metric: 'run CPU time, all threads (median run)', value: Number((run.cpuMs / 1000).toFixed(1)), unit: 's' },
    { area: 'topics', metric: `peak memory of the run's process (max RSS, workers and DuckDB included; highest of ${RUNS})`, value: Math.max(...runs.map((r) => r.maxRssMiB)), unit: 'MiB', target: '≤ 4096', ok: Math.max(...runs.map((r) => r.maxRssMiB)) <= 4096, baseline: base.maxRssMiB },
    { area: 'topics', metric: `runs gave the same topics (${RUNS} runs)`, value: same ? 1 : 0, unit: 'yes=1', target: '1', ok: same },
    { area: 'topics', metric: `NMI vs true problems, all appeals, unclustered = one cluster (baseline told k=${k})`, value: Number(nmi(ours.truth, ours.found).toFixed(3)), unit: '', baseline: Number(base.nmi.toFixed(3)) },
    { area: 'topics', metric: 'ARI vs true problems, same', value: Number(ari(ours.truth, ours.found).toFixed(3)), unit: '', baseline: Number(base.ari.toFixed(3)) },
    { area: 'topics', metric: 'appeals left unclustered', value: Number((1 - run.clustered / run.appeals).toFixed(3)), unit: 'share', baseline: 0 },
    { area: 'topics', metric: `by district from a Parquet export: ${lake.partitions} runs one after another + merge, ${lake.partitionTopics} → ${lake.topics} topics (one-run speed beside it)`, value: Math.round(lakeRate), unit: 'appeals/s', baseline: Math.round(rate) },
    { area: 'topics', metric: 'by district: slowest district run', value: Math.round(lake.slowest), unit: 'ms' },
    { area: 'topics', metric: 'by district: the merge', value: Math.round(lake.mergeMs), unit: 'ms' },
    { area: 'topics', metric: 'by district: the Parquet export they read (before them, not counted above)', value: Math.round(lake.exportMs), unit: 'ms' },
    { area: 'topics', metric: 'by district: peak memory (max RSS of its process, export included; one run beside it)', value: lake.maxRssMiB, unit: 'MiB', baseline: Math.max(...runs.map((r) => r.maxRssMiB)) },
    { area: 'topics', metric: 'by district: NMI of the merged topics, same appeals (one run beside it)', value: Number(lake.nmi.toFixed(3)), unit: '', baseline: Number(nmi(ours.truth, ours.found).toFixed(3)) },
    { area: 'topics', metric: 'by district: ARI, same', value: Number(lake.ari.toFixed(3)), unit: '', baseline: Number(ari(ours.truth, ours.found).toFixed(3)) },
    { area: 'topics', metric: `assign ${assign.considered.toLocaleString('en')} new appeals, model loaded (new process)`, value: Math.round(assign.assignMs), unit: 'ms', target: '≤ 1000', ok: assign.assignMs <= 1000 },
    { area: 'topics', metric: 'load the assignment model (first call in a new process)', value: Math.round(assign.loadMs), unit: 'ms' },
    { area: 'topics', metric: 'assignment peak memory (max RSS of its process)', value: assign.maxRssMiB, unit: 'MiB' },
  ];
};
