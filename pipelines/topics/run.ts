import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { centroidsOf } from './centroids.js';
import { afterTopicChange } from './assign-model.js';
import { autoJoinThreshold, reassign, thresholdClusterer, type ClusterResult } from './clusterer.js';
import { dedupe, type Deduped } from './dedupe.js';
import { matchTopics, toModelTerms, toNamed, type PreviousTopic } from './identity.js';
import { distinctiveTerms, distinctLabels, makeLabel, type CentralText, type TermScore } from './labels.js';
import { learnedWord, loadLexicon, withLearnedWords, type UserWord } from './lexicon.js';
import { resolveParams, type TopicParams } from './params.js';
import { reapplyCurations } from './reapply.js';
import { RowTeam } from './row-team.js';
import { SegmenterPool, type Corpus } from './segment-pool.js';
import { Segmenter, segmenterVersion } from './segmenter.js';
import { writeStage } from './stage.js';
import { dot, type SparseRows, type SparseVector } from './sparse.js';
import { loadCentroids, loadCurations, loadTopics, type TopicRow, type TopicStatus } from './state.js';
import { fitVectoriser, transformRows, type VectorModel } from './vectoriser.js';

export interface RunOptions {
  /** First and last day (YYYY-MM-DD) of the appeals topics are learned from; all appeals are assigned. */
  from?: string;
  to?: string;
  params?: Partial<TopicParams>;
  /** Threads that segment and cluster, this one included (default: one per core). */
  workers?: number;
  lexiconDir?: string;
  progress?: (step: string) => void;
}

export interface RunSummary {
  runId: number;
  appeals: number;
  windowAppeals: number;
  clustered: number;
  topics: number;
  newTopics: number;
  keptTopics: number;
  retiredTopics: number;
  splits: number;
  merges: number;
  learnedWords: number;
  joinThreshold: number;
  inputHash: string;
  segmenterVersion: string;
  lexiconHash: string;
  durationMs: number;
  /** Milliseconds per step, for the benchmark. */
  steps: Record<string, number>;
  /** CPU milliseconds per step, all threads of this process (workers, DuckDB) together. */
  cpuSteps: Record<string, number>;
}

export interface LineageEdge {
  run_id: number | null;
  from_topic: number | null;
  to_topic: number | null;
  kind: 'continued' | 'split' | 'merged' | 'new' | 'retired';
  share: number | null;
  similarity: number | null;
  source: 'run' | 'curation';
}

/** A real calendar day written YYYY-MM-DD. */
function isDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
/** Below this many appeals segmentation runs in this thread (workers would cost more to start). */
const POOL_APPEALS = 30_000;
/** Appeals read per topic to find the words of its label. */
const LABEL_SAMPLE = 100;
/** Distinctive terms a label may be made of (more than are stored). */
export const LABEL_CANDIDATES = 50;

/** Clusters the appeals into topics, keeps ids and curation across runs, and stores everything. */
export async function runTopics(db: Database, opts: RunOptions = {}): Promise<RunSummary> {
  for (const d of [opts.from, opts.to]) if (d !== undefined && !isDate(d)) throw new Error(`'${d}' is not a date (YYYY-MM-DD)`);
  const params = resolveParams(opts.params);
  const started = Date.now();
  const runRow = await db.one<{ run_id: number }>('topics/insert_run', { kind: 'run', params: JSON.stringify(params), from: opts.from ?? null, to: opts.to ?? null });
  const runId = runRow!.run_id;
  const workDir = mkdtempSync(join(tmpdir(), 'linkage-topics-'));
  try {
    const summary = await db.transaction(() => runInTransaction(db, runId, params, opts, workDir, started));
    afterTopicChange(db);
    return summary;
  } catch (err) {
    await db.run('topics/fail_run', { run_id: runId, error: (err as Error).message });
    throw err;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function runInTransaction(db: Database, runId: number, params: TopicParams, opts: RunOptions, workDir: string, started: number): Promise<RunSummary> {
  const steps: Record<string, number> = {};
  const cpuSteps: Record<string, number> = {};
  let mark = Date.now();
  let cpuMark = process.cpuUsage();
  const step = (name: string) => {
    const now = Date.now();
    const cpu = process.cpuUsage(cpuMark);
    steps[name] = now - mark;
    cpuSteps[name] = Math.round((cpu.user + cpu.system) / 1000);
    mark = now;
    cpuMark = process.cpuUsage();
    opts.progress?.(name);
  };
  const window = { from: opts.from ?? null, to: opts.to ?? null };

  const learned = await learnWords(db, params.learnMinFreq);
  const lexicon = withLearnedWords(loadLexicon(opts.lexiconDir), learned);
  const segOptions = { hmm: params.hmm, dropPlaces: params.dropPlaces, singleCharsFromLexicon: params.singleCharsFromLexicon };
  const newest = (await db.one<{ newest: number }>('topics/newest_import'))!.newest;
  const input = (await db.one<{ appeals: number; window_appeals: number; input_hash: string }>('topics/input_summary', window))!;
  if (input.window_appeals === 0) throw new Error('no appeals to learn topics from (none in the window)');
  // Workers load the segmenter while the database writes the input file; this thread's segmenter
  // segments its share and then the labels' samples.
  const threads = input.appeals >= POOL_APPEALS ? (opts.workers ?? availableParallelism()) : 1;
  const pool = SegmenterPool.start(lexicon, segOptions, threads);
  let corpus: Corpus;
  try {
    const file = join(workDir, 'input.tsv');
    await db.run('topics/export_input', { ...window, file });
    step('export');
    corpus = await pool.segment(file);
  } finally {
    await pool.close();
  }
  step('segment');

  // Threads for clustering's per-row work start once segmentation has freed the cores, and are
  // ready before vectorising is done (until then their share runs in this thread).
  const team = threads > 1 ? RowTeam.start(threads) : undefined;
  let topics: Learned;
  try {
    topics = learnTopics(corpus, params, team, step);
  } finally {
    await team?.close();
  }
  const { model, d, V, joinThreshold, clusterParams, found } = topics;

  // Identity: each cluster continues a previous topic or gets a new id.
  const prevTopics = await loadTopics(db);
  const prevById = new Map(prevTopics.map((t) => [t.topic_id, t]));
  const prevCentroids = await loadCentroids(db);
  const curations = await loadCurations(db);
  const prevInModel = new Map<number, SparseVector>();
  for (const [id, c] of prevCentroids) prevInModel.set(id, toModelTerms(c, model));
  const oldSize = new Map<number, number>();
  for (let i = 0; i < corpus.n; i++) if (corpus.old[i] > 0) oldSize.set(corpus.old[i], (oldSize.get(corpus.old[i]) ?? 0) + 1);
  const k = found.centroids.length;
  const overlap = Array.from({ length: k }, () => new Map<number, number>());
  const clusterOld = new Float64Array(k);
  const clusterSize = new Float64Array(k);
  for (let i = 0; i < corpus.n; i++) {
    const u = d.of[i];
    const c = u >= 0 ? found.labels[u] : -1;
    if (c < 0) continue;
    clusterSize[c]++;
    const old = corpus.old[i];
    if (old > 0) {
      clusterOld[c]++;
      overlap[c].set(old, (overlap[c].get(old) ?? 0) + 1);
    }
  }
  const previous: PreviousTopic[] = prevTopics.filter((t) => prevInModel.has(t.topic_id)).map((t) => ({ id: t.topic_id, centroid: prevInModel.get(t.topic_id)!, size: oldSize.get(t.topic_id) ?? 0 }));
  const matches = matchTopics(found.centroids, previous, overlap, clusterOld, V, params.matchThreshold);
  let nextId = Math.max(0, ...prevTopics.map((t) => t.topic_id), ...curations.map((c) => c.topicId)) + 1;
  const idOfCluster = new Int32Array(k);
  const fresh = Array.from({ length: k }, (_, c) => c)
    .filter((c) => !matches.has(c))
    .sort((a, b) => clusterSize[b] - clusterSize[a] || a - b);
  for (const [c, m] of matches) idOfCluster[c] = m.id;
  for (const c of fresh) idOfCluster[c] = nextId++;
  const rowTopic = new Int32Array(d.rows.n);
  for (let u = 0; u < d.rows.n; u++) rowTopic[u] = found.labels[u] >= 0 ? idOfCluster[found.labels[u]] : -1;

  const curated = reapplyCurations(curations, rowTopic, d.rows, (id) => prevInModel.get(id), (id) => prevById.get(id)?.threshold ?? params.assignFloor, V);

  // Without curation the clusterer's last pass is final; curation moved rows, so assign once more to
  // the curated topics by the same rule as incremental assignment.
  let finalIds: number[];
  let labels: Int32Array;
  let similarity: Float64Array;
  let best: Int32Array;
  let centroids: SparseVector[];
  let thresholds: Float64Array;
  if (!curations.length) {
    finalIds = Array.from(idOfCluster);
    ({ labels, similarity, best, centroids, thresholds } = found);
  } else {
    finalIds = [...new Set(rowTopic)].filter((id) => id >= 0 && !['merged', 'retired'].includes(curated.status.get(id) ?? '')).sort((a, b) => a - b);
    const slot = new Map(finalIds.map((id, s) => [id, s]));
    labels = Int32Array.from(rowTopic, (id) => slot.get(id) ?? -1);
    centroids = centroidsOf(d.rows, labels, d.weight, finalIds.length, V).map((c, s) => (c.terms.length ? c : (prevInModel.get(finalIds[s]) ?? c)));
    similarity = new Float64Array(d.rows.n);
    best = new Int32Array(d.rows.n);
    const all = Int32Array.from({ length: d.rows.n }, (_, u) => u);
    ({ thresholds } = reassign(d.rows, all, labels, d.weight, centroids, V, clusterParams, similarity, best));
  }
  step('identity');

  const size = new Int32Array(finalIds.length);
  let clustered = 0;
  for (let i = 0; i < corpus.n; i++) {
    const u = d.of[i];
    const s = u >= 0 ? labels[u] : -1;
    if (s >= 0) {
      size[s]++;
      clustered++;
    }
  }
  await writeStage(db, {
    n: corpus.n,
    rid: (i) => corpus.rid[i],
    topic: (i) => (d.of[i] >= 0 && labels[d.of[i]] >= 0 ? finalIds[labels[d.of[i]]] : -1),
    similarity: (i) => (d.of[i] >= 0 ? similarity[d.of[i]] : 0),
    best: (i) => (d.of[i] >= 0 && best[d.of[i]] >= 0 ? finalIds[best[d.of[i]]] : -1),
  });
  await db.run('topics/store_assignments', { run_id: runId });
  step('store');

  // Keep only topics that hold appeals (a curated topic may be empty and is kept as it was).
  const live = finalIds.map((_, s) => s).filter((s) => size[s] > 0);
  const copies = new Float64Array(d.rows.n);
  for (let i = 0; i < corpus.n; i++) if (d.of[i] >= 0) copies[d.of[i]]++;
  const terms = topicTerms(d.rows, labels, copies, size, model, live, clustered, LABEL_CANDIDATES);
  const central = await centralTexts(db, live.map((s) => finalIds[s]), params.examples);
  const samples = await labelSamples(db, pool.segmenter(), live.map((s) => finalIds[s]));
  const bySize = [...live].sort((a, b) => size[b] - size[a] || finalIds[a] - finalIds[b]);
  const autoLabels = new Map<number, string>();
  const rawLabels: string[] = [];
  const termLists: TermScore[][] = [];
  for (const s of bySize) {
    rawLabels.push(makeLabel(terms.get(s) ?? [], samples.get(finalIds[s]) ?? []) || `#${finalIds[s]}`);
    termLists.push((terms.get(s) ?? []).slice(0, params.topTerms));
  }
  distinctLabels(rawLabels, termLists).forEach((label, j) => autoLabels.set(finalIds[bySize[j]], label));
  step('label');

  // Lineage against the assignment before this run.
  const finalSet = new Set(live.map((s) => finalIds[s]));
  const moved = new Map<number, Map<number, number>>();
  for (let i = 0; i < corpus.n; i++) {
    const old = corpus.old[i];
    if (old <= 0) continue;
    const u = d.of[i];
    const s = u >= 0 ? labels[u] : -1;
    if (s < 0) continue;
    const m = moved.get(old) ?? new Map<number, number>();
    m.set(finalIds[s], (m.get(finalIds[s]) ?? 0) + 1);
    moved.set(old, m);
  }
  const centroidOfId = new Map(finalIds.map((id, s) => [id, centroids[s]]));
  const sim = (from: number, to: number) => {
    const a = prevInModel.get(from);
    const b = centroidOfId.get(to);
    return a && b ? dot(a, b) : null;
  };
  const edges: LineageEdge[] = [];
  const runMergedInto = new Map<number, number>();
  const withParent = new Set<number>();
  for (const [old, total] of [...oldSize].sort((a, b) => a[0] - b[0])) {
    const outs = [...(moved.get(old) ?? [])].filter(([to, c]) => to !== old && c / total >= params.lineageShare).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (finalSet.has(old)) {
      edges.push({ run_id: runId, from_topic: old, to_topic: old, kind: 'continued', share: (moved.get(old)?.get(old) ?? 0) / total, similarity: sim(old, old), source: 'run' });
      for (const [to, c] of outs) edges.push({ run_id: runId, from_topic: old, to_topic: to, kind: 'split', share: c / total, similarity: sim(old, to), source: 'run' });
    } else if (outs.length >= 2) {
      for (const [to, c] of outs) edges.push({ run_id: runId, from_topic: old, to_topic: to, kind: 'split', share: c / total, similarity: sim(old, to), source: 'run' });
    } else if (outs.length === 1) {
      edges.push({ run_id: runId, from_topic: old, to_topic: outs[0][0], kind: 'merged', share: outs[0][1] / total, similarity: sim(old, outs[0][0]), source: 'run' });
      runMergedInto.set(old, outs[0][0]);
    } else edges.push({ run_id: runId, from_topic: old, to_topic: null, kind: 'retired', share: null, similarity: null, source: 'run' });
    for (const [to] of outs) withParent.add(to);
  }
  for (const id of [...finalSet].sort((a, b) => a - b)) {
    if (!prevById.has(id) && !withParent.has(id)) edges.push({ run_id: runId, from_topic: null, to_topic: id, kind: 'new', share: null, similarity: null, source: 'run' });
  }

  // The topics table: this run's topics, then every earlier topic in its new state.
  const topicRows: TopicRow[] = [];
  const sizeOf = new Map(live.map((s) => [finalIds[s], size[s]]));
  const thresholdOf = new Map(finalIds.map((id, s) => [id, thresholds[s]]));
  const allIds = [...new Set([...prevTopics.map((t) => t.topic_id), ...finalSet])].sort((a, b) => a - b);
  let newTopics = 0;
  let keptTopics = 0;
  let retiredTopics = 0;
  for (const id of allIds) {
    const prev = prevById.get(id);
    const label = curated.labels.get(id);
    if (finalSet.has(id)) {
      if (prev) keptTopics++;
      else newTopics++;
      const auto = autoLabels.get(id)!;
      topicRows.push({
        topic_id: id,
        label: label ?? auto,
        status: curated.status.get(id) === 'noise' ? 'noise' : 'active',
        size: sizeOf.get(id)!,
        created_run: prev?.created_run ?? runId,
        updated_run: runId,
        auto_label: auto,
        label_source: label ? 'curated' : 'auto',
        merged_into: null,
        parent_topic: curated.parentOf.get(id) ?? prev?.parent_topic ?? null,
        threshold: thresholdOf.get(id)!,
      });
    } else if (prev) {
      const mergedInto = curated.mergedInto.get(id) ?? runMergedInto.get(id) ?? null;
      const status: TopicStatus = mergedInto !== null ? 'merged' : 'retired';
      if (prev.status === 'active' || prev.status === 'noise') retiredTopics++;
      topicRows.push({ ...prev, label: label ?? prev.label, status, size: 0, merged_into: mergedInto, updated_run: prev.status === status ? prev.updated_run : runId });
    }
  }
  const centroidRows: { topic_id: number; term: string; weight: number }[] = [];
  for (const id of allIds) {
    const named = centroidOfId.has(id) && finalSet.has(id) ? toNamed(centroidOfId.get(id)!, model) : prevCentroids.get(id);
    if (named) named.terms.forEach((term, j) => centroidRows.push({ topic_id: id, term, weight: named.weights[j] }));
  }
  const termRows = live.flatMap((s) => (terms.get(s) ?? []).slice(0, params.topTerms).map((t, rank) => ({ topic_id: finalIds[s], rank: rank + 1, term: t.term, weight: t.weight, share: t.share })));
  const exampleRows = live.flatMap((s) => (central.get(finalIds[s]) ?? []).slice(0, params.examples).map((t) => ({ topic_id: finalIds[s], rank: t.rank, platform: t.platform, appeal_id: t.appeal_id, similarity: t.similarity })));
  const liveIds = JSON.stringify(live.map((s) => finalIds[s]));
  await db.run('topics/replace_topics', { topics: JSON.stringify(topicRows) });
  await db.run('topics/replace_centroids', { ids: JSON.stringify(allIds), rows: JSON.stringify(centroidRows) });
  await db.run('topics/replace_terms', { ids: liveIds, rows: JSON.stringify(termRows) });
  await db.run('topics/replace_examples', { ids: liveIds, rows: JSON.stringify(exampleRows) });
  await db.run('topics/replace_vocabulary', { rows: JSON.stringify(model.terms.map((term, t) => ({ term, df: model.df[t], idf: model.idf[t] }))) });
  if (edges.length) await db.run('topics/insert_lineage', { rows: JSON.stringify(edges) });
  step('write');

  const version = segmenterVersion(segOptions);
  const summary: RunSummary = {
    runId,
    appeals: input.appeals,
    windowAppeals: input.window_appeals,
    clustered,
    topics: topicRows.filter((t) => t.status === 'active').length,
    newTopics,
    keptTopics,
    retiredTopics,
    splits: edges.filter((e) => e.kind === 'split').length,
    merges: edges.filter((e) => e.kind === 'merged').length,
    learnedWords: learned.length,
    joinThreshold,
    inputHash: input.input_hash,
    segmenterVersion: version,
    lexiconHash: lexicon.hash,
    durationMs: Date.now() - started,
    steps,
    cpuSteps,
  };
  await db.run('topics/finish_run', {
    run_id: runId,
    params: JSON.stringify({ ...params, joinThreshold, coveredImport: newest }),
    segmenter_version: version,
    lexicon_hash: lexicon.hash,
    input_hash: input.input_hash,
    appeals: input.appeals,
    window_appeals: input.window_appeals,
    clustered,
    topics: summary.topics,
    new_topics: newTopics,
    kept_topics: keptTopics,
    retired_topics: retiredTopics,
    duration_ms: summary.durationMs,
  });
  return summary;
}

interface Learned {
  model: VectorModel;
  d: Deduped;
  /** Terms in the model. */
  V: number;
  joinThreshold: number;
  clusterParams: TopicParams & { joinThreshold: number };
  found: ClusterResult;
}

/** The steps 'vectorise' and 'cluster': the corpus's distinct vectors and the clusters found in them. */
function learnTopics(corpus: Corpus, params: TopicParams, team: RowTeam | undefined, step: (name: string) => void): Learned {
  const { model, remap } = fitVectoriser(corpus.counts, corpus.vocabulary, corpus.learn, params);
  const vectors = transformRows(corpus.counts, remap, model.idf, params.maxTermsPerText, true);
  const d = dedupe(vectors, corpus.learn, team !== undefined);
  const V = model.terms.length;
  step('vectorise');

  const joinThreshold = params.joinThreshold === 'auto' ? autoJoinThreshold(d.rows, d.weight, V, params.joinMin, params.joinMax) : params.joinThreshold;
  const clusterParams = { ...params, joinThreshold };
  const found = thresholdClusterer(clusterParams, team).cluster(d.rows, d.weight, V);
  step('cluster');
  return { model, d, V, joinThreshold, clusterParams, found };
}

/** Place and unit names learned from the data, stored for assignment to segment the same way. */
async function learnWords(db: Database, minFreq: number): Promise<UserWord[]> {
  const rows = await db.all<{ word: string; kind: string; freq: number }>('topics/learn_words', { min_freq: minFreq });
  await db.run('topics/replace_lexicon', { words: JSON.stringify(rows) });
  return rows.map(learnedWord);
}


/** Distinct texts read per topic for its terms (the commonest terms' shares are settled long before). */
const TERM_SAMPLE = 5_000;

/**
 * Class-based TF-IDF terms of each live topic, from its distinct texts in canonical order (each
 * counted as often as it occurs), at most TERM_SAMPLE of them, scaled to the topic's size;
 * document frequencies from the model.
 */
function topicTerms(rows: SparseRows, labels: Int32Array, copies: Float64Array, size: Int32Array, model: VectorModel, live: number[], clustered: number, max: number): Map<number, TermScore[]> {
  const avg = live.length ? clustered / live.length : 1;
  const read = new Int32Array(size.length);
  const mass = new Float64Array(size.length);
  const counts = new Map<number, Map<number, number>>(live.map((s) => [s, new Map()]));
  for (let u = 0; u < rows.n; u++) {
    const s = labels[u];
    const m = s >= 0 ? counts.get(s) : undefined;
    if (!m || read[s] >= TERM_SAMPLE) continue;
    read[s]++;
    mass[s] += copies[u];
    for (let q = rows.offsets[u]; q < rows.offsets[u + 1]; q++) m.set(rows.terms[q], (m.get(rows.terms[q]) ?? 0) + copies[u]);
  }
  const out = new Map<number, TermScore[]>();
  for (const s of live) {
    const scale = size[s] / Math.max(1, mass[s]);
    const named = new Map<string, number>();
    for (const [t, c] of counts.get(s)!) named.set(model.terms[t], c * scale);
    out.set(s, distinctiveTerms(named, size[s], (term) => model.df[model.index.get(term)!], avg, max));
  }
  return out;
}

export interface CentralRow {
  topic_id: number;
  platform: string;
  appeal_id: string;
  similarity: number;
  title: string;
  text: string;
  rank: number;
  [k: string]: unknown;
}

/** The most central distinct texts of the given topics, by topic. */
export async function centralTexts(db: Database, ids: number[], n: number): Promise<Map<number, CentralRow[]>> {
  const out = new Map<number, CentralRow[]>();
  if (!ids.length) return out;
  for (const r of await db.all<CentralRow>('topics/central_texts', { ids: JSON.stringify(ids), n })) {
    const list = out.get(r.topic_id) ?? [];
    list.push(r);
    out.set(r.topic_id, list);
  }
  return out;
}

/** A segmented sample of each topic's appeals, for its label. */
export async function labelSamples(db: Database, seg: Segmenter, ids: number[]): Promise<Map<number, CentralText[]>> {
  const out = new Map<number, CentralText[]>();
  if (!ids.length) return out;
  const rows = await db.all<{ topic_id: number; title: string; text: string }>('topics/label_sample', { ids: JSON.stringify(ids), n: LABEL_SAMPLE });
  await seg.prepare(rows.map((r) => r.text));
  for (const r of rows) {
    const list = out.get(r.topic_id) ?? [];
    list.push({ title: seg.labelTokens(r.title), text: seg.labelTokens(r.text) });
    out.set(r.topic_id, list);
  }
  return out;
}
