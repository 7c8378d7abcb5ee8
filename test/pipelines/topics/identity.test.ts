import { describe, expect, test } from 'vitest';
import { matchTopics, toModelTerms, toNamed } from '../../../pipelines/topics/identity.js';
import { makeModelFromIdf } from '../../../pipelines/topics/vectoriser.js';

const unit = (pairs: [number, number][]) => {
  const norm = Math.sqrt(pairs.reduce((s, [, w]) => s + w * w, 0));
  return { terms: Int32Array.from(pairs, (p) => p[0]), weights: Float32Array.from(pairs, (p) => p[1] / norm) };
};

describe('topic identity', () => {
  test('each new cluster takes the id of the most similar previous topic, one to one', () => {
    const previous = [
      { id: 7, centroid: unit([[0, 1], [1, 1]]), size: 10 },
      { id: 9, centroid: unit([[2, 1], [3, 1]]), size: 10 },
    ];
    const clusters = [unit([[2, 1], [3, 0.9]]), unit([[0, 1], [1, 0.8]]), unit([[0, 1], [1, 1]]), unit([[5, 1]])];
    const m = matchTopics(clusters, previous, [], new Float64Array(4), 10, 0.5);
    expect(m.get(0)?.id).toBe(9);
    expect(m.get(2)?.id).toBe(7);
    expect(m.has(1)).toBe(false);
    expect(m.has(3)).toBe(false);
  });

  test('a cluster that holds most of a previous topic’s appeals keeps its id even when its centroid moved', () => {
    const previous = [{ id: 4, centroid: unit([[0, 1]]), size: 10 }];
    const overlap = [new Map([[4, 8]])];
    const m = matchTopics([unit([[1, 1]])], previous, overlap, Float64Array.from([9]), 10, 0.5);
    expect(m.get(0)?.id).toBe(4);
  });

  test('stored centroids are kept by term name and map back to a model’s ids', () => {
    const model = makeModelFromIdf(['a', 'b', 'c'], Int32Array.from([1, 1, 1]), Float64Array.from([1, 1, 1]));
    const c = unit([[0, 1], [2, 2]]);
    expect(toNamed(c, model).terms).toEqual(['a', 'c']);
    const other = makeModelFromIdf(['c', 'x'], Int32Array.from([1, 1]), Float64Array.from([1, 1]));
    const mapped = toModelTerms(toNamed(c, model), other);
    expect(Array.from(mapped.terms)).toEqual([0]);
    expect(mapped.weights[0]).toBeCloseTo(c.weights[1]);
  });
});
