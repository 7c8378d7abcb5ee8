import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../pipelines/db/database.js';
import type { Role } from '../schemas/common.js';
import type { SessionUser } from './user.js';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

interface SessionRow {
  csrf_token: string;
  expires_ms: number;
  user_id: number;
  username: string;
  display_name: string | null;
  role: Role;
  unit: string | null;
  [key: string]: unknown;
}

/**
 * Sessions live in the database (they survive a restart) and, once looked up, in memory: every
 * change to a user goes through this server, which calls `destroyUser`, so the copy never goes
 * stale. `db` is the accounts connection: it sees every committed session at once and writes
 * beside a running import.
 */
export class SessionStore {
  private known = new Map<string, { user: SessionUser; expiresMs: number }>();

  constructor(
    private readonly db: Database,
    private readonly hours: number,
  ) {}

  /** A new session for `userId`. Returns the cookie token. */
  async create(userId: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.run('server/sessions_expire');
    await this.db.run('server/session_insert', { token_hash: sha256(token), user_id: userId, csrf_token: randomBytes(24).toString('base64url'), hours: this.hours });
    return token;
  }

  /** The user of a live session; reads the database on first sight only. */
  async lookup(token: string): Promise<SessionUser | null> {
    const key = sha256(token);
    const hit = this.known.get(key);
    if (hit) {
      if (hit.expiresMs > Date.now()) return hit.user;
      this.known.delete(key);
    }
    const row = await this.db.one<SessionRow>('server/session_get', { token_hash: key });
    if (!row) return null;
    const user: SessionUser = {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      unit: row.unit,
      csrfToken: row.csrf_token,
      expiresMs: row.expires_ms,
    };
    this.known.set(key, { user, expiresMs: row.expires_ms });
    return user;
  }

  /** Ends one session. */
  async destroy(token: string): Promise<void> {
    const key = sha256(token);
    this.known.delete(key);
    await this.db.run('server/session_delete', { token_hash: key });
  }

  /** Ends every session of a user (disabled, role or password changed). */
  async destroyUser(userId: number): Promise<void> {
    for (const [key, s] of this.known) if (s.user.userId === userId) this.known.delete(key);
    await this.db.run('server/sessions_delete_user', { user_id: userId });
  }
}
