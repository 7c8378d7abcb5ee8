import type { Role } from '../schemas/common.js';

/** The signed-in user of a request. */
export interface SessionUser {
  userId: number;
  username: string;
  displayName: string | null;
  role: Role;
  /** unit_head: the unit whose records this user sees in full. */
  unit: string | null;
  csrfToken: string;
  /** When the session ends (ms since the epoch). */
  expiresMs: number;
  /** Set when an API token signed the request in, not a person (server/auth/api-tokens.ts). */
  apiTokenId?: number;
}

/**
 * Which appeals a user may read in full: every appeal (unit null), or only those the unit handled,
 * received or passed on. Everything else reaches that user as aggregates only.
 */
export interface Scope {
  unit: string | null;
}

export function scopeOf(user: SessionUser): Scope {
  return { unit: user.role === 'unit_head' ? user.unit : null };
}
