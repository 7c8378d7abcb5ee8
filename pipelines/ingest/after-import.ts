import type { Database } from '../db/database.js';
import { invalidateRouteCache } from '../consultation/route-cache.js';
import { ensureSignals } from '../disputes/signals.js';
import { resolveUnits, unitSummary } from '../disputes/units.js';
import { assignNewAppeals, runTopics } from '../topics/index.js';
import type { ImportReport } from './types.js';

export interface AfterImport {
  notes: string[];
}

/**
 * Work that follows an import that changed something, each step adding a line to the report: new
 * appeals join the existing topics (or, on a database without topics, the topic engine runs once),
 * and the dispute signals are brought up to date, new unit names getting their kind and district
 * first, so the first screen after an import does not pay for them. `full` forces every step, for a
 * batch of imports.
 */
export async function afterImport(db: Database, report: ImportReport, opts: { full?: boolean } = {}): Promise<AfterImport> {
  if (!opts.full && report.inserted + report.updated === 0) return { notes: [] };
  let topics: string | null = null;
  if (report.kind !== 'transfers' || opts.full) {
    const hasTopics = (await db.one<{ n: number }>('ingest/topic_count'))!.n > 0;
    // a first topic run learns unit names from the units table: they must be there before it
    if (!hasTopics) await resolveUnits(db);
    topics = await topicsNote(db, hasTopics);
  }
  invalidateRouteCache(db);
  // the refresh resolves the units (an import that wrote rows always changes what signals are made of)
  const recomputed = await ensureSignals(db);
  const units = await unitSummary(db);
  const notes = [`units: ${units.units} known, ${units.unknownKind} of unknown kind`];
  if (topics) notes.push(topics);
  if (recomputed) notes.push('dispute signals recomputed');
  return { notes };
}

async function topicsNote(db: Database, hasTopics: boolean): Promise<string> {
  if (hasTopics) {
    const a = await assignNewAppeals(db);
    return `topics: ${a.assigned} new appeals assigned to existing topics, ${a.unclustered} left for the unclustered queue`;
  }
  const r = await runTopics(db);
  return `topics: ${r.topics} topics found over ${r.appeals} appeals (${r.clustered} clustered)`;
}
