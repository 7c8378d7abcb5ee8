import type { SparseRows } from './sparse.js';

/**
 * Identical vectors collapsed into one row, in a canonical order that depends only on the
 * vectors: hotline data repeats itself (templates, copied complaints), and clustering the distinct
 * vectors once, weighted by how often they occur, is both faster and independent of row order.
 */
export interface Deduped {
  rows: SparseRows;
  /** For every input row, its distinct row (-1: an empty vector, which no topic can take). */
  of: Int32Array;
  /** Per distinct row: how many of its input rows are marked in `fit`. */
  weight: Float64Array;
}

function compareRows(rows: SparseRows, bits: Uint32Array, a: number, b: number): number {
  const la = rows.offsets[a + 1] - rows.offsets[a];
  const lb = rows.offsets[b + 1] - rows.offsets[b];
  const n = Math.min(la, lb);
  for (let k = 0; k < n; k++) {
    const ta = rows.terms[rows.offsets[a] + k];
    const tb = rows.terms[rows.offsets[b] + k];
    if (ta !== tb) return ta - tb;
    const wa = bits[rows.offsets[a] + k];
    const wb = bits[rows.offsets[b] + k];
    if (wa !== wb) return wa - wb;
  }
  return la - lb;
}

/** Row indices sorted by a 32-bit key (LSD radix sort, 8 bits a pass; stable). */
function radixByHash(order: Int32Array, key: Uint32Array): Int32Array {
  let from: Int32Array = order;
  let to: Int32Array = new Int32Array(order.length);
  const count = new Int32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    count.fill(0);
    for (let k = 0; k < from.length; k++) count[(key[from[k]] >>> shift) & 255]++;
    for (let b = 0, sum = 0; b < 256; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (let k = 0; k < from.length; k++) to[count[(key[from[k]] >>> shift) & 255]++] = from[k];
    [from, to] = [to, from];
  }
  return from;
}

export function dedupe(rows: SparseRows, fit: Uint8Array | null): Deduped {
  // The weights' bit patterns: equal bits, equal vectors.
  const bits = new Uint32Array(rows.weights.buffer, rows.weights.byteOffset, rows.weights.length);
  const h1 = new Uint32Array(rows.n);
  const h2 = new Uint32Array(rows.n);
  let nonEmpty = 0;
  for (let i = 0; i < rows.n; i++) {
    if (rows.offsets[i + 1] === rows.offsets[i]) continue;
    nonEmpty++;
    let a = 0x811c9dc5;
    let b = 0x01000193;
    for (let k = rows.offsets[i]; k < rows.offsets[i + 1]; k++) {
      const t = rows.terms[k];
      const w = bits[k];
      a = Math.imul(a ^ t, 0x01000193);
      a = Math.imul(a ^ w, 0x01000193);
      b = Math.imul(b ^ w, 0x5bd1e995) ^ Math.imul(t, 0x27d4eb2d);
      b = (b << 13) | (b >>> 19);
    }
    h1[i] = a >>> 0;
    h2[i] = b >>> 0;
  }
  const start = new Int32Array(nonEmpty);
  for (let i = 0, p = 0; i < rows.n; i++) if (rows.offsets[i + 1] > rows.offsets[i]) start[p++] = i;
  const order = radixByHash(start, h1);
  // Rows are now ordered by h1; order each run of equal h1 by h2, then by content.
  for (let a = 0; a < order.length; ) {
    let b = a + 1;
    while (b < order.length && h1[order[b]] === h1[order[a]]) b++;
    if (b - a > 1) order.subarray(a, b).sort((x, y) => h2[x] - h2[y] || compareRows(rows, bits, x, y));
    a = b;
  }
  const of = new Int32Array(rows.n).fill(-1);
  const firsts = new Int32Array(order.length);
  const weight = new Float64Array(order.length);
  let u = -1;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const prev = k > 0 ? order[k - 1] : -1;
    if (prev < 0 || h1[prev] !== h1[i] || h2[prev] !== h2[i] || compareRows(rows, bits, prev, i) !== 0) firsts[++u] = i;
    of[i] = u;
    if (!fit || fit[i]) weight[u]++;
  }
  const distinct = u + 1;
  const offsets = new Int32Array(distinct + 1);
  for (let d = 0; d < distinct; d++) offsets[d + 1] = offsets[d] + rows.offsets[firsts[d] + 1] - rows.offsets[firsts[d]];
  const terms = new Int32Array(offsets[distinct]);
  const weights = new Float32Array(offsets[distinct]);
  for (let d = 0; d < distinct; d++) {
    for (let k = rows.offsets[firsts[d]], p = offsets[d]; k < rows.offsets[firsts[d] + 1]; k++, p++) {
      terms[p] = rows.terms[k];
      weights[p] = rows.weights[k];
    }
  }
  return { rows: { n: distinct, offsets, terms, weights }, of, weight: weight.slice(0, distinct) };
}
