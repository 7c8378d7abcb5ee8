import type { CountRows } from '../../../pipelines/topics/sparse.js';

/** Count rows from lists of term ids (each occurrence counts once). */
export function countRows(docs: number[][]): CountRows {
  const offsets = new Int32Array(docs.length + 1);
  const terms: number[] = [];
  const counts: number[] = [];
  docs.forEach((doc, i) => {
    const m = new Map<number, number>();
    for (const t of doc) m.set(t, (m.get(t) ?? 0) + 1);
    for (const [t, c] of m) {
      terms.push(t);
      counts.push(c);
    }
    offsets[i + 1] = terms.length;
  });
  return { n: docs.length, offsets, terms: Int32Array.from(terms), counts: Uint16Array.from(counts) };
}

/** Deterministic pseudo-random numbers for fixtures. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `groups` separable groups of `size` documents: each draws 4–6 terms from its own 12-term
 * vocabulary (group g uses terms 12g … 12g + 11), plus `noise` documents of unique terms. Returns
 * the documents and the true group of each (-1 for noise).
 */
export function separable(groups: number, size: number, noise: number, seed: number): { docs: number[][]; truth: number[] } {
  const r = rng(seed);
  const docs: number[][] = [];
  const truth: number[] = [];
  for (let g = 0; g < groups; g++) {
    for (let i = 0; i < size; i++) {
      const n = 4 + Math.floor(r() * 3);
      docs.push(Array.from({ length: n }, () => 12 * g + Math.floor(r() * 12)));
      truth.push(g);
    }
  }
  for (let i = 0; i < noise; i++) {
    docs.push([1000 + 3 * i, 1001 + 3 * i, 1002 + 3 * i]);
    truth.push(-1);
  }
  return { docs, truth };
}
