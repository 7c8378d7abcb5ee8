import { describe, expect, it } from 'vitest';
import { Rng, cumulative } from '../../../pipelines/sample/prng.js';

const draw = (r: Rng, n: number) => Array.from({ length: n }, () => r.u32());

describe('seeded generator', () => {
  it('repeats its sequence for the same seed and stream, and differs otherwise', () => {
    expect(draw(new Rng(5, 'a'), 20)).toEqual(draw(new Rng(5, 'a'), 20));
    expect(draw(new Rng(5, 'a'), 20)).not.toEqual(draw(new Rng(6, 'a'), 20));
    expect(draw(new Rng(5, 'a'), 20)).not.toEqual(draw(new Rng(5, 'b'), 20));
  });

  it('draws uniform values in [0, 1) and integers in range', () => {
    const r = new Rng(1);
    let sum = 0;
    let outside = 0;
    const ints = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
      ints.add(r.range(3, 7));
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / 20_000 - 0.5)).toBeLessThan(0.01);
    expect([...ints].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('follows weights, never picking a zero-weight item', () => {
    const r = new Rng(2);
    const cum = cumulative([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[r.weighted(cum)]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / 20_000).toBeGreaterThan(0.72);
    expect(counts[2] / 20_000).toBeLessThan(0.78);
  });

  it('centres log-normal draws on their median', () => {
    const r = new Rng(3);
    const xs = Array.from({ length: 10_001 }, () => r.logNormal(60, 0.8)).sort((a, b) => a - b);
    expect(xs[5000]).toBeGreaterThan(55);
    expect(xs[5000]).toBeLessThan(65);
  });
});
