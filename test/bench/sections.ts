import type { BenchSection } from './types.js';
import { ingestBench } from './ingest.js';
import { disputesBench } from './disputes.js';
import { consultationBench } from './consultation.js';
import { topicsBench } from './topics.js';
import { apiBench } from './api.js';

/** Bench sections in print order; one line per area. */
export const sections: Record<string, BenchSection> = {
  ingest: ingestBench,
  disputes: disputesBench,
  consultation: consultationBench,
  topics: topicsBench,
  api: apiBench,
};
