import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Database } from '../../pipelines/db/database.js';
import { createApp } from '../../server/app.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { loadServerConfig } from '../../server/config.js';

const PASSWORD = 'bench password 1';

export interface HttpApi {
  /** A JSON request as the signed-in officer (with the session cookie and CSRF token). */
  call: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
  /** A GET whose answer is a file. */
  download: (path: string) => Promise<Buffer>;
  close: () => Promise<void>;
}

/**
 * The real API on `db`, in this process, with an officer signed in: what a hotline platform or
 * the dashboard talks to. The caller keeps the database open until `close` has resolved.
 */
export async function serveApi(db: Database, workDir: string): Promise<HttpApi> {
  await db.one('server/user_insert', { username: 'bench-officer', display_name: null, role: 'officer', unit: null, password_hash: await hashPassword(PASSWORD) });
  const config = loadServerConfig({}, { port: 0, clientDir: join(workDir, 'no-client'), uploadDir: join(workDir, 'uploads') });
  const { app, ctx } = await createApp({ db, config, log: (line) => console.error(line) });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-officer', password: PASSWORD }) });
  if (login.status !== 200) throw new Error(`bench login failed: ${login.status}`);
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const request = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(base + path, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res;
  };
  return {
    call: async <T>(method: string, path: string, body?: unknown) => (await (await request(method, path, body)).json()) as T,
    download: async (path) => Buffer.from(await (await request('GET', path)).arrayBuffer()),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await ctx.lock.close();
    },
  };
}
