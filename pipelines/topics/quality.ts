/**
 * Agreement between a clustering and the truth, for evaluation and the benchmark. Labels are any
 * strings or numbers; every distinct value is one cluster (so "unclustered" counts as one).
 */

interface Table {
  n: number;
  truthSizes: number[];
  foundSizes: number[];
  /** Non-empty cells: [truth class, found cluster, count]. */
  cells: [number, number, number][];
}

function codes(labels: ArrayLike<string | number>): { code: Int32Array; k: number } {
  const ids = new Map<string | number, number>();
  const code = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let id = ids.get(labels[i]);
    if (id === undefined) ids.set(labels[i], (id = ids.size));
    code[i] = id;
  }
  return { code, k: ids.size };
}

function table(truth: ArrayLike<string | number>, found: ArrayLike<string | number>): Table {
  if (truth.length !== found.length) throw new Error('truth and found differ in length');
  const t = codes(truth);
  const f = codes(found);
  const truthSizes = new Array<number>(t.k).fill(0);
  const foundSizes = new Array<number>(f.k).fill(0);
  const cells = new Map<number, number>();
  for (let i = 0; i < truth.length; i++) {
    truthSizes[t.code[i]]++;
    foundSizes[f.code[i]]++;
    const key = t.code[i] * f.k + f.code[i];
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  return { n: truth.length, truthSizes, foundSizes, cells: [...cells].map(([key, c]) => [Math.floor(key / f.k), key % f.k, c]) };
}

function entropy(sizes: number[], n: number): number {
  let h = 0;
  for (const c of sizes) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

/** Normalised mutual information (arithmetic-mean normalisation, scikit-learn's default). */
export function nmi(truth: ArrayLike<string | number>, found: ArrayLike<string | number>): number {
  const { n, truthSizes, foundSizes, cells } = table(truth, found);
  if (n === 0) return 0;
  let mi = 0;
  for (const [a, b, c] of cells) mi += (c / n) * Math.log((n * c) / (truthSizes[a] * foundSizes[b]));
  const denom = (entropy(truthSizes, n) + entropy(foundSizes, n)) / 2;
  return denom === 0 ? 1 : Math.max(0, mi / denom);
}

const pairs = (x: number) => (x * (x - 1)) / 2;

/** Adjusted Rand index. */
export function ari(truth: ArrayLike<string | number>, found: ArrayLike<string | number>): number {
  const { n, truthSizes, foundSizes, cells } = table(truth, found);
  let index = 0;
  for (const [, , c] of cells) index += pairs(c);
  const a = truthSizes.reduce((s, c) => s + pairs(c), 0);
  const b = foundSizes.reduce((s, c) => s + pairs(c), 0);
  const expected = n > 1 ? (a * b) / pairs(n) : 0;
  const max = (a + b) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

/** Share of items whose cluster's commonest true label is their own. */
export function purity(truth: ArrayLike<string | number>, found: ArrayLike<string | number>): number {
  const { n, foundSizes, cells } = table(truth, found);
  const best = new Array<number>(foundSizes.length).fill(0);
  for (const [, b, c] of cells) best[b] = Math.max(best[b], c);
  return n === 0 ? 0 : best.reduce((s, c) => s + c, 0) / n;
}
