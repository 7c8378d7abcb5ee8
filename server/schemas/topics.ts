import { z } from 'zod';
import { datesInOrder, datesInOrderMessage, optDate, optText } from './common.js';

const windowShape = {
  from: optDate,
  to: optDate.describe('last day of the window (default: the last day with data)'),
  district: optText(100),
};

export const TopicsQuery = z
  .object({
    ...windowShape,
    platform: optText(40),
    unit: optText(200).describe('only topics whose appeals this unit handled, received or passed on'),
    q: optText(100).describe('label contains'),
    eligibleOnly: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .refine(datesInOrder, datesInOrderMessage);

export const TopicWindowQuery = z.object(windowShape).refine(datesInOrder, datesInOrderMessage);

export const Window = z.object({ from: z.string(), to: z.string(), days: z.number().int(), prevFrom: z.string() });

export const ScorePart = z.object({
  part: z.string(),
  value: z.number(),
  weight: z.number(),
  contribution: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});

export const Growth = z.object({ current: z.number().int(), reference: z.number().int(), ratio: z.number().nullable(), z: z.number().nullable(), p: z.number().nullable() });

export const TopicRank = z.object({
  /** Place among the eligible topics by score; null for topics with too few appeals to rank. */
  rank: z.number().int().nullable(),
  topicId: z.number().int(),
  label: z.string(),
  status: z.string(),
  settled: z.boolean(),
  eligible: z.boolean(),
  volume: z.number().int(),
  /** Appeals matching the platform/unit filters (equal to volume without them). */
  matching: z.number().int(),
  score: z.number(),
  parts: z.array(ScorePart),
  growth: Growth,
  emerging: z.boolean(),
  disputeShare: z.number(),
  returnRate: z.number(),
  functionalReturnRate: z.number(),
  ownerEntropy: z.number(),
  mainOwnerKind: z.string().nullable(),
  mainOwnerShare: z.number().nullable(),
  hoursToOwnerMedian: z.number().nullable(),
  repeatRate: z.number(),
  dissatisfaction: z.number().nullable(),
});

export const TopicRanking = z.object({
  window: Window,
  district: z.string().nullable(),
  totals: z.object({ current: z.number().int(), previous: z.number().int() }),
  topics: z.array(TopicRank),
});

export const TopicParams = z.object({ topicId: z.coerce.number().int().min(0).max(2_147_483_647) });

export const Sample = z.object({
  platform: z.string(),
  appealId: z.string(),
  receivedAt: z.string(),
  district: z.string().nullable(),
  title: z.string().nullable(),
  text: z.string(),
});

export const TopicPage = z.object({
  topicId: z.number().int(),
  label: z.string(),
  autoLabel: z.string().nullable(),
  labelSource: z.string(),
  status: z.string(),
  size: z.number().int(),
  parentTopic: z.number().int().nullable(),
  mergedInto: z.number().int().nullable(),
  terms: z.array(z.object({ term: z.string(), weight: z.number(), share: z.number() })),
  monthly: z.array(z.object({ month: z.string(), appeals: z.number().int() })),
  window: z.object({ from: z.string(), to: z.string() }),
  /** The topic's place in the ranking of the window; null when it has no appeals there. */
  rank: TopicRank.nullable(),
  /** Its appeals in the window that praise or thank: left out of the ranking and the evidence below. */
  praiseInWindow: z.number().int(),
  trend: z.array(z.object({ period: z.string(), appeals: z.number().int() })),
  units: z.array(z.object({ unit: z.string(), kind: z.string().nullable(), received: z.number().int(), returned: z.number().int(), kept: z.number().int().nullable() })),
  returnFlow: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int() })),
  returnReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  suggestedLead: z.object({ unit: z.string().nullable(), kind: z.string().nullable(), share: z.number(), kept: z.number().int(), returned: z.number().int() }).nullable(),
  /** Masked texts; a unit head sees only their own unit's. */
  samples: z.array(Sample),
  lineage: z.array(
    z.object({
      kind: z.string(),
      fromTopic: z.number().int().nullable(),
      fromLabel: z.string().nullable(),
      toTopic: z.number().int().nullable(),
      toLabel: z.string().nullable(),
      share: z.number().nullable(),
      source: z.string(),
      at: z.string(),
    }),
  ),
  curations: z.array(z.object({ action: z.string(), args: z.record(z.string(), z.unknown()), at: z.string(), by: z.string().nullable() })),
});

export const RenameBody = z.object({ label: z.string().trim().min(1).max(100) });
export const MergeBody = z.object({ sources: z.array(z.number().int().min(0)).min(1).max(50) });
export const CurationResult = z.object({ topicId: z.number().int(), children: z.array(z.number().int()) });

export const OutliersQuery = z.object({
  q: optText(100),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const OutlierRow = z.object({
  platform: z.string(),
  appealId: z.string(),
  receivedAt: z.string(),
  district: z.string().nullable(),
  title: z.string().nullable(),
  content: z.string(),
  nearestTopic: z.number().int().nullable(),
  nearestLabel: z.string().nullable(),
  similarity: z.number().nullable(),
});
export const OutlierList = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), rows: z.array(OutlierRow) });

export const PromoteBody = z
  .object({
    search: z.string().trim().min(1).max(100).optional(),
    appeals: z.array(z.object({ platform: z.string().min(1).max(40), appealId: z.string().min(1).max(200) })).max(1000).optional(),
    label: z.string().trim().min(1).max(100).optional(),
  })
  .refine((v) => Boolean(v.search) !== Boolean(v.appeals?.length), { message: 'give a search text or a list of appeals', path: ['search'] });

/** The topic engine's newest run over the whole database (pipelines/topics/run.ts). */
export const TopicRun = z.object({
  runId: z.number().int(),
  /** Local time, YYYY-MM-DD HH:MM. */
  finishedAt: z.string(),
  topics: z.number().int(),
  newTopics: z.number().int(),
  keptTopics: z.number().int(),
  retiredTopics: z.number().int(),
  appeals: z.number().int(),
  clustered: z.number().int(),
  /** Appeals loaded after it: assigned to its topics or left unclustered, never clustered together. */
  loadedSince: z.number().int(),
});

export const LastTopicRun = z.object({ lastRun: TopicRun.nullable() });

export const TopicRunResult = z.object({
  runId: z.number().int(),
  topics: z.number().int(),
  newTopics: z.number().int(),
  keptTopics: z.number().int(),
  retiredTopics: z.number().int(),
  clustered: z.number().int(),
  appeals: z.number().int(),
  durationMs: z.number().int(),
});

/** A run of the topic engine started from the dashboard, and how far it has got. */
export const TopicRunJob = z.object({
  state: z.enum(['queued', 'running', 'done', 'failed']),
  startedBy: z.string(),
  /** Local time, YYYY-MM-DD HH:MM. */
  startedAt: z.string(),
  /** The last step finished (export, segment, vectorise, cluster, identity, store, label, write, then signals) while it runs. */
  step: z.string().nullable(),
  result: TopicRunResult.nullable(),
  error: z.string().nullable(),
});

export const CurrentTopicRun = z.object({ job: TopicRunJob.nullable() });
