import type { BenchSection } from './types.js';
import { ingestBench } from './ingest.js';

/** Bench sections in print order; one line per area. */
export const sections: Record<string, BenchSection> = {
  ingest: ingestBench,
};
