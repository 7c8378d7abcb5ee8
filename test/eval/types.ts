/** One line of the evaluation table. */
export interface EvalRow {
  dataset: string;
  metric: string;
  value: number | string;
  target?: string;
  ok?: boolean;
}

/** A section of `npm run eval`; it may read ../shared/data/real and print detail (e.g. top topics) itself. */
export type EvalSection = (opts: { workDir: string; sharedDir: string }) => Promise<EvalRow[]>;
