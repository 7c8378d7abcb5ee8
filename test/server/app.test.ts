import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startServer, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startServer({ data: 'none' });
});
afterAll(() => h.close());

describe('the app', () => {
  it('answers health without a session', async () => {
    const body = await (await fetch(`${h.base}/api/health`)).json();
    expect(body).toMatchObject({ ok: true, busy: false, seeding: false, clientBuilt: false });
  });

  it('answers malformed JSON with 400 and unknown API paths with a JSON 404', async () => {
    const c = await Client.signedIn(h.base, 'admin');
    const bad = await c.request('POST', '/api/users', { raw: '{"username": ', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'invalid_request', message: 'the request body is not valid JSON' });
    const missing = await c.get('/api/nothing/here');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toBe('not_found');
  });

  it('sends security headers and no-store on API answers', async () => {
    const res = await fetch(`${h.base}/api/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('explains how to build the client when it is missing, then serves it with client-side routes', async () => {
    const res = await fetch(`${h.base}/overview`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
    const dir = h.app.ctx.config.clientDir;
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>built</title>');
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    expect(await (await fetch(`${h.base}/topics/12`)).text()).toContain('built');
    const asset = await fetch(`${h.base}/assets/app-1234.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${h.base}/assets/missing.js`)).status).toBe(404);
    const escape = await fetch(`${h.base}/assets/..%2f..%2fpackage.json`);
    expect([403, 404]).toContain(escape.status);
    expect(await escape.text()).not.toContain('linkage-insight');
  });

  it('sends cached answers as they were serialised when responses are not checked', async () => {
    const plain = await startServer({ data: 'fixture', config: { validateResponses: false } });
    try {
      const c = await Client.signedIn(plain.base, 'officer');
      const first = await c.get('/api/summary');
      const second = await c.get('/api/summary');
      expect(second.headers.get('content-type')).toContain('application/json');
      const [a, b] = [await first.json(), await second.json()];
      expect(b).toEqual(a);
      expect(b.totals.appeals).toBe(8);
    } finally {
      await plain.close();
    }
  });

  it('answers an internal failure with 500 and a reference, logging the stack on the server only', async () => {
    const c = await Client.signedIn(h.base, 'officer');
    await h.app.ctx.lock.write(() => h.db.exec('ALTER TABLE import_runs RENAME TO import_runs_gone'));
    try {
      const res = await c.get('/api/summary');
      expect(res.status).toBe(500);
      const body = await res.json();
      expect(body.error).toBe('internal');
      const ref = /reference (\w+)/.exec(body.message)![1];
      expect(JSON.stringify(body)).not.toMatch(/\.ts|at |Catalog/);
      expect(h.logs.some((l) => l.includes(ref) && l.includes('import_runs'))).toBe(true);
    } finally {
      await h.app.ctx.lock.write(() => h.db.exec('ALTER TABLE import_runs_gone RENAME TO import_runs'));
    }
  });
});
