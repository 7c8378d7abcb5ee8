import type { Database } from './database.js';

export interface AuditEntry {
  /** Username, or 'system'. */
  who: string;
  /** What was done: login, login_failed, logout, export, import, user_create, user_update, curation … */
  action: string;
  /** What it was done to: a route with its filters, a file, a user. */
  what?: string | null;
  details?: Record<string, unknown> | null;
}

/** Writes one audit_log row, on whichever connection `db` is (the accounts one beside an import, or the writer inside a write). */
export async function audit(db: Database, entry: AuditEntry): Promise<void> {
  await db.run('db/audit_insert', {
    who: entry.who,
    action: entry.action,
    what: entry.what ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
  });
}
