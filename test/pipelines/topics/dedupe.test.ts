import { describe, expect, test } from 'vitest';
import { dedupe } from '../../../pipelines/topics/dedupe.js';
import { fitVectoriser, transformRows } from '../../../pipelines/topics/vectoriser.js';
import { countRows } from './sparse-fixture.js';

function rowsOf(docs: number[][]) {
  const counts = countRows(docs);
  const { model, remap } = fitVectoriser(counts, ['a', 'b', 'c', 'd'], null, { minDf: 1, maxDfShare: 1 });
  return transformRows(counts, remap, model.idf, 100);
}

describe('dedupe', () => {
  test('identical vectors collapse, weighted by how many marked rows they stand for', () => {
    const d = dedupe(rowsOf([[0, 1], [2], [1, 0], [0, 1], []]), Uint8Array.from([1, 1, 0, 1, 1]));
    expect(d.rows.n).toBe(2);
    expect(d.of[0]).toBe(d.of[2]);
    expect(d.of[0]).toBe(d.of[3]);
    expect(d.of[1]).not.toBe(d.of[0]);
    expect(d.of[4]).toBe(-1);
    expect(d.weight[d.of[0]]).toBe(2);
    expect(d.weight[d.of[1]]).toBe(1);
  });

  test('the distinct rows come in the same order whatever the input order', () => {
    const docs = [[0, 1], [2], [3], [1, 2], [0], [2]];
    const a = dedupe(rowsOf(docs), null);
    const b = dedupe(rowsOf([...docs].reverse()), null);
    expect(Array.from(a.rows.terms)).toEqual(Array.from(b.rows.terms));
    expect(Array.from(a.rows.weights)).toEqual(Array.from(b.rows.weights));
    expect(Array.from(a.weight)).toEqual(Array.from(b.weight));
  });
});
