import type { Database } from '../db/database.js';
import { assignModel } from './assign-model.js';
import type { CurationAction, TopicStatus } from './state.js';

export interface TopicExample {
  platform: string;
  appealId: string;
  similarity: number;
  receivedAt: Date;
  district: string | null;
  title: string | null;
  /** Masked at import. */
  content: string;
}

export interface TopicSummary {
  topicId: number;
  label: string;
  status: TopicStatus;
  size: number;
  labelSource: 'auto' | 'curated';
  autoLabel: string | null;
  createdRun: number | null;
  updatedRun: number | null;
  parentTopic: number | null;
  mergedInto: number | null;
  threshold: number | null;
  terms: string[];
  examples: TopicExample[];
}

interface ExampleRow {
  topic_id: number;
  platform: string;
  appeal_id: string;
  similarity: number;
  received_at: Date;
  district: string | null;
  title: string | null;
  content: string;
  [k: string]: unknown;
}

function example(r: ExampleRow): TopicExample {
  return { platform: r.platform, appealId: r.appeal_id, similarity: r.similarity, receivedAt: r.received_at, district: r.district, title: r.title, content: r.content };
}

/** Topics (active only unless `statuses` says otherwise), largest first, with top terms and representative appeals. */
export async function listTopics(db: Database, opts: { statuses?: TopicStatus[]; limit?: number; terms?: number; examples?: number } = {}): Promise<TopicSummary[]> {
  const rows = await db.all<{
    topic_id: number;
    label: string;
    status: TopicStatus;
    size: number;
    label_source: 'auto' | 'curated';
    auto_label: string | null;
    created_run: number | null;
    updated_run: number | null;
    parent_topic: number | null;
    merged_into: number | null;
    threshold: number | null;
    terms: string[];
  }>('topics/list_topics', { statuses: JSON.stringify(opts.statuses ?? ['active']), limit: opts.limit ?? 1_000_000, terms: opts.terms ?? 8 });
  const examples = new Map<number, TopicExample[]>();
  if (rows.length && (opts.examples ?? 3) > 0) {
    for (const r of await db.all<ExampleRow>('topics/topic_examples', { ids: JSON.stringify(rows.map((t) => t.topic_id)) })) {
      const list = examples.get(r.topic_id) ?? [];
      if (list.length < (opts.examples ?? 3)) list.push(example(r));
      examples.set(r.topic_id, list);
    }
  }
  return rows.map((r) => ({
    topicId: r.topic_id,
    label: r.label,
    status: r.status,
    size: r.size,
    labelSource: r.label_source,
    autoLabel: r.auto_label,
    createdRun: r.created_run,
    updatedRun: r.updated_run,
    parentTopic: r.parent_topic,
    mergedInto: r.merged_into,
    threshold: r.threshold,
    terms: r.terms,
    examples: examples.get(r.topic_id) ?? [],
  }));
}

export interface LineageStep {
  runId: number | null;
  fromTopic: number | null;
  fromLabel: string | null;
  toTopic: number | null;
  toLabel: string | null;
  kind: 'split' | 'merged' | 'new' | 'retired';
  share: number | null;
  similarity: number | null;
  source: 'run' | 'curation';
  at: Date;
}

export interface CurationStep {
  curationId: number;
  action: CurationAction;
  topicId: number;
  args: Record<string, unknown>;
  at: Date;
  by: string | null;
}

export interface TopicDetail extends TopicSummary {
  distinctiveTerms: { term: string; weight: number; share: number }[];
  monthly: { month: string; appeals: number }[];
  lineage: LineageStep[];
  curations: CurationStep[];
}

/** One topic: label, distinctive terms, size by month, representative appeals, lineage and curation history. */
export async function topicDetail(db: Database, id: number): Promise<TopicDetail | null> {
  const statuses: TopicStatus[] = ['active', 'noise', 'merged', 'retired'];
  const [summary] = (await listTopics(db, { statuses, examples: 0 })).filter((t) => t.topicId === id);
  if (!summary) return null;
  const examples = (await db.all<ExampleRow>('topics/topic_examples', { ids: JSON.stringify([id]) })).map(example);
  const lineage = await db.all<{ run_id: number | null; from_topic: number | null; from_label: string | null; to_topic: number | null; to_label: string | null; kind: LineageStep['kind']; share: number | null; similarity: number | null; source: 'run' | 'curation'; created_at: Date }>('topics/topic_lineage', { id });
  const curations = await db.all<{ curation_id: number; action: CurationAction; topic_id: number; args: string | null; created_at: Date; created_by: string | null }>('topics/topic_curations', { id });
  return {
    ...summary,
    examples,
    distinctiveTerms: await db.all<{ term: string; weight: number; share: number }>('topics/topic_terms', { id }),
    monthly: await db.all<{ month: string; appeals: number }>('topics/topic_monthly', { id }),
    lineage: lineage.map((l) => ({ runId: l.run_id, fromTopic: l.from_topic, fromLabel: l.from_label, toTopic: l.to_topic, toLabel: l.to_label, kind: l.kind, share: l.share, similarity: l.similarity, source: l.source, at: l.created_at })),
    curations: curations.map((c) => ({ curationId: c.curation_id, action: c.action, topicId: c.topic_id, args: c.args ? JSON.parse(c.args) : {}, at: c.created_at, by: c.created_by })),
  };
}

export interface Outlier {
  platform: string;
  appealId: string;
  receivedAt: Date;
  district: string | null;
  title: string | null;
  content: string;
  /** The nearest topic, which found it not similar enough. */
  nearestTopic: number | null;
  nearestLabel: string | null;
  similarity: number | null;
}

/** The outlier queue, newest first; `search` keeps those whose title or content contains it. */
export async function searchOutliers(db: Database, opts: { search?: string; limit?: number; offset?: number } = {}): Promise<{ total: number; outliers: Outlier[] }> {
  const rows = await db.all<{ platform: string; appeal_id: string; received_at: Date; district: string | null; title: string | null; content: string; best_topic: number | null; best_label: string | null; best_similarity: number | null; total: number }>('topics/outliers', {
    search: opts.search?.trim() || null,
    limit: opts.limit ?? 50,
    offset: opts.offset ?? 0,
  });
  return {
    total: rows[0]?.total ?? 0,
    outliers: rows.map((r) => ({ platform: r.platform, appealId: r.appeal_id, receivedAt: r.received_at, district: r.district, title: r.title, content: r.content, nearestTopic: r.best_topic, nearestLabel: r.best_label, similarity: r.best_similarity })),
  };
}

export interface RisingTerm {
  term: string;
  /** Outliers using it in the last window and in the window before. */
  recent: number;
  previous: number;
  /** How far above its expected count it is, in standard deviations (Poisson). */
  z: number;
}

/**
 * Terms rising among the outliers: used by more outliers in the last `days` days than the window
 * before predicts (at least `minCount` times and two standard deviations above expectation).
 */
export async function risingTerms(db: Database, opts: { days?: number; limit?: number; minCount?: number } = {}): Promise<RisingTerm[]> {
  const m = await assignModel(db);
  if (!m) return [];
  const rows = await db.all<{ text: string; recent: boolean }>('topics/outlier_window_texts', { days: opts.days ?? 28 });
  await m.segmenter.prepare(rows.map((r) => r.text));
  const recent = new Map<string, number>();
  const previous = new Map<string, number>();
  let nRecent = 0;
  let nPrevious = 0;
  for (const r of rows) {
    const target = r.recent ? recent : previous;
    if (r.recent) nRecent++;
    else nPrevious++;
    for (const term of new Set(m.segmenter.terms(r.text))) target.set(term, (target.get(term) ?? 0) + 1);
  }
  if (!nRecent) return [];
  const minCount = opts.minCount ?? 3;
  const out: RisingTerm[] = [];
  for (const [term, r] of recent) {
    if (r < minCount) continue;
    const p = previous.get(term) ?? 0;
    // Expected recent count if the term were as common as before (one smoothing use per window).
    const expected = Math.max(((p + 0.5) * nRecent) / Math.max(1, nPrevious), 0.5);
    const z = (r - expected) / Math.sqrt(expected);
    if (z >= 2) out.push({ term, recent: r, previous: p, z });
  }
  return out.sort((a, b) => b.z - a.z || (a.term < b.term ? -1 : 1)).slice(0, opts.limit ?? 20);
}

/** Writes `appeal_id, platform, topic_id, topic_label, similarity` for every appeal (unclustered: empty topic). */
export async function exportAssignments(db: Database, file: string): Promise<number> {
  await db.run('topics/export_assignments', { file });
  return ((await db.one<{ n: number }>('topics/appeal_count')) ?? { n: 0 }).n;
}
