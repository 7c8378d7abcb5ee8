import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../pipelines/db/database.js';
import type { SessionUser } from './user.js';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** Tokens start so: a leaked one is recognisable in logs and secret scanners. */
const TOKEN_PREFIX = 'lk_';
/** Last-use times are written at most this often per token. */
const TOUCH_MS = 60_000;

export interface TokenRow {
  token_id: number;
  name: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  expires_at: string | null;
  expired: boolean;
  [key: string]: unknown;
}

/** The name a token's calls go by in handlers. */
const tokenUser = (name: string) => `api:${name}`;

/**
 * API tokens for machine callers (a hotline platform asking for the lead unit at dispatch). A
 * token acts as an officer but only on routes declared for tokens (RouteSpec.tokens), and needs no
 * CSRF token: it is sent in a header, never by a browser on its own. Looked-up tokens are kept in
 * memory; revoking goes through this server, which forgets it at once. `db` is the accounts connection.
 */
export class ApiTokenStore {
  private known = new Map<string, { user: SessionUser; touched: number; expiresMs: number }>();

  constructor(private readonly db: Database) {}

  /** A new token, in force for `days` days (null: with no end); the secret is returned here only. */
  async create(name: string, days: number | null, by: string): Promise<{ tokenId: number; token: string; expiresAt: string | null }> {
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const row = await this.db.one<{ token_id: number; expires_at: string | null }>('server/api_token_insert', { name, token_hash: sha256(token), created_by: by, days });
    return { tokenId: row!.token_id, token, expiresAt: row!.expires_at };
  }

  async nameInUse(name: string): Promise<boolean> {
    return (await this.db.one('server/api_token_active_name', { name })) !== undefined;
  }

  /** The caller a token in force stands for; null for an unknown, revoked or expired token. */
  async lookup(token: string): Promise<SessionUser | null> {
    const key = sha256(token);
    const now = Date.now();
    let hit = this.known.get(key);
    if (hit && hit.expiresMs <= now) {
      this.known.delete(key);
      return null;
    }
    if (!hit) {
      const row = await this.db.one<{ token_id: number; name: string; expires_ms: number | null }>('server/api_token_get', { token_hash: key });
      if (!row) return null;
      const user: SessionUser = { userId: 0, username: tokenUser(row.name), displayName: null, role: 'officer', unit: null, csrfToken: '', expiresMs: Infinity, apiTokenId: row.token_id };
      hit = { user, touched: 0, expiresMs: row.expires_ms ?? Infinity };
      this.known.set(key, hit);
    }
    if (now - hit.touched >= TOUCH_MS) {
      hit.touched = now;
      await this.db.run('server/api_token_used', { token_id: hit.user.apiTokenId! });
    }
    return hit.user;
  }

  list(): Promise<TokenRow[]> {
    return this.db.all<TokenRow>('server/api_tokens_list');
  }

  /** Revokes a token in force; its name, or null when there is no such token in force. */
  async revoke(tokenId: number, by: string): Promise<string | null> {
    const row = await this.db.one<{ name: string }>('server/api_token_revoke', { token_id: tokenId, by });
    for (const [key, t] of this.known) if (t.user.apiTokenId === tokenId) this.known.delete(key);
    return row?.name ?? null;
  }
}
