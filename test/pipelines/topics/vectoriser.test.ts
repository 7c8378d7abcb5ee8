import { describe, expect, test } from 'vitest';
import { fitVectoriser, idfOf, transformRows, vectorise } from '../../../pipelines/topics/vectoriser.js';
import { countRows } from './sparse-fixture.js';

const vocabulary = ['a', 'b', 'c', 'd', 'e'];
const rows = countRows([[0, 0, 0, 1], [0, 1, 2], [1, 2], [3]]);

describe('TF-IDF vectoriser', () => {
  test('keeps terms within the document-frequency bounds, in vocabulary order', () => {
    const { model, remap } = fitVectoriser(rows, vocabulary, null, { minDf: 2, maxDfShare: 0.9 });
    expect(model.terms).toEqual(['a', 'b', 'c']);
    expect(Array.from(remap)).toEqual([0, 1, 2, -1, -1]);
    expect(Array.from(model.df)).toEqual([2, 3, 2]);
    expect(model.idf[0]).toBeCloseTo(idfOf(2, 4));
    expect(model.idf[1]).toBeLessThan(model.idf[0]);
  });

  test('fits on the marked rows only', () => {
    const { model } = fitVectoriser(rows, vocabulary, Uint8Array.from([1, 1, 0, 0]), { minDf: 2, maxDfShare: 1 });
    expect(model.terms).toEqual(['a', 'b']);
  });

  test('rows are unit length, sublinear in term frequency, and empty when no term is known', () => {
    const { model, remap } = fitVectoriser(rows, vocabulary, null, { minDf: 2, maxDfShare: 0.9 });
    const v = transformRows(rows, remap, model.idf, 100);
    for (let i = 0; i < 3; i++) {
      let norm = 0;
      for (let k = v.offsets[i]; k < v.offsets[i + 1]; k++) norm += v.weights[k] ** 2;
      expect(norm).toBeCloseTo(1, 5);
    }
    expect(v.offsets[4] - v.offsets[3]).toBe(0);
    const [wa, wb] = [v.weights[v.offsets[0]], v.weights[v.offsets[0] + 1]];
    expect(wa / wb).toBeCloseTo(((1 + Math.log(3)) * model.idf[0]) / model.idf[1], 5);
  });

  test('one text vectorised alone equals its row', () => {
    const { model, remap } = fitVectoriser(rows, vocabulary, null, { minDf: 2, maxDfShare: 0.9 });
    const v = transformRows(rows, remap, model.idf, 100);
    const alone = vectorise(model, ['b', 'a', 'c', 'zzz'], 100);
    expect(Array.from(alone.terms)).toEqual(Array.from(v.terms.subarray(v.offsets[1], v.offsets[2])));
    expect(Array.from(alone.weights)).toEqual(Array.from(v.weights.subarray(v.offsets[1], v.offsets[2])));
  });

  test('a long text keeps only its strongest terms', () => {
    const { model, remap } = fitVectoriser(rows, vocabulary, null, { minDf: 2, maxDfShare: 0.9 });
    const v = transformRows(rows, remap, model.idf, 2);
    expect(v.offsets[2] - v.offsets[1]).toBe(2);
    expect(Array.from(v.terms.subarray(v.offsets[1], v.offsets[2]))).toEqual([0, 2]);
  });

  test('written over the count rows, the rows are the same', () => {
    const { model, remap } = fitVectoriser(rows, vocabulary, null, { minDf: 1, maxDfShare: 1 });
    for (const maxTerms of [100, 2]) {
      const apart = transformRows(rows, remap, model.idf, maxTerms);
      const copy = { ...rows, terms: rows.terms.slice() };
      const over = transformRows(copy, remap, model.idf, maxTerms, true);
      expect(over.terms.buffer).toBe(copy.terms.buffer);
      expect(Array.from(over.offsets)).toEqual(Array.from(apart.offsets));
      expect(Array.from(over.terms)).toEqual(Array.from(apart.terms));
      expect(Array.from(over.weights)).toEqual(Array.from(apart.weights));
    }
  });
});
