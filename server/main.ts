import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { Database } from '../pipelines/db/database.js';
import { defaultDbPath } from '../pipelines/config.js';
import { seedIfEmpty } from '../pipelines/sample/seed.js';
import { createApp } from './app.js';
import { ensureFirstAdmin } from './auth/first-admin.js';
import { refreshDerived } from './derived.js';
import { warmCache } from './warm.js';
import { loadServerConfig } from './config.js';
import { scheduleBackups } from './backups/schedule.js';

// `npm start`: opens the database (creating it), makes the first administrator, serves the API and
// the built client, and on an empty database loads the sample city in the background.
const log = (line: string) => console.log(line);
const config = loadServerConfig();
const dbPath = defaultDbPath();
const db = await Database.open(dbPath);
await ensureFirstAdmin(db, process.env, log);
const { app, ctx, startup } = await createApp({ db, config, log });

const server: Server = app.listen(config.port, config.host, () => {
  log(`Linkage Insight on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/  (database ${dbPath})`);
  if (!existsSync(join(config.clientDir, 'index.html'))) log('The dashboard is not built yet: run `npm run build` (the API works without it).');
});
server.on('error', (err) => {
  console.error(`cannot listen on ${config.host}:${config.port}: ${err.message}`);
  process.exit(1);
});

startup.seeding = true;
ctx.lock
  .write(async () => {
    await seedIfEmpty(db, log);
    await refreshDerived(db);
  })
  .catch((err: Error) => log(`preparing the data failed: ${err.message}`))
  .finally(async () => {
    await warmCache(ctx);
    startup.seeding = false;
  });

const backups = config.backupEveryHours > 0 ? scheduleBackups(ctx, config.backupEveryHours * 3600_000, config.backupKeep) : null;
if (backups) log(`Backups every ${config.backupEveryHours} h into ${config.backupDir}, the newest ${config.backupKeep} kept.`);

function shutdown(): void {
  server.close();
  // let a backup, the current write and the reads under way finish, so the file is left consistent
  void Promise.resolve(backups?.stop())
    .then(() => ctx.lock.close())
    .then(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
