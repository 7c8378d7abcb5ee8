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
    const summary = await runTopics(db, opts);
    const model = (await loadModel(db))!;
    const centroids = await loadCentroids(db);
    const terms = await db.all<{ topic_id: number; rank: number; term: string; weight: number; share: number }>('lake/partition_terms');
    const topics: PartitionTopicRecord[] = (await loadTopics(db))
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
    const result: PartitionResult = {
      product: 'Linkage Insight',
      partition,
      lakeExportedAt: lake.exportedAt,
      ranAt: new Date(started).toISOString(),
      appeals: summary.appeals,
      clustered: summary.clustered,
      documents: summary.windowAppeals,
      df: Object.fromEntries(model.terms.map((term, t) => [term, model.df[t]])),
      params: opts.params ?? {},
      joinThreshold: summary.joinThreshold,
      segmenterVersion: summary.segmenterVersion,
      lexiconHash: summary.lexiconHash,
      inputHash: summary.inputHash,
      topics,
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
