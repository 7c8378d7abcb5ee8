import type { EvalSection } from './types.js';
import { disputesEval } from './disputes.js';
import { topicsEval } from './topics.js';

/** Eval sections in print order; one line per area. */
export const sections: Record<string, EvalSection> = {
  disputes: disputesEval,
  topics: topicsEval,
};
