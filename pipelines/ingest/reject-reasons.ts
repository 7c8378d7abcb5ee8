import type { Database } from '../db/database.js';
import type { RejectReason, RejectReasonData } from './types.js';

function fromRows(rows: { reason: string; count: number; reason_data: string | null }[]): RejectReason[] {
  return rows.map((r) => ({ reason: r.reason, count: r.count, data: r.reason_data ? (JSON.parse(r.reason_data) as RejectReasonData) : null }));
}

/** An import's commonest reject reasons, values stripped, each with its reason as data when it has one. */
export async function topRejectReasons(db: Database, importId: number): Promise<RejectReason[]> {
  return fromRows(await db.all('ingest/top_reject_reasons', [importId]));
}

/** The same for rows checked but not imported (the temp tables `typed` and `staged_errors`). */
export async function checkedRejectReasons(db: Database): Promise<RejectReason[]> {
  return fromRows(await db.all('ingest/checked_reject_reasons'));
}
