import { Accumulator, type SparseRows, type SparseVector } from './sparse.js';

/** Centroids keep their strongest terms only: at most this many, and no more than needed to hold
 * this part of their squared length. */
const CENTROID_TERMS = 120;
const CENTROID_MASS = 0.99;

/**
 * Unit centroids of the labelled rows (labels 0 … k-1; -1 ignored), each row counted `weights[i]`
 * times. Rows are summed in row order, so the result is the same whatever order the labels came in.
 */
export function centroidsOf(rows: SparseRows, labels: Int32Array, weights: Float64Array, k: number, termCount: number): SparseVector[] {
  const byLabel = groupByLabel(labels, k);
  const acc = new Accumulator(termCount);
  const out: SparseVector[] = [];
  for (let c = 0; c < k; c++) {
    for (let p = byLabel.start[c]; p < byLabel.start[c + 1]; p++) {
      const i = byLabel.rows[p];
      acc.add(rows.terms, rows.weights, weights[i], rows.offsets[i], rows.offsets[i + 1]);
    }
    out.push(acc.takeUnit(CENTROID_TERMS, CENTROID_MASS));
  }
  return out;
}

/** Rows grouped by label (counting sort): label c's rows are rows[start[c]] … rows[start[c + 1] - 1], ascending. */
function groupByLabel(labels: Int32Array, k: number): { start: Int32Array; rows: Int32Array } {
  const start = new Int32Array(k + 1);
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) start[labels[i] + 1]++;
  for (let c = 0; c < k; c++) start[c + 1] += start[c];
  const fill = start.slice(0, k);
  const rows = new Int32Array(start[k]);
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) rows[fill[labels[i]]++] = i;
  return { start, rows };
}

/**
 * An inverted index over centroids: the similarity of a vector to every centroid costs the length
 * of the postings of its terms, not the number of centroids.
 */
export class CentroidIndex {
  private readonly start: Int32Array;
  private readonly ids: Int32Array;
  private readonly values: Float32Array;
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;

  constructor(
    readonly centroids: SparseVector[],
    readonly termCount: number,
  ) {
    const start = new Int32Array(termCount + 1);
    for (const c of centroids) for (const t of c.terms) start[t + 1]++;
    for (let t = 0; t < termCount; t++) start[t + 1] += start[t];
    const fill = start.slice(0, termCount);
    const ids = new Int32Array(start[termCount]);
    const values = new Float32Array(start[termCount]);
    centroids.forEach((c, id) => {
      for (let k = 0; k < c.terms.length; k++) {
        const p = fill[c.terms[k]]++;
        ids[p] = id;
        values[p] = c.weights[k];
      }
    });
    this.start = start;
    this.ids = ids;
    this.values = values;
    this.scores = new Float64Array(centroids.length);
    this.touched = new Int32Array(centroids.length);
  }

  get size(): number {
    return this.centroids.length;
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
