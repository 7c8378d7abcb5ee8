import type { Database } from '../db/database.js';
import type { NamedCentroid } from './identity.js';
import { makeModelFromIdf, type VectorModel } from './vectoriser.js';

export type TopicStatus = 'active' | 'merged' | 'noise' | 'retired';

/** A row of the topics table. */
export interface TopicRow {
  topic_id: number;
  label: string;
  status: TopicStatus;
  size: number;
  created_run: number | null;
  updated_run: number | null;
  auto_label: string | null;
  label_source: 'auto' | 'curated';
  merged_into: number | null;
  parent_topic: number | null;
  threshold: number | null;
  [k: string]: unknown;
}

export async function loadTopics(db: Database): Promise<TopicRow[]> {
  return db.all<TopicRow>('topics/previous_topics');
}

export async function loadCentroids(db: Database): Promise<Map<number, NamedCentroid>> {
  const rows = await db.all<{ topic_id: number; terms: string; weights: string }>('topics/centroids');
  return new Map(rows.map((r) => [r.topic_id, { terms: r.terms.split('\u001f'), weights: r.weights.split('\u001e').map(Number) }]));
}

export type CurationAction = 'rename' | 'merge' | 'split' | 'noise' | 'restore' | 'promote';

/** One curation as stored; args by action: rename {label}, merge {sources}, split {children}. */
export interface Curation {
  curationId: number;
  action: CurationAction;
  topicId: number;
  args: { label?: string; sources?: number[]; children?: number[] };
  createdAt: Date;
  createdBy: string | null;
}

export async function loadCurations(db: Database): Promise<Curation[]> {
  const rows = await db.all<{ curation_id: number; action: CurationAction; topic_id: number; args: string | null; created_at: Date; created_by: string | null }>('topics/curations');
  return rows.map((r) => ({ curationId: r.curation_id, action: r.action, topicId: r.topic_id, args: r.args ? JSON.parse(r.args) : {}, createdAt: r.created_at, createdBy: r.created_by }));
}

/** The latest run's vectoriser, or null before the first run. */
export async function loadModel(db: Database): Promise<VectorModel | null> {
  const row = await db.one<{ n: number; terms: string; stats: string }>('topics/vocabulary');
  if (!row || row.n === 0) return null;
  const terms = row.terms.split('\u001f');
  const stats = row.stats.split('\u001e');
  const df = new Int32Array(terms.length);
  const idf = new Float64Array(terms.length);
  stats.forEach((s, i) => {
    const at = s.indexOf(':');
    df[i] = Number(s.slice(0, at));
    idf[i] = Number(s.slice(at + 1));
  });
  return makeModelFromIdf(terms, df, idf);
}
