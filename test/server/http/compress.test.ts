import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startServer, type Harness } from '../harness.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET whose body comes back as sent on the wire (fetch would decompress it). */
function raw(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

const decode = (r: Raw) => (r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body);

describe.each([
  ['checked', true],
  ['cached as serialised', false],
])('compressed answers (responses %s)', (_name, validateResponses) => {
  let h: Harness;
  let cookie: string;
  beforeAll(async () => {
    h = await startServer({ config: { validateResponses } });
    cookie = (await Client.signedIn(h.base, 'officer')).cookie;
  });
  afterAll(() => h.close());

  it('sends large JSON brotli- or gzip-compressed as the client asks, the same JSON as uncompressed', async () => {
    const url = `${h.base}/api/kpis?period=month`;
    const plain = await raw(url, { cookie });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    for (const [asked, sent] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip', 'gzip']]) {
      const r = await raw(url, { cookie, 'accept-encoding': asked });
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe(sent);
      expect(r.headers['content-type']).toContain('application/json');
      expect(r.headers.vary).toMatch(/Accept-Encoding/i);
      expect(r.body.length).toBeLessThan(plain.body.length / 3);
      expect(JSON.parse(decode(r).toString())).toEqual(JSON.parse(plain.body.toString()));
    }
  });

  it('leaves small answers and Arrow tables as they are', async () => {
    const health = await raw(`${h.base}/api/health`, { 'accept-encoding': 'br' });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body.toString()).ok).toBe(true);
    const arrow = await raw(`${h.base}/api/summary`, { cookie, accept: 'application/vnd.apache.arrow.stream', 'accept-encoding': 'gzip, br' });
    expect(arrow.headers['content-type']).toContain('application/vnd.apache.arrow.stream');
    expect(arrow.headers['content-encoding']).toBeUndefined();
    expect(tableFromIPC(arrow.body).numRows).toBeGreaterThan(0);
  });

  it('compresses CSV downloads, byte-order mark kept', async () => {
    const r = await raw(`${h.base}/api/appeals/export.csv`, { cookie, 'accept-encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    const text = decode(r).toString();
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\n').length).toBeGreaterThan(2);
  });
});

describe('the built client', () => {
  let h: Harness;
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word${i}`))};\n`;
  beforeAll(async () => {
    h = await startServer({ data: 'none' });
    const assets = join(h.app.ctx.config.clientDir, 'assets');
    mkdirSync(assets, { recursive: true });
    writeFileSync(join(h.app.ctx.config.clientDir, 'index.html'), '<!doctype html><title>built</title>');
    writeFileSync(join(assets, 'app-1.js'), script);
    writeFileSync(join(assets, 'app-1.js.br'), brotliCompressSync(script));
    writeFileSync(join(assets, 'app-1.js.gz'), gzipSync(script));
    writeFileSync(join(assets, 'plain-1.js'), script);
  });
  afterAll(() => h.close());

  it('is sent as the precompressed copy the build wrote, typed as the asset, once compressed', async () => {
    for (const [asked, sent] of [['gzip, deflate, br, zstd', 'br'], ['gzip', 'gzip']]) {
      const r = await raw(`${h.base}/assets/app-1.js`, { 'accept-encoding': asked });
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe(sent);
      expect(r.headers['content-type']).toContain('javascript');
      expect(r.headers['cache-control']).toContain('immutable');
      expect(r.headers['content-security-policy']).toContain("script-src 'self'");
      expect(decode(r).toString()).toBe(script);
    }
    const plain = await raw(`${h.base}/assets/app-1.js`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('compresses an asset without a precompressed copy on the way out', async () => {
    const r = await raw(`${h.base}/assets/plain-1.js`, { 'accept-encoding': 'gzip' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(decode(r).toString()).toBe(script);
    expect((await raw(`${h.base}/assets/missing.js`, { 'accept-encoding': 'br' })).status).toBe(404);
    expect((await raw(`${h.base}/assets/app-1.js.br/..`, { 'accept-encoding': 'br' })).status).toBe(404);
  });
});
