import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Database } from '../../pipelines/db/database.js';
import { createApp } from '../../server/app.js';
import { loadServerConfig } from '../../server/config.js';
import { refreshDerived } from '../../server/derived.js';
import { warmCache } from '../../server/warm.js';

// The API server of the 'api' bench section, in its own process so the load generator does not
// share its event loop: `tsx api-server.ts <db> <clientDir> <workDir>` (uploads and backups go
// under workDir); prints READY <port> <warm ms>.
const [dbPath, clientDir, workDir] = process.argv.slice(2);
const db = await Database.open(dbPath);
const { app, ctx } = await createApp({ db, config: loadServerConfig({}, { port: 0, clientDir, uploadDir: join(workDir, 'uploads'), backupDir: join(workDir, 'backups') }), log: (l) => console.error(l) });
await ctx.lock.write(() => refreshDerived(db));
ctx.cache.invalidate();
const started = performance.now();
await warmCache(ctx);
const warmMs = Math.round(performance.now() - started);
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`READY ${(server.address() as AddressInfo).port} ${warmMs}`);
});
process.on('SIGTERM', () => {
  server.close();
  void ctx.lock.close().then(() => process.exit(0));
});
