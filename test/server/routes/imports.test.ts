import { readdirSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startServer, type Harness } from '../harness.js';

let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await startServer({ config: { maxUploadBytes: 64 * 1024 } });
  admin = await Client.signedIn(h.base, 'admin');
});
afterAll(() => h.close());

const CSV = [
  '工单编号,来电时间,所属区县,诉求内容,承办单位',
  'NEW001,2025/5/1 9:00,东城区,噪音扰民，电话13900001111,东城区城市管理综合执法局',
  'NEW002,2025/5/2 10:00,西城区,井盖丢失,西城区住房和城乡建设局',
  'NEW003,not a date,西城区,垃圾清运不及时,西城区住房和城乡建设局',
].join('\n');

function upload(c: Client, content: string | Uint8Array, name: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  return c.request('POST', '/api/imports/uploads', { raw: form });
}

async function finished(c: Client, jobId: string) {
  for (;;) {
    const job = await c.json(`/api/imports/jobs/${jobId}`);
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('upload and preview', () => {
  it('infers kind and mapping from the headers and shows masked sample rows', async () => {
    const res = await upload(admin, CSV, '工单.csv');
    expect(res.status).toBe(200);
    const p = await res.json();
    expect(p).toMatchObject({ fileName: '工单.csv', format: 'csv', kind: 'appeals', missing: [] });
    expect(p.mapping.fields).toMatchObject({ appeal_id: '工单编号', received_at: '来电时间', content: '诉求内容', handling_unit: '承办单位' });
    expect(p.sample).toHaveLength(3);
    expect(JSON.stringify(p.sample)).not.toContain('13900001111');
    expect(p.fields.find((f: { name: string }) => f.name === 'content').required).toBe(true);
  });

  it('previews a corrected mapping and names the required fields it leaves out', async () => {
    const p = await (await upload(admin, CSV, 'a.csv')).json();
    const { content: _, ...rest } = p.mapping.fields;
    const res = await admin.post(`/api/imports/uploads/${p.uploadId}/preview`, { mapping: { ...p.mapping, fields: rest } });
    expect(res.status).toBe(200);
    expect((await res.json()).missing).toEqual(['content']);
    // a column the file lacks: named before the import, as the import would word it
    const absent = await admin.post(`/api/imports/uploads/${p.uploadId}/preview`, { mapping: { ...p.mapping, fields: { ...p.mapping.fields, street: '所属街道' } } });
    expect(await absent.json()).toMatchObject({ missing: [], warnings: [{ field: 'street', columns: ['所属街道'], constant: null }], columns: { 所属街道: null, 诉求内容: '诉求内容' } });
  });

  it('keeps the client file name as a label only: files land under random names in the upload folder', async () => {
    const p = await (await upload(admin, CSV, '../../../etc/evil.csv')).json();
    expect(p.fileName).toBe('evil.csv');
    for (const f of readdirSync(`${h.dir}/uploads`)) expect(f).toMatch(/^[0-9a-f-]{36}(\.csv)?$/);
  });

  it('refuses files over the size limit with 413, and non-admins with 403', async () => {
    const big = await upload(admin, 'x'.repeat(100 * 1024), 'big.csv');
    expect(big.status).toBe(413);
    expect((await big.json()).message).toMatch(/larger than the upload limit/);
    const officer = await Client.signedIn(h.base, 'officer');
    expect((await upload(officer, CSV, 'a.csv')).status).toBe(403);
  });

  it('answers 422 with the importer’s reason for a file it cannot read, and 400 for bad options', async () => {
    const bin = await upload(admin, new Uint8Array([0, 1, 2, 0, 0, 5]), 'x.bin');
    expect(bin.status).toBe(422);
    expect((await bin.json()).message).toMatch(/binary/);
    const p = await (await upload(admin, CSV, 'a.csv')).json();
    const preset = await admin.post(`/api/imports/uploads/${p.uploadId}/preview`, { preset: 'no-such-preset' });
    expect(preset.status).toBe(422);
    expect((await preset.json()).message).toMatch(/unknown preset/);
    expect((await admin.post(`/api/imports/uploads/${p.uploadId}/preview`, { kind: 'cats' })).status).toBe(400);
    expect((await admin.post('/api/imports/uploads/not-an-id/preview', {})).status).toBe(400);
  });
});

describe('run an import', () => {
  it('runs in the background, reports progress and outcome, and keeps rejects with their reason', async () => {
    const p = await (await upload(admin, CSV, '五月.csv')).json();
    const started = await admin.post(`/api/imports/uploads/${p.uploadId}/run`, {});
    expect(started.status).toBe(200);
    const job = await finished(admin, (await started.json()).jobId);
    expect(job.state).toBe('done');
    expect(job.report).toMatchObject({ file: '五月.csv', rowsRead: 3, inserted: 2, rejected: 1 });
    const run = await admin.json(`/api/imports/${job.report.importId}`);
    expect(run.run).toMatchObject({ sourceFile: '五月.csv', status: 'done', importedBy: 'admin' });
    const rejects = await admin.json(`/api/imports/${job.report.importId}/rejects`);
    expect(rejects).toMatchObject({ total: 1, downloadLimit: 100_000 });
    expect(rejects.rows[0].reason).toMatch(/not a date/);
    const runs = await admin.json('/api/imports');
    expect(runs.rows[0].importId).toBe(job.report.importId);
    const found = await admin.json('/api/appeals?q=井盖');
    expect(found.rows.map((r: { appealId: string }) => r.appealId)).toEqual(['NEW002']);
    // the upload is gone once imported
    expect((await admin.post(`/api/imports/uploads/${p.uploadId}/run`, {})).status).toBe(404);
    const audit = await admin.json('/api/users/audit?action=import');
    expect(audit.rows[0].what).toBe('五月.csv');
  });

  it('gives each reject reason as data too, for rows that fail a check and rows that cannot be split', async () => {
    const csv = [CSV.split('\n')[0], 'SPLIT1,2025/5/3 9:00,东城区,路灯不亮,东城区城市管理综合执法局,多一列', 'SPLIT2,某天,东城区,路灯不亮,东城区城市管理综合执法局'].join('\n');
    const p = await (await upload(admin, csv, '拆分.csv')).json();
    const job = await finished(admin, (await (await admin.post(`/api/imports/uploads/${p.uploadId}/run`, {})).json()).jobId);
    expect(job.report).toMatchObject({ rowsRead: 2, rejected: 2 });
    const data = (x: { reason: string; data: unknown }) => [x.reason, x.data];
    expect(job.report.rejectReasons.map(data).sort()).toEqual([
      ['the row has more fields than the header (Expected Number of Columns: 5 Found: 6)', { code: 'too_many_fields', expected: 5, found: 6 }],
      ['来电时间 … is not a date', { code: 'not_a_date', label: '来电时间', label2: null }],
    ]);
    const rejects = await admin.json(`/api/imports/${job.report.importId}/rejects`);
    expect(rejects.rows.map((r: { sourceRow: number; reasonData: unknown }) => [r.sourceRow, r.reasonData])).toEqual([
      [2, { code: 'too_many_fields', expected: 5, found: 6 }],
      [3, { code: 'not_a_date', label: '来电时间', value: "'某天'", label2: null, value2: null }],
    ]);
  });

  it('downloads the rejected rows as CSV to fix and import again: file columns kept, reasons worded, audit-logged', async () => {
    const csv = [CSV.split('\n')[0], 'FIX1,2025/5/3 9:00,东城区,路灯不亮,东城区城市管理综合执法局,多一列', 'FIX2,某天,东城区,路灯坏了 电话13900001111,东城区城市管理综合执法局'].join('\n');
    const p = await (await upload(admin, csv, '待修.csv')).json();
    const job = await finished(admin, (await (await admin.post(`/api/imports/uploads/${p.uploadId}/run`, {})).json()).jobId);
    const id = job.report.importId;
    const res = await admin.get(`/api/imports/${id}/rejects.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain(`rejects-${id}.csv`);
    const rows = parse((await res.text()).replace(/^\uFEFF/, '')) as string[][];
    expect(rows).toEqual([
      ['行号', '原因', '工单编号', '来电时间', '所属区县', '诉求内容', '承办单位', '无法拆分的原始行'],
      ['2', '该行的字段比表头多（表头 5 列，该行 6 列）', '', '', '', '', '', 'FIX1,2025/5/3 9:00,东城区,路灯不亮,东城区城市管理综合执法局,多一列'],
      ['3', "来电时间 '某天' 不是日期", 'FIX2', '某天', '东城区', '路灯坏了 电话[电话]', '东城区城市管理综合执法局', ''],
    ]);
    // fixed in a spreadsheet (the date corrected, the unsplit row put into its columns), it imports
    rows[1] = ['2', '', 'FIX1', '2025/5/3 9:00', '东城区', '路灯不亮', '东城区城市管理综合执法局', ''];
    rows[2][3] = '2025/5/4 9:00';
    const fixed = `\uFEFF${rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n')}`;
    const again = await (await upload(admin, fixed, '待修-已改.csv')).json();
    const rerun = await finished(admin, (await (await admin.post(`/api/imports/uploads/${again.uploadId}/run`, {})).json()).jobId);
    expect(rerun.report).toMatchObject({ rowsRead: 2, inserted: 2, rejected: 0 });
    expect((await admin.json('/api/appeals/12345/FIX2')).appeal.receivedAt).toMatch(/^2025-05-04/);
    const en = parse((await (await admin.get(`/api/imports/${id}/rejects.csv?lang=en`)).text()).replace(/^\uFEFF/, '')) as string[][];
    expect(en[0].slice(0, 2)).toEqual(['Row', 'Reason']);
    expect(en[2][1]).toBe("来电时间 '某天' is not a date");
    const audit = await admin.json('/api/users/audit?action=export');
    expect(audit.rows.slice(0, 2).map((r: { what: string }) => r.what)).toEqual([`rejects-${id}.csv`, `rejects-${id}.csv`]);
    expect((await admin.get(`/api/imports/${id}/rejects.csv?lang=fr`)).status).toBe(400);
    expect((await admin.get('/api/imports/99999/rejects.csv')).status).toBe(404);
    const officer = await Client.signedIn(h.base, 'officer');
    expect((await officer.get(`/api/imports/${id}/rejects.csv`)).status).toBe(403);
  });

  it('keeps an import whose follow-up work fails, says so, and catches up with the next import', async () => {
    const file = (id: string) => [CSV.split('\n')[0], `${id},2025/5/6 9:00,东城区,小区门口路灯不亮,东城区城市管理综合执法局`].join('\n');
    const run = async (csv: string, name: string) => {
      const p = await (await upload(admin, csv, name)).json();
      return finished(admin, (await (await admin.post(`/api/imports/uploads/${p.uploadId}/run`, {})).json()).jobId);
    };
    // the topic tables out of reach: the rows load, the topic step after them cannot run
    await h.db.exec('ALTER TABLE topics RENAME TO topics_away');
    let broken;
    try {
      broken = await run(file('AF001'), '后续失败.csv');
    } finally {
      await h.db.exec('ALTER TABLE topics_away RENAME TO topics');
    }
    expect(broken).toMatchObject({ state: 'done', error: null, report: { inserted: 1, after: null } });
    expect(h.logs.some((l) => l.includes('updating topics and signals failed'))).toBe(true);
    expect((await h.db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM appeals WHERE appeal_id = 'AF001'"))[0].n).toBe(1);
    const audit = await admin.json('/api/users/audit?action=import');
    expect(audit.rows[0].what).toBe('后续失败.csv');
    const next = await run(file('AF002'), '下一次.csv');
    expect(next.report.after).toMatchObject({ signalsRecomputed: true });
    // the topic step the failed follow-up missed runs now (a first run, over every appeal, AF001 with them)
    const appeals = (await h.db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM topic_input'))[0].n;
    expect(next.report.after.topics).toMatchObject({ kind: 'run', appeals });
  });

  it('lists the imports waiting or running, for a page opened later, and none once they end', async () => {
    let release = () => {};
    const held = h.app.ctx.lock.write(() => new Promise<void>((r) => (release = r)));
    const p = await (await upload(admin, CSV, '排队.csv')).json();
    const { jobId } = await (await admin.post(`/api/imports/uploads/${p.uploadId}/run`, {})).json();
    const waiting = await admin.json('/api/imports/jobs');
    expect(waiting.jobs).toEqual([expect.objectContaining({ jobId, state: 'queued', fileName: '排队.csv', startedBy: 'admin', startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/) })]);
    const officer = await Client.signedIn(h.base, 'officer');
    expect((await officer.get('/api/imports/jobs')).status).toBe(403);
    release();
    await held;
    expect((await finished(admin, jobId)).state).toBe('done');
    expect((await admin.json('/api/imports/jobs')).jobs).toEqual([]);
    // a job this server never ran (one from before a restart) is answered with what that means
    const gone = await admin.get('/api/imports/jobs/00000000-0000-4000-8000-000000000000');
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: 'job_gone', message: expect.stringMatching(/wrote nothing; see the import history/) });
  });

  it('runs a trial that says what the import would do and writes nothing', async () => {
    const p = await (await upload(admin, CSV, '试算.csv')).json();
    const before = (await admin.json('/api/imports')).total;
    const res = await admin.post(`/api/imports/uploads/${p.uploadId}/check`, {});
    expect(res.status).toBe(200);
    const check = await res.json();
    expect(check).toMatchObject({ rowsRead: 3, rejected: 1, warnings: [] });
    expect(check.rejectReasons).toEqual([{ reason: '来电时间 … is not a date', count: 1, data: { code: 'not_a_date', label: '来电时间', label2: null } }]);
    expect((await admin.json('/api/imports')).total).toBe(before);
    // the import then does what the trial said
    const job = await finished(admin, (await (await admin.post(`/api/imports/uploads/${p.uploadId}/run`, {})).json()).jobId);
    expect(job.report).toMatchObject({ rowsRead: check.rowsRead, inserted: check.inserted, updated: check.updated, unchanged: check.unchanged, rejected: check.rejected });
    const q = await (await upload(admin, CSV, '试算2.csv')).json();
    const { content: _, ...rest } = q.mapping.fields;
    const missing = await admin.post(`/api/imports/uploads/${q.uploadId}/check`, { mapping: { ...q.mapping, fields: rest } });
    expect(missing.status).toBe(422);
    expect((await missing.json()).message).toMatch(/no column for required field content/);
    const officer = await Client.signedIn(h.base, 'officer');
    expect((await officer.post(`/api/imports/uploads/${q.uploadId}/check`, {})).status).toBe(403);
  });

  it('fails a job whose mapping lacks a required column, with the importer’s message, and loads nothing', async () => {
    const before = (await admin.json('/api/summary')).totals.appeals;
    const p = await (await upload(admin, CSV, 'b.csv')).json();
    const { content: _, ...rest } = p.mapping.fields;
    const started = await (await admin.post(`/api/imports/uploads/${p.uploadId}/run`, { mapping: { ...p.mapping, fields: rest } })).json();
    const job = await finished(admin, started.jobId);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/content/);
    expect((await admin.json('/api/summary')).totals.appeals).toBe(before);
  });
});

describe('undo', () => {
  const run = async (rows: string[], name: string) => {
    const p = await (await upload(admin, [CSV.split('\n')[0], ...rows].join('\n'), name)).json();
    return finished(admin, (await (await admin.post(`/api/imports/uploads/${p.uploadId}/run`, {})).json()).jobId);
  };

  it('says what undoing would do, waits for a later import that changed the records, and logs it', async () => {
    const appeals = async () => (await admin.json('/api/summary')).totals.appeals as number;
    const before = await appeals();
    const first = await run(['UNDO1,2025/5/7 9:00,东城区,路灯不亮,东城区城市管理综合执法局', 'UNDO2,2025/5/7 9:30,西城区,井盖缺失,西城区住房和城乡建设局'], '撤销一.csv');
    const second = await run(['UNDO1,2025/5/7 9:00,东城区,路灯不亮已修好,东城区城市管理综合执法局'], '撤销二.csv');
    expect(await appeals()).toBe(before + 2);

    // the older import waits for the later one that changed its record
    const firstId = first.report.importId;
    const secondId = second.report.importId;
    expect(await admin.json(`/api/imports/${firstId}/undo`)).toMatchObject({
      importId: firstId, sourceFile: '撤销一.csv', blocked: { code: 'later_import', importId: secondId, sourceFile: '撤销二.csv' },
    });
    const refused = await admin.post(`/api/imports/${firstId}/undo`, {});
    expect(refused.status).toBe(409);
    expect((await refused.json()).message).toBe(`import #${secondId} (撤销二.csv) came later and changed records this import wrote: undo it first`);

    const officer = await Client.signedIn(h.base, 'officer');
    expect((await officer.post(`/api/imports/${secondId}/undo`, {})).status).toBe(403);

    expect(await admin.json(`/api/imports/${secondId}/undo`)).toMatchObject({ blocked: null, removes: 0, restores: 1 });
    // the same file uploaded again is recognised before it is imported
    const header = CSV.split('\n')[0];
    const reupload = await (await upload(admin, [header, 'UNDO1,2025/5/7 9:00,东城区,路灯不亮已修好,东城区城市管理综合执法局'].join('\n'), '又一次.csv')).json();
    expect(reupload.earlier).toMatchObject({ importId: secondId, sourceFile: '撤销二.csv', status: 'done' });
    await admin.request('DELETE', `/api/imports/uploads/${reupload.uploadId}`);
    const undone = await admin.post(`/api/imports/${secondId}/undo`, {});
    expect(undone.status).toBe(200);
    expect(await undone.json()).toEqual({ importId: secondId, sourceFile: '撤销二.csv', removed: 0, restored: 1 });
    const [detail] = await h.db.query<{ content: string }>("SELECT content FROM appeals WHERE appeal_id = 'UNDO1'");
    expect(detail.content).toBe('路灯不亮');

    expect((await (await admin.post(`/api/imports/${firstId}/undo`, {})).json()).removed).toBe(2);
    expect(await appeals()).toBe(before);
    const history = await admin.json('/api/imports');
    expect(history.rows.find((r: { importId: number }) => r.importId === firstId)).toMatchObject({ status: 'undone', undoneBy: 'admin', undoneAt: expect.stringMatching(/^\d{4}-/) });
    const audit = await admin.json('/api/users/audit?action=import_undo');
    expect(audit.rows.map((r: { what: string }) => r.what).slice(0, 2)).toEqual(['撤销一.csv', '撤销二.csv']);

    const again = await admin.post(`/api/imports/${firstId}/undo`, {});
    expect(again.status).toBe(409);
    expect((await again.json()).message).toMatch(/was undone already/);
    expect((await admin.get('/api/imports/999999/undo')).status).toBe(404);
  });

  it('clears the versions kept for older imports when an admin asks, says what it would take first, and logs it', async () => {
    const first = await run(['KEEP1,2025/5/8 9:00,东城区,路灯不亮,东城区城市管理综合执法局'], '保留一.csv');
    const second = await run(['KEEP1,2025/5/8 9:00,东城区,路灯不亮已修好,东城区城市管理综合执法局'], '保留二.csv');
    const secondId = second.report.importId;

    const kept = await admin.json('/api/imports/kept-versions?olderThanDays=0');
    expect(kept.appeals).toBeGreaterThanOrEqual(1);
    // nothing started a year ago; everything so far started before now
    expect((await admin.json('/api/imports/kept-versions?olderThanDays=365')).plan).toMatchObject({ upTo: null, appeals: 0 });
    expect(kept.plan).toMatchObject({ upTo: secondId, appeals: kept.appeals, transfers: kept.transfers });

    const officer = await Client.signedIn(h.base, 'officer');
    expect((await officer.post('/api/imports/kept-versions/prune', { olderThanDays: 0 })).status).toBe(403);
    for (const bad of [{ olderThanDays: -1 }, { olderThanDays: 'soon' }, {}]) {
      const res = await admin.post('/api/imports/kept-versions/prune', bad);
      expect(res.status).toBe(400);
      expect((await res.json()).message).toMatch(/olderThanDays/);
    }
    expect((await admin.get('/api/imports/kept-versions?olderThanDays=x')).status).toBe(400);

    const pruned = await admin.post('/api/imports/kept-versions/prune', { olderThanDays: 0 });
    expect(pruned.status).toBe(200);
    // the cut-off is now, so later than the one the plan showed; the rest is as shown
    expect(await pruned.json()).toEqual({ ...kept.plan, before: expect.any(String), pruned: true });
    expect(await admin.json('/api/imports/kept-versions?olderThanDays=0')).toMatchObject({ appeals: 0, transfers: 0, imports: 0, lastPrune: { by: 'admin', upTo: secondId } });

    for (const id of [first.report.importId, secondId]) {
      expect((await admin.json(`/api/imports/${id}/undo`)).blocked).toMatchObject({ code: 'pruned', upTo: secondId, by: 'admin' });
      const refused = await admin.post(`/api/imports/${id}/undo`, {});
      expect(refused.status).toBe(409);
      expect((await refused.json()).message).toMatch(new RegExp(`imports up to #${secondId} were cleared`));
    }
    // an import after the clearing can be undone as before
    const third = await run(['KEEP1,2025/5/8 9:00,东城区,路灯又不亮了,东城区城市管理综合执法局'], '保留三.csv');
    expect(await admin.json(`/api/imports/${third.report.importId}/undo`)).toMatchObject({ blocked: null, restores: 1 });

    const audit = await admin.json('/api/users/audit?action=versions_prune');
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ who: 'admin', what: `#${secondId}` });
  });
});
