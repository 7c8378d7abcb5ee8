import type { Lake } from './lake-folder.js';
import { mergeLakeTopics, previousMerge, type LakeMergeOptions, type MergeReport } from './merged-output.js';
import { readPartitionResult, topicsOfPartition, type PartitionOptions, type PartitionResult } from './partition-topics.js';

export { openLake, LakeError, BY_PARTITION, MERGED, type Lake } from './lake-folder.js';
export { topicsOfPartition, type PartitionResult, type PartitionOptions } from './partition-topics.js';
export { mergeLakeTopics, MERGED_FILES, type MergeReport } from './merged-output.js';

/** Partitions without results from this export: never run, or run on an earlier export. */
export function partitionsToRun(lake: Lake): string[] {
  return lake.partitions.filter((p) => readPartitionResult(lake, p)?.lakeExportedAt !== lake.exportedAt);
}

/**
 * Runs the topic engine on every partition that has no results from this export yet, one after
 * the other, then merges all partitions' topics.
 */
export async function runLakeTopics(lake: Lake, opts: PartitionOptions & LakeMergeOptions & { onPartition?: (r: PartitionResult) => void } = {}): Promise<{ ran: PartitionResult[]; merge: MergeReport }> {
  // a wrong --previous is said before the hours of partition runs, not after
  previousMerge(lake, opts.previous);
  const ran: PartitionResult[] = [];
  for (const partition of partitionsToRun(lake)) {
    const result = await topicsOfPartition(lake, partition, opts);
    opts.onPartition?.(result);
    ran.push(result);
  }
  return { ran, merge: await mergeLakeTopics(lake, opts) };
}
