import { LakeError, mergeLakeTopics, openLake, runLakeTopics, topicsOfPartition, type MergeReport, type PartitionResult } from '../lake/index.js';
import { str, UsageError, type Command } from './command.js';

const USAGE = 'lake-topics run|partition|merge --lake DIR [--partition district=NAME] [--previous LAKE] [--json]';

function partitionLine(r: PartitionResult): string {
  return `  ${r.partition.padEnd(24)} ${r.appeals.toLocaleString('en').padStart(9)} appeals  ${r.clustered.toLocaleString('en').padStart(9)} clustered  ${String(r.topics.length).padStart(4)} topics  ${r.durationMs} ms`;
}

function mergeLines(m: MergeReport): string[] {
  return [
    `merged ${m.partitionTopics} topics of ${m.partitions.length} partitions into ${m.topics} topics in ${m.durationMs} ms (${m.sharedTopics} found in several partitions; ${m.keptIds} kept the id of the previous merge; similarity ≥ ${m.threshold})`,
    `  ${m.clustered.toLocaleString('en')} of ${m.appeals.toLocaleString('en')} appeals clustered; written to ${m.dir}`,
  ];
}

export const lakeTopicsCommand: Command = {
  name: 'lake-topics',
  summary: 'find topics in a Parquet export partition by partition (a district each) and merge them by centroid',
  usage: USAGE,
  options: {
    lake: { type: 'string' },
    partition: { type: 'string' },
    previous: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, positionals) {
    const [step] = positionals;
    const dir = str(values, 'lake');
    if (!dir || !['run', 'partition', 'merge'].includes(step ?? '') || positionals.length !== 1) throw new UsageError(`usage: npm run pipeline -- ${USAGE}`);
    const name = str(values, 'partition');
    if ((step === 'partition') !== (name !== undefined)) throw new UsageError(step === 'partition' ? '--partition is required for lake-topics partition' : `--partition is only for lake-topics partition`);
    const previous = str(values, 'previous');
    if (step === 'partition' && previous !== undefined) throw new UsageError('--previous is for lake-topics run and merge: a partition run takes no ids');
    const json = values.json === true;
    const progress = json ? undefined : (s: string) => process.stderr.write(`    ${s}\n`);
    try {
      const lake = await openLake(dir);
      if (step === 'partition') {
        const r = await topicsOfPartition(lake, name!, { progress });
        if (json) console.log(JSON.stringify({ ...r, df: undefined, topics: r.topics.map(({ centroid: _c, ...t }) => t) }));
        else console.log(partitionLine(r));
      } else if (step === 'merge') {
        const m = await mergeLakeTopics(lake, { previous });
        if (json) console.log(JSON.stringify(m));
        else for (const line of mergeLines(m)) console.log(line);
      } else {
        const { ran, merge } = await runLakeTopics(lake, { previous, progress, onPartition: json ? undefined : (r) => console.log(partitionLine(r)) });
        if (json) console.log(JSON.stringify({ partitionsRun: ran.map((r) => r.partition), merge }));
        else for (const line of mergeLines(merge)) console.log(line);
      }
      return 0;
    } catch (err) {
      if (err instanceof LakeError) throw new UsageError(err.message);
      throw err;
    }
  },
};
