import { distinctiveTerms, distinctLabels, type TermScore } from '../topics/labels.js';
import { idfOf } from '../topics/vectoriser.js';

/** A sparse vector over term names. */
export type NamedVector = Map<string, number>;

/** A topic one partition's run found. */
export interface PartTopic {
  partition: string;
  localId: number;
  label: string;
  size: number;
  /** The least similarity of a text its run let it take (its assignment threshold). */
  threshold: number;
  /** Unit centroid, weighted by the lake's document frequencies (see `toLakeWeights`). */
  centroid: NamedVector;
  /** Its distinctive terms, with the part of its appeals containing each. */
  terms: { term: string; share: number }[];
}

/** A topic of the previous merge: it keeps its id when this merge finds it again. */
export interface SeedTopic {
  id: number;
  centroid: NamedVector;
}

export interface MergeOptions {
  /** Partition topics are one topic when their centroids are at least this similar. */
  threshold: number;
  /** A merged topic keeps a previous merge's id when their centroids are at least this similar. */
  matchThreshold: number;
  /** Distinctive terms kept per merged topic. */
  topTerms: number;
  /** Texts containing a term, over the whole lake. */
  df: (term: string) => number;
}

export interface MergedTopic {
  id: number;
  label: string;
  size: number;
  /** Unit centroid. */
  centroid: NamedVector;
  terms: TermScore[];
  /** Indices of its partition topics, largest first. */
  members: number[];
  /** Partitions it occurs in. */
  partitions: number;
}

export interface Merge {
  topics: MergedTopic[];
  /** For each partition topic: its merged topic's id and the similarity of their centroids. */
  of: { id: number; similarity: number }[];
}

/** Rounds of reassigning partition topics to the nearest merged centroid. */
const REFINE_ROUNDS = 5;

function norm(v: NamedVector): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}

function unit(v: NamedVector): NamedVector {
  const n = norm(v);
  const out: NamedVector = new Map();
  if (n > 0) for (const [t, w] of v) out.set(t, w / n);
  return out;
}

export function dotNamed(a: NamedVector, b: NamedVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) {
    const x = large.get(t);
    if (x !== undefined) s += w * x;
  }
  return s;
}

/**
 * A partition's centroid weighted as if its idf came from the whole lake: each term's weight is
 * divided by its idf in the partition and multiplied by its idf in the lake, then the vector is
 * made unit again. A word common in one district but rare elsewhere then counts as it does overall.
 */
export function toLakeWeights(centroid: Iterable<[string, number]>, partitionDf: (term: string) => number, partitionDocs: number, lakeDf: (term: string) => number, lakeDocs: number): NamedVector {
  const out: NamedVector = new Map();
  for (const [term, w] of centroid) out.set(term, (w / idfOf(partitionDf(term), partitionDocs)) * idfOf(lakeDf(term), lakeDocs));
  return unit(out);
}

/** Partition topics (by index) largest first, ties by partition and id: the order they are merged in. */
function largestFirst(parts: PartTopic[]): (a: number, b: number) => number {
  return (a, b) => parts[b].size - parts[a].size || (parts[a].partition < parts[b].partition ? -1 : parts[a].partition > parts[b].partition ? 1 : 0) || parts[a].localId - parts[b].localId;
}

/** Size-weighted sum of the members' centroids, made unit. */
function centroidOf(parts: PartTopic[], members: number[]): NamedVector {
  const sum: NamedVector = new Map();
  for (const i of members) for (const [t, w] of parts[i].centroid) sum.set(t, (sum.get(t) ?? 0) + w * parts[i].size);
  return unit(sum);
}

/** The most similar centroid (lowest index among equals), or -1 when none shares a term. */
function nearest(v: NamedVector, centroids: NamedVector[]): { at: number; similarity: number } {
  let at = -1;
  let similarity = 0;
  centroids.forEach((c, j) => {
    const s = dotNamed(v, c);
    if (s > similarity) {
      at = j;
      similarity = s;
    }
  });
  return { at, similarity };
}

/** Size-weighted mean of the members' assignment thresholds. */
function thresholdOf(parts: PartTopic[], members: number[]): number {
  let sum = 0;
  let size = 0;
  for (const i of members) {
    sum += parts[i].threshold * parts[i].size;
    size += parts[i].size;
  }
  return sum / size;
}

/**
 * Local wordings of a problem. Some partitions' runs split a variant wording off a problem that
 * the other partitions kept whole; merged, the variant is a topic found in only some of the
 * partitions where the problem is. Such a topic B joins topic A when A occurs in every partition
 * B does and in more, and B's centroid is as similar to A's as A lets a text be (A's assignment
 * threshold). Two topics found side by side in every partition stay apart: each run separated them.
 * Most similar pairs first; a topic joins one other at most, and what joined it follows it.
 */
function absorbFragments(parts: PartTopic[], members: number[][], centroids: NamedVector[]): void {
  const live = members.map((_, g) => g).filter((g) => members[g].length > 0);
  const partitionsOf = new Map(live.map((g) => [g, new Set(members[g].map((i) => parts[i].partition))]));
  const sizeOf = (g: number) => members[g].reduce((s, i) => s + parts[i].size, 0);
  const thresholds = new Map(live.map((g) => [g, thresholdOf(parts, members[g])]));
  const pairs: { from: number; to: number; similarity: number }[] = [];
  for (const b of live) {
    const pb = partitionsOf.get(b)!;
    for (const a of live) {
      const pa = partitionsOf.get(a)!;
      if (a === b || pa.size <= pb.size || ![...pb].every((p) => pa.has(p))) continue;
      const similarity = dotNamed(centroids[b], centroids[a]);
      if (similarity >= thresholds.get(a)!) pairs.push({ from: b, to: a, similarity });
    }
  }
  pairs.sort((x, y) => y.similarity - x.similarity || x.from - y.from || x.to - y.to);
  const into = new Map<number, number>();
  const root = (g: number): number => (into.has(g) ? root(into.get(g)!) : g);
  for (const { from, to } of pairs) {
    if (into.has(from) || root(to) === from || sizeOf(from) >= sizeOf(to)) continue;
    into.set(from, to);
  }
  if (!into.size) return;
  for (const g of into.keys()) {
    const r = root(g);
    members[r].push(...members[g]);
    members[g].length = 0;
  }
  for (const g of live) {
    if (!members[g].length) continue;
    members[g].sort(largestFirst(parts));
    centroids[g] = centroidOf(parts, members[g]);
  }
}

/**
 * Gives each merged group an id: a previous merge's topic whose centroid is at least
 * `matchThreshold` similar keeps its id (most similar pairs first, one group per id); the other
 * groups get new ids after every earlier one, largest first.
 */
function idsOf(groups: { centroid: NamedVector; size: number }[], seeds: SeedTopic[], matchThreshold: number): number[] {
  const pairs: { g: number; s: number; similarity: number }[] = [];
  groups.forEach((x, g) =>
    seeds.forEach((seed, s) => {
      const similarity = dotNamed(x.centroid, seed.centroid);
      if (similarity >= matchThreshold) pairs.push({ g, s, similarity });
    }),
  );
  pairs.sort((a, b) => b.similarity - a.similarity || a.g - b.g || seeds[a.s].id - seeds[b.s].id);
  const ids = groups.map(() => -1);
  const taken = new Set<number>();
  for (const p of pairs) {
    if (ids[p.g] >= 0 || taken.has(p.s)) continue;
    ids[p.g] = seeds[p.s].id;
    taken.add(p.s);
  }
  let next = Math.max(0, ...seeds.map((x) => x.id)) + 1;
  // groups come largest first
  groups.forEach((_, g) => {
    if (ids[g] < 0) ids[g] = next++;
  });
  return ids;
}

/**
 * Merges the topics found partition by partition into the lake's topics, by centroid. Largest
 * first, each partition topic joins the most similar merged topic so far when at least `threshold`
 * similar, else starts a new one. Then, a few rounds, every partition topic moves to a clearly
 * nearer merged centroid that is similar enough, and the centroids are recomputed, so the result
 * hangs less on which partition came first. The grouping depends on the partitions alone; a
 * previous merge's topics only lend their ids (see idsOf). Same input, same output.
 */
export function mergeTopics(parts: PartTopic[], seeds: SeedTopic[], opts: MergeOptions): Merge {
  const order = parts.map((_, i) => i).sort(largestFirst(parts));
  const rank = new Int32Array(parts.length);
  order.forEach((i, r) => (rank[i] = r));
  const members: number[][] = [];
  const centroids: NamedVector[] = [];
  for (const i of order) {
    const { at, similarity } = nearest(parts[i].centroid, centroids);
    if (at >= 0 && similarity >= opts.threshold) {
      members[at].push(i);
      centroids[at] = centroidOf(parts, members[at]);
    } else {
      members.push([i]);
      centroids.push(parts[i].centroid);
    }
  }

  const groupOf = new Int32Array(parts.length);
  members.forEach((m, g) => m.forEach((i) => (groupOf[i] = g)));
  for (let round = 0; round < REFINE_ROUNDS; round++) {
    const fixed = centroids.slice();
    let moved = 0;
    for (const i of order) {
      const own = groupOf[i];
      const { at, similarity } = nearest(parts[i].centroid, fixed);
      // ties keep it where it is
      if (at >= 0 && at !== own && similarity >= opts.threshold && similarity > dotNamed(parts[i].centroid, fixed[own])) {
        members[own].splice(members[own].indexOf(i), 1);
        members[at].push(i);
        groupOf[i] = at;
        moved++;
      }
    }
    if (!moved) break;
    // members largest first again, then centroids from them
    for (const m of members) m.sort((a, b) => rank[a] - rank[b]);
    members.forEach((m, g) => {
      if (m.length) centroids[g] = centroidOf(parts, m);
    });
  }

  absorbFragments(parts, members, centroids);
  members.forEach((m, g) => m.forEach((i) => (groupOf[i] = g)));

  // groups largest first (ties: the one whose largest member came first)
  const groups = members
    .map((m, g) => ({ g, size: m.reduce((s, i) => s + parts[i].size, 0), centroid: centroids[g] }))
    .filter((x) => members[x.g].length > 0)
    .sort((a, b) => b.size - a.size || rank[members[a.g][0]] - rank[members[b.g][0]]);
  const ids = idsOf(groups, seeds, opts.matchThreshold);
  const avgSize = groups.length ? groups.reduce((s, x) => s + x.size, 0) / groups.length : 1;
  const termLists: TermScore[][] = [];
  const rawLabels: string[] = [];
  for (const { g, size } of groups) {
    const inTopic = new Map<string, number>();
    for (const i of members[g]) for (const t of parts[i].terms) inTopic.set(t.term, (inTopic.get(t.term) ?? 0) + t.share * parts[i].size);
    termLists.push(distinctiveTerms(inTopic, size, opts.df, avgSize, opts.topTerms));
    // the label of its largest partition topic: a label reads like the problem wherever it was found
    rawLabels.push(parts[members[g][0]].label);
  }
  const labels = distinctLabels(rawLabels, termLists);
  const topics: MergedTopic[] = groups.map(({ g, size, centroid }, j) => ({
    id: ids[j],
    label: labels[j],
    size,
    centroid,
    terms: termLists[j],
    members: members[g],
    partitions: new Set(members[g].map((i) => parts[i].partition)).size,
  }));
  const idOfGroup = new Map(groups.map((x, j) => [x.g, ids[j]]));
  const of = parts.map((p, i) => ({ id: idOfGroup.get(groupOf[i])!, similarity: dotNamed(p.centroid, centroids[groupOf[i]]) }));
  return { topics, of };
}
