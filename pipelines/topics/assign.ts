import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { invalidateRouteCache } from '../consultation/route-cache.js';
import { assignModel, type AssignModel } from './assign-model.js';
import { segmentFile } from './segment-pool.js';
import { writeStage } from './stage.js';
import { transformRows, vectorise } from './vectoriser.js';

export interface AssignSummary {
  /** The assignment's record in topic_runs (null when there was nothing to do). */
  runId: number | null;
  considered: number;
  assigned: number;
  unclustered: number;
  durationMs: number;
}

/** The nearest topic a vector can join: its index in the model, or -1; with its similarity. */
function place(m: AssignModel, terms: ArrayLike<number>, weights: ArrayLike<number>, from: number, to: number): { slot: number; best: number; similarity: number } {
  const near = m.index.nearest(terms, weights, from, to);
  const slot = near.id >= 0 && near.similarity >= m.thresholds[near.id] ? near.id : -1;
  return { slot, best: near.id, similarity: near.similarity };
}

/**
 * Puts appeals the topic engine has not seen yet into the existing topics (or the outlier queue)
 * without a new run: the latest run's vectoriser, centroids and thresholds, with curation already
 * in them. Importers call it after each import.
 */
export async function assignNewAppeals(db: Database, opts: { workers?: number } = {}): Promise<AssignSummary> {
  const started = Date.now();
  const m = await assignModel(db);
  if (!m) return { runId: null, considered: 0, assigned: 0, unclustered: 0, durationMs: Date.now() - started };
  const workDir = mkdtempSync(join(tmpdir(), 'linkage-assign-'));
  try {
    return await db.transaction(async () => {
      const covered = (await db.one<{ covered: number }>('topics/covered_import'))!.covered;
      const newest = (await db.one<{ newest: number }>('topics/newest_import'))!.newest;
      await db.run('topics/stage_new_appeals', { covered });
      const file = join(workDir, 'new.tsv');
      await db.run('topics/export_new_appeals', { file });
      // The model's segmenter (caches warm) segments here; a large import uses the other cores too.
      const corpus = await segmentFile(file, m.lexicon, m.segmenter.options, opts.workers, m.segmenter);
      if (corpus.n === 0) {
        await db.run('topics/drop_new_appeals');
        return { runId: null, considered: 0, assigned: 0, unclustered: 0, durationMs: Date.now() - started };
      }
      const run = (await db.one<{ run_id: number }>('topics/insert_run', { kind: 'assign', params: JSON.stringify({ modelRun: m.runId, coveredImport: newest }), from: null, to: null }))!;
      const remap = Int32Array.from(corpus.vocabulary, (term) => m.model.index.get(term) ?? -1);
      const rows = transformRows(corpus.counts, remap, m.model.idf, m.params.maxTermsPerText);
      const placed = Array.from({ length: rows.n }, (_, i) => place(m, rows.terms, rows.weights, rows.offsets[i], rows.offsets[i + 1]));
      const assigned = placed.filter((p) => p.slot >= 0).length;
      await writeStage(db, {
        n: rows.n,
        rid: (i) => corpus.rid[i],
        topic: (i) => (placed[i].slot >= 0 ? m.topicIds[placed[i].slot] : -1),
        similarity: (i) => placed[i].similarity,
        best: (i) => (placed[i].best >= 0 ? m.topicIds[placed[i].best] : -1),
      });
      await db.run('topics/store_new_assignments', { run_id: run.run_id });
      const durationMs = Date.now() - started;
      await db.run('topics/finish_assign', { run_id: run.run_id, appeals: corpus.n, clustered: assigned, duration_ms: durationMs });
      invalidateRouteCache(db);
      return { runId: run.run_id, considered: corpus.n, assigned, unclustered: corpus.n - assigned, durationMs };
    });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

export interface TextAssignment {
  topicId: number;
  label: string;
  similarity: number;
}

/**
 * The topic a text belongs to, with its similarity, or null when no active topic takes it (used
 * at dispatch time: the model stays in memory after the first call).
 */
export async function assignText(db: Database, text: string): Promise<TextAssignment | null> {
  const m = await assignModel(db);
  if (!m) return null;
  await m.segmenter.prepare([text]);
  const v = vectorise(m.model, m.segmenter.terms(text), m.params.maxTermsPerText);
  const p = place(m, v.terms, v.weights, 0, v.terms.length);
  if (p.slot < 0 || m.status[p.slot] !== 'active') return null;
  return { topicId: m.topicIds[p.slot], label: m.labels[p.slot], similarity: p.similarity };
}
