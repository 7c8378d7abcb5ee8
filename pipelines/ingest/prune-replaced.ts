import type { Database } from '../db/database.js';

/**
 * The earlier versions kept so imports can be undone (every row an import replaced, whole). They
 * grow with each re-export of changed records; clearing those of older imports gives the space
 * back to the database (the file keeps its size and reuses it) and ends those imports' undo.
 */
export interface KeptVersions {
  appeals: number;
  transfers: number;
  /** Imports whose undo the kept rows serve. */
  imports: number;
  /** When the oldest of those imports started (local time); null when nothing is kept. */
  oldestStartedAt: string | null;
  /** The last clearing: every import up to `upTo` can no longer be undone. */
  lastPrune: { at: string; by: string | null; upTo: number } | null;
}

/** What clearing would do. `upTo` is null when no import started before the cut-off. */
export interface PrunePlan {
  before: string;
  upTo: number | null;
  /** Imports in force that would lose their undo (those of an earlier clearing not counted again). */
  imports: number;
  appeals: number;
  transfers: number;
}

export type PruneReport = PrunePlan & { pruned: boolean };

type KeptRow = {
  appeals: number;
  transfers: number;
  imports: number;
  oldest_started_at: string | null;
  pruned_up_to: number | null;
  pruned_at: string | null;
  pruned_by: string | null;
};

type PlanRow = { up_to_import_id: number | null; imports: number; appeals: number; transfers: number };

export async function keptVersions(db: Database): Promise<KeptVersions> {
  const r = (await db.one<KeptRow>('ingest/replaced_kept'))!;
  return {
    appeals: r.appeals,
    transfers: r.transfers,
    imports: r.imports,
    oldestStartedAt: r.oldest_started_at,
    lastPrune: r.pruned_up_to === null ? null : { at: r.pruned_at ?? '', by: r.pruned_by, upTo: r.pruned_up_to },
  };
}

/** The cut-off `days` whole days before `now`. */
export function cutOff(days: number, now = new Date()): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/** What clearing the versions kept for imports started before `before` would do. */
export async function prunePlan(db: Database, before: Date): Promise<PrunePlan> {
  const iso = before.toISOString();
  const r = (await db.one<PlanRow>('ingest/replaced_prune_plan', { before: iso }))!;
  return { before: iso, upTo: r.up_to_import_id, imports: r.imports, appeals: r.appeals, transfers: r.transfers };
}

/**
 * Clears the versions kept for imports started before `before`, in one transaction, and records it;
 * those imports (and any earlier) can no longer be undone. Nothing is recorded when nothing changes.
 */
export async function pruneReplaced(db: Database, before: Date, by: string): Promise<PruneReport> {
  return db.transaction(async () => {
    const plan = await prunePlan(db, before);
    if (plan.upTo === null || (plan.imports === 0 && plan.appeals === 0 && plan.transfers === 0)) return { ...plan, pruned: false };
    await db.run('ingest/replaced_prune', { up_to: plan.upTo, by });
    return { ...plan, pruned: true };
  });
}
