import type { Database } from '../db/database.js';
import { invalidateRouteCache } from '../consultation/route-cache.js';
import { ensureSignals } from '../disputes/signals.js';
import { resolveUnits, unitSummary } from '../disputes/units.js';
import { assignNewAppeals, runTopics } from '../topics/index.js';
import type { ImportReport } from './types.js';

export interface AfterImport {
  /** Units known after the import, and how many of them have no kind yet. */
  units: { known: number; unknownKind: number } | null;
  /** The topic engine's first run, or the new appeals joining the existing topics. */
  topics: { kind: 'run'; topics: number; appeals: number; clustered: number } | { kind: 'assigned'; assigned: number; unclustered: number } | null;
  signalsRecomputed: boolean;
}

/**
 * Work that follows an import that changed something, each step reporting what it did: new
 * appeals join the existing topics (or, on a database without topics, the topic engine runs once),
 * and the dispute signals are brought up to date, new unit names getting their kind and district
 * first, so the first screen after an import does not pay for them. `full` forces every step, for a
 * batch of imports.
 */
export async function afterImport(db: Database, report: ImportReport, opts: { full?: boolean } = {}): Promise<AfterImport> {
  if (!opts.full && report.inserted + report.updated === 0) return { units: null, topics: null, signalsRecomputed: false };
  let topics: AfterImport['topics'] = null;
  if (report.kind !== 'transfers' || opts.full) {
    const hasTopics = (await db.one<{ n: number }>('ingest/topic_count'))!.n > 0;
    // a first topic run learns unit names from the units table: they must be there before it
    if (!hasTopics) await resolveUnits(db);
    topics = await topicsStep(db, hasTopics);
  }
  invalidateRouteCache(db);
  // the refresh resolves the units (an import that wrote rows always changes what signals are made of)
  const signalsRecomputed = await ensureSignals(db);
  const units = await unitSummary(db);
  return { units: { known: units.units, unknownKind: units.unknownKind }, topics, signalsRecomputed };
}

async function topicsStep(db: Database, hasTopics: boolean): Promise<AfterImport['topics']> {
  if (hasTopics) {
    const a = await assignNewAppeals(db);
    return { kind: 'assigned', assigned: a.assigned, unclustered: a.unclustered };
  }
  const r = await runTopics(db);
  return { kind: 'run', topics: r.topics, appeals: r.appeals, clustered: r.clustered };
}
