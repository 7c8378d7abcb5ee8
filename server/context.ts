import type { Database } from '../pipelines/db/database.js';
import type { SessionStore } from './auth/sessions.js';
import type { AnswerCache } from './cache.js';
import type { ServerConfig } from './config.js';
import type { ReadWriteLock } from './lock.js';

/** What every route area is built with. */
export interface AppContext {
  db: Database;
  config: ServerConfig;
  lock: ReadWriteLock;
  cache: AnswerCache;
  sessions: SessionStore;
  log: (line: string) => void;
}
