import { describe, expect, test } from 'vitest';
import { autoJoinThreshold, thresholdClusterer } from '../../../pipelines/topics/clusterer.js';
import { dedupe } from '../../../pipelines/topics/dedupe.js';
import { DEFAULT_PARAMS } from '../../../pipelines/topics/params.js';
import { ari } from '../../../pipelines/topics/quality.js';
import { dot } from '../../../pipelines/topics/sparse.js';
import { fitVectoriser, transformRows } from '../../../pipelines/topics/vectoriser.js';
import { countRows, separable } from './sparse-fixture.js';

function prepare(docs: number[][]) {
  const counts = countRows(docs);
  const vocabulary = Array.from({ length: 2000 }, (_, i) => `t${String(i).padStart(4, '0')}`);
  const { model, remap } = fitVectoriser(counts, vocabulary, null, { minDf: 1, maxDfShare: 1 });
  return { d: dedupe(transformRows(counts, remap, model.idf, 100), null), V: model.terms.length };
}

const params = { ...DEFAULT_PARAMS, joinThreshold: 0.3 };

describe('threshold clusterer', () => {
  test('finds separable groups without being told how many, and leaves unique texts as noise', () => {
    const { docs, truth } = separable(4, 40, 12, 1);
    const { d, V } = prepare(docs);
    const res = thresholdClusterer(params).cluster(d.rows, d.weight, V);
    const found = docs.map((_, i) => (d.of[i] >= 0 ? res.labels[d.of[i]] : -1));
    expect(res.centroids.length).toBe(4);
    expect(ari(truth.slice(0, 160), found.slice(0, 160))).toBe(1);
    expect(found.slice(160).every((f) => f === -1)).toBe(true);
    for (const c of res.centroids) {
      let norm = 0;
      for (const w of c.weights) norm += w * w;
      expect(norm).toBeCloseTo(1, 5);
    }
  });

  test('groups smaller than the minimum topic size are noise', () => {
    const { docs } = separable(2, 3, 0, 2);
    const { d, V } = prepare(docs);
    expect(thresholdClusterer(params).cluster(d.rows, d.weight, V).centroids.length).toBe(0);
  });

  test('the same rows give the same result, and rows of weight 0 are assigned but shape nothing', () => {
    const { docs } = separable(3, 30, 5, 3);
    const { d, V } = prepare(docs);
    const a = thresholdClusterer(params).cluster(d.rows, d.weight, V);
    const b = thresholdClusterer(params).cluster(d.rows, d.weight, V);
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Array.from(a.similarity)).toEqual(Array.from(b.similarity));
    const weights = Float64Array.from(d.weight, (w, u) => (u % 2 ? 0 : w));
    const half = thresholdClusterer(params).cluster(d.rows, weights, V);
    expect(half.centroids.length).toBe(3);
    expect(Array.from(half.labels).filter((l, u) => u % 2 === 1 && l >= 0).length).toBeGreaterThan(0);
  });

  test('the automatic join threshold stays within its bounds and is high for near-duplicates', () => {
    const { docs } = separable(3, 30, 0, 4);
    const { d, V } = prepare(docs);
    const j = autoJoinThreshold(d.rows, d.weight, V, 0.2, 0.4);
    expect(j).toBeGreaterThanOrEqual(0.2);
    expect(j).toBeLessThanOrEqual(0.4);
    const dup = prepare(Array.from({ length: 40 }, (_, i) => [0, 1, 2, 3, 4 + (i % 2)]));
    expect(autoJoinThreshold(dup.d.rows, dup.d.weight, dup.V, 0.2, 0.4)).toBe(0.4);
  });

  test('the automatic join threshold is the median similarity of each text to its nearest other', () => {
    const { docs } = separable(4, 25, 9, 5);
    const { d, V } = prepare(docs);
    const row = (i: number) => ({ terms: d.rows.terms.subarray(d.rows.offsets[i], d.rows.offsets[i + 1]), weights: d.rows.weights.subarray(d.rows.offsets[i], d.rows.offsets[i + 1]) });
    const nearest = Array.from({ length: d.rows.n }, (_, i) => Math.max(0, ...Array.from({ length: d.rows.n }, (_, j) => (j === i ? 0 : dot(row(i), row(j))))));
    nearest.sort((a, b) => a - b);
    const median = nearest[Math.floor((nearest.length - 1) / 2)];
    expect(median).toBeGreaterThan(0.2);
    expect(median).toBeLessThan(0.9);
    expect(autoJoinThreshold(d.rows, d.weight, V, 0, 1, d.rows.n, d.rows.n)).toBe(median);
  });
});
