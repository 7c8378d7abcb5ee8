import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiPath } from '../../../server/http/openapi.js';
import { Client, startServer, type Harness } from '../harness.js';

let h: Harness;
let doc: { openapi: string; paths: Record<string, Record<string, { parameters: { name: string; in: string }[]; responses: Record<string, unknown>; security?: unknown[] }>> };
beforeAll(async () => {
  h = await startServer({ data: 'none' });
  const res = await fetch(`${h.base}/api/openapi.json`);
  expect(res.status).toBe(200);
  doc = await res.json();
});
afterAll(() => h.close());

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every (method, path) Express itself will answer, found by walking the router stacks. */
function expressRoutes(app: Express): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) for (const m of Object.keys(layer.route.methods)) out.push({ method: m, path: layer.route.path });
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}

const operations = () => Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

describe('OpenAPI document', () => {
  it('documents exactly the API routes Express serves', () => {
    const api = expressRoutes(h.app.app).filter((r) => r.path !== '/{*rest}');
    const ops = operations();
    expect(ops.length).toBe(api.length);
    for (const r of api) {
      const match = ops.filter((o) => o.method === r.method && (r.path === '/' || o.path.endsWith(openApiPath(r.path))));
      expect(match.length, `${r.method} ${r.path}`).toBeGreaterThan(0);
    }
  });

  it('declares every path parameter, a 200 answer and the error answers', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const { path, method, op } of operations()) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name).sort(), `${method} ${path}`).toEqual(names.sort());
      expect(op.responses['200'], `${method} ${path}`).toBeDefined();
      expect(op.responses['400'], `${method} ${path}`).toBeDefined();
    }
  });

  it('offers Arrow for the appeal list and KPI table, with the same columns as the JSON rows', () => {
    const content = (doc.paths['/api/appeals'].get.responses['200'] as { content: Record<string, unknown> }).content;
    expect(Object.keys(content).sort()).toEqual(['application/json', 'application/vnd.apache.arrow.stream']);
    expect((doc.paths['/api/kpis/table'].get.responses['200'] as { content: Record<string, unknown> }).content).toHaveProperty(['application/vnd.apache.arrow.stream']);
  });

  it('declares the document types a download is sent in, and CSV for the appeal export', () => {
    const types = (path: string) => Object.keys((doc.paths[path].get.responses['200'] as { content: Record<string, unknown> }).content).sort();
    for (const path of ['/api/documents/agenda', '/api/documents/minutes', '/api/documents/unit', '/api/documents/operation']) {
      expect(types(path), path).toEqual([
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'text/html; charset=utf-8',
      ]);
    }
    expect(types('/api/appeals/export.csv')).toEqual(['text/csv']);
  });

  it('declares 409 with its reason on the routes whose record state can refuse a valid request, and on no read', () => {
    const conflicts = operations().filter(({ op }) => op.responses['409']).map(({ method, path }) => `${method} ${path}`);
    expect(conflicts).toEqual(expect.arrayContaining([
      'post /api/meetings/{meetingId}/status',
      'post /api/meetings/{meetingId}/items',
      'post /api/meetings/{meetingId}/items/{itemId}/decisions',
      'post /api/users',
      'post /api/topics/{topicId}/merge',
    ]));
    expect(conflicts.filter((c) => c.startsWith('get ')).length).toBe(0);
    expect(conflicts).not.toContain('post /api/meetings');
  });

  it('matches what the server does: every route not marked public answers 401 without a session', async () => {
    const anonymous = new Client(h.base);
    for (const { path, method, op } of operations()) {
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => (name.endsWith('Id') && name !== 'appealId' ? (name === 'uploadId' || name === 'jobId' ? '00000000-0000-0000-0000-000000000000' : '1') : 'x'));
      const res = await anonymous.request(method.toUpperCase(), url, method === 'get' ? {} : { body: {} });
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      if (isPublic) expect(res.status, `${method} ${path}`).not.toBe(401);
      else expect(res.status, `${method} ${path}`).toBe(401);
    }
  });
});
