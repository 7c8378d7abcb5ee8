import { CentroidIndex } from './centroids.js';
import type { SparseRows, SparseVector } from './sparse.js';
import type { Curation, TopicStatus } from './state.js';

/** What the curations decided about topics, beside the rows they moved. */
export interface CuratedState {
  status: Map<number, TopicStatus>;
  labels: Map<number, string>;
  mergedInto: Map<number, number>;
  parentOf: Map<number, number>;
}

/**
 * Re-applies every curation, in the order they were made, to a run's assignment of distinct rows
 * to topic ids (`rowTopic`, changed in place): merges move the sources' rows to the target, splits
 * share the parent's (and children's) rows among the children by nearest centroid, promoted topics
 * that the run did not find take back the unclustered rows close enough to them, renames and
 * noise marks are recorded.
 */
export function reapplyCurations(curations: Curation[], rowTopic: Int32Array, rows: SparseRows, centroidOf: (id: number) => SparseVector | undefined, thresholdOf: (id: number) => number, termCount: number): CuratedState {
  const state: CuratedState = { status: new Map(), labels: new Map(), mergedInto: new Map(), parentOf: new Map() };
  for (const c of curations) {
    switch (c.action) {
      case 'rename':
        if (c.args.label) state.labels.set(c.topicId, c.args.label);
        break;
      case 'noise':
        state.status.set(c.topicId, 'noise');
        break;
      case 'restore':
        state.status.set(c.topicId, 'active');
        break;
      case 'merge': {
        const sources = new Set(c.args.sources ?? []);
        sources.delete(c.topicId);
        for (let i = 0; i < rowTopic.length; i++) if (sources.has(rowTopic[i])) rowTopic[i] = c.topicId;
        for (const s of sources) {
          state.mergedInto.set(s, c.topicId);
          state.status.set(s, 'merged');
        }
        if (!state.status.has(c.topicId) || state.status.get(c.topicId) === 'merged') state.status.set(c.topicId, 'active');
        break;
      }
      case 'split': {
        const children = (c.args.children ?? []).filter((id) => centroidOf(id) && id !== c.topicId);
        if (!children.length) break;
        const index = new CentroidIndex(children.map((id) => centroidOf(id)!), termCount);
        const family = new Set([c.topicId, ...children]);
        for (let i = 0; i < rowTopic.length; i++) {
          if (!family.has(rowTopic[i])) continue;
          const { id } = index.nearest(rows.terms, rows.weights, rows.offsets[i], rows.offsets[i + 1]);
          rowTopic[i] = id >= 0 ? children[id] : children[0];
        }
        state.status.set(c.topicId, 'retired');
        for (const id of children) {
          state.parentOf.set(id, c.topicId);
          if (!state.status.has(id)) state.status.set(id, 'active');
        }
        break;
      }
      case 'promote': {
        const centroid = centroidOf(c.topicId);
        if (!centroid || rowTopic.includes(c.topicId)) break;
        const index = new CentroidIndex([centroid], termCount);
        const threshold = thresholdOf(c.topicId);
        for (let i = 0; i < rowTopic.length; i++) {
          if (rowTopic[i] >= 0) continue;
          if (index.nearest(rows.terms, rows.weights, rows.offsets[i], rows.offsets[i + 1]).similarity >= threshold) rowTopic[i] = c.topicId;
        }
        if (!state.status.has(c.topicId)) state.status.set(c.topicId, 'active');
        break;
      }
    }
  }
  return state;
}
