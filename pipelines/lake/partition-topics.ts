import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Database } from '../db/database.js';
import { abandonOutput, commitOutput, MANIFEST, openOutput } from '../export/output-dir.js';
import { loadCentroids, loadModel, loadTopics } from '../topics/state.js';
import { runTopics, type RunOptions } from '../topics/run.js';
import { appealFiles, BY_PARTITION, LakeError, partitionOf, unitsFile, type Lake } from './lake-folder.js';

/** The assignments file of a partition's results. */
export const ASSIGNMENTS = 'assignments.parquet';

/** A topic one partition's run found, as its results folder keeps it for the merge. */
export interface PartitionTopicRecord {
  id: number;
  label: string;
  size: number;
  /** The least similarity of a text the run let it take. */
  threshold: number;
  /** Unit centroid over term names, weighted by the partition's own document frequencies. */
  centroid: [string, number][];
  terms: { term: string; weight: number; share: number }[];
}

/** A partition's results manifest: what the merge needs besides the assignments file. */
export interface PartitionResult {
  product: 'Linkage Insight';
  partition: string;
  /** The export it was computed from (the lake's manifest): a new export makes it stale. */
  lakeExportedAt: string;
  ranAt: string;
  /** Appeals the topic engine worked on (12345 and non-police 110), and those clustered. */
  appeals: number;
  clustered: number;
  /** Vectoriser: texts it was fitted on, and each term's document frequency among them. */
  documents: number;
  df: Record<string, number>;
  /** Parameters given to the run (the rest are the defaults). */
  params: Record<string, unknown>;
  /** Similarity a text needed to join a topic in this run ('auto' resolved). */
  joinThreshold: number;
  segmenterVersion: string;
  lexiconHash: string;
  inputHash: string;
  topics: PartitionTopicRecord[];
  durationMs: number;
}

export type PartitionOptions = Pick<RunOptions, 'params' | 'workers' | 'lexiconDir' | 'progress'>;

/** What the topic engine's run on a partition contributes to its result. */
type EngineResult = Pick<PartitionResult, 'clustered' | 'documents' | 'df' | 'joinThreshold' | 'segmenterVersion' | 'lexiconHash' | 'inputHash' | 'topics'>;

const NOTHING_FOUND: EngineResult = { clustered: 0, documents: 0, df: {}, joinThreshold: 0, segmenterVersion: '', lexiconHash: '', inputHash: '', topics: [] };

/** Runs the topic engine on the scratch database and reads back what the merge needs. */
async function runEngine(db: Database, opts: PartitionOptions): Promise<EngineResult> {
  const summary = await runTopics(db, opts);
  // null when no term occurs in two texts (a partition of a text or two)
  const model = await loadModel(db);
  const centroids = await loadCentroids(db);
  const terms = await db.all<{ topic_id: number; rank: number; term: string; weight: number; share: number }>('lake/partition_terms');
  const topics = (await loadTopics(db))
    .filter((t) => t.status === 'active')
    .map((t) => {
      const c = centroids.get(t.topic_id)!;
      return {
        id: t.topic_id,
        label: t.label,
        size: t.size,
        threshold: t.threshold!,
        centroid: c.terms.map((term, j) => [term, c.weights[j]] as [string, number]),
        terms: terms.filter((r) => r.topic_id === t.topic_id).map(({ term, weight, share }) => ({ term, weight, share })),
      };
    });
  return {
    clustered: summary.clustered,
    documents: summary.windowAppeals,
    df: model ? Object.fromEntries(model.terms.map((term, t) => [term, model.df[t]])) : {},
    joinThreshold: summary.joinThreshold,
    segmenterVersion: summary.segmenterVersion,
    lexiconHash: summary.lexiconHash,
    inputHash: summary.inputHash,
    topics,
  };
}

/** A partition's results from an earlier run, or null when it has none. */
export function readPartitionResult(lake: Lake, partition: string): PartitionResult | null {
  const file = join(lake.dir, BY_PARTITION, partition, MANIFEST);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PartitionResult;
  } catch (err) {
    throw new LakeError(`${file} is not readable (${(err as Error).message}): run lake-topics partition --partition ${partition} again`);
  }
}

/**
 * Runs the topic engine on one partition of a lake (a district, all its months), in a scratch
 * in-memory database holding only that partition's appeals, and writes the topics it found and
 * each clustered appeal's topic under topics_by_partition/PARTITION, replacing an earlier result.
 * Partitions are independent: machines sharing the folder may each run some, then one merges.
 */
export async function topicsOfPartition(lake: Lake, name: string, opts: PartitionOptions = {}): Promise<PartitionResult> {
  const started = Date.now();
  const partition = partitionOf(lake, name);
  const files = await appealFiles(lake, partition);
  if (!files.length) throw new LakeError(`partition ${partition} holds no appeals files`);
  const db = await Database.open(':memory:');
  try {
    await db.run('lake/load_partition', { files: JSON.stringify(files), units: unitsFile(lake) });
    // a district of police matters only has nothing for the engine: its result is empty
    const { n } = (await db.one<{ n: number }>('lake/partition_input_count'))!;
    const result: PartitionResult = {
      product: 'Linkage Insight',
      partition,
      lakeExportedAt: lake.exportedAt,
      ranAt: new Date(started).toISOString(),
      appeals: n,
      params: opts.params ?? {},
      ...(n > 0 ? await runEngine(db, opts) : NOTHING_FOUND),
      durationMs: 0,
    };
    const out = await openOutput(join(lake.dir, BY_PARTITION, partition), true);
    try {
      await db.run('lake/partition_assignments', { partition, file: join(out.partial, ASSIGNMENTS) });
      result.durationMs = Date.now() - started;
      await writeFile(join(out.partial, MANIFEST), `${JSON.stringify(result)}\n`);
      await commitOutput(out);
    } catch (err) {
      await abandonOutput(out);
      throw err;
    }
    return result;
  } finally {
    db.close();
  }
}
