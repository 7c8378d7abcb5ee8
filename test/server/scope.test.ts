import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KPIS } from '../../pipelines/kpis/index.js';
import { APPEALS, Client, UNIT_B, startServer, type Harness } from './harness.js';

// GD002 was handled by unit B only: unit A's head may count it, never read it.
const SECRET = APPEALS.find((a) => a[0] === 'GD002')!;
const leaks = (text: string) => text.includes(SECRET[4]) || text.includes(SECRET[3]) || text.includes('GD002');

let h: Harness;
let headA: Client;
beforeAll(async () => {
  h = await startServer();
  headA = await Client.signedIn(h.base, 'headA');
});
afterAll(() => h.close());

/** Values for path parameters that aim at the secret appeal (or at anything, where it has no id). */
const PATH_VALUES: Record<string, string[]> = {
  platform: ['12345'],
  appealId: ['GD002'],
  kpi: KPIS.map((k) => k.id),
  topicId: ['0', '1'],
  importId: ['1', '2'],
  userId: ['1'],
  uploadId: ['00000000-0000-0000-0000-000000000000'],
  jobId: ['00000000-0000-0000-0000-000000000000'],
};
/** Query values that narrow every filter onto the secret appeal. */
const QUERY = new URLSearchParams({ district: '西城区', q: '暖气', unit: UNIT_B, platform: '12345', period: 'month', start: '2025-03-01', from: '2025-03-01', to: '2025-03-31', pageSize: '500', eligibleOnly: 'false' });

function expand(path: string): string[] {
  let urls = [path];
  for (const [name, values] of Object.entries(PATH_VALUES)) {
    urls = urls.flatMap((u) => (u.includes(`:${name}`) ? values.map((v) => u.replace(`:${name}`, encodeURIComponent(v))) : [u]));
  }
  return urls;
}

describe('a unit head and another unit’s appeal', () => {
  it('is readable by an officer (so the routes below could show it)', async () => {
    const res = await (await Client.signedIn(h.base, 'officer')).get('/api/appeals?q=暖气');
    expect(leaks(await res.text())).toBe(true);
  });

  it('is never shown in full by any GET route, with filters aimed at it', async () => {
    const routes = h.app.routes.filter((r) => r.method === 'get');
    let requests = 0;
    for (const route of routes) {
      for (const url of expand(route.fullPath)) {
        for (const qs of ['', `?${QUERY}`]) {
          for (const accept of ['application/json', 'application/vnd.apache.arrow.stream']) {
            const res = await headA.get(url + qs, { accept });
            const body = Buffer.from(await res.arrayBuffer()).toString('utf8');
            expect(leaks(body), `GET ${url}${qs} (${accept}) → ${res.status}`).toBe(false);
            requests++;
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(routes.length * 2);
  });

  it('is never shown by any state-changing route either', async () => {
    for (const route of h.app.routes.filter((r) => r.method !== 'get' && !r.fullPath.endsWith('/logout'))) {
      for (const url of expand(route.fullPath)) {
        const res = await headA.request(route.method.toUpperCase(), url, { body: { q: '暖气', search: '暖气', appeals: [{ platform: '12345', appealId: 'GD002' }] } });
        expect(leaks(await res.text()), `${route.method} ${url} → ${res.status}`).toBe(false);
      }
    }
  });

  it('still counts in the aggregates the unit head sees', async () => {
    const body = await headA.json(`/api/appeals?${new URLSearchParams({ q: '暖气' })}`);
    expect(body.rows).toEqual([]);
    expect(body.outsideScope).toBe(1);
    const summary = await headA.json('/api/summary');
    expect(summary.totals.appeals).toBe(APPEALS.length);
  });
});
