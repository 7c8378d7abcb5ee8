import type { Database } from '../db/database.js';
import type { RejectReasonData } from './types.js';

/** An import's commonest reject reasons, values stripped, each with its reason as data when it has one. */
export async function topRejectReasons(db: Database, importId: number): Promise<{ reason: string; count: number; data: RejectReasonData | null }[]> {
  const rows = await db.all<{ reason: string; count: number; reason_data: string | null }>('ingest/top_reject_reasons', [importId]);
  return rows.map((r) => ({ reason: r.reason, count: r.count, data: r.reason_data ? (JSON.parse(r.reason_data) as RejectReasonData) : null }));
}
