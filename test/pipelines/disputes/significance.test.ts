import { describe, expect, it } from 'vitest';
import { binomialLower, binomialUpper, compareCounts, incompleteBeta } from '../../../pipelines/disputes/significance.js';

describe('binomial tests', () => {
  it('computes exact binomial tails', () => {
    // P(X ≥ 8 | n = 10, p = ½) = (C(10,8) + C(10,9) + C(10,10)) / 1024 = (45 + 10 + 1) / 1024
    expect(binomialUpper(8, 10, 0.5)).toBeCloseTo(56 / 1024, 12);
    expect(binomialLower(2, 10, 0.5)).toBeCloseTo(56 / 1024, 12);
    // P(X ≥ 1 | n = 3, p = 0.2) = 1 − 0.8³ = 0.488
    expect(binomialUpper(1, 3, 0.2)).toBeCloseTo(0.488, 12);
    expect(binomialUpper(0, 3, 0.2)).toBe(1);
    expect(binomialUpper(4, 3, 0.2)).toBe(0);
    // I_x(1, 1) = x
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
  });

  it('compares a count with its previous window, against the change in all appeals', () => {
    // equal totals: p0 = ½, n = 40, expected 20, sd = √10 → z = 10 / √10
    const up = compareCounts(30, 10, 1000, 1000);
    expect(up.z).toBeCloseTo(10 / Math.sqrt(10), 12);
    expect(up.ratio).toBe(3);
    expect(up.pUp).toBeCloseTo(binomialUpper(30, 40, 0.5), 12);
    expect(up.p).toBeCloseTo(2 * binomialUpper(30, 40, 0.5), 12);
    // all appeals tripled too: the topic grew no more than the rest
    const flat = compareCounts(30, 10, 3000, 1000);
    expect(flat.z).toBeCloseTo(0, 12);
    expect(flat.p).toBe(1);
    // no earlier data: no test
    expect(compareCounts(5, 0, 100, 0)).toMatchObject({ z: null, p: null, ratio: null });
  });
});
