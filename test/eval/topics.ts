import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../../pipelines/db/database.js';
import { exportParquet } from '../../pipelines/export/parquet.js';
import { importFile } from '../../pipelines/ingest/index.js';
import { MERGED, MERGED_FILES, openLake, runLakeTopics } from '../../pipelines/lake/index.js';
import { DEFAULT_N, SAMPLE_FILE_NAMES } from '../../pipelines/sample/index.js';
import { exportAssignments, listTopics, runTopics, type RunSummary } from '../../pipelines/topics/index.js';
import { ari, nmi, purity } from '../../pipelines/topics/quality.js';
import { importCity, readTruth, shuffleCsv, writeCity } from '../pipelines/topics/city.js';
import type { EvalRow, EvalSection } from './types.js';

/** Share of eligible appeals a topic must hold for a true problem to count as recurring. */
const RECURRING_MIN = 20;

interface Labelled {
  truth: string;
  /** Topic id, -1 when unclustered. */
  topic: number;
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}

/** The 20 largest topics with size and the commonest true label inside, for a person to judge. */
async function printTopics(db: Database, name: string, items: Labelled[] | null, names: Map<string, string> = new Map()): Promise<void> {
  const topics = await listTopics(db, { limit: 20, examples: 1 });
  console.log(`\n[eval topics] ${name}: 20 largest topics`);
  for (const t of topics) {
    let truth = '';
    if (items) {
      const counts = new Map<string, number>();
      for (const it of items) if (it.topic === t.topicId) counts.set(it.truth, (counts.get(it.truth) ?? 0) + 1);
      const [label, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
      truth = `  ← ${names.get(label) ? `${names.get(label)} (${label})` : label} ${pct(n / Math.max(1, t.size))}`;
    }
    const ex = t.examples[0];
    console.log(`  #${String(t.topicId).padEnd(4)} ${String(t.size).padStart(7)}  ${t.label.padEnd(16)} [${t.terms.slice(0, 5).join(' ')}]${truth}`);
    if (ex) console.log(`          e.g. ${`${ex.title ? `${ex.title}：` : ''}${ex.content}`.replace(/\s+/g, ' ').slice(0, 70)}`);
  }
}

/** Agreement rows for a labelled data set: over all appeals (unclustered as one more cluster) and over the clustered ones. */
function agreement(dataset: string, items: Labelled[], summary: RunSummary): EvalRow[] {
  const clustered = items.filter((i) => i.topic >= 0);
  return [
    { dataset, metric: 'appeals', value: items.length },
    { dataset, metric: 'true categories', value: new Set(items.map((i) => i.truth)).size },
    { dataset, metric: 'topics found (k not given)', value: summary.topics },
    { dataset, metric: 'clustered share', value: clustered.length / Math.max(1, items.length) },
    { dataset, metric: 'purity (clustered appeals)', value: purity(clustered.map((i) => i.truth), clustered.map((i) => i.topic)) },
    { dataset, metric: 'NMI (clustered appeals)', value: nmi(clustered.map((i) => i.truth), clustered.map((i) => i.topic)) },
    { dataset, metric: 'NMI (all, unclustered = one cluster)', value: nmi(items.map((i) => i.truth), items.map((i) => i.topic)) },
  ];
}

async function sampleCity(workDir: string): Promise<EvalRow[]> {
  const dataset = `sample city (n=${DEFAULT_N.toLocaleString('en')})`;
  const files = await writeCity(join(workDir, 'city'), DEFAULT_N);
  const db = await Database.open(join(workDir, 'city.duckdb'));
  try {
    await importCity(db, files);
    const summary = await runTopics(db);
    const truth = readTruth(files.truth);
    const rows = await db.query<{ platform: string; appeal_id: string; topic_id: number | null }>(
      'SELECT i.platform, i.appeal_id, t.topic_id FROM topic_input i LEFT JOIN appeal_topics t USING (platform, appeal_id) ORDER BY i.platform, i.appeal_id',
    );
    const items = rows.map((r) => ({ truth: truth.get(`${r.platform}/${r.appeal_id}`) ?? '?', topic: r.topic_id ?? -1 }));
    const sizes = new Map<string, number>();
    for (const it of items) sizes.set(it.truth, (sizes.get(it.truth) ?? 0) + 1);
    const recurring = items.filter((i) => (sizes.get(i.truth) ?? 0) >= RECURRING_MIN);
    const unclustered = recurring.filter((i) => i.topic < 0).length / Math.max(1, recurring.length);
    const n = nmi(recurring.map((i) => i.truth), recurring.map((i) => i.topic));
    const a = ari(recurring.map((i) => i.truth), recurring.map((i) => i.topic));
    const problems = JSON.parse(readFileSync(join(workDir, 'city', SAMPLE_FILE_NAMES.problems), 'utf8')) as { key: string; label_zh: string }[];
    await printTopics(db, dataset, items, new Map(problems.map((p) => [p.key, p.label_zh])));
    const exportA = join(workDir, 'city-a.csv');
    await exportAssignments(db, exportA);
    const lakeRows = await partitionByPartition(db, workDir, truth, sizes);
    return [
      { dataset, metric: 'appeals (12345 + non-police 110)', value: items.length },
      { dataset, metric: 'true problems', value: sizes.size },
      { dataset, metric: 'topics found (k not given)', value: summary.topics },
      { dataset, metric: 'NMI (unclustered = one cluster)', value: n, target: '≥ 0.90', ok: n >= 0.9 },
      { dataset, metric: 'ARI (unclustered = one cluster)', value: a, target: '≥ 0.85', ok: a >= 0.85 },
      { dataset, metric: 'purity', value: purity(recurring.map((i) => i.truth), recurring.map((i) => i.topic)) },
      { dataset, metric: 'recurring appeals left unclustered', value: pct(unclustered), target: '≤ 8 %', ok: unclustered <= 0.08 },
      ...lakeRows,
      ...(await shuffleCheck(workDir, files, exportA)),
    ];
  } finally {
    db.close();
  }
}

/**
 * The same city exported as Parquet and clustered district by district, then merged by centroid
 * (pipelines/lake): scored like the run on the whole database, over the same recurring appeals.
 */
async function partitionByPartition(db: Database, workDir: string, truth: Map<string, string>, sizes: Map<string, number>): Promise<EvalRow[]> {
  const dir = join(workDir, 'lake');
  await exportParquet(db, dir);
  const { merge } = await runLakeTopics(await openLake(dir));
  const rows = await db.query<{ platform: string; appeal_id: string; topic_id: number | null }>(
    `SELECT i.platform, i.appeal_id, t.topic_id FROM topic_input i
     LEFT JOIN read_parquet('${join(dir, MERGED, MERGED_FILES.appealTopics)}/**/*.parquet', hive_partitioning = false) t USING (platform, appeal_id)
     ORDER BY i.platform, i.appeal_id`,
  );
  const recurring = rows
    .map((r) => ({ truth: truth.get(`${r.platform}/${r.appeal_id}`) ?? '?', topic: r.topic_id ?? -1 }))
    .filter((i) => (sizes.get(i.truth) ?? 0) >= RECURRING_MIN);
  const unclustered = recurring.filter((i) => i.topic < 0).length / Math.max(1, recurring.length);
  const n = nmi(recurring.map((i) => i.truth), recurring.map((i) => i.topic));
  const a = ari(recurring.map((i) => i.truth), recurring.map((i) => i.topic));
  const dataset = `sample city, by district (${merge.partitions.length} partitions, merged)`;
  return [
    { dataset, metric: 'topics in the partitions → merged', value: `${merge.partitionTopics} → ${merge.topics}` },
    { dataset, metric: 'NMI (unclustered = one cluster)', value: n, target: '≥ 0.90', ok: n >= 0.9 },
    { dataset, metric: 'ARI (unclustered = one cluster)', value: a, target: '≥ 0.85', ok: a >= 0.85 },
    { dataset, metric: 'recurring appeals left unclustered', value: pct(unclustered), target: '≤ 8 %', ok: unclustered <= 0.08 },
  ];
}

/** The same files with their rows in another order must give byte-identical topics. */
async function shuffleCheck(workDir: string, files: { workOrders: string; incidents: string }, exportA: string): Promise<EvalRow[]> {
  const shuffled = { workOrders: join(workDir, 'shuffled-orders.csv'), incidents: join(workDir, 'shuffled-incidents.csv') };
  shuffleCsv(files.workOrders, shuffled.workOrders, 7);
  shuffleCsv(files.incidents, shuffled.incidents, 8);
  const db = await Database.open(join(workDir, 'city-shuffled.duckdb'));
  try {
    await importCity(db, { incidents: shuffled.incidents, workOrders: shuffled.workOrders });
    await runTopics(db);
    const exportB = join(workDir, 'city-b.csv');
    await exportAssignments(db, exportB);
    const a = readFileSync(exportA, 'utf8').split('\n');
    const b = readFileSync(exportB, 'utf8').split('\n');
    const differing = a.filter((line, i) => line !== b[i]).length + Math.abs(a.length - b.length);
    return [
      { dataset: 'sample city, rows shuffled', metric: 'appeals whose topic, label or similarity differ', value: differing, target: '0', ok: differing === 0 },
    ];
  } finally {
    db.close();
  }
}

interface RealSpec {
  name: string;
  files: string[];
  preset: string;
  /** Query for each appeal's true category (platform, appeal_id, truth), when the data has one. */
  truth?: (files: string[]) => [string, unknown[]];
}

const REAL: RealSpec[] = [
  {
    name: 'teddy2020c (1,324 labelled messages)',
    files: ['teddy2020c/fj2_sample_labeled.csv', 'teddy2020c/fj2_testsplit_labeled.csv'],
    preset: 'teddy2020c',
    // One label per message id: the sample file's 一级分类, else the split's 一级标签 (the same where both have it).
    truth: (files) => [
      `WITH l AS (
         SELECT "留言编号"::VARCHAR AS id, "一级分类" AS label, 1 AS pref FROM read_csv($1, all_varchar = true)
         UNION ALL SELECT "留言编号"::VARCHAR, "一级标签", 2 FROM read_csv($2, all_varchar = true)
       )
       SELECT i.platform, i.appeal_id, arg_min(l.label, l.pref) AS truth
       FROM topic_input i JOIN l ON l.id = i.appeal_id GROUP BY ALL`,
      files,
    ],
  },
  {
    name: 'nyc311 (English, vs complaint type)',
    files: ['nyc311/nyc311_combined_core.csv'],
    preset: 'nyc311',
    truth: () => ['SELECT platform, appeal_id, source_category AS truth FROM topic_input', []],
  },
  { name: 'fz12345-rivers', files: ['fz12345-rivers/fz12345_rivers_2016-2020.csv'], preset: 'fz12345-rivers' },
];

async function realData(spec: RealSpec, sharedDir: string, workDir: string): Promise<EvalRow[]> {
  const paths = spec.files.map((f) => join(sharedDir, 'data', 'real', f));
  if (!paths.every(existsSync)) return [{ dataset: spec.name, metric: 'skipped: data not found', value: '—' }];
  const db = await Database.open(join(workDir, `${spec.preset}.duckdb`));
  try {
    for (const p of paths) await importFile(db, p, { preset: spec.preset });
    const summary = await runTopics(db);
    let items: Labelled[] | null = null;
    if (spec.truth) {
      const [sql, params] = spec.truth(paths);
      const rows = await db.query<{ platform: string; appeal_id: string; truth: string }>(sql, params.length ? (params as string[]) : undefined);
      const topicOf = new Map(
        (await db.query<{ platform: string; appeal_id: string; topic_id: number }>('SELECT platform, appeal_id, topic_id FROM appeal_topics')).map((r) => [`${r.platform}/${r.appeal_id}`, r.topic_id]),
      );
      items = rows.map((r) => ({ truth: r.truth ?? '?', topic: topicOf.get(`${r.platform}/${r.appeal_id}`) ?? -1 }));
    }
    await printTopics(db, spec.name, items);
    if (items) return agreement(spec.name, items, summary);
    return [
      { dataset: spec.name, metric: 'appeals', value: summary.appeals },
      { dataset: spec.name, metric: 'topics found', value: summary.topics },
      { dataset: spec.name, metric: 'clustered share', value: summary.clustered / Math.max(1, summary.appeals) },
    ];
  } finally {
    db.close();
  }
}

/**
 * Topic quality: the sample city against its ground truth (with a row-order shuffle check), and
 * real data nobody here wrote, each with its 20 largest topics printed for a person to judge.
 */
export const topicsEval: EvalSection = async ({ workDir, sharedDir }) => {
  const rows: EvalRow[] = [];
  rows.push(...(await sampleCity(workDir)));
  for (const spec of REAL) rows.push(...(await realData(spec, sharedDir, workDir)));
  return rows;
};
