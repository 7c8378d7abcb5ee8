import type { SparseRows, SparseVector } from './sparse.js';
import { CentroidIndex, centroidsOf, nearestCentroids, postingsOf } from './centroids.js';
import { newArray, runRows, type RowTeam } from './row-team.js';

/** What a clusterer returns: a topic index per row (-1: no topic) and the topics' unit centroids. */
export interface ClusterResult {
  labels: Int32Array;
  similarity: Float64Array;
  centroids: SparseVector[];
  /** Per topic: the lowest similarity at which a row joins it. */
  thresholds: Float64Array;
  /** Per row: the nearest topic, whether or not it took the row (-1: none shares a term). */
  best: Int32Array;
}

/**
 * Groups unit rows into topics. `weights[i]` is how many texts row i stands for in the data the
 * topics are learned from (0: assign it, but let it shape nothing). Rows come in a canonical order
 * and a clusterer must not use randomness: the result depends on the rows alone.
 */
export interface Clusterer {
  readonly name: string;
  cluster(rows: SparseRows, weights: Float64Array, termCount: number): ClusterResult;
}

export interface ThresholdClusterParams {
  /** While clusters form, a row joins the most similar cluster when at least this similar. */
  joinThreshold: number;
  /** Clusters whose texts share at least this much of their distinctive terms are merged (see mergeProfiles). */
  mergeThreshold: number;
  /** No topic takes a row less similar than this to its centroid. */
  assignFloor: number;
  /**
   * A topic takes rows down to this many standard deviations below its own rows' mean similarity
   * (between the floor and the join threshold): tight topics stay tight, loose ones stay open.
   */
  assignSpread: number;
  /** Smallest topic, in texts. */
  minTopicSize: number;
  /** Distinct rows that form and settle the topics (an even spread of the data); the rest are only assigned. */
  sampleSize: number;
  /** Rounds of reassigning rows to the nearest centroid and recomputing centroids. */
  refineIterations: number;
}

/**
 * One pass over the rows: each joins the most similar cluster so far (centroid similarity through
 * an inverted index of the clusters' summed vectors) or starts a new one. Returns a cluster per row
 * of `order` (in `labels`, indexed by row) and the number of clusters.
 */
function formClusters(rows: SparseRows, order: Int32Array, weights: Float64Array, termCount: number, joinThreshold: number, labels: Int32Array): number {
  const postIds: (number[] | undefined)[] = new Array(termCount);
  const postVals: (number[] | undefined)[] = new Array(termCount);
  const slots: Map<number, number>[] = [];
  const norm2: number[] = [];
  let scores = new Float64Array(1024);
  let touched = new Int32Array(1024);
  for (let q = 0; q < order.length; q++) {
    const i = order[q];
    const from = rows.offsets[i];
    const to = rows.offsets[i + 1];
    const wr = weights[i];
    let n = 0;
    for (let k = from; k < to; k++) {
      const ids = postIds[rows.terms[k]];
      if (!ids) continue;
      const vals = postVals[rows.terms[k]]!;
      const w = rows.weights[k];
      for (let p = 0; p < ids.length; p++) {
        const c = ids[p];
        if (scores[c] === 0) touched[n++] = c;
        scores[c] += w * vals[p];
      }
    }
    let best = -1;
    let bestSim = 0;
    let bestDot = 0;
    for (let m = 0; m < n; m++) {
      const c = touched[m];
      const sim = scores[c] / Math.sqrt(norm2[c]);
      if (sim > bestSim || (sim === bestSim && c < best)) {
        best = c;
        bestSim = sim;
        bestDot = scores[c];
      }
      scores[c] = 0;
    }
    let c: number;
    if (best >= 0 && bestSim >= joinThreshold) {
      c = best;
      norm2[c] += 2 * wr * bestDot + wr * wr;
    } else {
      c = slots.length;
      slots.push(new Map());
      norm2.push(wr * wr);
      if (c >= scores.length) {
        const grownScores = new Float64Array(scores.length * 2);
        grownScores.set(scores);
        scores = grownScores;
        const grownTouched = new Int32Array(touched.length * 2);
        grownTouched.set(touched);
        touched = grownTouched;
      }
    }
    const own = slots[c];
    for (let k = from; k < to; k++) {
      const t = rows.terms[k];
      const v = wr * rows.weights[k];
      const slot = own.get(t);
      if (slot === undefined) {
        let ids = postIds[t];
        if (!ids) {
          ids = postIds[t] = [];
          postVals[t] = [];
        }
        own.set(t, ids.length);
        ids.push(c);
        postVals[t]!.push(v);
      } else postVals[t]![slot] += v;
    }
    labels[i] = c;
  }
  return slots.length;
}

/**
 * A cluster as the share of its texts that use each term (terms used by at least MIN_SHARE of
 * them, ascending).
 */
interface Profile {
  terms: Int32Array;
  shares: Float64Array;
  mass: number;
  /** Sum of share × idf: the profile's distinctive mass. */
  total: number;
  /** Profiles merged into this one are forwarded here. */
  into: number;
}

/** Terms rarer than this in a cluster say little about it and are left out of its profile. */
const MIN_SHARE = 0.05;
/** Smallest cluster (in texts) that takes part in merging; smaller ones join topics by assignment. */
const MIN_MERGE_MASS = 2;

function profilesOf(rows: SparseRows, order: Int32Array, micro: Int32Array, weights: Float64Array, k: number, idf: Float64Array): Profile[] {
  // Rows grouped by cluster (counting sort), then each cluster summed in a dense accumulator.
  const start = new Int32Array(k + 1);
  for (const i of order) start[micro[i] + 1]++;
  for (let c = 0; c < k; c++) start[c + 1] += start[c];
  const fill = start.slice(0, k);
  const grouped = new Int32Array(order.length);
  for (const i of order) grouped[fill[micro[i]]++] = i;
  const sum = new Float64Array(idf.length);
  const touched: number[] = [];
  const out: Profile[] = [];
  for (let c = 0; c < k; c++) {
    let mass = 0;
    for (let p = start[c]; p < start[c + 1]; p++) {
      const i = grouped[p];
      const w = weights[i];
      mass += w;
      for (let q = rows.offsets[i]; q < rows.offsets[i + 1]; q++) {
        const t = rows.terms[q];
        if (sum[t] === 0) touched.push(t);
        sum[t] += w;
      }
    }
    const kept = touched.filter((t) => sum[t] / mass >= MIN_SHARE).sort((a, b) => a - b);
    const terms = Int32Array.from(kept);
    const shares = Float64Array.from(kept, (t) => sum[t] / mass);
    for (const t of touched) sum[t] = 0;
    touched.length = 0;
    let total = 0;
    for (let q = 0; q < terms.length; q++) total += shares[q] * idf[terms[q]];
    out.push({ terms, shares, mass, total, into: -1 });
  }
  return out;
}

/** The union of two profiles: shares averaged by mass. */
function unite(a: Profile, b: Profile, idf: Float64Array): void {
  const terms: number[] = [];
  const shares: number[] = [];
  const m = a.mass + b.mass;
  let i = 0;
  let j = 0;
  while (i < a.terms.length || j < b.terms.length) {
    const ta = i < a.terms.length ? a.terms[i] : Infinity;
    const tb = j < b.terms.length ? b.terms[j] : Infinity;
    const t = Math.min(ta, tb);
    const s = ((ta === t ? a.shares[i++] : 0) * a.mass + (tb === t ? b.shares[j++] : 0) * b.mass) / m;
    if (s >= MIN_SHARE) {
      terms.push(t);
      shares.push(s);
    }
  }
  a.terms = Int32Array.from(terms);
  a.shares = Float64Array.from(shares);
  a.mass = m;
  a.total = 0;
  for (let q = 0; q < terms.length; q++) a.total += shares[q] * idf[terms[q]];
}

/**
 * Agglomerates clusters whose texts share their distinctive terms: overlap(A, B) = Σ min(share in A,
 * share in B) × idf over the total of the smaller profile. A problem phrased several ways forms one
 * cluster per phrasing, linked by the few words all phrasings use (its name, its usual titles and
 * requests); centroid similarity is dominated by each phrasing's own words, overlap is not. Each
 * round merges mutual best pairs above `threshold`, until none is left; returns each cluster's root.
 */
function mergeProfiles(profiles: Profile[], threshold: number, idf: Float64Array, termCount: number): Int32Array {
  let alive = profiles.map((_, i) => i).filter((i) => profiles[i].mass >= MIN_MERGE_MASS && profiles[i].total > 0);
  for (let round = 0; round < 64 && alive.length > 1; round++) {
    const start = new Int32Array(termCount + 1);
    for (const g of alive) for (const t of profiles[g].terms) start[t + 1]++;
    for (let t = 0; t < termCount; t++) start[t + 1] += start[t];
    const fill = start.slice(0, termCount);
    const postIds = new Int32Array(start[termCount]);
    const postShares = new Float64Array(start[termCount]);
    alive.forEach((g, a) => {
      const p = profiles[g];
      for (let q = 0; q < p.terms.length; q++) {
        const at = fill[p.terms[q]]++;
        postIds[at] = a;
        postShares[at] = p.shares[q];
      }
    });
    const num = new Float64Array(alive.length);
    const touched = new Int32Array(alive.length);
    const nn = new Int32Array(alive.length).fill(-1);
    const nnSim = new Float64Array(alive.length);
    for (let a = 0; a < alive.length; a++) {
      const p = profiles[alive[a]];
      let n = 0;
      for (let q = 0; q < p.terms.length; q++) {
        const t = p.terms[q];
        const sa = p.shares[q];
        const w = idf[t];
        for (let at = start[t]; at < start[t + 1]; at++) {
          const b = postIds[at];
          if (b === a) continue;
          if (num[b] === 0) touched[n++] = b;
          num[b] += Math.min(sa, postShares[at]) * w;
        }
      }
      for (let x = 0; x < n; x++) {
        const b = touched[x];
        const sim = num[b] / Math.min(p.total, profiles[alive[b]].total);
        num[b] = 0;
        if (sim > nnSim[a] || (sim === nnSim[a] && b < nn[a])) {
          nn[a] = b;
          nnSim[a] = sim;
        }
      }
    }
    let merged = 0;
    for (let a = 0; a < alive.length; a++) {
      const b = nn[a];
      if (b <= a || nn[b] !== a || nnSim[a] < threshold) continue;
      unite(profiles[alive[a]], profiles[alive[b]], idf);
      profiles[alive[b]].into = alive[a];
      merged++;
    }
    if (!merged) break;
    alive = alive.filter((g) => profiles[g].into < 0);
  }
  const root = new Int32Array(profiles.length);
  for (let g = 0; g < profiles.length; g++) {
    let r = g;
    while (profiles[r].into >= 0) r = profiles[r].into;
    root[g] = r;
  }
  return root;
}

/** Smooth idf of each term over the rows of `order`, each counted `weights[i]` times. */
function rowIdf(rows: SparseRows, order: Int32Array, weights: Float64Array, termCount: number): Float64Array {
  const df = new Float64Array(termCount);
  let total = 0;
  for (const i of order) {
    total += weights[i];
    for (let q = rows.offsets[i]; q < rows.offsets[i + 1]; q++) df[rows.terms[q]] += weights[i];
  }
  const idf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) idf[t] = Math.log((1 + total) / (1 + df[t])) + 1;
  return idf;
}

/** Merges settled topics by profile overlap (relabelling `labels` in place); returns the new count. */
function mergeTopics(rows: SparseRows, which: Int32Array, labels: Int32Array, weights: Float64Array, k: number, termCount: number, threshold: number): number {
  const members = which.filter((i) => labels[i] >= 0);
  const idf = rowIdf(rows, which, weights, termCount);
  const root = mergeProfiles(profilesOf(rows, members, labels, weights, k, idf), threshold, idf, termCount);
  const next = new Int32Array(k).fill(-1);
  let n = 0;
  for (let c = 0; c < k; c++) if (root[c] === c) next[c] = n++;
  for (const i of members) labels[i] = next[root[labels[i]]];
  return n;
}

/** Groups of rows formed by one pass and agglomeration; labels in `labels` (rows not in `order` untouched). */
function discover(rows: SparseRows, order: Int32Array, weights: Float64Array, termCount: number, p: ThresholdClusterParams, labels: Int32Array): number {
  const micro = new Int32Array(rows.n).fill(-1);
  const k = formClusters(rows, order, weights, termCount, p.joinThreshold, micro);
  const idf = rowIdf(rows, order, weights, termCount);
  const profiles = profilesOf(rows, order, micro, weights, k, idf);
  const masses = profiles.map((q) => q.mass);
  const root = mergeProfiles(profiles, p.mergeThreshold, idf, termCount);
  const rootMass = new Float64Array(k);
  for (let c = 0; c < k; c++) rootMass[root[c]] += masses[c];
  const topicOf = new Int32Array(k).fill(-1);
  let topics = 0;
  for (let c = 0; c < k; c++) {
    const r = root[c];
    if (rootMass[r] < p.minTopicSize) continue;
    if (topicOf[r] < 0) topicOf[r] = topics++;
    topicOf[c] = topicOf[r];
  }
  for (const i of order) labels[i] = topicOf[micro[i]];
  return topics;
}

/** The outcome of one reassignment pass. */
export interface Reassigned {
  /** The centroids rows were assigned to, and each topic's threshold. */
  centroids: SparseVector[];
  thresholds: Float64Array;
}

/** Rows a thread of a team takes at a time in a reassignment pass (some milliseconds of work). */
const REASSIGN_GRAIN = 4096;

/**
 * One pass of nearest-centroid reassignment of the rows in `which` to the given centroids: each
 * row's similarity to its current topic sets the topics' thresholds, then each row joins its
 * nearest centroid if at least that topic's threshold similar (else -1). `similarity` gets the
 * similarity to the nearest centroid, `best` (when given) its index. With a team, the nearest
 * centroids are found on its threads (rows, which, labels and similarity in shared memory).
 */
export function reassign(rows: SparseRows, which: Int32Array, labels: Int32Array, weights: Float64Array, centroids: SparseVector[], termCount: number, p: ThresholdParams, similarity: Float64Array, best?: Int32Array, team?: RowTeam): Reassigned {
  const shared = team !== undefined;
  const nearest = newArray(Int32Array, which.length, shared);
  const own = newArray(Float64Array, which.length, shared);
  const postings = postingsOf(centroids, termCount, shared);
  runRows(team, nearestCentroids, { offsets: rows.offsets, terms: rows.terms, weights: rows.weights, which, labels, postings, nearest, own, similarity }, which.length, REASSIGN_GRAIN);
  const moments = new Moments(centroids.length);
  for (let q = 0; q < which.length; q++) moments.add(labels[which[q]], weights[which[q]], own[q]);
  const thresholds = moments.thresholds(p);
  for (let q = 0; q < which.length; q++) {
    const i = which[q];
    const id = nearest[q];
    labels[i] = id >= 0 && similarity[i] >= thresholds[id] ? id : -1;
    if (best) best[i] = id;
  }
  return { centroids, thresholds };
}

/** Each labelled row's similarity to its own topic's centroid (0 for unlabelled rows). */
export function ownSimilarity(rows: SparseRows, labels: Int32Array, centroids: SparseVector[], termCount: number): Float64Array {
  const index = new CentroidIndex(centroids, termCount);
  const own = new Float64Array(rows.n);
  for (let i = 0; i < rows.n; i++) if (labels[i] >= 0) own[i] = index.nearestAndOwn(rows.terms, rows.weights, rows.offsets[i], rows.offsets[i + 1], labels[i]).own;
  return own;
}

/** The parameters that decide whether a row joins a topic. */
export type ThresholdParams = Pick<ThresholdClusterParams, 'assignFloor' | 'assignSpread' | 'joinThreshold'>;

/** Per topic: its members' weighted mean similarity less `spread` deviations, within [floor, join threshold]. */
export function topicThresholds(labels: Int32Array, similarity: Float64Array, weights: Float64Array, k: number, p: ThresholdParams): Float64Array {
  const moments = new Moments(k);
  for (let i = 0; i < labels.length; i++) moments.add(labels[i], weights[i], similarity[i]);
  return moments.thresholds(p);
}

/** Each topic's weighted sums of its members' similarities and their squares, in the order added. */
class Moments {
  private readonly w: Float64Array;
  private readonly sum: Float64Array;
  private readonly sq: Float64Array;

  constructor(private readonly k: number) {
    this.w = new Float64Array(k);
    this.sum = new Float64Array(k);
    this.sq = new Float64Array(k);
  }

  add(c: number, weight: number, similarity: number): void {
    if (c < 0 || weight === 0) return;
    this.w[c] += weight;
    this.sum[c] += weight * similarity;
    this.sq[c] += weight * similarity * similarity;
  }

  /** Each topic's threshold (see topicThresholds). */
  thresholds(p: ThresholdParams): Float64Array {
    const { w, sum, sq } = this;
    const out = new Float64Array(this.k);
    for (let c = 0; c < this.k; c++) {
      const mean = w[c] > 0 ? sum[c] / w[c] : p.joinThreshold;
      const sd = w[c] > 0 ? Math.sqrt(Math.max(0, sq[c] / w[c] - mean * mean)) : 0;
      out[c] = Math.min(p.joinThreshold, Math.max(p.assignFloor, mean - p.assignSpread * sd));
    }
    return out;
  }
}

/** Drops topics lighter than `min` and renumbers the rest in order; returns the new count. */
function dropLight(labels: Int32Array, weights: Float64Array, k: number, min: number): number {
  const mass = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) mass[labels[i]] += weights[i];
  const next = new Int32Array(k).fill(-1);
  let n = 0;
  for (let c = 0; c < k; c++) if (mass[c] >= min) next[c] = n++;
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) labels[i] = next[labels[i]];
  return n;
}

/**
 * Clustering without a given number of topics: clusters form in one threshold pass over a sample of
 * the rows and are agglomerated by shared distinctive terms; small ones become noise; rounds of
 * nearest-centroid reassignment and topic-level merging settle the topics on the sample, whose
 * leftovers are clustered once more. A last pass assigns every row; rows no topic is similar enough
 * to stay noise.
 */
export function thresholdClusterer(p: ThresholdClusterParams, team?: RowTeam): Clusterer {
  return {
    name: 'threshold',
    cluster(rows, weights, termCount) {
      // What the team's threads read or write lives in shared memory.
      const shared = team !== undefined;
      const labels = newArray(Int32Array, rows.n, shared).fill(-1);
      const similarity = newArray(Float64Array, rows.n, shared);
      const learn: number[] = [];
      for (let i = 0; i < rows.n; i++) if (weights[i] > 0) learn.push(i);
      const learnRows = newArray(Int32Array, learn.length, shared);
      learnRows.set(learn);
      const sample = learnRows.subarray(0, Math.min(learnRows.length, p.sampleSize));
      let k = discover(rows, sample, weights, termCount, p, labels);
      const step = (which: Int32Array): Reassigned => {
        const r = reassign(rows, which, labels, weights, centroidsOf(rows, labels, weights, k, termCount, team), termCount, p, similarity, undefined, team);
        k = dropLight(labels, weights, k, p.minTopicSize);
        return r;
      };
      // Settled topics have fuller profiles than the first clusters: merge again at topic level.
      const settle = (which: Int32Array, iterations: number) => {
        for (let it = 0; it < iterations && k > 0; it++) step(which);
        for (let round = 0; round < 4 && k > 1; round++) {
          const merged = mergeTopics(rows, which, labels, weights, k, termCount, p.mergeThreshold);
          if (merged === k) break;
          k = merged;
          step(which);
        }
      };
      settle(sample, p.refineIterations);
      // The sample's leftovers are clustered once more: small topics the first pass broke up. The
      // sample is an even spread of the data, so what is recurring in the data recurs in it.
      const left = sample.filter((i) => labels[i] < 0);
      let leftMass = 0;
      for (const i of left) leftMass += weights[i];
      if (leftMass >= p.minTopicSize) {
        const extra = new Int32Array(rows.n).fill(-1);
        const more = discover(rows, left, weights, termCount, p, extra);
        for (const i of left) if (extra[i] >= 0) labels[i] = k + extra[i];
        k += more;
        if (more) settle(sample, 1);
      }
      const all = newArray(Int32Array, rows.n, shared);
      for (let i = 0; i < rows.n; i++) all[i] = i;
      const best = newArray(Int32Array, rows.n, shared);
      // Last pass over every row; a topic it leaves too small is dropped and the pass redone.
      for (;;) {
        const r = reassign(rows, all, labels, weights, centroidsOf(rows, labels, weights, k, termCount, team), termCount, p, similarity, best, team);
        const kept = dropLight(labels, weights, k, p.minTopicSize);
        if (kept === k) return { labels, similarity, centroids: r.centroids, thresholds: r.thresholds, best };
        k = kept;
      }
    },
  };
}

/**
 * The median similarity of texts to their nearest other text, over a sample (the first rows in
 * canonical order): short templated texts sit near 0.9, long free-form letters near 0.2. Clusters
 * form at this similarity (kept within [min, max]), so one setting suits both.
 */
export function autoJoinThreshold(rows: SparseRows, weights: Float64Array, termCount: number, min: number, max: number, sample = 10_000, queries = 1_000): number {
  const pool: number[] = [];
  for (let i = 0; i < rows.n && pool.length < sample; i++) if (weights[i] > 0) pool.push(i);
  if (pool.length < 2) return max;
  const vectors = pool.map((i) => ({ terms: rows.terms.subarray(rows.offsets[i], rows.offsets[i + 1]), weights: rows.weights.subarray(rows.offsets[i], rows.offsets[i + 1]) }));
  const index = new CentroidIndex(vectors, termCount);
  const step = Math.max(1, Math.floor(pool.length / queries));
  const best: number[] = [];
  for (let q = 0; q < pool.length; q += step) {
    const v = vectors[q];
    best.push(index.nearestOther(v.terms, v.weights, 0, v.terms.length, q));
  }
  best.sort((a, b) => a - b);
  const median = best[Math.floor((best.length - 1) / 2)];
  return Math.min(max, Math.max(min, median));
}
