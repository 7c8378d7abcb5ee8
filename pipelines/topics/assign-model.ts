import type { Database } from '../db/database.js';
import { invalidateRouteCache } from '../consultation/route-cache.js';
import { CentroidIndex } from './centroids.js';
import { toModelTerms } from './identity.js';
import { learnedWord, loadLexicon, withLearnedWords, type Lexicon } from './lexicon.js';
import { resolveParams, type TopicParams } from './params.js';
import { Segmenter } from './segmenter.js';
import { loadCentroids, loadModel, loadTopics, type TopicStatus } from './state.js';
import type { VectorModel } from './vectoriser.js';

/** Everything needed to put a new text into a topic, loaded once per database and kept in memory. */
export interface AssignModel {
  runId: number;
  params: TopicParams;
  /** The join threshold the run used (resolved when it was 'auto'). */
  joinThreshold: number;
  lexicon: Lexicon;
  model: VectorModel;
  segmenter: Segmenter;
  /** Topics that take appeals (active and noise), in index order. */
  topicIds: number[];
  labels: string[];
  status: TopicStatus[];
  thresholds: Float64Array;
  index: CentroidIndex;
}

const cache = new WeakMap<Database, Promise<AssignModel | null>>();

async function load(db: Database): Promise<AssignModel | null> {
  const run = await db.one<{ run_id: number; params: string }>('topics/latest_run');
  const model = await loadModel(db);
  if (!run || !model) return null;
  const stored = JSON.parse(run.params) as Partial<TopicParams>;
  const params = resolveParams({ ...stored, joinThreshold: typeof stored.joinThreshold === 'number' ? stored.joinThreshold : undefined });
  const learned = await db.all<{ word: string; kind: string }>('topics/lexicon_words');
  const lexicon = withLearnedWords(loadLexicon(), learned.map(learnedWord));
  const segmenter = Segmenter.create(lexicon, { hmm: params.hmm, dropPlaces: params.dropPlaces, singleCharsFromLexicon: params.singleCharsFromLexicon });
  const topics = (await loadTopics(db)).filter((t) => t.status === 'active' || t.status === 'noise');
  const centroids = await loadCentroids(db);
  const usable = topics.filter((t) => centroids.has(t.topic_id));
  return {
    runId: run.run_id,
    params,
    joinThreshold: typeof params.joinThreshold === 'number' ? params.joinThreshold : params.joinMax,
    lexicon,
    model,
    segmenter,
    topicIds: usable.map((t) => t.topic_id),
    labels: usable.map((t) => t.label),
    status: usable.map((t) => t.status),
    thresholds: Float64Array.from(usable, (t) => t.threshold ?? params.assignFloor),
    index: new CentroidIndex(usable.map((t) => toModelTerms(centroids.get(t.topic_id)!, model)), model.terms.length),
  };
}

/** The assignment model of `db`, from memory after the first call (null before the first run). */
export function assignModel(db: Database): Promise<AssignModel | null> {
  let cached = cache.get(db);
  if (!cached) {
    cached = load(db);
    cached.catch(() => cache.delete(db));
    cache.set(db, cached);
  }
  return cached;
}

/** Forgets what was cached about topics: after a run or a curation changed them. */
export function afterTopicChange(db: Database): void {
  cache.delete(db);
  invalidateRouteCache(db);
}
