import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Database } from '../../pipelines/db/database.js';
import { importFile } from '../../pipelines/ingest/index.js';
import { loadSampleCity } from '../../pipelines/sample/seed.js';
import { runTopics } from '../../pipelines/topics/index.js';
import { createApp, type App } from '../../server/app.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { loadServerConfig, type ServerConfig } from '../../server/config.js';
import { refreshDerived } from '../../server/derived.js';
import { tempDb } from '../helpers/temp-db.js';

export const PASSWORD = 'correct horse battery';
export const UNIT_A = '东城区城市管理综合执法局';
export const UNIT_B = '西城区住房和城乡建设局';
export const UNIT_C = '南湖区市场监督管理局';

/** The users every harness has: one per role, and a unit head for each of two units. */
export const USERS = {
  admin: { role: 'admin', unit: null },
  officer: { role: 'officer', unit: null },
  leader: { role: 'leader', unit: null },
  headA: { role: 'unit_head', unit: UNIT_A },
  headB: { role: 'unit_head', unit: UNIT_B },
} as const;
export type UserName = keyof typeof USERS;

/**
 * A small city through the real importer: eight 12345 work orders in three units. Unit A handled
 * GD001 and GD004, and received then returned GD003 (which B kept); B handled GD002, GD005, GD006;
 * C handled GD007, GD008. Texts hold a phone number (masked at ingest), %, _ and quotes.
 */
export const APPEALS = [
  ['GD001', '2025/3/1 9:00', '东城区', '电动车充电', `楼道里电动车充电，存在火灾隐患，联系电话13812345678`, UNIT_A],
  ['GD002', '2025/3/5 10:30', '西城区', '暖气不热', '小区暖气不热，室温只有15度', UNIT_B],
  ['GD003', '2025/3/9 8:15', '东城区', '占道经营', '路边摊占道经营，行人无法通行，多个部门互相推诿', UNIT_B],
  ['GD004', '2025/3/20 14:00', '东城区', '虚假促销', '商场促销称降价50%以上，实际没有降价', UNIT_A],
  ['GD005', '2025/4/2 19:45', '西城区', '路灯不亮', '路灯编号A_17不亮已经一周', UNIT_B],
  ['GD006', '2025/4/8 22:10', '西城区', 'Noise', `O'Brien's bar plays loud music every NIGHT`, UNIT_B],
  ['GD007', '2025/4/15 7:30', '南湖区', '食品安全', '饭店后厨卫生条件差', UNIT_C],
  ['GD008', '2025/4/20 16:00', '南湖区', '价格欺诈', '菜市场缺斤短两', UNIT_C],
] as const;

export const TRANSFERS = [
  ['GD001', 1, '2025/3/1 9:10', '12345', UNIT_A, '派单', '2025/3/1 9:40', '签收', ''],
  ['GD002', 1, '2025/3/5 10:40', '12345', UNIT_B, '派单', '2025/3/5 11:00', '签收', ''],
  ['GD003', 1, '2025/3/9 8:20', '12345', UNIT_A, '派单', '', '退回', '不属于我单位职责'],
  ['GD003', 2, '2025/3/9 15:00', '12345', UNIT_B, '派单', '2025/3/9 16:00', '签收', ''],
  ['GD004', 1, '2025/3/20 14:10', '12345', UNIT_A, '派单', '2025/3/20 15:00', '签收', ''],
  ['GD005', 1, '2025/4/2 19:50', '12345', UNIT_B, '派单', '2025/4/3 9:00', '签收', ''],
  ['GD006', 1, '2025/4/8 22:20', '12345', UNIT_B, '派单', '2025/4/9 9:00', '签收', ''],
  ['GD007', 1, '2025/4/15 7:40', '12345', UNIT_C, '派单', '2025/4/15 9:00', '签收', ''],
  ['GD008', 1, '2025/4/20 16:10', '12345', UNIT_C, '派单', '2025/4/20 17:00', '签收', ''],
] as const;

const csvCell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csv = (rows: readonly (readonly (string | number)[])[]) => rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';

/** Writes the fixture's two exports into `dir` and imports them with the built-in presets. */
export async function loadFixture(db: Database, dir: string): Promise<void> {
  const orders = join(dir, 'orders.csv');
  writeFileSync(
    orders,
    csv([
      ['工单编号', '来电时间', '所属区县', '诉求标题', '诉求内容', '承办单位', '工单状态'],
      ...APPEALS.map(([id, at, district, title, content, unit]) => [id, at, district, title, content, unit, '已办结']),
    ]),
  );
  const transfers = join(dir, 'transfers.csv');
  writeFileSync(transfers, csv([['平台', '工单编号', '流转序号', '流转时间', '派出单位', '接收单位', '流转方式', '签收时间', '流转结果', '退回原因'], ...TRANSFERS.map((t) => ['12345', ...t])]));
  await importFile(db, orders, { preset: 'cn-12345-workorders' });
  await importFile(db, transfers, { preset: 'cn-transfers' });
}

export interface Harness {
  base: string;
  db: Database;
  dir: string;
  app: App;
  logs: string[];
  close: () => Promise<void>;
}

/** The sample city at a small size, through the real importer, with a real topic run. */
export async function loadSmallSampleCity(db: Database, dir: string, n = 3000): Promise<void> {
  await loadSampleCity(db, { dir: join(dir, 'sample'), n });
  await runTopics(db);
}

/**
 * The real app on a temporary DuckDB file, listening on a free port, with users and data loaded:
 * the eight-appeal fixture (default), the small sample city with topics, or nothing.
 */
export async function startServer(opts: { config?: Partial<ServerConfig>; data?: 'fixture' | 'sample' | 'none' } = {}): Promise<Harness> {
  const t = await tempDb();
  const data = opts.data ?? 'fixture';
  if (data === 'fixture') await loadFixture(t.db, t.dir);
  if (data === 'sample') await loadSmallSampleCity(t.db, t.dir);
  if (data !== 'none') await refreshDerived(t.db);
  const hash = await hashPassword(PASSWORD);
  for (const [username, u] of Object.entries(USERS)) {
    await t.db.one('server/user_insert', { username, display_name: null, role: u.role, unit: u.unit, password_hash: hash });
  }
  const logs: string[] = [];
  const config = loadServerConfig({}, { port: 0, clientDir: join(t.dir, 'no-client'), uploadDir: join(t.dir, 'uploads'), exportDir: join(t.dir, 'exports'), backupDir: join(t.dir, 'backups'), validateResponses: true, ...opts.config });
  const app = await createApp({ db: t.db, config, log: (line) => logs.push(line) });
  const server: Server = await new Promise((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    db: t.db,
    dir: t.dir,
    app,
    logs,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.ctx.lock.close();
      t.cleanup();
    },
  };
}

/** An HTTP client with a cookie jar of one session and its CSRF token. */
export class Client {
  cookie = '';
  csrf = '';

  constructor(readonly base: string) {}

  static async signedIn(base: string, username: UserName | string, password = PASSWORD): Promise<Client> {
    const c = new Client(base);
    const res = await c.post('/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
    return c;
  }

  async request(method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; csrf?: boolean; raw?: BodyInit } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && init.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    let body: BodyInit | undefined = init.raw;
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    const res = await fetch(this.base + path, { method, headers, body, redirect: 'manual' });
    const set = res.headers.getSetCookie();
    for (const c of set) {
      const [pair] = c.split(';');
      this.cookie = pair.endsWith('=') ? '' : pair;
    }
    if (res.ok && path.startsWith('/api/auth/') && res.headers.get('content-type')?.includes('json')) {
      const copy = (await res.clone().json()) as { csrfToken?: string; user?: { csrfToken: string } | null };
      const token = copy.csrfToken ?? copy.user?.csrfToken;
      if (token) this.csrf = token;
    }
    return res;
  }

  get(path: string, headers?: Record<string, string>): Promise<Response> {
    return this.request('GET', path, { headers });
  }

  post(path: string, body?: unknown, opts: { csrf?: boolean } = {}): Promise<Response> {
    return this.request('POST', path, { body, ...opts });
  }

  patch(path: string, body?: unknown): Promise<Response> {
    return this.request('PATCH', path, { body });
  }

  async json<T = any>(path: string): Promise<T> {
    const res = await this.get(path);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}
