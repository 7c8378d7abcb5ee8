/** Exact binomial tail probabilities (through the regularized incomplete beta function) and z-scores. */

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x > 0.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = c[0];
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpper(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return incompleteBeta(p, k, n - k + 1);
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialLower(k: number, n: number, p: number): number {
  if (k >= n) return 1;
  if (k < 0) return 0;
  return 1 - binomialUpper(k + 1, n, p);
}

export interface CountComparison {
  /** Observed count in the window under test and in the reference window. */
  current: number;
  reference: number;
  /** current / reference (null when the reference is 0). */
  ratio: number | null;
  /** The ratio expected if the topic kept its share of all appeals. */
  expectedRatio: number | null;
  /** (current − expected) / sd under the binomial null. */
  z: number | null;
  /** Two-sided exact binomial p-value. */
  p: number | null;
  /** One-sided p-value for an increase. */
  pUp: number | null;
}

/**
 * Did a topic's count change more than all appeals did? Conditional on the topic's total n =
 * current + reference, under the null the current count is Binomial(n, p0) with p0 the share of all
 * appeals that fell in the current window (this also adjusts for windows of different lengths).
 */
export function compareCounts(current: number, reference: number, totalCurrent: number, totalReference: number): CountComparison {
  const n = current + reference;
  const ratio = reference > 0 ? current / reference : null;
  if (totalCurrent <= 0 || totalReference <= 0 || n === 0) return { current, reference, ratio, expectedRatio: null, z: null, p: null, pUp: null };
  const p0 = totalCurrent / (totalCurrent + totalReference);
  const sd = Math.sqrt(n * p0 * (1 - p0));
  const pUp = binomialUpper(current, n, p0);
  const pDown = binomialLower(current, n, p0);
  return {
    current,
    reference,
    ratio,
    expectedRatio: totalCurrent / totalReference,
    z: (current - n * p0) / sd,
    p: Math.min(1, 2 * Math.min(pUp, pDown)),
    pUp,
  };
}
