import type { Database } from './database.js';
import { migrationFiles } from './sql-files.js';

/** Applies every migration newer than the database's version, each in its own transaction. */
export async function migrate(db: Database): Promise<number[]> {
  await db.run('db/schema_migrations');
  const done = new Set((await db.all<{ version: number }>('db/applied_migrations')).map((r) => r.version));
  const applied: number[] = [];
  for (const m of migrationFiles()) {
    if (done.has(m.version)) continue;
    await db.transaction(async () => {
      await db.exec(m.text);
      await db.run('db/record_migration', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}
