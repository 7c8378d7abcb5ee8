import type { Database } from '../db/database.js';

const ready = new WeakSet<object>();

/** Creates this module's session macros (sql/disputes/macros.sql) once per connection. */
export async function ensureMacros(db: Database): Promise<void> {
  const connection = await db.activeConnection();
  if (ready.has(connection)) return;
  await db.run('disputes/macros');
  ready.add(connection);
}

const queues = new Map<string, WeakMap<Database, Promise<unknown>>>();

/**
 * Runs `fn` after every earlier call with the same `name` on the same database has finished. A
 * Database has one connection; steps that rebuild tables or fill session temp tables must not
 * interleave with another request doing the same (the server awaits requests concurrently).
 */
export function exclusive<T>(db: Database, name: string, fn: () => Promise<T>): Promise<T> {
  let perDb = queues.get(name);
  if (!perDb) queues.set(name, (perDb = new WeakMap()));
  const previous = perDb.get(db) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  perDb.set(db, next.catch(() => undefined));
  return next;
}
