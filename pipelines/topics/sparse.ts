/** Term counts of many texts, row by row (compressed sparse rows). */
export interface CountRows {
  n: number;
  /** Row i spans offsets[i] … offsets[i + 1] - 1 of terms/counts. */
  offsets: Int32Array;
  terms: Int32Array;
  counts: Uint16Array;
}

/** Unit-length weighted rows (compressed sparse rows); terms ascending within a row. */
export interface SparseRows {
  n: number;
  offsets: Int32Array;
  terms: Int32Array;
  weights: Float32Array;
}

/** One sparse vector, terms ascending. */
export interface SparseVector {
  terms: Int32Array;
  weights: Float32Array;
}

/** Dot product of two vectors with ascending terms. */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i];
    const tb = b.terms[j];
    if (ta === tb) s += a.weights[i++] * b.weights[j++];
    else if (ta < tb) i++;
    else j++;
  }
  return s;
}

/**
 * A dense accumulator over the term space that remembers which terms it touched, so summing many
 * sparse vectors costs their length, not the vocabulary size.
 */
export class Accumulator {
  private readonly values: Float64Array;
  private readonly touched: Int32Array;
  private count = 0;

  constructor(readonly termCount: number) {
    this.values = new Float64Array(termCount);
    this.touched = new Int32Array(termCount);
  }

  add(terms: ArrayLike<number>, weights: ArrayLike<number>, factor: number, from = 0, to = terms.length): void {
    if (factor === 0) return;
    for (let k = from; k < to; k++) {
      const t = terms[k];
      if (this.values[t] === 0) this.touched[this.count++] = t;
      this.values[t] += weights[k] * factor;
      // A sum that cancels to exactly 0 would be listed twice; a tiny offset keeps it listed once.
      if (this.values[t] === 0) this.values[t] = Number.MIN_VALUE;
    }
  }

  /**
   * The accumulated vector, scaled to unit length after keeping its strongest terms: at most
   * `maxTerms`, and no more than needed to keep `mass` of its squared length. Resets the accumulator.
   */
  takeUnit(maxTerms: number, mass: number): SparseVector {
    const n = this.count;
    const order = Array.from(this.touched.subarray(0, n));
    // Strongest first; equal weights by term id so the result never depends on the order of addition.
    order.sort((a, b) => this.values[b] - this.values[a] || a - b);
    let total = 0;
    for (const t of order) total += this.values[t] * this.values[t];
    let kept = 0;
    let keptMass = 0;
    while (kept < order.length && kept < maxTerms && (kept === 0 || keptMass < mass * total)) {
      const v = this.values[order[kept]];
      keptMass += v * v;
      kept++;
    }
    const chosen = order.slice(0, kept).sort((a, b) => a - b);
    const norm = Math.sqrt(keptMass) || 1;
    const terms = new Int32Array(chosen);
    const weights = new Float32Array(chosen.length);
    for (let k = 0; k < chosen.length; k++) weights[k] = this.values[chosen[k]] / norm;
    for (let k = 0; k < n; k++) this.values[this.touched[k]] = 0;
    this.count = 0;
    return { terms, weights };
  }

}
