import { CentroidIndex } from './centroids.js';
import { dot, type SparseVector } from './sparse.js';
import type { VectorModel } from './vectoriser.js';

/** A stored centroid: terms by name, so it outlives the vocabulary of the run that made it. */
export interface NamedCentroid {
  terms: string[];
  weights: number[];
}

/** A stored centroid in a model's term ids; terms the model lacks are left out (not renormalised). */
export function toModelTerms(c: NamedCentroid, model: VectorModel): SparseVector {
  const pairs: [number, number][] = [];
  c.terms.forEach((term, k) => {
    const t = model.index.get(term);
    if (t !== undefined) pairs.push([t, c.weights[k]]);
  });
  pairs.sort((a, b) => a[0] - b[0]);
  return { terms: Int32Array.from(pairs, (p) => p[0]), weights: Float32Array.from(pairs, (p) => p[1]) };
}

export function toNamed(c: SparseVector, model: VectorModel): NamedCentroid {
  return { terms: Array.from(c.terms, (t) => model.terms[t]), weights: Array.from(c.weights) };
}

export interface PreviousTopic {
  id: number;
  centroid: SparseVector;
  /** Appeals it had before this run. */
  size: number;
}

/**
 * Gives each new cluster the id of the previous topic it continues. First by centroid similarity
 * (most similar pairs first, one to one, at least `threshold`); then a cluster still without an id
 * takes that of a previous topic still without a cluster when most of each one's appeals are the
 * other's (`overlap[cluster]` counts appeals by previous topic id).
 */
export function matchTopics(clusters: SparseVector[], previous: PreviousTopic[], overlap: Map<number, number>[], clusterOld: Float64Array, termCount: number, threshold: number): Map<number, { id: number; similarity: number }> {
  const pairs: { c: number; p: number; sim: number }[] = [];
  if (previous.length) {
    const index = new CentroidIndex(previous.map((p) => p.centroid), termCount);
    clusters.forEach((c, ci) => {
      index.each(c.terms, c.weights, 0, c.terms.length, (p, sim) => {
        if (sim >= threshold) pairs.push({ c: ci, p, sim });
      });
    });
  }
  pairs.sort((a, b) => b.sim - a.sim || a.c - b.c || previous[a.p].id - previous[b.p].id);
  const out = new Map<number, { id: number; similarity: number }>();
  const taken = new Set<number>();
  for (const { c, p, sim } of pairs) {
    if (out.has(c) || taken.has(p)) continue;
    out.set(c, { id: previous[p].id, similarity: sim });
    taken.add(p);
  }
  const byOverlap: { c: number; p: number; shared: number }[] = [];
  const indexOf = new Map(previous.map((prev, p) => [prev.id, p]));
  clusters.forEach((_, ci) => {
    if (out.has(ci)) return;
    for (const [id, shared] of overlap[ci] ?? []) {
      const p = indexOf.get(id);
      if (p === undefined || taken.has(p)) continue;
      if (shared > 0.5 * clusterOld[ci] && shared > 0.5 * previous[p].size) byOverlap.push({ c: ci, p, shared });
    }
  });
  byOverlap.sort((a, b) => b.shared - a.shared || a.c - b.c || previous[a.p].id - previous[b.p].id);
  for (const { c, p } of byOverlap) {
    if (out.has(c) || taken.has(p)) continue;
    out.set(c, { id: previous[p].id, similarity: dot(clusters[c], previous[p].centroid) });
    taken.add(p);
  }
  return out;
}
