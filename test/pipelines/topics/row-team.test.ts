import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { centroidsOf, nearestCentroids, postingsOf } from '../../../pipelines/topics/centroids.js';
import { autoJoinThreshold, thresholdClusterer, type ClusterResult } from '../../../pipelines/topics/clusterer.js';
import { dedupe, type Deduped } from '../../../pipelines/topics/dedupe.js';
import { DEFAULT_PARAMS } from '../../../pipelines/topics/params.js';
import { newArray, RowTeam } from '../../../pipelines/topics/row-team.js';
import type { SparseVector } from '../../../pipelines/topics/sparse.js';
import { fitVectoriser, transformRows } from '../../../pipelines/topics/vectoriser.js';
import { countRows, rng } from './sparse-fixture.js';

/**
 * Texts of 30 problems that share a common vocabulary (so similarities spread out and topics touch),
 * some repeated word for word, plus one-off texts; every fifth text is outside the learning window.
 */
function corpus(n: number, seed: number): { docs: number[][]; fit: Uint8Array } {
  const r = rng(seed);
  const docs: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && r() < 0.15) {
      docs.push([...docs[Math.floor(r() * docs.length)]]);
      continue;
    }
    const g = Math.floor(r() * 30);
    const len = 4 + Math.floor(r() * 8);
    const doc: number[] = [];
    for (let k = 0; k < len; k++) {
      const u = r();
      doc.push(u < 0.65 ? 100 + 15 * g + Math.floor(r() * 15) : u < 0.95 ? Math.floor(r() * 60) : 1000 + Math.floor(r() * 3000));
    }
    docs.push(doc);
  }
  return { docs, fit: Uint8Array.from(docs, (_, i) => (i % 5 === 4 ? 0 : 1)) };
}

function prepare(docs: number[][], fit: Uint8Array, shared: boolean): { d: Deduped; V: number } {
  const counts = countRows(docs);
  const vocabulary = Array.from({ length: 4000 }, (_, i) => `t${String(i).padStart(4, '0')}`);
  const { model, remap } = fitVectoriser(counts, vocabulary, fit, { minDf: 2, maxDfShare: 0.5 });
  return { d: dedupe(transformRows(counts, remap, model.idf, 100, true), fit, shared), V: model.terms.length };
}

/** The bytes of a typed array: equal bytes, bit-for-bit equal numbers. */
const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
const centroidBytes = (cs: SparseVector[]) => cs.map((c) => [bytes(c.terms), bytes(c.weights)]);

function expectSameClusters(a: ClusterResult, b: ClusterResult): void {
  expect(bytes(a.labels)).toBe(bytes(b.labels));
  expect(bytes(a.similarity)).toBe(bytes(b.similarity));
  expect(bytes(a.best)).toBe(bytes(b.best));
  expect(bytes(a.thresholds)).toBe(bytes(b.thresholds));
  expect(centroidBytes(a.centroids)).toEqual(centroidBytes(b.centroids));
}

// Small samples and no size threshold, so that every pass is shared out in many chunks.
const params = { ...DEFAULT_PARAMS, joinThreshold: 0.3, sampleSize: 6000 };
const { docs, fit } = corpus(40_000, 7);

describe('clustering on a team of threads', () => {
  const teams = new Map<number, RowTeam>();
  beforeAll(async () => {
    for (const threads of [2, 3]) teams.set(threads, RowTeam.start(threads, 1));
    await Promise.all([...teams.values()].map((t) => t.whenReady()));
  });
  afterAll(async () => {
    await Promise.all([...teams.values()].map((t) => t.close()));
  });

  test('gives bit for bit what one thread gives: distinct rows, labels, similarities, centroids, thresholds', () => {
    const alone = prepare(docs, fit, false);
    const join = autoJoinThreshold(alone.d.rows, alone.d.weight, alone.V, 0.2, 0.6);
    const expected = thresholdClusterer({ ...params, joinThreshold: join }).cluster(alone.d.rows, alone.d.weight, alone.V);
    // The data must make the comparison worth something: several topics, some noise, rows near a border.
    expect(expected.centroids.length).toBeGreaterThan(10);
    expect(expected.labels.some((l, u) => l < 0 && expected.best[u] >= 0)).toBe(true);
    expect(new Set(expected.thresholds).size).toBeGreaterThan(1);
    for (const [threads, team] of teams) {
      const before = team.chunksInWorkers;
      const { d, V } = prepare(docs, fit, true);
      expect(bytes(d.rows.terms)).toBe(bytes(alone.d.rows.terms));
      expect(bytes(d.rows.weights)).toBe(bytes(alone.d.rows.weights));
      expect(bytes(d.weight)).toBe(bytes(alone.d.weight));
      const found = thresholdClusterer({ ...params, joinThreshold: join }, team).cluster(d.rows, d.weight, V);
      expectSameClusters(found, expected);
      // The workers did take part (else this compared the in-thread path with itself).
      expect(team.chunksInWorkers - before, `${threads} threads`).toBeGreaterThan(0);
    }
  });

  test('centroids of any labelling are summed the same on every thread count', () => {
    const alone = prepare(docs, fit, false);
    const { d, V } = prepare(docs, fit, true);
    // Labels unlike the clusterer's: 97 topics of interleaved rows, a few rows unlabelled.
    const labels = newArray(Int32Array, d.rows.n, true);
    for (let u = 0; u < d.rows.n; u++) labels[u] = u % 13 === 0 ? -1 : (u * 7) % 97;
    const expected = centroidsOf(alone.d.rows, labels, alone.d.weight, 97, V);
    for (const team of teams.values()) expect(centroidBytes(centroidsOf(d.rows, labels, d.weight, 97, V, team))).toEqual(centroidBytes(expected));
  });

  test('arrays outside shared memory are refused rather than silently copied', () => {
    const alone = prepare(docs, fit, false);
    expect(() => thresholdClusterer({ ...params, joinThreshold: 0.3 }, teams.get(2)).cluster(alone.d.rows, alone.d.weight, alone.V)).toThrow(/not in shared memory/);
  });

  test('a failure on any thread is reported and the team stays usable', () => {
    const team = teams.get(3)!;
    const { d, V } = prepare(docs, fit, true);
    const n = d.rows.n;
    const which = newArray(Int32Array, n, true);
    for (let u = 0; u < n; u++) which[u] = u;
    const postings = postingsOf([], V, true);
    const args = {
      offsets: d.rows.offsets,
      terms: d.rows.terms,
      weights: d.rows.weights,
      which,
      labels: newArray(Int32Array, n, true).fill(-1),
      postings: { ...postings, size: -1 },
      nearest: newArray(Int32Array, n, true),
      own: newArray(Float64Array, n, true),
      similarity: newArray(Float64Array, n, true),
    };
    // An index of -1 centroids cannot be made: every chunk fails, on whichever thread.
    expect(() => team.run(nearestCentroids, args, n, 64)).toThrow(/nearestCentroids failed: .*length/);
    // With no centroids every row has none nearest; the next task runs as usual.
    args.nearest.fill(7);
    team.run(nearestCentroids, { ...args, postings }, n, 64);
    expect(Array.from(args.nearest).every((id) => id === -1)).toBe(true);
  });
});
