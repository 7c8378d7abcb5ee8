import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { afterTopicChange, assignModel, type AssignModel } from './assign-model.js';
import { CentroidIndex, centroidsOf } from './centroids.js';
import { ownSimilarity, thresholdClusterer, topicThresholds } from './clusterer.js';
import { toNamed } from './identity.js';
import { distinctiveTerms, makeLabel, type TermScore } from './labels.js';
import { centralTexts, labelSamples, LABEL_CANDIDATES, type LineageEdge } from './run.js';
import { segmentFile, type Corpus } from './segment-pool.js';
import type { SparseRows } from './sparse.js';
import type { CurationAction, TopicRow } from './state.js';
import { transformRows } from './vectoriser.js';

/** A curation that cannot be done as asked; the message is for the person who asked. */
/**
 * A curation refused: `conflict` when the topic's state does not allow it, `not_found` for no such
 * topic, `invalid_input` when the request itself is incomplete. The message is for the user.
 */
export class TopicError extends Error {
  constructor(
    message: string,
    readonly code: 'conflict' | 'not_found' | 'invalid_input' = 'conflict',
  ) {
    super(message);
  }
}

/** Smallest number of appeals that makes a topic by hand (promotion, split children). */
const MIN_CURATED = 3;

async function topic(db: Database, id: number): Promise<TopicRow> {
  const row = await db.one<TopicRow>('topics/topic_by_id', { id });
  if (!row) throw new TopicError(`topic ${id} does not exist`, 'not_found');
  return row;
}

async function requireModel(db: Database): Promise<AssignModel> {
  const m = await assignModel(db);
  if (!m) throw new TopicError('no topic run yet: run `topics run` first');
  return m;
}

async function record(db: Database, action: CurationAction, topicId: number, args: object, by: string | undefined): Promise<void> {
  await db.run('topics/insert_curation', { action, topic_id: topicId, args: JSON.stringify(args), by: by ?? null });
}

/** Runs a curation in one transaction with a scratch folder, then forgets cached topic state. */
async function curate<T>(db: Database, fn: (workDir: string) => Promise<T>): Promise<T> {
  const workDir = mkdtempSync(join(tmpdir(), 'linkage-curate-'));
  try {
    const out = await db.transaction(() => fn(workDir));
    afterTopicChange(db);
    return out;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

export async function renameTopic(db: Database, id: number, label: string, by?: string): Promise<void> {
  const clean = label.replace(/\s+/g, ' ').trim();
  if (!clean) throw new TopicError('the new label is empty', 'invalid_input');
  await topic(db, id);
  await curate(db, async () => {
    await db.run('topics/rename_topic', { id, label: clean });
    await record(db, 'rename', id, { label: clean }, by);
  });
}

/** Marks a topic as noise (kept, still takes its appeals, but left out of lists and dispute scores). */
export async function markNoise(db: Database, id: number, by?: string): Promise<void> {
  const t = await topic(db, id);
  if (t.status !== 'active') throw new TopicError(`topic ${id} is ${t.status}, not active`);
  await curate(db, async () => {
    await db.run('topics/set_status', { id, status: 'noise' });
    await record(db, 'noise', id, {}, by);
  });
}

/** Undoes a noise mark. */
export async function restoreTopic(db: Database, id: number, by?: string): Promise<void> {
  const t = await topic(db, id);
  if (t.status !== 'noise') throw new TopicError(`topic ${id} is ${t.status}, not noise`);
  await curate(db, async () => {
    await db.run('topics/set_status', { id, status: 'active' });
    await record(db, 'restore', id, {}, by);
  });
}

/** Term rows of member appeals, their vectors, and the topic of each (from the previous-topic column). */
async function members(db: Database, m: AssignModel, ids: number[], workDir: string): Promise<{ corpus: Corpus; rows: SparseRows }> {
  const file = join(workDir, `members-${ids.join('-')}.tsv`);
  await db.run('topics/export_members', { ids: JSON.stringify(ids), file });
  return vectors(m, await segmentFile(file, m.lexicon, m.segmenter.options, undefined, m.segmenter));
}

function vectors(m: AssignModel, corpus: Corpus): { corpus: Corpus; rows: SparseRows } {
  const remap = Int32Array.from(corpus.vocabulary, (term) => m.model.index.get(term) ?? -1);
  return { corpus, rows: transformRows(corpus.counts, remap, m.model.idf, m.params.maxTermsPerText) };
}

/**
 * Recomputes the given topics from the appeals now in them (`topicOf[i]` for corpus row i): each
 * appeal's similarity, the centroid, threshold, size, distinctive terms, label and examples.
 */
async function rebuild(db: Database, m: AssignModel, corpus: Corpus, rows: SparseRows, topicOf: Int32Array, ids: number[]): Promise<void> {
  const slot = new Map(ids.map((id, s) => [id, s]));
  const labels = Int32Array.from(topicOf, (id) => slot.get(id) ?? -1);
  const ones = new Float64Array(rows.n).fill(1);
  const V = m.model.terms.length;
  const centroids = centroidsOf(rows, labels, ones, ids.length, V);
  const similarity = ownSimilarity(rows, labels, centroids, V);
  const thresholds = topicThresholds(labels, similarity, ones, ids.length, { ...m.params, joinThreshold: m.joinThreshold });
  const appender = await db.connection.createAppender('topic_stage');
  try {
    for (let i = 0; i < rows.n; i++) {
      if (labels[i] < 0) continue;
      appender.appendBigInt(BigInt(corpus.rid[i]));
      appender.appendInteger(ids[labels[i]]);
      appender.appendDouble(similarity[i]);
      appender.appendNull();
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
  await db.run('topics/store_members');

  const stats = (await db.one<{ clustered: number; topics: number }>('topics/clustered_stats'))!;
  const avg = stats.topics ? stats.clustered / stats.topics : 1;
  const size = new Int32Array(ids.length);
  const inTopic = ids.map(() => new Map<string, number>());
  for (let i = 0; i < rows.n; i++) {
    if (labels[i] < 0) continue;
    size[labels[i]]++;
    for (let k = corpus.counts.offsets[i]; k < corpus.counts.offsets[i + 1]; k++) {
      const term = corpus.vocabulary[corpus.counts.terms[k]];
      inTopic[labels[i]].set(term, (inTopic[labels[i]].get(term) ?? 0) + 1);
    }
  }
  const dfOf = (term: string) => {
    const t = m.model.index.get(term);
    return t === undefined ? 1 : m.model.df[t];
  };
  const terms: TermScore[][] = ids.map((_, s) => distinctiveTerms(inTopic[s], Math.max(1, size[s]), dfOf, avg, LABEL_CANDIDATES));
  const central = await centralTexts(db, ids, m.params.examples);
  const samples = await labelSamples(db, m.segmenter, ids);
  const centroidRows: { topic_id: number; term: string; weight: number }[] = [];
  const termRows: { topic_id: number; rank: number; term: string; weight: number; share: number }[] = [];
  const exampleRows: { topic_id: number; rank: number; platform: string; appeal_id: string; similarity: number }[] = [];
  for (let s = 0; s < ids.length; s++) {
    const texts = central.get(ids[s]) ?? [];
    const label = makeLabel(terms[s], samples.get(ids[s]) ?? []) || `#${ids[s]}`;
    await db.run('topics/update_topic', { id: ids[s], size: size[s], threshold: thresholds[s], auto_label: label });
    const named = toNamed(centroids[s], m.model);
    named.terms.forEach((term, j) => centroidRows.push({ topic_id: ids[s], term, weight: named.weights[j] }));
    terms[s].slice(0, m.params.topTerms).forEach((t, r) => termRows.push({ topic_id: ids[s], rank: r + 1, term: t.term, weight: t.weight, share: t.share }));
    texts.slice(0, m.params.examples).forEach((t) => exampleRows.push({ topic_id: ids[s], rank: t.rank, platform: t.platform, appeal_id: t.appeal_id, similarity: t.similarity }));
  }
  const idList = JSON.stringify(ids);
  await db.run('topics/replace_centroids', { ids: idList, rows: JSON.stringify(centroidRows) });
  await db.run('topics/replace_terms', { ids: idList, rows: JSON.stringify(termRows) });
  await db.run('topics/replace_examples', { ids: idList, rows: JSON.stringify(exampleRows) });
}

async function lineage(db: Database, edges: Omit<LineageEdge, 'run_id' | 'source'>[]): Promise<void> {
  const run = await db.one<{ run_id: number | null }>('topics/latest_run_id');
  await db.run('topics/insert_lineage', { rows: JSON.stringify(edges.map((e) => ({ ...e, run_id: run?.run_id ?? null, source: 'curation' }))) });
}

/** Merges the source topics into `target`: their appeals move, they are marked merged, and so they stay after every run. */
export async function mergeTopics(db: Database, target: number, sources: number[], by?: string): Promise<void> {
  const others = [...new Set(sources)].filter((s) => s !== target);
  if (!others.length) throw new TopicError('name at least one topic to merge into the first', 'invalid_input');
  const t = await topic(db, target);
  if (t.status !== 'active' && t.status !== 'noise') throw new TopicError(`topic ${target} is ${t.status}: it cannot take other topics`);
  const sizes = new Map<number, number>();
  for (const s of others) {
    const row = await topic(db, s);
    if (row.status !== 'active' && row.status !== 'noise') throw new TopicError(`topic ${s} is ${row.status}: only active or noise topics can be merged`);
    sizes.set(s, row.size);
  }
  const m = await requireModel(db);
  await curate(db, async (workDir) => {
    await db.run('topics/merge_into', { target, sources: JSON.stringify(others) });
    const { corpus, rows } = await members(db, m, [target], workDir);
    await rebuild(db, m, corpus, rows, corpus.old, [target]);
    await record(db, 'merge', target, { sources: others }, by);
    await lineage(db, others.map((s) => ({ from_topic: s, to_topic: target, kind: 'merged' as const, share: 1, similarity: null })));
  });
}

/**
 * Splits a topic into the sub-topics its appeals show when clustered more strictly. The children
 * get new ids, the parent is retired, and the split is re-applied after every run.
 */
export async function splitTopic(db: Database, id: number, by?: string): Promise<number[]> {
  const t = await topic(db, id);
  if (t.status !== 'active' && t.status !== 'noise') throw new TopicError(`topic ${id} is ${t.status}: only active or noise topics can be split`);
  const m = await requireModel(db);
  return curate(db, async (workDir) => {
    const { corpus, rows } = await members(db, m, [id], workDir);
    const parts = subTopics(m, rows);
    if (!parts) throw new TopicError(`topic ${id} shows no sub-topics of at least ${MIN_CURATED} appeals to split into`);
    const first = (await db.one<{ id: number }>('topics/next_topic_id'))!.id;
    const children = parts.centroids.map((_, c) => first + c);
    const run = await db.one<{ run_id: number | null }>('topics/latest_run_id');
    for (const child of children) await db.run('topics/insert_topic', { id: child, label: `#${child}`, run: run?.run_id ?? null, parent: id });
    const topicOf = Int32Array.from(parts.labels, (c) => children[c]);
    await rebuild(db, m, corpus, rows, topicOf, children);
    await db.run('topics/set_status', { id, status: 'retired' });
    await record(db, 'split', id, { children }, by);
    const counts = children.map((child) => topicOf.filter((x) => x === child).length);
    await lineage(db, children.map((child, c) => ({ from_topic: id, to_topic: child, kind: 'split' as const, share: counts[c] / rows.n, similarity: null })));
    return children;
  });
}

/**
 * The sub-topics of a topic's appeals: clustered with ever stricter merging until at least two
 * sub-topics appear; every appeal then goes to the nearest of them. Null when none appear.
 */
function subTopics(m: AssignModel, rows: SparseRows): { labels: Int32Array; centroids: ReturnType<typeof centroidsOf> } | null {
  const ones = new Float64Array(rows.n).fill(1);
  const V = m.model.terms.length;
  const join = m.joinThreshold;
  for (let merge = Math.max(m.params.mergeThreshold + 0.1, 0.4); merge < 0.95; merge += 0.1) {
    const found = thresholdClusterer({ ...m.params, joinThreshold: Math.max(join, merge), mergeThreshold: merge, minTopicSize: Math.max(MIN_CURATED, Math.ceil(rows.n * 0.05)) }).cluster(rows, ones, V);
    if (found.centroids.length < 2) continue;
    const index = new CentroidIndex(found.centroids, V);
    const labels = new Int32Array(rows.n);
    for (let i = 0; i < rows.n; i++) labels[i] = Math.max(0, index.nearest(rows.terms, rows.weights, rows.offsets[i], rows.offsets[i + 1]).id);
    return { labels, centroids: found.centroids };
  }
  return null;
}

export interface OutlierSelection {
  /** Outliers whose text contains this. */
  search?: string;
  /** Or these outliers. */
  appeals?: { platform: string; appealId: string }[];
  label?: string;
}

/** Makes a new topic from unclustered appeals (a search over the outlier queue, or chosen ones). */
export async function promoteOutliers(db: Database, sel: OutlierSelection, by?: string): Promise<{ topicId: number; size: number }> {
  if (!sel.search && !sel.appeals?.length) throw new TopicError('choose the outliers to promote: a search text or appeal ids', 'invalid_input');
  const m = await requireModel(db);
  return curate(db, async (workDir) => {
    const file = join(workDir, 'outliers.tsv');
    await db.run('topics/export_outliers', {
      file,
      search: sel.search ?? null,
      keys: sel.appeals?.length ? JSON.stringify(sel.appeals.map((a) => ({ platform: a.platform, appeal_id: a.appealId }))) : null,
    });
    const { corpus, rows } = vectors(m, await segmentFile(file, m.lexicon, m.segmenter.options, undefined, m.segmenter));
    const usable = Array.from({ length: rows.n }, (_, i) => i).filter((i) => rows.offsets[i + 1] > rows.offsets[i]).length;
    if (usable < MIN_CURATED) throw new TopicError(`only ${usable} matching outlier(s) with usable text: a topic needs at least ${MIN_CURATED}`);
    const id = (await db.one<{ id: number }>('topics/next_topic_id'))!.id;
    const run = await db.one<{ run_id: number | null }>('topics/latest_run_id');
    await db.run('topics/insert_topic', { id, label: `#${id}`, run: run?.run_id ?? null, parent: null });
    const topicOf = Int32Array.from({ length: rows.n }, (_, i) => (rows.offsets[i + 1] > rows.offsets[i] ? id : -1));
    await rebuild(db, m, corpus, rows, topicOf, [id]);
    await record(db, 'promote', id, sel.search ? { search: sel.search } : {}, by);
    if (sel.label) {
      await db.run('topics/rename_topic', { id, label: sel.label });
      await record(db, 'rename', id, { label: sel.label }, by);
    }
    await lineage(db, [{ from_topic: null, to_topic: id, kind: 'new', share: null, similarity: null }]);
    return { topicId: id, size: usable };
  });
}
