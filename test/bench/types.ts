/** One line of the benchmark table. */
export interface BenchRow {
  area: string;
  metric: string;
  value: number;
  unit: string;
  /** The target, as text (e.g. '≥ 200000'), when there is one. */
  target?: string;
  /** Whether the value meets the target; undefined when there is no target. */
  ok?: boolean;
  /** The same measurement for the plain baseline run in the same process, when there is one. */
  baseline?: number;
}

/** A section of `npm run bench`; `scale` is the number of appeals to measure at. */
export type BenchSection = (opts: { scale: number; workDir: string }) => Promise<BenchRow[]>;
