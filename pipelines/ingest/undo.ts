import type { Database } from '../db/database.js';
import { invalidateRouteCache } from '../consultation/route-cache.js';
import { refreshSignals } from '../disputes/signals.js';
import { ImportError } from './errors.js';

/** What undoing one import would do, or why it cannot be undone. */
export interface UndoPlan {
  importId: number;
  sourceFile: string;
  /** Null when the import can be undone. */
  blocked: UndoBlock | null;
  /** Rows that would leave: the records the import added. */
  removes: number;
  /** Rows that would come back: the earlier versions of the records the import updated. */
  restores: number;
  /**
   * Later imports of the same kind that counted rows unchanged: if they held records this import
   * added, those leave too (the later import never wrote them). Re-import them after the undo.
   */
  laterUnchanged: { importId: number; sourceFile: string }[];
}

export type UndoBlock =
  | { code: 'failed' }
  | { code: 'undone'; at: string; by: string | null }
  | { code: 'no_earlier_rows' }
  | { code: 'pruned'; at: string; by: string | null; upTo: number }
  | { code: 'later_import'; importId: number; sourceFile: string };

export interface UndoReport {
  importId: number;
  sourceFile: string;
  /** Rows taken out: records the import added. */
  removed: number;
  /** Rows put back: the versions the import had replaced. */
  restored: number;
}

type PlanRow = {
  import_id: number;
  source_file: string;
  status: string;
  keeps_replaced: boolean;
  updated: number;
  undone_at: string | null;
  undone_by: string | null;
  pruned_up_to: number | null;
  pruned_at: string | null;
  pruned_by: string | null;
  written: number;
  restored: number;
  later_id: number | null;
  later_file: string | null;
  later_unchanged: { importId: number; sourceFile: string }[];
};

/** The English sentence for a block, for the CLI and the API's error message. */
export function blockText(id: number, b: UndoBlock): string {
  switch (b.code) {
    case 'failed':
      return `import #${id} failed: it wrote nothing to undo`;
    case 'undone':
      return `import #${id} was undone already (${b.at}${b.by ? ` by ${b.by}` : ''})`;
    case 'pruned':
      return `the earlier versions kept to undo imports up to #${b.upTo} were cleared (${b.at}${b.by ? ` by ${b.by}` : ''}): import #${id} cannot be undone`;
    case 'no_earlier_rows':
      return `import #${id} updated records before this version kept the rows it replaced: it cannot be undone`;
    case 'later_import':
      return `import #${b.importId} (${b.sourceFile}) came later and changed records this import wrote: undo it first`;
  }
}

/** Whether import `importId` can be undone, and what undoing it would remove and restore. */
export async function undoPlan(db: Database, importId: number): Promise<UndoPlan> {
  const r = await db.one<PlanRow>('ingest/undo_plan', { import_id: importId });
  if (!r) throw new ImportError(`there is no import #${importId}`);
  let blocked: UndoBlock | null = null;
  if (r.status === 'failed') blocked = { code: 'failed' };
  else if (r.status === 'undone') blocked = { code: 'undone', at: r.undone_at ?? '', by: r.undone_by };
  else if (r.pruned_up_to !== null) blocked = { code: 'pruned', at: r.pruned_at ?? '', by: r.pruned_by, upTo: r.pruned_up_to };
  else if (r.updated > 0 && !r.keeps_replaced) blocked = { code: 'no_earlier_rows' };
  else if (r.later_id !== null) blocked = { code: 'later_import', importId: r.later_id, sourceFile: r.later_file ?? '' };
  return { importId, sourceFile: r.source_file, blocked, removes: r.written - r.restored, restores: r.restored, laterUnchanged: r.later_unchanged };
}

/**
 * Takes an import back in one transaction: the rows it wrote leave, the rows it replaced come back,
 * and the file can be imported again. A later import that changed its records must be undone first
 (later imports of other records do not matter); the run stays in the history,
 * marked undone, with its rejects. Then, as after an import, the dispute signals are rebuilt (in full:
 * rows come back with their old load times, which the incremental refresh would not see).
 */
export async function undoImport(db: Database, importId: number, by: string): Promise<UndoReport> {
  const report = await db.transaction(async () => {
    const plan = await undoPlan(db, importId);
    if (plan.blocked) throw new ImportError(blockText(importId, plan.blocked));
    await db.run('ingest/undo_import', { import_id: importId, by });
    return { importId, sourceFile: plan.sourceFile, removed: plan.removes, restored: plan.restores };
  });
  invalidateRouteCache(db);
  await refreshSignals(db);
  return report;
}
