import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { ROOT } from '../../pipelines/config.js';
import { Database } from '../../pipelines/db/database.js';
import { proposeAgenda } from '../../pipelines/disputes/agenda.js';
import { topicScores } from '../../pipelines/disputes/scores.js';
import { runTopics } from '../../pipelines/topics/index.js';
import { listUnits, resolveUnits } from '../../pipelines/disputes/units.js';
import { importFile } from '../../pipelines/ingest/index.js';
import { assignTopics } from './disputes-topics.js';
import type { EvalRow } from './types.js';

const run = promisify(execFile);

interface Truth {
  platform: string;
  appeal_id: string;
  problem_key: string;
  disputed: string;
  emerging: string;
}

const yes = (v: string) => ['1', 'true', 'yes', 'y', 't'].includes(String(v).trim().toLowerCase());

/** Imports one sample file with its preset, or with the inferred mapping if the preset does not fit. */
async function load(db: Database, file: string, preset: string): Promise<void> {
  try {
    await importFile(db, file, { preset });
  } catch {
    await importFile(db, file);
  }
}

/** The true problem most of each topic's appeals belong to, and that share. */
async function majorityProblems(db: Database): Promise<Map<number, { problem: string; purity: number }>> {
  const rows = await db.query<{ topic_id: number; problem: string; purity: number }>(
    `SELECT topic_id, arg_max(problem_key, n) AS problem, max(n) / sum(n) AS purity
     FROM (SELECT a.topic_id, t.problem_key, count(*) AS n FROM appeal_topics a JOIN truth t USING (platform, appeal_id) GROUP BY ALL)
     GROUP BY topic_id`,
  );
  return new Map(rows.map((r) => [r.topic_id, { problem: r.problem, purity: r.purity }]));
}

/** Agenda precision, clear-owner intrusions, misroute-heavy problems' ranks and emerging flags for the current topics. */
async function judge(db: Database, dataset: string, disputed: Set<string>, emerging: Set<string>): Promise<EvalRow[]> {
  const problemOf = await majorityProblems(db);
  const problem = (topicId: number) => problemOf.get(topicId)?.problem ?? '?';
  const agenda = await proposeAgenda(db, { top: 10 });
  const top = agenda.items.map((i) => problem(i.topicId));
  const hits = top.filter((p) => disputed.has(p)).length;
  const clearInTop = top.filter((p) => !disputed.has(p));
  const scores = await topicScores(db, {});
  const eligible = scores.topics.filter((t) => t.eligible);
  const rank = new Map(eligible.map((t, i) => [t.topicId, i + 1]));
  const misrouted = eligible
    .filter((t) => !disputed.has(problem(t.topicId)))
    .sort((a, b) => b.territorialReturnRate - a.territorialReturnRate)
    .slice(0, 3);
  const flagged = scores.topics.filter((t) => t.emerging.flag).map((t) => problem(t.topicId));
  console.error(`[eval] ${dataset}: agenda ${agenda.window.from} … ${agenda.window.to}:`);
  for (const item of agenda.items) {
    const p = problemOf.get(item.topicId);
    console.error(
      `  ${item.rank}. ${item.label} → ${p?.problem ?? '?'} (${((p?.purity ?? 0) * 100).toFixed(0)}%) ${disputed.has(p?.problem ?? '') ? 'disputed' : 'CLEAR OWNER'} score ${item.score.toFixed(3)} functional ${(item.functionalReturnRate * 100).toFixed(0)}% misroutes ${(item.territorialReturnRate * 100).toFixed(0)}% entropy ${item.ownerEntropy.toFixed(2)} lead ${item.lead?.kind ?? '—'}`,
    );
  }
  console.error(`  clear-owner topics with the most misroutes: ${misrouted.map((t) => `${t.label} → ${problem(t.topicId)} (${(t.territorialReturnRate * 100).toFixed(0)}% misrouted, rank ${rank.get(t.topicId)})`).join('; ')}`);
  console.error(`  emerging flags: ${flagged.join(', ') || 'none'}; truly emerging: ${[...emerging].join(', ')}`);
  const emergingFound = [...emerging].filter((p) => flagged.includes(p)).length;
  return [
    { dataset, metric: 'agenda precision@10 vs truly disputed', value: top.length ? hits / top.length : 0, target: '≥ 0.9', ok: top.length > 0 && hits / top.length >= 0.9 },
    { dataset, metric: 'clear-owner problems in the top 10', value: clearInTop.length, target: '0', ok: clearInTop.length === 0 },
    {
      dataset,
      metric: 'best rank of the 3 most misrouted clear-owner topics',
      value: misrouted.length ? Math.min(...misrouted.map((t) => rank.get(t.topicId) ?? 0)) : 0,
      target: '> 10',
      ok: misrouted.length ? Math.min(...misrouted.map((t) => rank.get(t.topicId) ?? 0)) > 10 : undefined,
    },
    { dataset, metric: 'emerging problem flagged', value: `${emergingFound} of ${emerging.size}`, target: `${emerging.size} of ${emerging.size}`, ok: emerging.size > 0 && emergingFound === emerging.size },
    { dataset, metric: 'other problems flagged emerging', value: flagged.filter((p) => !emerging.has(p)).length },
  ];
}

/**
 * The sample city (npm run pipeline -- sample): generated and imported through the importer; the agenda
 * proposal is checked against which problems are truly disputed, first with topics taken from the
 * ground truth's problem keys (the dispute scoring alone), then with the topic engine's own topics.
 */
export async function evalSample(workDir: string): Promise<EvalRow[]> {
  const out = join(workDir, 'sample');
  const started = Date.now();
  await run(process.execPath, ['--import', 'tsx', join(ROOT, 'pipelines/cli.ts'), 'sample', '--out', out, '--files-only'], { cwd: ROOT, maxBuffer: 1 << 26 });
  console.error(`[eval] disputes: sample generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const db = await Database.open(join(workDir, 'sample.duckdb'));
  try {
    await load(db, join(out, '12345_work_orders.csv'), 'cn-12345-workorders');
    await load(db, join(out, '110_incidents.csv'), 'cn-110-incidents');
    await load(db, join(out, '12345_transfers.csv'), 'cn-transfers');
    await resolveUnits(db);

    await db.query(`CREATE TEMP TABLE truth AS SELECT platform::VARCHAR AS platform, appeal_id::VARCHAR AS appeal_id, problem_key, disputed::VARCHAR AS disputed, emerging::VARCHAR AS emerging FROM read_csv($1, header = true, all_varchar = true)`, [join(out, 'truth.csv')]);
    const truth = await db.query<Truth & Record<string, unknown>>('SELECT * FROM truth');
    const problems = [...new Set(truth.map((t) => t.problem_key))].sort();
    const topicOf = new Map(problems.map((p, i) => [p, i + 1]));
    const disputed = new Set(truth.filter((t) => yes(t.disputed)).map((t) => t.problem_key));
    const emerging = new Set(truth.filter((t) => yes(t.emerging)).map((t) => t.problem_key));
    await assignTopics(
      db,
      problems.map((p, i) => ({ topicId: i + 1, label: p })),
      truth.map((t) => ({ platform: t.platform, appealId: t.appeal_id, topicId: topicOf.get(t.problem_key)! })),
    );
    const rows = await judge(db, 'sample city (topics = truth problem keys)', disputed, emerging);

    const truthUnits = parse(readFileSync(join(out, 'units.csv'), 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
    const resolved = new Map((await listUnits(db)).map((u) => [u.name, u]));
    const known = truthUnits.filter((u) => resolved.has(u.name));
    const kindOk = known.filter((u) => resolved.get(u.name)!.kind === u.kind).length;
    const districtOk = known.filter((u) => (resolved.get(u.name)!.district ?? '') === (u.district ?? '')).length;
    rows.push(
      { dataset: 'sample city units', metric: `unit kinds right (of ${known.length} units in units.csv)`, value: known.length ? kindOk / known.length : 0 },
      { dataset: 'sample city units', metric: 'unit districts right', value: known.length ? districtOk / known.length : 0 },
    );

    // the same, on the topic engine's own topics (each judged by the true problem most of its appeals belong to)
    try {
      const startedRun = Date.now();
      const summary = await runTopics(db, {});
      console.error(`[eval] disputes: topic engine made ${summary.topics} topics in ${((Date.now() - startedRun) / 1000).toFixed(0)} s`);
      rows.push(...(await judge(db, 'sample city (topic engine)', disputed, emerging)));
    } catch (err) {
      rows.push({ dataset: 'sample city (topic engine)', metric: `skipped: topic engine failed (${(err as Error).message.slice(0, 80)})`, value: '—' });
    }
    return rows;
  } finally {
    db.close();
  }
}
