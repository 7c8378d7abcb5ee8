import { describe, expect, it } from 'vitest';
import { differenceInDifferences, nearest, t975 } from '../../../pipelines/consultation/did.js';

describe('difference in differences', () => {
  it('subtracts the mean change of the controls from the treated change', () => {
    // treated 0.5 → 0.1 (−0.4); controls change 0, −0.1, +0.1 (mean 0)
    const e = differenceInDifferences({ pre: 0.5, post: 0.1 }, [
      { pre: 0.3, post: 0.3 },
      { pre: 0.4, post: 0.3 },
      { pre: 0.2, post: 0.3 },
    ])!;
    expect(e.estimate).toBeCloseTo(-0.4, 12);
    expect(e.controlPre).toBeCloseTo(0.3, 12);
    expect(e.controlPost).toBeCloseTo(0.3, 12);
    // sd of (0, −0.1, 0.1) = 0.1; × √(1 + 1/3)
    expect(e.se).toBeCloseTo(0.1 * Math.sqrt(4 / 3), 12);
    expect(e.low).toBeCloseTo(-0.4 - 4.303 * 0.1 * Math.sqrt(4 / 3), 12);
    expect(e.high).toBeCloseTo(-0.4 + 4.303 * 0.1 * Math.sqrt(4 / 3), 12);
    expect(e.controls).toBe(3);
  });

  it('leaves out controls without the measure and gives no interval for one control', () => {
    const e = differenceInDifferences({ pre: 48, post: 12 }, [
      { pre: 24, post: 30 },
      { pre: null, post: 20 },
    ])!;
    expect(e.estimate).toBe(-42);
    expect(e.controls).toBe(1);
    expect(e.se).toBeNull();
    expect(e.low).toBeNull();
  });

  it('has nothing to say when the treated topic lacks the measure', () => {
    expect(differenceInDifferences({ pre: null, post: 1 }, [{ pre: 1, post: 1 }])).toBeNull();
    expect(differenceInDifferences({ pre: 1, post: 1 }, [{ pre: 1, post: null }])).toBeNull();
  });

  it('uses Student t quantiles for small groups and the normal one beyond 30', () => {
    expect(t975(2)).toBe(4.303);
    expect(t975(30)).toBe(2.042);
    expect(t975(200)).toBe(1.96);
  });

  it('picks the nearest candidates on standardised features', () => {
    // volume differs by hundreds, score by tenths: unscaled, volume alone would decide
    const picked = nearest(
      [100, 0.5],
      [
        { id: 1, features: [100, 0.9] },
        { id: 2, features: [130, 0.5] },
        { id: 3, features: [400, 0.5] },
        { id: 4, features: [105, 0.52] },
      ],
      2,
    );
    expect(picked.map((p) => p.id)).toEqual([4, 2]);
  });
});
