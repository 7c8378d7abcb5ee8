import { newArray } from './row-team.js';
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

/**
 * Per position of `order` (rows ordered by h1, then h2): 1 when its row is a copy of the one
 * before. A run of equal hashes is copies of one vector, but for a collision; such a run is then
 * ordered by content, so the order depends on the vectors alone.
 */
function copiesOfPrevious(rows: SparseRows, bits: Uint32Array, order: Int32Array, h1: Uint32Array, h2: Uint32Array): Uint8Array {
  const copy = new Uint8Array(order.length);
  for (let a = 0; a < order.length; ) {
    let b = a + 1;
    while (b < order.length && h1[order[b]] === h1[order[a]] && h2[order[b]] === h2[order[a]]) b++;
    let sorted = true;
    for (let k = a + 1; k < b && sorted; k++) {
      const c = compareRows(rows, bits, order[k - 1], order[k]);
      copy[k] = c === 0 ? 1 : 0;
      sorted = c <= 0;
    }
    if (!sorted) {
      order.subarray(a, b).sort((x, y) => compareRows(rows, bits, x, y));
      for (let k = a + 1; k < b; k++) copy[k] = compareRows(rows, bits, order[k - 1], order[k]) === 0 ? 1 : 0;
    }
    a = b;
  }
  return copy;
}

/** `shared`: the distinct rows and their weights in memory worker threads can share (for a RowTeam). */
export function dedupe(rows: SparseRows, fit: Uint8Array | null, shared = false): Deduped {
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
  // Ordered by h1, then h2 (radix sorts are stable: equal hashes keep row order).
  const order = radixByHash(radixByHash(start, h2), h1);
  const copy = copiesOfPrevious(rows, bits, order, h1, h2);
  const of = new Int32Array(rows.n).fill(-1);
  const firsts = new Int32Array(order.length);
  const weight = new Float64Array(order.length);
  let u = -1;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (!copy[k]) firsts[++u] = i;
    of[i] = u;
    if (!fit || fit[i]) weight[u]++;
  }
  const distinct = u + 1;
  const offsets = newArray(Int32Array, distinct + 1, shared);
  for (let d = 0; d < distinct; d++) offsets[d + 1] = offsets[d] + rows.offsets[firsts[d] + 1] - rows.offsets[firsts[d]];
  const terms = newArray(Int32Array, offsets[distinct], shared);
  const weights = newArray(Float32Array, offsets[distinct], shared);
  // Copied in row order (reading along the rows, writing where each goes), which is faster than
  // reading them scattered in distinct order.
  for (let i = 0; i < rows.n; i++) {
    const d = of[i];
    if (d < 0 || firsts[d] !== i) continue;
    for (let k = rows.offsets[i], p = offsets[d]; k < rows.offsets[i + 1]; k++, p++) {
      terms[p] = rows.terms[k];
      weights[p] = rows.weights[k];
    }
  }
  const distinctWeight = newArray(Float64Array, distinct, shared);
  distinctWeight.set(weight.subarray(0, distinct));
  return { rows: { n: distinct, offsets, terms, weights }, of, weight: distinctWeight };
}
