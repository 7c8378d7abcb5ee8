import type { Database } from '../pipelines/db/database.js';
import { ensureSignals } from '../pipelines/disputes/index.js';
import { computeKpis } from '../pipelines/kpis/index.js';

/**
 * Brings the tables the dashboard reads but the pipelines derive lazily (unit kinds, dispute
 * signals, KPI rollups) up to date now, after a start or an import, so the first reader does not
 * wait for them and no cached answer is built from stale ones. It writes: run it inside a write.
 */
export async function refreshDerived(db: Database): Promise<void> {
  await ensureSignals(db);
  await computeKpis(db, { period: 'month' });
}
