import type { Scope } from './auth/user.js';
import type { AppContext } from './context.js';

/** Keeps the appeals a unit head may read in full (everyone else: all of them). */
export async function readable<T extends { platform: string; appealId: string }>(ctx: AppContext, rows: T[], scope: Scope): Promise<T[]> {
  if (scope.unit === null || rows.length === 0) return rows;
  const keys = JSON.stringify(rows.map((r) => ({ platform: r.platform, appeal_id: r.appealId })));
  const found = await ctx.db.all<{ platform: string; appeal_id: string; in_scope: boolean }>('server/appeals_by_keys', { keys, scope_unit: scope.unit });
  const ok = new Set(found.filter((f) => f.in_scope).map((f) => `${f.platform}\u0000${f.appeal_id}`));
  return rows.filter((r) => ok.has(`${r.platform}\u0000${r.appealId}`));
}
