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

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

function rowHashes(rows: SparseRows, i: number): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let k = rows.offsets[i]; k < rows.offsets[i + 1]; k++) {
    F32[0] = rows.weights[k];
    const a = rows.terms[k];
    const b = U32[0];
    h1 = Math.imul(h1 ^ a, 0x01000193);
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 ^ b, 0x5bd1e995) ^ Math.imul(a, 0x27d4eb2d);
    h2 = (h2 << 13) | (h2 >>> 19);
  }
  return [h1 >>> 0, h2 >>> 0];
}

function compareRows(rows: SparseRows, a: number, b: number): number {
  const la = rows.offsets[a + 1] - rows.offsets[a];
  const lb = rows.offsets[b + 1] - rows.offsets[b];
  const n = Math.min(la, lb);
  for (let k = 0; k < n; k++) {
    const ta = rows.terms[rows.offsets[a] + k];
    const tb = rows.terms[rows.offsets[b] + k];
    if (ta !== tb) return ta - tb;
    const wa = rows.weights[rows.offsets[a] + k];
    const wb = rows.weights[rows.offsets[b] + k];
    if (wa !== wb) return wa < wb ? -1 : 1;
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
  const h1 = new Uint32Array(rows.n);
  const h2 = new Uint32Array(rows.n);
  const nonEmpty: number[] = [];
  for (let i = 0; i < rows.n; i++) {
    if (rows.offsets[i + 1] === rows.offsets[i]) continue;
    [h1[i], h2[i]] = rowHashes(rows, i);
    nonEmpty.push(i);
  }
  const order = radixByHash(Int32Array.from(nonEmpty), h1);
  // Rows are now ordered by h1; order each run of equal h1 by h2, then by content.
  for (let a = 0; a < order.length; ) {
    let b = a + 1;
    while (b < order.length && h1[order[b]] === h1[order[a]]) b++;
    if (b - a > 1) order.subarray(a, b).sort((x, y) => h2[x] - h2[y] || compareRows(rows, x, y));
    a = b;
  }
  const of = new Int32Array(rows.n).fill(-1);
  const firsts: number[] = [];
  const weight: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const prev = k > 0 ? order[k - 1] : -1;
    if (prev < 0 || h1[prev] !== h1[i] || h2[prev] !== h2[i] || compareRows(rows, prev, i) !== 0) {
      firsts.push(i);
      weight.push(0);
    }
    const u = firsts.length - 1;
    of[i] = u;
    if (!fit || fit[i]) weight[u]++;
  }
  const offsets = new Int32Array(firsts.length + 1);
  for (let u = 0; u < firsts.length; u++) offsets[u + 1] = offsets[u] + rows.offsets[firsts[u] + 1] - rows.offsets[firsts[u]];
  const terms = new Int32Array(offsets[firsts.length]);
  const weights = new Float32Array(offsets[firsts.length]);
  for (let u = 0; u < firsts.length; u++) {
    const a = rows.offsets[firsts[u]];
    const b = rows.offsets[firsts[u] + 1];
    terms.set(rows.terms.subarray(a, b), offsets[u]);
    weights.set(rows.weights.subarray(a, b), offsets[u]);
  }
  return { rows: { n: firsts.length, offsets, terms, weights }, of, weight: Float64Array.from(weight) };
}
