import { describe, expect, test } from 'vitest';
import { ari, nmi, purity } from '../../../pipelines/topics/quality.js';

describe('clustering quality measures', () => {
  test('a clustering equal to the truth up to names scores 1', () => {
    expect(nmi(['a', 'a', 'b', 'b'], [7, 7, 3, 3])).toBeCloseTo(1);
    expect(ari(['a', 'a', 'b', 'b'], [7, 7, 3, 3])).toBeCloseTo(1);
    expect(purity(['a', 'a', 'b', 'b'], [7, 7, 3, 3])).toBe(1);
  });

  test('one cluster for everything tells nothing', () => {
    expect(nmi(['a', 'a', 'b', 'b'], [1, 1, 1, 1])).toBe(0);
    expect(ari(['a', 'a', 'b', 'b'], [1, 1, 1, 1])).toBe(0);
    expect(purity(['a', 'a', 'b', 'b'], [1, 1, 1, 1])).toBe(0.5);
  });

  // Worked by hand: cells (2, 1 | 1, 2); MI = (2/3)·ln 2; H(truth) = ln 2, H(found) = ln 3;
  // pairs: index 2, expected 6·3/15, max 4.5.
  test('values match a worked example', () => {
    const truth = [0, 0, 0, 1, 1, 1];
    const found = [0, 0, 1, 1, 2, 2];
    expect(ari(truth, found)).toBeCloseTo((2 - 1.2) / (4.5 - 1.2), 10);
    expect(nmi(truth, found)).toBeCloseTo(((2 / 3) * Math.LN2) / ((Math.LN2 + Math.log(3)) / 2), 10);
    expect(purity(truth, found)).toBeCloseTo(5 / 6, 10);
  });
});
