import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
function startServer(dbPath: string, clientDir: string, workDir: string): Promise<{ child: ChildProcess; port: number; warmMs: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/bench/api-server.ts'), dbPath, clientDir, workDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
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

async function login(base: string, username = 'bench'): Promise<string> {
  return (await signIn(base, username)).cookie;
}

async function signIn(base: string, username: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`bench login of ${username} failed: ${res.status}`);
  return { cookie: res.headers.getSetCookie()[0].split(';')[0], csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

const IMPORT_ROWS = 50_000;

/**
 * Imports IMPORT_ROWS new work orders through the upload API while one client cycles through
 * dashboard reads (and signs in every tenth turn): their latencies, the import's duration, and
 * how many of the appeal counts it checked meanwhile showed any of the import (none should).
 */
async function readsDuringImport(base: string, cookie: string, dashboard: { path: string }[]): Promise<{ reads: number[]; logins: number[]; seconds: number; checked: number; changed: number }> {
  const admin = await signIn(base, 'benchadmin');
  const lines = Array.from({ length: IMPORT_ROWS }, (_, i) => `BENCH${String(i).padStart(7, '0')},2025/6/${1 + (i % 28)} 9:00,西城区,第${i}号井盖丢失，多个部门互相推诿,西城区住房和城乡建设局`);
  const form = new FormData();
  form.append('file', new Blob([['工单编号,来电时间,所属区县,诉求内容,承办单位', ...lines].join('\n')]), 'bench.csv');
  const upload = (await (await fetch(`${base}/api/imports/uploads`, { method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, body: form })).json()) as { uploadId: string };
  const appeals = async () => ((await (await fetch(`${base}/api/summary`, { headers: { cookie } })).json()) as { totals: { appeals: number } }).totals.appeals;
  const before = await appeals();
  const started = performance.now();
  const run = await fetch(`${base}/api/imports/uploads/${upload.uploadId}/run`, { method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' }, body: '{}' });
  const { jobId } = (await run.json()) as { jobId: string };
  const reads: number[] = [];
  const logins: number[] = [];
  let checked = 0;
  let changed = 0;
  for (let i = 0; ; i++) {
    const t = performance.now();
    const res = await fetch(base + dashboard[i % dashboard.length].path, { headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } });
    await res.arrayBuffer();
    const ms = performance.now() - t;
    if (i % 10 === 9) {
      const s = performance.now();
      await login(base);
      logins.push(performance.now() - s);
    }
    const job = (await (await fetch(`${base}/api/imports/jobs/${jobId}`, { headers: { cookie: admin.cookie } })).json()) as { state: string };
    if (job.state !== 'queued' && job.state !== 'running') {
      if (job.state !== 'done') throw new Error(`the bench import ended ${job.state}`);
      break;
    }
    reads.push(ms);
    if (i % 10 === 0) {
      checked++;
      if ((await appeals()) !== before) changed++;
    }
  }
  return { reads: reads.sort((a, b) => a - b), logins: logins.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000, checked, changed };
}

/**
 * Backs the database up through the API while one client cycles through dashboard reads: the
 * backup's duration and size, and the reads' latencies meanwhile.
 */
async function readsDuringBackup(base: string, cookie: string, dashboard: { path: string }[]): Promise<{ reads: number[]; seconds: number; mb: number }> {
  const admin = await signIn(base, 'benchadmin');
  const started = performance.now();
  let finished = false;
  const backup = fetch(`${base}/api/backups`, { method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' }, body: '{}' }).then(async (res) => {
    finished = true;
    if (res.status !== 200) throw new Error(`the bench backup answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { bytes: number; durationMs: number };
  });
  const reads: number[] = [];
  for (let i = 0; !finished; i++) {
    const t = performance.now();
    await (await fetch(base + dashboard[i % dashboard.length].path, { headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } })).arrayBuffer();
    if (!finished) reads.push(performance.now() - t);
  }
  const report = await backup;
  return { reads: reads.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000, mb: report.bytes / 1e6 };
}

/** Latencies (ms) of `connections` clients cycling through `requests` for `seconds`. */
async function load(base: string, cookie: string, requests: autocannon.Request[]): Promise<{ p50: number; p95: number; rps: number; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  // the encodings a browser takes: big answers go compressed, as in use
  const headers = { cookie, accept: 'application/json', 'accept-encoding': 'gzip, deflate, br' };
  const instance = autocannon({ url: base, connections: CONNECTIONS, duration: SECONDS, headers, requests }) as unknown as Promise<autocannon.Result> & NodeJS.EventEmitter;
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status !== 200) errors++;
    times.push(ms);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), rps: Math.round(result.requests.average), errors: errors + result.errors + result.non2xx };
}

/** Total size of built files (paths under the client folder), raw and as the server sends them (the build's brotli copies), in KB. */
function sizes(dir: string, files: string[]): { raw: number; sent: number } {
  const kb = (n: number) => Math.round(n / 1024);
  const size = (f: string) => statSync(join(dir, f)).size;
  return {
    raw: kb(files.reduce((n, f) => n + size(f), 0)),
    sent: kb(files.reduce((n, f) => n + (existsSync(join(dir, `${f}.br`)) ? size(`${f}.br`) : size(f)), 0)),
  };
}

/**
 * Milliseconds from navigation start until the overview shows its KPI cards and the page is free
 * to respond (the first animation frame after they appear: a long task such as parsing the chart
 * library delays it), median of `runs`; the scripts and styles loaded by then, and the bytes
 * the page received by then (compressed, as sent). The browser is one that has signed in before:
 * it holds the session cookie and the client's signed-in hint (client/src/lib/session.svelte.ts).
 */
async function firstView(base: string, cookie: string, runs: number): Promise<{ ms: number; files: string[]; received: number }> {
  const browser = await launch();
  try {
    const times: number[] = [];
    let files: string[] = [];
    let received = 0;
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, storageState: { cookies: [], origins: [{ origin: base, localStorage: [{ name: 'linkage.signedIn', value: '1' }] }] } });
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
      received = await page.evaluate(
        (until) => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.responseEnd <= until).reduce((n, e) => n + e.encodedBodySize, 0),
        at,
      );
      await context.close();
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)], files, received };
  } finally {
    await browser.close();
  }
}

/**
 * The dashboard API under load at `scale` appeals (the synthetic city of sql/disputes/synthetic_city.sql):
 * 20 clients cycling through the requests the overview, topic ranking, a topic page and the appeal
 * list make (answers cached per data version, as in use), then 20 clients each searching for a
 * different text (nothing cached); the built client's first view and its bundle size; then reads
 * and sign-ins while an import runs.
 */
export const apiBench: BenchSection = async ({ scale, workDir }) => {
  const dbPath = join(workDir, 'api.duckdb');
  const db = await Database.open(dbPath);
  await db.run('disputes/synthetic_city', { n: scale });
  const hash = await hashPassword(PASSWORD);
  await db.one('server/user_insert', { username: 'bench', display_name: null, role: 'officer', unit: null, password_hash: hash });
  await db.one('server/user_insert', { username: 'benchadmin', display_name: null, role: 'admin', unit: null, password_hash: hash });
  db.close();

  const clientDir = join(workDir, 'client');
  await build({ configFile: join(ROOT, 'client/vite.config.ts'), logLevel: 'silent', build: { outDir: clientDir, emptyOutDir: true } });
  const allFiles = readdirSync(join(clientDir, 'assets'))
    .filter((f) => !/\.(br|gz)$/.test(f))
    .map((f) => join('assets', f));

  console.error(`[bench] api: preparing signals, rollups and the cache at ${scale.toLocaleString('en')} appeals …`);
  const { child, port, warmMs } = await startServer(dbPath, clientDir, workDir);
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
    const during = await readsDuringImport(base, cookie, dashboard);
    const backup = await readsDuringBackup(base, cookie, dashboard);
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
      { area: 'api', metric: `import of ${IMPORT_ROWS.toLocaleString('en')} work orders through the API, with reads beside it`, value: Math.round(during.seconds), unit: 's' },
      { area: 'api', metric: `dashboard reads while it runs (${during.reads.length}), one client, p95`, value: Math.round(percentile(during.reads, 95)), unit: 'ms' },
      { area: 'api', metric: 'dashboard reads while it runs, slowest', value: Math.round(during.reads.at(-1) ?? 0), unit: 'ms' },
      { area: 'api', metric: `sign-ins while it runs (${during.logins.length}), p95`, value: Math.round(percentile(during.logins, 95)), unit: 'ms' },
      { area: 'api', metric: `appeal counts read during the import (${during.checked}) that showed any of it`, value: during.changed, unit: 'reads', target: '0', ok: during.changed === 0 },
      { area: 'api', metric: `backup of the whole database through the API (${Math.round(backup.mb)} MB file), with reads beside it`, value: Math.round(backup.seconds * 1000), unit: 'ms' },
      { area: 'api', metric: `dashboard reads while it runs (${backup.reads.length}), one client, p95`, value: Math.round(percentile(backup.reads, 95)), unit: 'ms' },
      { area: 'api', metric: 'client first view interactive (overview cards shown, median of 5)', value: Math.round(view.ms), unit: 'ms', target: '≤ 1500', ok: view.ms <= 1500 },
      { area: 'api', metric: `client code loaded for the first view, as sent (brotli; ${first.raw} KB raw, ${view.files.length} files)`, value: first.sent, unit: 'KB' },
      { area: 'api', metric: 'everything the first view received (code and API answers, as sent)', value: Math.round(view.received / 1024), unit: 'KB' },
      { area: 'api', metric: `client bundle in all, with the lazily loaded charts, as sent (brotli; ${all.raw} KB raw)`, value: all.sent, unit: 'KB' },
    ];
    return rows;
  } finally {
    child.kill('SIGTERM');
  }
};
