/**
 * Difference in differences for one treated topic against a group of comparison topics:
 *   estimate = (treated after − treated before) − mean over controls (control after − control before).
 * Uncertainty: the controls' own changes show how much a topic's measure moves without a decision,
 * so the standard error is their standard deviation × √(1 + 1/K) (the treated change's own noise
 * plus that of the K-control mean), and the interval uses Student's t with K − 1 degrees of freedom.
 */

export interface PrePost {
  pre: number | null;
  post: number | null;
}

export interface DidEstimate {
  treatedPre: number;
  treatedPost: number;
  controlPre: number;
  controlPost: number;
  /** Difference in differences; negative = the measure fell more than in comparable topics. */
  estimate: number;
  /** Null with fewer than two controls. */
  se: number | null;
  low: number | null;
  high: number | null;
  controls: number;
}

// Two-sided 95 % quantiles of Student's t for 1–30 degrees of freedom; the normal 1.96 beyond.
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export function t975(df: number): number {
  return T975[df - 1] ?? 1.96;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Null when the treated topic or every control lacks the measure in either period. */
export function differenceInDifferences(treated: PrePost, controls: PrePost[]): DidEstimate | null {
  if (treated.pre === null || treated.post === null) return null;
  const usable = controls.filter((c): c is { pre: number; post: number } => c.pre !== null && c.post !== null);
  if (!usable.length) return null;
  const changes = usable.map((c) => c.post - c.pre);
  const controlChange = mean(changes);
  const estimate = treated.post - treated.pre - controlChange;
  const k = usable.length;
  let se: number | null = null;
  if (k >= 2) {
    const variance = changes.reduce((s, x) => s + (x - controlChange) ** 2, 0) / (k - 1);
    se = Math.sqrt(variance) * Math.sqrt(1 + 1 / k);
  }
  const half = se === null ? null : t975(k - 1) * se;
  return {
    treatedPre: treated.pre,
    treatedPost: treated.post,
    controlPre: mean(usable.map((c) => c.pre)),
    controlPost: mean(usable.map((c) => c.post)),
    estimate,
    se,
    low: half === null ? null : estimate - half,
    high: half === null ? null : estimate + half,
    controls: k,
  };
}

/**
 * The k candidates nearest to the treated topic on the given features (each scaled by its
 * standard deviation across treated and candidates, so volume and score weigh alike).
 */
export function nearest<T extends { id: number; features: number[] }>(treated: number[], candidates: T[], k: number): (T & { distance: number })[] {
  const all = [treated, ...candidates.map((c) => c.features)];
  const sd = treated.map((_, j) => {
    const col = all.map((f) => f[j]);
    const m = mean(col);
    const s = Math.sqrt(col.reduce((acc, x) => acc + (x - m) ** 2, 0) / Math.max(1, col.length - 1));
    return s > 0 ? s : 1;
  });
  return candidates
    .map((c) => ({ ...c, distance: Math.sqrt(c.features.reduce((acc, x, j) => acc + ((x - treated[j]) / sd[j]) ** 2, 0)) }))
    .sort((a, b) => a.distance - b.distance || a.id - b.id)
    .slice(0, k);
}
