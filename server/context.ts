import type { Database } from '../pipelines/db/database.js';
import type { ApiTokenStore } from './auth/api-tokens.js';
import type { SessionStore } from './auth/sessions.js';
import type { AnswerCache } from './cache.js';
import type { ServerConfig } from './config.js';
import type { DatabaseAccess } from './db-access.js';

/** What every route area is built with. */
export interface AppContext {
  /** The database as the calling request sees it: its read snapshot, the writer, or the accounts connection. */
  readonly db: Database;
  config: ServerConfig;
  /** Where database work runs: `lock.read(fn)`, `lock.write(fn)`, `lock.accounts(fn)` (routes choose by their `lock`). */
  lock: DatabaseAccess;
  cache: AnswerCache;
  sessions: SessionStore;
  tokens: ApiTokenStore;
  log: (line: string) => void;
}
