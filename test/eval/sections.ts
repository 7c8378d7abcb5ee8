import type { EvalSection } from './types.js';

/** Eval sections in print order; one line per area. */
export const sections: Record<string, EvalSection> = {
};
