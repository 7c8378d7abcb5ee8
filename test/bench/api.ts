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

/** Total size of built files (paths under the client folder), raw and gzipped, in KB. */
function sizes(dir: string, files: string[]): { raw: number; gz: number } {
  const kb = (n: number) => Math.round(n / 1024);
  return {
    raw: kb(files.reduce((n, f) => n + statSync(join(dir, f)).size, 0)),
    gz: kb(files.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f))).length, 0)),
  };
}

/**
 * Milliseconds from navigation start until the overview shows its KPI cards and the page is free
 * to respond (the first animation frame after they appear: a long task such as parsing the chart
 * library delays it), median of `runs`; and the scripts and styles loaded by then.
 */
async function firstView(base: string, cookie: string, runs: number): Promise<{ ms: number; files: string[] }> {
  const browser = await launch();
  try {
    const times: number[] = [];
    let files: string[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const [name, value] = cookie.split('=');
      await context.addCookies([{ name, value, url: base }]);
      const page = await context.newPage();
      await page.goto(`${base}/#/overview`);
      const shown = await page.waitForFunction(() => (document.querySelector('.card-value') ? performance.now() : 0), undefined, { polling: 'raf', timeout: 30_000 });
      const at = (await shown.jsonValue()) as number;
      times.push(at);
      files = await page.evaluate(
        (until) => performance.getEntriesByType('resource').filter((e) => e.startTime <= until && /\/assets\/.+\.(js|css)$/.test(e.name)).map((e) => new URL(e.name).pathname.slice(1)),
        at,
      );
      await context.close();
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)], files };
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
  const allFiles = readdirSync(join(clientDir, 'assets')).map((f) => join('assets', f));

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
    // text × start date × page: 15,000 different searches, more than the run makes, so none hits the cache
    const words = ['推诿', '合成诉求1', '合成诉求2', '合成诉求3', '内容4', '内容5', '问题', '部门', '诉求1', '诉求7'];
    let n = 0;
    const search = await load(base, cookie, [
      {
        path: '/api/appeals',
        setupRequest: (req) => {
          const i = n++;
          const from = new Date(Date.UTC(2025, 0, 1 + (i % 300))).toISOString().slice(0, 10);
          const word = words[Math.floor(i / 300) % words.length];
          return { ...req, path: `/api/appeals?q=${encodeURIComponent(word)}&from=${from}&page=${1 + (Math.floor(i / 3000) % 5)}&pageSize=50` };
        },
      },
    ]);
    const view = await firstView(base, cookie, 5);
    const first = sizes(clientDir, view.files);
    const all = sizes(clientDir, allFiles);
    const rows: BenchRow[] = [
      { area: 'api', metric: `cache warm-up after a start or import (${scale.toLocaleString('en')} appeals)`, value: warmMs, unit: 'ms' },
      { area: 'api', metric: `dashboard requests, ${CONNECTIONS} clients, p95`, value: Math.round(mixed.p95), unit: 'ms', target: '≤ 150', ok: mixed.p95 <= 150 },
      { area: 'api', metric: `dashboard requests, ${CONNECTIONS} clients, p50`, value: Math.round(mixed.p50), unit: 'ms' },
      { area: 'api', metric: 'dashboard requests per second', value: mixed.rps, unit: 'req/s' },
      { area: 'api', metric: `appeal searches, all different, ${CONNECTIONS} clients, p95`, value: Math.round(search.p95), unit: 'ms' },
      { area: 'api', metric: `appeal searches, all different, ${CONNECTIONS} clients, p50`, value: Math.round(search.p50), unit: 'ms' },
      { area: 'api', metric: 'failed requests under load', value: mixed.errors + search.errors, unit: 'requests', target: '0', ok: mixed.errors + search.errors === 0 },
      { area: 'api', metric: 'client first view interactive (overview cards shown, median of 5)', value: Math.round(view.ms), unit: 'ms', target: '≤ 1500', ok: view.ms <= 1500 },
      { area: 'api', metric: `client code loaded for the first view, gzipped (${first.raw} KB raw, ${view.files.length} files)`, value: first.gz, unit: 'KB' },
      { area: 'api', metric: `client bundle in all, with the lazily loaded charts, gzipped (${all.raw} KB raw)`, value: all.gz, unit: 'KB' },
    ];
    return rows;
  } finally {
    child.kill('SIGTERM');
  }
};
