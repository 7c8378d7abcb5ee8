import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { Database } from '../../pipelines/db/database.js';
import { assignNewAppeals, assignText, runTopics } from '../../pipelines/topics/index.js';
import { loadLexicon } from '../../pipelines/topics/lexicon.js';
import { ari, nmi } from '../../pipelines/topics/quality.js';
import type { CountRows, SparseRows } from '../../pipelines/topics/sparse.js';
import { fitVectoriser, transformRows } from '../../pipelines/topics/vectoriser.js';
import { importCity, readTruth, writeCity } from '../pipelines/topics/city.js';
import { rng } from '../pipelines/topics/sparse-fixture.js';
import type { BenchRow, BenchSection } from './types.js';

/** Eligible appeals (12345 + non-police 110) the sample generator makes per unit of n. */
const ELIGIBLE_PER_N = 171_768 / 150_000;
const NEW_APPEALS = 10_000;

/** Samples the process's resident memory every 50 ms from another thread (the main one is busy). */
function rssSampler(): { stop: () => Promise<number> } {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let max = process.memoryUsage.rss();
     const timer = setInterval(() => { max = Math.max(max, process.memoryUsage.rss()); }, 50);
     parentPort.on('message', () => { clearInterval(timer); parentPort.postMessage(Math.max(max, process.memoryUsage.rss())); });`,
    { eval: true },
  );
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once('message', (max: number) => {
          void worker.terminate();
          resolve(max);
        });
        worker.postMessage('stop');
      }),
  };
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

/**
 * The plain baseline, as an analyst would script it: read the texts, cut each with jieba in one
 * thread, drop stop words, TF-IDF, and k-means with k given (k-means++ start, Lloyd iterations).
 */
async function baseline(db: Database, k: number): Promise<{ ms: number; labels: Map<string, number> }> {
  const started = Date.now();
  const rows = await db.query<{ key: string; text: string }>("SELECT platform || '/' || appeal_id AS key, coalesce(title, '') || '。' || content AS text FROM topic_input");
  const jieba = Jieba.withDict(dict);
  const stop = new Set(loadLexicon().stopZh);
  const ids = new Map<string, number>();
  const offsets = new Int32Array(rows.length + 1);
  const terms: number[] = [];
  const counts: number[] = [];
  rows.forEach((r, i) => {
    const doc = new Map<number, number>();
    for (const w of jieba.cut(r.text, false)) {
      if (w.length < 2 || stop.has(w) || /\d/.test(w)) continue;
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      doc.set(id, (doc.get(id) ?? 0) + 1);
    }
    for (const [t, c] of doc) {
      terms.push(t);
      counts.push(c);
    }
    offsets[i + 1] = terms.length;
  });
  const vocabulary = [...ids.keys()];
  const order = vocabulary.map((_, i) => i).sort((a, b) => (vocabulary[a] < vocabulary[b] ? -1 : 1));
  const rank = new Int32Array(vocabulary.length);
  order.forEach((id, r) => (rank[id] = r));
  const countRows: CountRows = { n: rows.length, offsets, terms: Int32Array.from(terms, (t) => rank[t]), counts: Uint16Array.from(counts) };
  const { model, remap } = fitVectoriser(countRows, order.map((id) => vocabulary[id]), null, { minDf: 2, maxDfShare: 0.5 });
  const x = transformRows(countRows, remap, model.idf, 1_000_000);
  const labels = kmeans(x, model.terms.length, k, 20);
  return { ms: Date.now() - started, labels: new Map(rows.map((r, i) => [r.key, labels[i]])) };
}

/** Spherical k-means on unit rows: k-means++ start from a seeded generator, then Lloyd iterations. */
function kmeans(x: SparseRows, V: number, k: number, iterations: number): Int32Array {
  const r = rng(42);
  const centroids = new Float64Array(k * V);
  const setCentroid = (c: number, i: number) => {
    for (let q = x.offsets[i]; q < x.offsets[i + 1]; q++) centroids[c * V + x.terms[q]] = x.weights[q];
  };
  const sim = (c: number, i: number) => {
    let s = 0;
    for (let q = x.offsets[i]; q < x.offsets[i + 1]; q++) s += centroids[c * V + x.terms[q]] * x.weights[q];
    return s;
  };
  // k-means++ on a sample keeps the start affordable at a million rows.
  const sample = Array.from({ length: Math.min(x.n, 20_000) }, () => Math.floor(r() * x.n));
  setCentroid(0, sample[0]);
  const dist = sample.map((i) => 1 - sim(0, i));
  for (let c = 1; c < k; c++) {
    const total = dist.reduce((s, d) => s + Math.max(0, d) ** 2, 0);
    let pick = r() * total;
    let chosen = sample[sample.length - 1];
    for (let j = 0; j < sample.length; j++) if ((pick -= Math.max(0, dist[j]) ** 2) <= 0) { chosen = sample[j]; break; }
    setCentroid(c, chosen);
    sample.forEach((i, j) => (dist[j] = Math.min(dist[j], 1 - sim(c, i))));
  }
  const labels = new Int32Array(x.n);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < x.n; i++) {
      let best = 0;
      let bestSim = -1;
      for (let c = 0; c < k; c++) {
        const s = sim(c, i);
        if (s > bestSim) {
          bestSim = s;
          best = c;
        }
      }
      if (labels[i] !== best || it === 0) moved++;
      labels[i] = best;
    }
    centroids.fill(0);
    for (let i = 0; i < x.n; i++) for (let q = x.offsets[i]; q < x.offsets[i + 1]; q++) centroids[labels[i] * V + x.terms[q]] += x.weights[q];
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let t = 0; t < V; t++) norm += centroids[c * V + t] ** 2;
      const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let t = 0; t < V; t++) centroids[c * V + t] *= inv;
    }
    if (moved === 0) break;
  }
  return labels;
}

/**
 * The topic engine on the sample city at `scale` appeals: text to stored topics (speed, peak
 * memory, quality), assigning 10,000 new appeals, and the plain TF-IDF + k-means baseline on the
 * same data, side by side.
 */
export const topicsBench: BenchSection = async ({ scale, workDir }) => {
  const n = Math.max(1000, Math.round(scale / ELIGIBLE_PER_N));
  console.error(`[bench] topics: sample city n=${n.toLocaleString('en')}…`);
  const files = await writeCity(join(workDir, 'city'), n);
  const path = join(workDir, 'topics.duckdb');
  const loading = await Database.open(path);
  await importCity(loading, files);
  loading.close();

  const db = await Database.open(path);
  try {
    console.error('[bench] topics: run…');
    const load = loadavg()[0];
    const sampler = rssSampler();
    const cpu = process.cpuUsage();
    const summary = await runTopics(db);
    const cpuSeconds = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6;
    const peak = await sampler.stop();
    const rate = summary.appeals / (summary.durationMs / 1000);
    const ours = await agreement(db, files.truth);
    console.error(`[bench] topics: run steps (ms) ${JSON.stringify(summary.steps)}`);

    console.error('[bench] topics: assign 10,000 new appeals…');
    const extra = await writeCity(join(workDir, 'extra'), Math.round(NEW_APPEALS / ELIGIBLE_PER_N), 777);
    const renamed = { workOrders: join(workDir, 'extra-orders.csv'), incidents: join(workDir, 'extra-incidents.csv') };
    renameIds(extra.workOrders, renamed.workOrders, /^GD/gm, 'NW');
    renameIds(extra.incidents, renamed.incidents, /^JQ/gm, 'NJ');
    await importCity(db, renamed);
    let started = Date.now();
    await assignText(db, '楼道里有人给电动车充电');
    const coldMs = Date.now() - started;
    started = Date.now();
    const assigned = await assignNewAppeals(db);
    const assignMs = Date.now() - started;

    console.error('[bench] topics: baseline (jieba + TF-IDF + k-means, k given)…');
    const k = new Set(ours.truth).size;
    const baseSampler = rssSampler();
    const base = await baseline(db, k);
    const basePeak = await baseSampler.stop();
    const keys = await db.query<{ key: string }>("SELECT platform || '/' || appeal_id AS key FROM topic_input WHERE appeal_id NOT LIKE 'N%' ORDER BY platform, appeal_id");
    const baseFound = keys.map((r) => base.labels.get(r.key) ?? -1);
    const baseRate = ours.truth.length / (base.ms / 1000);
    const mib = (b: number) => Math.round(b / (1 << 20));
    return [
      { area: 'topics', metric: `text to stored topics, ${summary.appeals.toLocaleString('en')} appeals (${summary.topics} topics found)`, value: Math.round(rate), unit: 'appeals/s', target: '≥ 50000', ok: rate >= 50_000, baseline: Math.round(baseRate) },
      { area: 'topics', metric: 'run wall time', value: Number((summary.durationMs / 1000).toFixed(1)), unit: 's', baseline: Number((base.ms / 1000).toFixed(1)) },
      { area: 'topics', metric: `run CPU time (both cores; machine load ${load.toFixed(1)} before)`, value: Number(cpuSeconds.toFixed(1)), unit: 's' },
      { area: 'topics', metric: 'peak memory (process RSS) during the run', value: mib(peak), unit: 'MiB', target: '≤ 4096', ok: mib(peak) <= 4096, baseline: mib(basePeak) },
      { area: 'topics', metric: `NMI vs true problems (baseline told k=${k})`, value: Number(nmi(ours.truth, ours.found).toFixed(3)), unit: '', baseline: Number(nmi(ours.truth, baseFound).toFixed(3)) },
      { area: 'topics', metric: 'ARI vs true problems', value: Number(ari(ours.truth, ours.found).toFixed(3)), unit: '', baseline: Number(ari(ours.truth, baseFound).toFixed(3)) },
      { area: 'topics', metric: 'appeals left unclustered', value: Number((1 - summary.clustered / summary.appeals).toFixed(3)), unit: 'share', baseline: 0 },
      { area: 'topics', metric: `assign ${assigned.considered.toLocaleString('en')} new appeals (model in memory)`, value: assignMs, unit: 'ms', target: '≤ 1000', ok: assignMs <= 1000 },
      { area: 'topics', metric: 'load the assignment model (first call after start)', value: coldMs, unit: 'ms' },
    ];
  } finally {
    db.close();
  }
};
