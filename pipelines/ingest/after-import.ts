import type { Database } from '../db/database.js';
import { invalidateRouteCache } from '../consultation/route-cache.js';
import { ensureSignals } from '../disputes/signals.js';
import { resolveUnits } from '../disputes/units.js';
import { assignNewAppeals, runTopics } from '../topics/index.js';
import type { ImportReport } from './types.js';

export interface AfterImport {
  notes: string[];
}

/**
 * Work that follows an import that changed something, each step adding a line to the report:
 * new unit names get their kind and district, new appeals join the existing topics (or, on a
 * database without topics, the topic engine runs once), and the dispute signals are brought up to
 * date so the first screen after an import does not pay for them. `full` forces every step, for a
 * batch of imports.
 */
export async function afterImport(db: Database, report: ImportReport, opts: { full?: boolean } = {}): Promise<AfterImport> {
  const notes: string[] = [];
  if (!opts.full && report.inserted + report.updated === 0) return { notes };
  const units = await resolveUnits(db);
  notes.push(`units: ${units.units} known, ${units.unknownKind} of unknown kind`);
  if (report.kind !== 'transfers' || opts.full) notes.push(await topicsNote(db));
  invalidateRouteCache(db);
  if (await ensureSignals(db)) notes.push('dispute signals recomputed');
  return { notes };
}

async function topicsNote(db: Database): Promise<string> {
  const hasTopics = (await db.one<{ n: number }>('ingest/topic_count'))!.n > 0;
  if (hasTopics) {
    const a = await assignNewAppeals(db);
    return `topics: ${a.assigned} new appeals assigned to existing topics, ${a.unclustered} left for the unclustered queue`;
  }
  const r = await runTopics(db);
  return `topics: ${r.topics} topics found over ${r.appeals} appeals (${r.clustered} clustered)`;
}
