import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARROW, ARROW_META } from '../../../server/http/arrow.js';
import { refreshSignals } from '../../../pipelines/disputes/signals.js';
import { Client, UNIT_A, UNIT_B, startServer, type Harness } from '../harness.js';

let h: Harness;
let officer: Client;
let headA: Client;
beforeAll(async () => {
  h = await startServer();
  officer = await Client.signedIn(h.base, 'officer');
  headA = await Client.signedIn(h.base, 'headA');
});
afterAll(() => h.close());

const ids = (body: { rows: { appealId: string }[] }) => body.rows.map((r) => r.appealId).sort();
const search = (c: Client, params: Record<string, string>) => c.json(`/api/appeals?${new URLSearchParams(params)}`);

describe('appeal search', () => {
  it('lists every appeal newest first, masked as imported', async () => {
    const body = await search(officer, {});
    expect(body.total).toBe(8);
    expect(body.outsideScope).toBeNull();
    expect(body.rows.map((r: { appealId: string }) => r.appealId)).toEqual(['GD008', 'GD007', 'GD006', 'GD005', 'GD004', 'GD003', 'GD002', 'GD001']);
    const gd001 = body.rows.find((r: { appealId: string }) => r.appealId === 'GD001');
    expect(gd001.snippet).toContain('[电话]');
    expect(JSON.stringify(body)).not.toContain('13812345678');
  });

  it('filters by platform, district, unit involved, dates and text', async () => {
    expect(ids(await search(officer, { district: '西城区' }))).toEqual(['GD002', 'GD005', 'GD006']);
    expect(ids(await search(officer, { unit: UNIT_A }))).toEqual(['GD001', 'GD003', 'GD004']);
    expect(ids(await search(officer, { from: '2025-04-08', to: '2025-04-15' }))).toEqual(['GD006', 'GD007']);
    expect(ids(await search(officer, { q: '暖气' }))).toEqual(['GD002']);
    expect(ids(await search(officer, { q: 'night' }))).toEqual(['GD006']);
    // case is ignored in letters, whatever else the words hold; text without letters is matched as typed
    expect(ids(await search(officer, { q: 'a_17不亮' }))).toEqual(['GD005']);
    expect(ids(await search(officer, { q: '17不亮' }))).toEqual(['GD005']);
    expect((await search(officer, { platform: '110' })).total).toBe(0);
    expect((await search(officer, { platform: '12345', district: '东城区', q: '促销' })).rows.map((r: { appealId: string }) => r.appealId)).toEqual(['GD004']);
  });

  it('says of an appeal without a handling unit whom it was last sent to, and what came of it', async () => {
    // as an export of open orders gives it: no 承办单位 yet, the transfer log has the dispatches
    await h.db.query("UPDATE appeals SET handling_unit = NULL WHERE appeal_id = 'GD003'");
    try {
      const [row] = (await search(officer, { q: '互相推诿' })).rows;
      expect(row).toMatchObject({ appealId: 'GD003', handlingUnit: null, sentTo: UNIT_B, sentOutcome: 'accepted' });
      // with a handling unit, the export's own word stands
      expect((await search(officer, { q: '暖气' })).rows[0]).toMatchObject({ handlingUnit: UNIT_B, sentTo: null, sentOutcome: null });
    } finally {
      await h.db.query('UPDATE appeals SET handling_unit = $1 WHERE appeal_id = $2', [UNIT_B, 'GD003']);
    }
  });

  it('pages, and a page past the end is empty but keeps the total', async () => {
    const first = await search(officer, { pageSize: '3', page: '1', sort: 'oldest' });
    const second = await search(officer, { pageSize: '3', page: '2', sort: 'oldest' });
    expect(first.rows.map((r: { appealId: string }) => r.appealId)).toEqual(['GD001', 'GD002', 'GD003']);
    expect(second.rows.map((r: { appealId: string }) => r.appealId)).toEqual(['GD004', 'GD005', 'GD006']);
    const past = await search(officer, { pageSize: '3', page: '9' });
    expect(past.rows).toEqual([]);
    expect(past.total).toBe(8);
  });

  it('treats injection attempts and wildcards in every filter as plain text', async () => {
    const attacks = [`' OR 1=1 --`, `'; DROP TABLE appeals; --`, `%`, `_`, `%' OR '%'='`, `\\`, `"`];
    for (const field of ['q', 'platform', 'district', 'unit']) {
      for (const value of attacks) {
        const body = await search(officer, { [field]: value });
        const expected = field === 'q' && value === '%' ? ['GD004'] : field === 'q' && value === '_' ? ['GD005'] : [];
        expect(ids(body), `${field}=${value}`).toEqual(expected);
      }
    }
    expect(ids(await search(officer, { q: `O'Brien` }))).toEqual(['GD006']);
    expect((await officer.get(`/api/appeals?topic=${encodeURIComponent('1 OR 1=1')}`)).status).toBe(400);
    expect((await officer.get(`/api/appeals?from=${encodeURIComponent("2025-01-01' OR '1'='1")}`)).status).toBe(400);
    expect((await search(officer, {})).total).toBe(8);
  });

  it('answers malformed input with 400 and a message naming the field, never a stack trace', async () => {
    const cases: [string, RegExp][] = [
      ['pageSize=0', /query\.pageSize/],
      ['pageSize=100000', /query\.pageSize/],
      ['page=abc', /query\.page/],
      ['from=2025-13-01', /query\.from/],
      ['from=2025-05-01&to=2025-04-01', /from must not be after to/],
      ['district=a&district=b', /query\.district/],
      ['sort=sideways', /query\.sort/],
      [`q=${'x'.repeat(201)}`, /query\.q/],
    ];
    for (const [qs, message] of cases) {
      const res = await officer.get(`/api/appeals?${qs}`);
      expect(res.status, qs).toBe(400);
      const body = await res.json();
      expect(body.error).toBe('invalid_request');
      expect(body.message).toMatch(message);
      expect(JSON.stringify(body)).not.toMatch(/\.ts:\d+|node_modules|\n\s+at /);
    }
  });

  it('sends the same rows as an Arrow IPC stream when asked, with the totals in the schema metadata', async () => {
    const json = await search(officer, { pageSize: '5' });
    const res = await officer.get('/api/appeals?pageSize=5', { accept: ARROW });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(ARROW);
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(table.numRows).toBe(5);
    expect(table.toArray().map((r) => r.toJSON())).toEqual(json.rows);
    expect(JSON.parse(table.schema.metadata.get(ARROW_META)!)).toEqual({ page: 1, pageSize: 5, total: 8, outsideScope: null });
    expect(String(table.schema.fields.find((f) => f.name === 'topicId')!.type)).toBe('Int32');
    // browsers send */*: JSON
    expect((await officer.get('/api/appeals?pageSize=5', { accept: '*/*' })).headers.get('content-type')).toContain('application/json');
  });
});

describe('CSV export', () => {
  it('downloads the matching appeals with a BOM for Excel, and logs the export', async () => {
    const res = await officer.get(`/api/appeals/export.csv?district=${encodeURIComponent('东城区')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('appeals.csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('platform,appeal_id,received_at,district,channel,title,content,handling_unit,status,reply,topic_id,topic_label');
    expect(lines.slice(1).map((l) => l.split(',')[1]).sort()).toEqual(['GD001', 'GD003', 'GD004']);
    expect(text).not.toContain('13812345678');
    const admin = await Client.signedIn(h.base, 'admin');
    const log = await admin.json('/api/users/audit?action=export');
    expect(log.rows[0]).toMatchObject({ who: 'officer', what: 'appeals.csv' });
    expect(JSON.parse(log.rows[0].details)).toMatchObject({ rows: 3, filters: { district: '东城区' } });
  });

  it('exports only a unit head’s own appeals', async () => {
    const text = await (await headA.get('/api/appeals/export.csv')).text();
    expect(text.trim().split('\r\n').slice(1).map((l) => l.split(',')[1]).sort()).toEqual(['GD001', 'GD003', 'GD004']);
  });
});

describe('one appeal', () => {
  it('shows the full record with its transfer chain in order', async () => {
    const body = await officer.json('/api/appeals/12345/GD003');
    expect(body.appeal).toMatchObject({ appealId: 'GD003', district: '东城区', handlingUnit: '西城区住房和城乡建设局' });
    expect(body.transfers.map((t: { seq: number; toParty: string; outcome: string }) => [t.seq, t.toParty, t.outcome])).toEqual([
      [1, UNIT_A, 'returned'],
      [2, '西城区住房和城乡建设局', 'accepted'],
    ]);
    expect(body.transfers[0].reason).toBe('不属于我单位职责');
    expect(body.transfers[1].acceptMinutes).toBe(60);
  });

  it("shows the unit's reply, and a functional return told only there", async () => {
    const reply = '经核实，不属于我单位职责，建议由住建部门处理。';
    await h.db.query('UPDATE appeals SET reply = $1 WHERE appeal_id = $2', [reply, 'GD001']);
    await refreshSignals(h.db);
    const body = await officer.json('/api/appeals/12345/GD001');
    expect(body.appeal.reply).toBe(reply);
    expect(body.signals).toMatchObject({ functionalReturn: true, functionalReturnInReply: true });
    // a return in the transfer log is not one told in the reply
    expect((await officer.json('/api/appeals/12345/GD003')).signals).toMatchObject({ functionalReturn: true, functionalReturnInReply: false });
    // the export carries it, under the field's own name, so the file imports back with it
    const exported = await (await officer.get(`/api/appeals/export.csv?district=${encodeURIComponent(body.appeal.district)}`)).text();
    expect(exported.split('\r\n').find((l) => l.includes(',GD001,'))).toContain(`,${reply},`);
  });

  it('answers 404 for an unknown appeal', async () => {
    expect((await officer.get('/api/appeals/12345/NOPE')).status).toBe(404);
  });
});

describe('unit head scope', () => {
  it('lists only appeals the unit handled, received or passed on, and counts the rest', async () => {
    const body = await search(headA, {});
    expect(ids(body)).toEqual(['GD001', 'GD003', 'GD004']);
    expect(body.total).toBe(3);
    expect(body.outsideScope).toBe(5);
    const filtered = await search(headA, { district: '西城区' });
    expect(filtered.rows).toEqual([]);
    expect(filtered.outsideScope).toBe(3);
  });

  it('reads its own appeals in full, including one it returned, and no other', async () => {
    expect((await headA.get('/api/appeals/12345/GD003')).status).toBe(200);
    const other = await headA.get('/api/appeals/12345/GD002');
    expect(other.status).toBe(403);
    const body = await other.json();
    expect(body.error).toBe('out_of_scope');
    expect(JSON.stringify(body)).not.toContain('暖气');
  });
});
