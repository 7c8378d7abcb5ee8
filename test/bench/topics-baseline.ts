import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import type { Database } from '../../pipelines/db/database.js';
import { loadLexicon } from '../../pipelines/topics/lexicon.js';
import type { CountRows, SparseRows } from '../../pipelines/topics/sparse.js';
import { fitVectoriser, transformRows } from '../../pipelines/topics/vectoriser.js';
import { rng } from '../pipelines/topics/sparse-fixture.js';

/**
 * The plain baseline, as an analyst would script it: read the texts, cut each with jieba in one
 * thread, drop stop words, TF-IDF, and k-means with k given (k-means++ start, Lloyd iterations).
 * Returns each appeal's cluster by platform/appeal_id.
 */
export async function baseline(db: Database, k: number): Promise<Map<string, number>> {
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
  return new Map(rows.map((r, i) => [r.key, labels[i]]));
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
