import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Database } from '../db/database.js';
import { HIVE_NULL, useHiveNames } from '../export/hive-names.js';
import { abandonOutput, commitOutput, MANIFEST, openOutput } from '../export/output-dir.js';
import { resolveParams, type TopicParams } from '../topics/params.js';
import { BY_PARTITION, LakeError, MERGED, type Lake } from './lake-folder.js';
import { mergeTopics, toLakeWeights, type PartTopic, type SeedTopic } from './merge-topics.js';
import { ASSIGNMENTS, readPartitionResult, type PartitionResult } from './partition-topics.js';

/** The merged topics' files, beside their manifest. */
export const MERGED_FILES = {
  topics: 'topics.parquet',
  terms: 'topic_terms.parquet',
  centroids: 'topic_centroids.parquet',
  members: 'partition_topics.parquet',
  appealTopics: 'appeal_topics',
} as const;

export interface MergeReport {
  dir: string;
  partitions: { partition: string; appeals: number; clustered: number; topics: number }[];
  appeals: number;
  clustered: number;
  /** Topics found in the partitions, and the lake's topics they make. */
  partitionTopics: number;
  topics: number;
  /** Topics that kept the id a previous merge gave them. */
  keptIds: number;
  /** Merged topics found in more than one partition. */
  sharedTopics: number;
  threshold: number;
  durationMs: number;
}

export interface LakeMergeOptions {
  params?: Partial<TopicParams>;
  /**
   * A lake whose merged topics lend their ids, e.g. last month's export in a folder of its own
   * (default: this lake's own previous merge).
   */
  previous?: string;
}

/** Every partition's results, checked: all present and from this export. */
function readPartitionResults(lake: Lake): PartitionResult[] {
  const missing: string[] = [];
  const stale: string[] = [];
  const results: PartitionResult[] = [];
  for (const partition of lake.partitions) {
    const result = readPartitionResult(lake, partition);
    if (!result) missing.push(partition);
    else if (result.lakeExportedAt !== lake.exportedAt) stale.push(partition);
    else results.push(result);
  }
  const problems = [
    missing.length ? `no topics yet for ${missing.join(', ')}` : '',
    stale.length ? `the topics of ${stale.join(', ')} were computed from an earlier export` : '',
  ].filter(Boolean);
  if (problems.length) throw new LakeError(`${problems.join('; ')}: run lake-topics partition for each of them, or lake-topics run`);
  return results;
}

/**
 * Where the previous merge's topics are read from (ids stay the same for the same problems): the
 * lake named, which must have been merged, else this lake when it was merged before (else null).
 */
export function previousMerge(lake: Lake, previous: string | undefined): string | null {
  const dir = join(resolve(previous ?? lake.dir), MERGED);
  const file = join(dir, MERGED_FILES.centroids);
  if (existsSync(join(dir, MANIFEST)) && existsSync(file)) return file;
  if (previous === undefined) return null;
  throw new LakeError(`${previous} holds no merged topics (no ${MERGED}/${MANIFEST}) to take ids from`);
}

async function readSeeds(db: Database, file: string | null): Promise<SeedTopic[]> {
  if (!file) return [];
  const rows = await db.all<{ topic_id: number; terms: string; weights: string }>('lake/seed_topics', { file });
  return rows.map((r) => {
    const weights = r.weights.split('\u001e').map(Number);
    return { id: r.topic_id, centroid: new Map(r.terms.split('\u001f').map((t, j) => [t, weights[j]])) };
  });
}

/**
 * Merges every partition's topics into the lake's topics by centroid (merge-topics.ts) and writes
 * them under topics_merged: the topics, their terms and centroids, which partition topic went
 * where, and every clustered appeal's topic partitioned like the appeals. Replaces the previous
 * merge, whose topics keep their ids when found again.
 */
export async function mergeLakeTopics(lake: Lake, opts: LakeMergeOptions = {}): Promise<MergeReport> {
  const started = Date.now();
  const params = resolveParams(opts.params);
  const results = readPartitionResults(lake);
  const lakeDf = new Map<string, number>();
  let lakeDocs = 0;
  for (const r of results) {
    lakeDocs += r.documents;
    for (const [term, df] of Object.entries(r.df)) lakeDf.set(term, (lakeDf.get(term) ?? 0) + df);
  }
  const dfOf = (term: string) => lakeDf.get(term) ?? 0;
  const parts: PartTopic[] = [];
  for (const r of results) {
    for (const t of [...r.topics].sort((a, b) => a.id - b.id)) {
      parts.push({
        partition: r.partition,
        localId: t.id,
        label: t.label,
        size: t.size,
        threshold: t.threshold,
        centroid: toLakeWeights(t.centroid, (term) => r.df[term] ?? 0, r.documents, dfOf, lakeDocs),
        terms: t.terms,
      });
    }
  }
  // Partition topics are one problem when their centroids are as similar as a text had to be to
  // its topic's centroid to join it in the partitions' runs (the strictest of their thresholds).
  const threshold = Math.max(params.joinMin, ...results.map((r) => r.joinThreshold));
  const db = await Database.open(':memory:');
  try {
    const seeds = await readSeeds(db, previousMerge(lake, opts.previous));
    const merge = mergeTopics(parts, seeds, { threshold, matchThreshold: params.matchThreshold, topTerms: params.topTerms, df: dfOf });
    const out = await openOutput(join(lake.dir, MERGED), true);
    try {
      const file = (name: string) => join(out.partial, name);
      await db.run('lake/merged_topics', { file: file(MERGED_FILES.topics), rows: JSON.stringify(merge.topics.map((t) => ({ topic_id: t.id, label: t.label, size: t.size, partitions: t.partitions }))) });
      await db.run('lake/merged_terms', { file: file(MERGED_FILES.terms), rows: JSON.stringify(merge.topics.flatMap((t) => t.terms.map((x, rank) => ({ topic_id: t.id, rank: rank + 1, term: x.term, weight: x.weight, share: x.share })))) });
      await db.run('lake/merged_centroids', { file: file(MERGED_FILES.centroids), rows: JSON.stringify(merge.topics.flatMap((t) => [...t.centroid].map(([term, weight]) => ({ topic_id: t.id, term, weight })))) });
      const members = parts.map((p, i) => ({ partition: p.partition, local_topic: p.localId, local_label: p.label, size: p.size, topic_id: merge.of[i].id, similarity: merge.of[i].similarity }));
      await db.run('lake/merged_members', { file: file(MERGED_FILES.members), rows: JSON.stringify(members) });
      const appealDir = file(MERGED_FILES.appealTopics);
      await mkdir(appealDir);
      const assignmentFiles = results.map((r) => join(lake.dir, BY_PARTITION, r.partition, ASSIGNMENTS));
      if (members.length) {
        const map = members.map((m) => ({ partition: m.partition, local_topic: m.local_topic, topic_id: m.topic_id }));
        await db.run('lake/merged_appeal_topics', { files: JSON.stringify(assignmentFiles), map: JSON.stringify(map), dir: appealDir });
        await useHiveNames(appealDir);
      }
      const seedIds = new Set(seeds.map((s) => s.id));
      const report: MergeReport = {
        dir: join(lake.dir, MERGED),
        partitions: results.map((r) => ({ partition: r.partition, appeals: r.appeals, clustered: r.clustered, topics: r.topics.length })),
        appeals: results.reduce((s, r) => s + r.appeals, 0),
        clustered: results.reduce((s, r) => s + r.clustered, 0),
        partitionTopics: parts.length,
        topics: merge.topics.length,
        keptIds: merge.topics.filter((t) => seedIds.has(t.id)).length,
        sharedTopics: merge.topics.filter((t) => t.partitions > 1).length,
        threshold,
        durationMs: 0,
      };
      report.durationMs = Date.now() - started;
      const manifest = {
        product: 'Linkage Insight',
        mergedAt: new Date(started).toISOString(),
        lakeExportedAt: lake.exportedAt,
        ...report,
        dir: undefined,
        files: MERGED_FILES,
        partitioning: { columns: ['district', 'month'], nullFolder: HIVE_NULL },
      };
      await writeFile(file(MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
      await commitOutput(out);
      return report;
    } catch (err) {
      await abandonOutput(out);
      throw err;
    }
  } finally {
    db.close();
  }
}
