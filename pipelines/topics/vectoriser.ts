import type { CountRows, SparseRows, SparseVector } from './sparse.js';

export interface VectoriserParams {
  /** Terms in fewer texts than this are left out (they cannot make two texts alike). */
  minDf: number;
  /** Terms in more than this share of the texts are left out (they make every text alike). */
  maxDfShare: number;
}

/** A fitted TF-IDF vectoriser: its terms (sorted), their document frequencies and idf. */
export interface VectorModel {
  terms: string[];
  df: Int32Array;
  idf: Float64Array;
  index: Map<string, number>;
}

/** Smooth idf, as scikit-learn: texts that share a rare term are much more alike than texts that share a common one. */
export function idfOf(df: number, docs: number): number {
  return Math.log((1 + docs) / (1 + df)) + 1;
}

export function makeModel(terms: string[], df: Int32Array, docs: number): VectorModel {
  const idf = new Float64Array(terms.length);
  for (let t = 0; t < terms.length; t++) idf[t] = idfOf(df[t], docs);
  return makeModelFromIdf(terms, df, idf);
}

/** A model from stored terms, document frequencies and idf. */
export function makeModelFromIdf(terms: string[], df: Int32Array, idf: Float64Array): VectorModel {
  return { terms, df, idf, index: new Map(terms.map((t, i) => [t, i])) };
}

/**
 * Fits TF-IDF on the rows marked in `fit` (all when null). `vocabulary` names the rows' term ids and
 * must be sorted, so model term ids follow the terms' order and never the rows' order. Returns the
 * model and the map from row term ids to model term ids (-1: left out).
 */
export function fitVectoriser(rows: CountRows, vocabulary: string[], fit: Uint8Array | null, params: VectoriserParams): { model: VectorModel; remap: Int32Array } {
  const df = new Int32Array(vocabulary.length);
  let docs = 0;
  for (let i = 0; i < rows.n; i++) {
    if (fit && !fit[i]) continue;
    docs++;
    for (let k = rows.offsets[i]; k < rows.offsets[i + 1]; k++) df[rows.terms[k]]++;
  }
  const maxDf = Math.max(params.minDf, Math.floor(params.maxDfShare * docs));
  const remap = new Int32Array(vocabulary.length).fill(-1);
  const terms: string[] = [];
  const keptDf: number[] = [];
  for (let t = 0; t < vocabulary.length; t++) {
    if (df[t] >= params.minDf && df[t] <= maxDf) {
      remap[t] = terms.length;
      terms.push(vocabulary[t]);
      keptDf.push(df[t]);
    }
  }
  return { model: makeModel(terms, Int32Array.from(keptDf), docs), remap };
}

/**
 * Writes one text's weighted terms as a unit vector into terms/weights at `at`: the strongest
 * `maxTerms` only (equal weights: lower term id first), terms ascending. Keeping a long text to
 * its strongest terms lets it be as similar to its topic as a short one. Returns the length.
 */
function writeUnit(ts: number[], ws: number[], maxTerms: number, terms: Int32Array, weights: Float32Array, at: number): number {
  if (ts.length > maxTerms) {
    const idx = ts.map((_, k) => k).sort((a, b) => ws[b] - ws[a] || ts[a] - ts[b]).slice(0, maxTerms);
    const keptT = idx.map((k) => ts[k]);
    const keptW = idx.map((k) => ws[k]);
    ts.length = 0;
    ws.length = 0;
    ts.push(...keptT);
    ws.push(...keptW);
  }
  const n = ts.length;
  // Insertion sort by term: rows are short.
  for (let k = 1; k < n; k++) {
    const t = ts[k];
    const w = ws[k];
    let q = k - 1;
    while (q >= 0 && ts[q] > t) {
      ts[q + 1] = ts[q];
      ws[q + 1] = ws[q];
      q--;
    }
    ts[q + 1] = t;
    ws[q + 1] = w;
  }
  let norm = 0;
  for (let k = 0; k < n; k++) norm += ws[k] * ws[k];
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < n; k++) {
    terms[at + k] = ts[k];
    weights[at + k] = ws[k] * inv;
  }
  return n;
}

/** 1 + ln(count) for the counts texts usually have (a lookup is much cheaper than a logarithm). */
const TF = Float64Array.from({ length: 256 }, (_, c) => 1 + Math.log(c));

/**
 * Sublinear TF-IDF rows of unit length (empty rows stay empty). With `overwrite`, the rows' terms
 * are written over the count rows' (which are of no use afterwards): a million texts' terms are
 * tens of megabytes that need not be allocated and touched a second time.
 */
export function transformRows(rows: CountRows, remap: Int32Array, idf: Float64Array, maxTerms: number, overwrite = false): SparseRows {
  const offsets = new Int32Array(rows.n + 1);
  let cap = 0;
  let longest = 0;
  for (let i = 0; i < rows.n; i++) {
    let len = 0;
    for (let k = rows.offsets[i]; k < rows.offsets[i + 1]; k++) if (remap[rows.terms[k]] >= 0) len++;
    cap += Math.min(len, maxTerms);
    longest = Math.max(longest, len);
  }
  // Each row is read into the scratch arrays before it is written, never past where it was read.
  const terms = overwrite ? rows.terms.subarray(0, cap) : new Int32Array(cap);
  const weights = new Float32Array(cap);
  const ts: number[] = [];
  const ws: number[] = [];
  // Rows within the term limit (nearly all) are sorted and scaled in typed scratch arrays.
  const st = new Int32Array(longest);
  const sw = new Float64Array(longest);
  let p = 0;
  for (let i = 0; i < rows.n; i++) {
    let n = 0;
    for (let k = rows.offsets[i]; k < rows.offsets[i + 1]; k++) {
      const t = remap[rows.terms[k]];
      if (t < 0) continue;
      const c = rows.counts[k];
      const w = (c < 256 ? TF[c] : 1 + Math.log(c)) * idf[t];
      // Insertion by term: rows are short.
      let q = n - 1;
      while (q >= 0 && st[q] > t) {
        st[q + 1] = st[q];
        sw[q + 1] = sw[q];
        q--;
      }
      st[q + 1] = t;
      sw[q + 1] = w;
      n++;
    }
    if (n > maxTerms) {
      ts.length = 0;
      ws.length = 0;
      for (let k = 0; k < n; k++) {
        ts.push(st[k]);
        ws.push(sw[k]);
      }
      p += writeUnit(ts, ws, maxTerms, terms, weights, p);
    } else {
      let norm = 0;
      for (let k = 0; k < n; k++) norm += sw[k] * sw[k];
      const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let k = 0; k < n; k++) {
        terms[p + k] = st[k];
        weights[p + k] = sw[k] * inv;
      }
      p += n;
    }
    offsets[i + 1] = p;
  }
  return { n: rows.n, offsets, terms, weights };
}

/** The unit TF-IDF vector of one text's terms under `model` (terms it does not know are left out). */
export function vectorise(model: VectorModel, terms: string[], maxTerms: number): SparseVector {
  const counts = new Map<number, number>();
  for (const term of terms) {
    const t = model.index.get(term);
    if (t !== undefined) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const ts = [...counts.keys()];
  const ws = ts.map((t) => (1 + Math.log(counts.get(t)!)) * model.idf[t]);
  const n = Math.min(ts.length, maxTerms);
  const out = { terms: new Int32Array(n), weights: new Float32Array(n) };
  writeUnit(ts, ws, maxTerms, out.terms, out.weights, 0);
  return out;
}
