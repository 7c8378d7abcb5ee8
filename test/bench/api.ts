import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { build } from 'vite';
import { Database } from '../../pipelines/db/database.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { launch } from '../browser/browser.js';
import type { BenchRow, BenchSection } from './types.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const PASSWORD = 'bench password 1';
const CONNECTIONS = 20;
const SECONDS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Starts the server process on the database; resolves with its port and cache warm-up time. */
function startServer(dbPath: string, clientDir: string, uploadDir: string): Promise<{ child: ChildProcess; port: number; warmMs: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/bench/api-server.ts'), dbPath, clientDir, uploadDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\d+) (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]), warmMs: Number(m[2]) });
    });
    child.on('exit', (code) => reject(new Error(`the API server exited with ${code}`)));
  });
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`bench login failed: ${res.status}`);
  return res.headers.getSetCookie()[0].split(';')[0];
}

/** Latencies (ms) of `connections` clients cycling through `requests` for `seconds`. */
async function load(base: string, cookie: string, requests: autocannon.Request[]): Promise<{ p50: number; p95: number; rps: number; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  const instance = autocannon({ url: base, connections: CONNECTIONS, duration: SECONDS, headers: { cookie, accept: 'application/json' }, requests }) as unknown as Promise<autocannon.Result> & NodeJS.EventEmitter;
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status !== 200) errors++;
    times.push(ms);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), rps: Math.round(result.requests.average), errors: errors + result.errors + result.non2xx };
}

/** Sizes of the files index.html loads at once, and of everything, raw and gzipped (KB). */
function bundleSizes(dir: string): { initial: number; initialGz: number; all: number; allGz: number } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = readdirSync(join(dir, 'assets')).map((f) => join('assets', f));
  const initialFiles = files.filter((f) => html.includes(f));
  const size = (list: string[], gz: boolean) => Math.round(list.reduce((n, f) => n + (gz ? gzipSync(readFileSync(join(dir, f))).length : statSync(join(dir, f)).size), 0) / 1024);
  return { initial: size(initialFiles, false), initialGz: size(initialFiles, true), all: size(files, false), allGz: size(files, true) };
}

/** Milliseconds from navigation start until the overview shows its KPI cards, median of `runs`. */
async function firstView(base: string, cookie: string, runs: number): Promise<number> {
  const browser = await launch();
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const [name, value] = cookie.split('=');
      await context.addCookies([{ name, value, url: base }]);
      const page = await context.newPage();
      await page.goto(`${base}/#/overview`);
      await page.locator('.card-value').first().waitFor({ timeout: 30_000 });
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  } finally {
    await browser.close();
  }
}

/**
 * The dashboard API under load at `scale` appeals (the synthetic city of sql/disputes/synthetic_city.sql):
 * 20 clients cycling through the requests the overview, topic ranking, a topic page and the appeal
 * list make (answers cached per data version, as in use), then 20 clients each searching for a
 * different text (nothing cached); the built client's first view and its bundle size.
 */
export const apiBench: BenchSection = async ({ scale, workDir }) => {
  const dbPath = join(workDir, 'api.duckdb');
  const db = await Database.open(dbPath);
  await db.run('disputes/synthetic_city', { n: scale });
  await db.one('server/user_insert', { username: 'bench', display_name: null, role: 'officer', unit: null, password_hash: await hashPassword(PASSWORD) });
  db.close();

  const clientDir = join(workDir, 'client');
  await build({ configFile: join(ROOT, 'client/vite.config.ts'), logLevel: 'silent', build: { outDir: clientDir, emptyOutDir: true } });
  const bundle = bundleSizes(clientDir);

  console.error(`[bench] api: preparing signals, rollups and the cache at ${scale.toLocaleString('en')} appeals …`);
  const { child, port, warmMs } = await startServer(dbPath, clientDir, join(workDir, 'uploads'));
  try {
    const base = `http://127.0.0.1:${port}`;
    const cookie = await login(base);
    const topics = (await (await fetch(`${base}/api/topics`, { headers: { cookie } })).json()) as { topics: { topicId: number }[] };
    const top = topics.topics[0]?.topicId ?? 0;
    const dashboard = [
      '/api/summary', '/api/facets', '/api/kpis?period=month', '/api/kpis?period=month&byDistrict=true', '/api/topics', `/api/topics/${top}`,
      '/api/appeals?page=1&pageSize=50', `/api/appeals?district=${encodeURIComponent('东城区')}&page=1&pageSize=50`,
    ].map((path) => ({ path }));
    const mixed = await load(base, cookie, dashboard);
    const words = ['推诿', '合成诉求1', '合成诉求2', '合成诉求3', '内容4', '内容5', '问题', '部门', '诉求1', '诉求7'];
    let n = 0;
    const search = await load(base, cookie, [
      { path: '/api/appeals', setupRequest: (req) => ({ ...req, path: `/api/appeals?q=${encodeURIComponent(words[n % words.length])}&page=${1 + (n++ % 50)}&pageSize=50` }) },
    ]);
    const view = await firstView(base, cookie, 5);
    const rows: BenchRow[] = [
      { area: 'api', metric: `cache warm-up after a start or import (${scale.toLocaleString('en')} appeals)`, value: warmMs, unit: 'ms' },
      { area: 'api', metric: `dashboard requests, ${CONNECTIONS} clients, p95`, value: Math.round(mixed.p95), unit: 'ms', target: '≤ 150', ok: mixed.p95 <= 150 },
      { area: 'api', metric: `dashboard requests, ${CONNECTIONS} clients, p50`, value: Math.round(mixed.p50), unit: 'ms' },
      { area: 'api', metric: 'dashboard requests per second', value: mixed.rps, unit: 'req/s' },
      { area: 'api', metric: `uncached text searches, ${CONNECTIONS} clients, p95`, value: Math.round(search.p95), unit: 'ms' },
      { area: 'api', metric: `uncached text searches, ${CONNECTIONS} clients, p50`, value: Math.round(search.p50), unit: 'ms' },
      { area: 'api', metric: 'failed requests under load', value: mixed.errors + search.errors, unit: 'requests', target: '0', ok: mixed.errors + search.errors === 0 },
      { area: 'api', metric: 'client first view interactive (overview cards shown, median of 5)', value: Math.round(view), unit: 'ms', target: '≤ 1500', ok: view <= 1500 },
      { area: 'api', metric: `client bundle loaded at start, gzipped (${bundle.initial} KB raw)`, value: bundle.initialGz, unit: 'KB' },
      { area: 'api', metric: `client bundle in all with the lazy chart chunk, gzipped (${bundle.all} KB raw)`, value: bundle.allGz, unit: 'KB' },
    ];
    return rows;
  } finally {
    child.kill('SIGTERM');
  }
};
