import { newArray, runRows, type RowTeam } from './row-team.js';
import type { Kernel } from './row-task.js';
import { Accumulator, type SparseRows, type SparseVector } from './sparse.js';

/** Centroids keep their strongest terms only: at most this many, and no more than needed to hold
 * this part of their squared length. */
const CENTROID_TERMS = 120;
const CENTROID_MASS = 0.99;

/**
 * Unit centroids of the labelled rows (labels 0 … k-1; -1 ignored), each row counted `weights[i]`
 * times. Rows are summed in row order, so the result is the same whatever order the labels came in.
 * With a team, topics are summed on its threads (rows and weights must be in shared memory).
 */
export function centroidsOf(rows: SparseRows, labels: Int32Array, weights: Float64Array, k: number, termCount: number, team?: RowTeam): SparseVector[] {
  const shared = team !== undefined;
  const byLabel = groupByLabel(labels, k, shared);
  // Largest topics first, so that no thread is left summing a big one while the others wait.
  const order = newArray(Int32Array, k, shared);
  order.set(Array.from({ length: k }, (_, c) => c).sort((a, b) => byLabel.start[b + 1] - byLabel.start[b] - (byLabel.start[a + 1] - byLabel.start[a]) || a - b));
  const args: CentroidSumArgs = {
    offsets: rows.offsets,
    terms: rows.terms,
    weights: rows.weights,
    rowWeights: weights,
    start: byLabel.start,
    members: byLabel.rows,
    order,
    termCount,
    outTerms: newArray(Int32Array, k * CENTROID_TERMS, shared),
    outWeights: newArray(Float32Array, k * CENTROID_TERMS, shared),
    outLength: newArray(Int32Array, k, shared),
  };
  runRows(team, sumCentroids, args, k, 1, byLabel.rows.length);
  return Array.from({ length: k }, (_, c) => {
    const at = c * CENTROID_TERMS;
    return { terms: args.outTerms.slice(at, at + args.outLength[c]), weights: args.outWeights.slice(at, at + args.outLength[c]) };
  });
}

export interface CentroidSumArgs {
  offsets: Int32Array;
  terms: Int32Array;
  weights: Float32Array;
  rowWeights: Float64Array;
  /** Topic c's rows are members[start[c]] … members[start[c + 1] - 1], ascending. */
  start: Int32Array;
  members: Int32Array;
  /** Item j is topic order[j]. */
  order: Int32Array;
  termCount: number;
  /** Topic c's centroid: outLength[c] terms and weights from c × CENTROID_TERMS. */
  outTerms: Int32Array;
  outWeights: Float32Array;
  outLength: Int32Array;
}

/** The accumulator of this thread, kept between tasks: it is as long as the vocabulary. */
let accumulator: Accumulator | undefined;

/** Sums topics' rows into centroids, one topic an item. */
export const sumCentroids: Kernel<CentroidSumArgs> = {
  name: 'sumCentroids',
  run(a, from, to) {
    if (accumulator?.termCount !== a.termCount) accumulator = new Accumulator(a.termCount);
    const acc = accumulator;
    // A failure part-way would leave sums behind: the next task starts from a fresh accumulator.
    accumulator = undefined;
    for (let j = from; j < to; j++) {
      const c = a.order[j];
      for (let p = a.start[c]; p < a.start[c + 1]; p++) {
        const i = a.members[p];
        acc.add(a.terms, a.weights, a.rowWeights[i], a.offsets[i], a.offsets[i + 1]);
      }
      const unit = acc.takeUnit(CENTROID_TERMS, CENTROID_MASS);
      a.outTerms.set(unit.terms, c * CENTROID_TERMS);
      a.outWeights.set(unit.weights, c * CENTROID_TERMS);
      a.outLength[c] = unit.terms.length;
    }
    accumulator = acc;
  },
};

/** Rows grouped by label (counting sort): label c's rows are rows[start[c]] … rows[start[c + 1] - 1], ascending. */
function groupByLabel(labels: Int32Array, k: number, shared: boolean): { start: Int32Array; rows: Int32Array } {
  const start = newArray(Int32Array, k + 1, shared);
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) start[labels[i] + 1]++;
  for (let c = 0; c < k; c++) start[c + 1] += start[c];
  const fill = start.slice(0, k);
  const rows = newArray(Int32Array, start[k], shared);
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) rows[fill[labels[i]]++] = i;
  return { start, rows };
}

/** An inverted index's arrays: term t's postings (centroid ids and weights) are start[t] … start[t + 1] - 1. */
export interface Postings {
  termCount: number;
  /** How many centroids. */
  size: number;
  start: Int32Array;
  ids: Int32Array;
  values: Float32Array;
}

/** The postings of the centroids, in memory worker threads can share when `shared`. */
export function postingsOf(centroids: SparseVector[], termCount: number, shared = false): Postings {
  const start = newArray(Int32Array, termCount + 1, shared);
  for (const c of centroids) for (const t of c.terms) start[t + 1]++;
  for (let t = 0; t < termCount; t++) start[t + 1] += start[t];
  const fill = start.slice(0, termCount);
  const ids = newArray(Int32Array, start[termCount], shared);
  const values = newArray(Float32Array, start[termCount], shared);
  centroids.forEach((c, id) => {
    for (let k = 0; k < c.terms.length; k++) {
      const p = fill[c.terms[k]]++;
      ids[p] = id;
      values[p] = c.weights[k];
    }
  });
  return { termCount, size: centroids.length, start, ids, values };
}

/**
 * An inverted index over centroids: the similarity of a vector to every centroid costs the length
 * of the postings of its terms, not the number of centroids. Each thread queries its own index
 * (they keep scratch scores); the postings may be shared.
 */
export class PostingsIndex {
  readonly termCount: number;
  private readonly start: Int32Array;
  private readonly ids: Int32Array;
  private readonly values: Float32Array;
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;

  constructor(readonly postings: Postings) {
    this.termCount = postings.termCount;
    this.start = postings.start;
    this.ids = postings.ids;
    this.values = postings.values;
    this.scores = new Float64Array(postings.size);
    this.touched = new Int32Array(postings.size);
  }

  get size(): number {
    return this.postings.size;
  }

  /**
   * Similarity to every centroid sharing a term with the vector (terms[from … to)); calls
   * `visit(centroid, similarity)` for each, in centroid order.
   */
  each(terms: ArrayLike<number>, weights: ArrayLike<number>, from: number, to: number, visit: (id: number, similarity: number) => void): void {
    const n = this.accumulate(terms, weights, from, to);
    const list = Array.from(this.touched.subarray(0, n)).sort((a, b) => a - b);
    for (const id of list) {
      visit(id, this.scores[id]);
      this.scores[id] = 0;
    }
  }

  /** The most similar centroid (the lowest id among equals) and its similarity; -1 when none shares a term. */
  nearest(terms: ArrayLike<number>, weights: ArrayLike<number>, from = 0, to = terms.length, allowed?: Uint8Array): { id: number; similarity: number } {
    const n = this.accumulate(terms, weights, from, to);
    let best = -1;
    let bestScore = 0;
    for (let k = 0; k < n; k++) {
      const id = this.touched[k];
      const s = this.scores[id];
      this.scores[id] = 0;
      if (allowed && !allowed[id]) continue;
      if (s > bestScore || (s === bestScore && best >= 0 && id < best)) {
        best = id;
        bestScore = s;
      }
    }
    return { id: best, similarity: bestScore };
  }

  /**
   * The most similar centroid (as `nearest`) and the similarity to centroid `own` (0 when own < 0),
   * from one pass over the postings.
   */
  nearestAndOwn(terms: ArrayLike<number>, weights: ArrayLike<number>, from: number, to: number, own: number): { id: number; similarity: number; own: number } {
    const n = this.accumulate(terms, weights, from, to);
    const ownScore = own >= 0 ? this.scores[own] : 0;
    let best = -1;
    let bestScore = 0;
    for (let k = 0; k < n; k++) {
      const id = this.touched[k];
      const s = this.scores[id];
      this.scores[id] = 0;
      if (s > bestScore || (s === bestScore && best >= 0 && id < best)) {
        best = id;
        bestScore = s;
      }
    }
    return { id: best, similarity: bestScore, own: ownScore };
  }

  /** The highest similarity to any centroid but `skip` (0 when none shares a term). */
  nearestOther(terms: ArrayLike<number>, weights: ArrayLike<number>, from: number, to: number, skip: number): number {
    const n = this.accumulate(terms, weights, from, to);
    let top = 0;
    for (let k = 0; k < n; k++) {
      const id = this.touched[k];
      const s = this.scores[id];
      this.scores[id] = 0;
      if (id !== skip && s > top) top = s;
    }
    return top;
  }

  private accumulate(terms: ArrayLike<number>, weights: ArrayLike<number>, from: number, to: number): number {
    let n = 0;
    for (let k = from; k < to; k++) {
      const t = terms[k];
      if (t >= this.termCount) continue;
      const w = weights[k];
      for (let p = this.start[t]; p < this.start[t + 1]; p++) {
        const id = this.ids[p];
        if (this.scores[id] === 0) this.touched[n++] = id;
        this.scores[id] += w * this.values[p];
      }
    }
    return n;
  }
}

/** An index over the given centroids. */
export class CentroidIndex extends PostingsIndex {
  constructor(
    readonly centroids: SparseVector[],
    termCount: number,
  ) {
    super(postingsOf(centroids, termCount));
  }
}

export interface NearestArgs {
  offsets: Int32Array;
  terms: Int32Array;
  weights: Float32Array;
  /** Item q is row which[q]. */
  which: Int32Array;
  /** Each row's own centroid (-1: none). */
  labels: Int32Array;
  postings: Postings;
  /** Per item: the nearest centroid and the similarity to its own one; per row: the similarity to the nearest. */
  nearest: Int32Array;
  own: Float64Array;
  similarity: Float64Array;
}

/** Each row's nearest centroid and its similarity to its own one, one row an item. */
export const nearestCentroids: Kernel<NearestArgs> = {
  name: 'nearestCentroids',
  run(a, from, to) {
    const index = new PostingsIndex(a.postings);
    const { offsets, terms, weights, which, labels, nearest, own, similarity } = a;
    for (let q = from; q < to; q++) {
      const i = which[q];
      const r = index.nearestAndOwn(terms, weights, offsets[i], offsets[i + 1], labels[i]);
      nearest[q] = r.id;
      similarity[i] = r.similarity;
      own[q] = r.own;
    }
  },
};
