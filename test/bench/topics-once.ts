import { loadavg } from 'node:os';
import { join } from 'node:path';
import { exportParquet } from '../../pipelines/export/parquet.js';
import { MERGED, MERGED_FILES, openLake, runLakeTopics } from '../../pipelines/lake/index.js';
import { Database } from '../../pipelines/db/database.js';
import { assignNewAppeals, assignText, runTopics } from '../../pipelines/topics/index.js';
import { ari, nmi } from '../../pipelines/topics/quality.js';
import { readTruth } from '../pipelines/topics/city.js';
import { peakMemoryMiB } from './peak-memory.js';
import { baseline } from './topics-baseline.js';

// Child process of the topics bench: one measurement in a process of its own, so that its peak
// memory (the kernel's high-water mark of resident memory, worker threads and DuckDB included) and
// its first-call costs are its own. Prints one JSON line.
//   run DB                    text to stored topics (the call returns after the commit)
//   baseline DB TRUTH K       the plain TF-IDF + k-means baseline, with its agreement with the truth
//   assign DB                 loads the assignment model, then assigns the appeals not seen yet
//   lake DB TRUTH DIR         exports DB as Parquet into DIR, then topics district by district and
//                             the merge (pipelines/lake), with the merged topics' agreement with the truth
const [mode, dbPath, truthFile, arg] = process.argv.slice(2);
const mib = () => Math.round(peakMemoryMiB());
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return Math.round((u.user + u.system) / 1000);
};
const load = loadavg()[0];
const db = await Database.open(dbPath);
try {
  if (mode === 'run') {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const s = await runTopics(db);
    const ms = performance.now() - started;
    console.log(JSON.stringify({ ms, cpuMs: cpuMs(cpu), maxRssMiB: mib(), load, appeals: s.appeals, topics: s.topics, clustered: s.clustered, steps: s.steps, cpuSteps: s.cpuSteps }));
  } else if (mode === 'baseline') {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const labels = await baseline(db, Number(arg));
    const ms = performance.now() - started;
    const truth = readTruth(truthFile);
    const keys = [...labels.keys()].sort();
    const t = keys.map((key) => truth.get(key) ?? '?');
    const f = keys.map((key) => labels.get(key)!);
    console.log(JSON.stringify({ ms, cpuMs: cpuMs(cpu), maxRssMiB: mib(), load, appeals: keys.length, nmi: nmi(t, f), ari: ari(t, f) }));
  } else if (mode === 'assign') {
    let started = performance.now();
    await assignText(db, '楼道里有人给电动车充电');
    const loadMs = performance.now() - started;
    started = performance.now();
    const r = await assignNewAppeals(db);
    const assignMs = performance.now() - started;
    console.log(JSON.stringify({ loadMs, assignMs, maxRssMiB: mib(), load, considered: r.considered, assigned: r.assigned }));
  } else if (mode === 'lake') {
    let started = performance.now();
    await exportParquet(db, arg);
    const exportMs = performance.now() - started;
    const cpu = process.cpuUsage();
    started = performance.now();
    const { ran, merge } = await runLakeTopics(await openLake(arg));
    const ms = performance.now() - started;
    const truth = readTruth(truthFile);
    const rows = await db.query<{ platform: string; appeal_id: string; topic_id: number | null }>(
      `SELECT i.platform, i.appeal_id, t.topic_id FROM topic_input i
       LEFT JOIN read_parquet('${join(arg, MERGED, MERGED_FILES.appealTopics)}/**/*.parquet', hive_partitioning = false) t USING (platform, appeal_id)
       ORDER BY i.platform, i.appeal_id`,
    );
    const t = rows.map((r) => truth.get(`${r.platform}/${r.appeal_id}`) ?? '?');
    const f = rows.map((r) => r.topic_id ?? -1);
    const slowest = Math.max(...ran.map((r) => r.durationMs));
    console.log(JSON.stringify({ exportMs, ms, cpuMs: cpuMs(cpu), maxRssMiB: mib(), load, appeals: merge.appeals, partitions: ran.length, slowest, mergeMs: merge.durationMs, partitionTopics: merge.partitionTopics, topics: merge.topics, nmi: nmi(t, f), ari: ari(t, f) }));
  } else throw new Error(`unknown mode '${mode}'`);
} finally {
  db.close();
}
