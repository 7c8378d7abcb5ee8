import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { checkFile, importFile, previewFile, ImportError, undoImport } from '../../../pipelines/ingest/index.js';
import { tempDb } from '../../helpers/temp-db.js';

let db: Database;
let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, dir, cleanup } = await tempDb());
});
afterEach(() => cleanup());

const HEADER = '工单编号,来电时间,来电号码,所属区县,诉求内容,承办单位,工单状态,办结时间,满意度评价';
const ROWS = [
  'GD001,2025/5/16 8:03,13812345678,东城区,楼道里电动车充电，联系人王小明13912345678,东城区消防救援大队,办理中,,',
  'GD002,2025-05-16 09:10:00,13900001111,西城区,"路边摊占道经营,很乱",西城区城市管理综合执法局,已办结,2025-05-17 10:00:00,满意',
  'GD003,2025年5月17日 10时5分,,南湖区,小区广场舞噪音扰民,南湖区公安分局,已办结,2025-05-18 09:00:00,不满意',
];

function write(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function count(table: string): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0].n;
}

function addsUp(r: { rowsRead: number; inserted: number; updated: number; unchanged: number; rejected: number }) {
  expect(r.inserted + r.updated + r.unchanged + r.rejected).toBe(r.rowsRead);
}

describe('CSV import', () => {
  it('loads every row, masks text and keys the caller', async () => {
    const r = await importFile(db, write('wo.csv', [HEADER, ...ROWS].join('\n')));
    expect(r).toMatchObject({ rowsRead: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0, kind: 'appeals', format: 'csv', encoding: 'utf-8' });
    const rows = await db.query<{ appeal_id: string; content: string; caller_key: string | null; received_at: Date; satisfaction: string | null; source_row: number }>(
      'SELECT appeal_id, content, caller_key, received_at, satisfaction, source_row FROM appeals ORDER BY appeal_id',
    );
    expect(rows.map((x) => x.appeal_id)).toEqual(['GD001', 'GD002', 'GD003']);
    expect(rows[0].content).toBe('楼道里电动车充电，联系人[姓名][电话]');
    expect(rows[1].content).toBe('路边摊占道经营,很乱');
    expect(rows[0].caller_key).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[2].caller_key).toBeNull();
    expect(rows[2].received_at.toISOString()).toBe('2025-05-17T02:05:00.000Z');
    expect(rows.map((x) => x.satisfaction)).toEqual([null, 'satisfied', 'dissatisfied']);
    expect(rows.map((x) => x.source_row)).toEqual([2, 3, 4]);
    const stored = JSON.stringify(await db.query('SELECT * FROM appeals'));
    expect(stored).not.toContain('13812345678');
    expect(stored).not.toContain('王小明');
  });

  it('reads UTF-8 with BOM, GBK and UTF-16 the same as UTF-8', async () => {
    const text = [HEADER, ...ROWS].join('\r\n');
    const plain = await importFile(db, write('a.csv', text));
    const contents = async () => (await db.query<{ c: string }>('SELECT string_agg(content, \'|\' ORDER BY appeal_id) AS c FROM appeals'))[0].c;
    const expected = await contents();
    for (const [name, bytes, encoding] of [
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8-bom'],
      ['gbk.csv', iconv.encode(text, 'gbk'), 'gb18030'],
      ['utf16.csv', iconv.encode(text, 'utf-16le', { addBOM: true }), 'utf-16le'],
    ] as const) {
      await db.exec('DELETE FROM appeals; DELETE FROM appeal_versions;');
      const r = await importFile(db, write(name, bytes));
      expect(r.encoding).toBe(encoding);
      expect(r.inserted).toBe(plain.inserted);
      expect(await contents()).toBe(expected);
    }
  });

  it('reads lines that end in a bare CR (old Mac Excel), GBK too, with title lines and row numbers', async () => {
    // More than the 256 KB the layout is judged on, so the whole head is one line to a reader expecting LF.
    const more = Array.from({ length: 3000 }, (_, i) => `GDX${i},2025-05-18 08:00:00,,北山区,${'小区路灯不亮，晚上出行很不方便'.repeat(3)},,,,`);
    const lines = ['江城市12345工单导出', HEADER, ...ROWS, 'GD004,2025-13-45 08:00:00,,东城区,井盖缺失,,,,', ...more];
    expect(Buffer.byteLength(lines.join('\r'))).toBeGreaterThan(256 * 1024);
    for (const [name, bytes] of [['cr.csv', Buffer.from(lines.join('\r'))], ['cr-gbk.csv', iconv.encode(lines.join('\r'), 'gbk')]] as const) {
      await db.exec('DELETE FROM appeals; DELETE FROM rejects;');
      const r = await importFile(db, write(name, bytes));
      expect(r).toMatchObject({ rowsRead: 3004, inserted: 3003, rejected: 1 });
      expect((await db.query<{ r: number }>("SELECT source_row AS r FROM appeals WHERE appeal_id = 'GD003'"))[0].r).toBe(5);
      expect(await db.query('SELECT source_row FROM rejects')).toEqual([{ source_row: 6 }]);
      expect((await db.query<{ c: string }>("SELECT content AS c FROM appeals WHERE appeal_id = 'GD002'"))[0].c).toBe('路边摊占道经营,很乱');
    }
  });

  it('finds the header under title lines and keeps file row numbers', async () => {
    const r = await importFile(db, write('t.csv', ['江城市12345工单导出', '导出日期 2025-06-01', HEADER, ...ROWS].join('\n')));
    expect(r.inserted).toBe(3);
    expect((await db.query<{ r: number }>("SELECT source_row AS r FROM appeals WHERE appeal_id = 'GD001'"))[0].r).toBe(4);
  });

  it('reads tab- and semicolon-separated files', async () => {
    const tsv = [HEADER, ...ROWS.slice(2)].map((l) => l.replaceAll(',', '\t')).join('\n');
    expect((await importFile(db, write('t.tsv', tsv))).inserted).toBe(1);
  });

  it('keeps bad rows in rejects with row number and a reason a person understands', async () => {
    const lines = [
      HEADER,
      ROWS[0],
      'GD004,2025-13-45,,东城区,内容,单位,,,',
      'GD005,2025-05-16 08:00:00,,东城区,,单位,,,',
      ',2025-05-16 08:00:00,,东城区,内容,单位,,,',
      'GD006,2025-05-16 08:00:00,,东城区,内容,单位,,2025-05-15 08:00:00,',
      'GD007,2025-05-16 08:00:00,,东城区,内容,单位,,,,多出来的一列',
      'GD008,2025-05-16 08:00:00,,东城区,内容',
      ROWS[1],
    ];
    const r = await importFile(db, write('bad.csv', lines.join('\n')));
    addsUp(r);
    expect(r).toMatchObject({ rowsRead: 8, inserted: 2, rejected: 6 });
    const rejects = await db.query<{ source_row: number; reason: string; raw: string }>('SELECT source_row, reason, raw FROM rejects ORDER BY source_row');
    expect(rejects.map((x) => [x.source_row, x.reason])).toEqual([
      [3, "来电时间 '2025-13-45' is not a date"],
      [4, '诉求内容 is empty'],
      [5, '工单编号 is empty'],
      [6, "办结时间 '2025-05-15 08:00:00' is before 来电时间 '2025-05-16 08:00:00'"],
      [7, 'the row has more fields than the header (Expected Number of Columns: 9 Found: 10)'],
      [8, 'the row has fewer fields than the header (Expected Number of Columns: 9 Found: 5)'],
    ]);
    expect(rejects[0].raw).toContain('2025-13-45');
    expect((await db.query<{ r: number }>("SELECT source_row AS r FROM appeals WHERE appeal_id = 'GD002'"))[0].r).toBe(9);
    // The reasons come as data too, for the dashboard to word in its language.
    const data = await db.query<{ d: string | null }>('SELECT reason_data::VARCHAR AS d FROM rejects ORDER BY source_row');
    expect(data.map((x) => (x.d ? JSON.parse(x.d) : null))).toEqual([
      { code: 'not_a_date', label: '来电时间', value: "'2025-13-45'", label2: null, value2: null },
      { code: 'empty', label: '诉求内容', value: null, label2: null, value2: null },
      { code: 'empty', label: '工单编号', value: null, label2: null, value2: null },
      { code: 'before', label: '办结时间', value: "'2025-05-15 08:00:00'", label2: '来电时间', value2: "'2025-05-16 08:00:00'" },
      { code: 'too_many_fields', expected: 9, found: 10 },
      { code: 'too_few_fields', expected: 9, found: 5 },
    ]);
    expect(r.rejectReasons.find((x) => x.reason.startsWith('办结时间'))).toEqual({
      reason: '办结时间 … is before 来电时间 …', count: 1, data: { code: 'before', label: '办结时间', label2: '来电时间' },
    });
  });

  it('rejects a row that is not valid UTF-8 past the part of the file the encoding is judged on', async () => {
    const good = Array.from({ length: 60_000 }, (_, i) => `GD${i},2025-05-16 08:00:00,,东城区,楼道里电动车充电，存在火灾隐患，第${i}次反映,单位,,,`);
    const bytes = Buffer.concat([Buffer.from([HEADER, ...good, 'GDX,2025-05-16 08:00:00,,东城区,'].join('\n')), Buffer.from([0xff, 0xfe]), Buffer.from(',单位,,,\n')]);
    expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
    const r = await importFile(db, write('late.csv', bytes));
    addsUp(r);
    expect(r).toMatchObject({ encoding: 'utf-8', rowsRead: 60_001, inserted: 60_000, rejected: 1 });
    const rejects = await db.query<{ source_row: number; reason: string }>('SELECT source_row, reason FROM rejects');
    expect(rejects).toEqual([{ source_row: 60_002, reason: "the row is not valid text in the file's encoding" }]);
    expect(r.rejectReasons).toEqual([{ reason: "the row is not valid text in the file's encoding", count: 1, data: { code: 'not_in_encoding' } }]);
    expect((await db.query<{ r: number }>("SELECT source_row AS r FROM appeals WHERE appeal_id = 'GD59999'"))[0].r).toBe(60_001);
  });

  it('masks personal data in kept rejects too', async () => {
    await importFile(db, write('bad.csv', [HEADER, 'GD009,not a date,13812345678,东城区,身份证110101199003077777,单位,,,'].join('\n')));
    const raw = (await db.query<{ raw: string }>('SELECT raw FROM rejects'))[0].raw;
    expect(raw).not.toContain('13812345678');
    expect(raw).not.toContain('110101199003077777');
    expect(raw).toContain('[身份证]');
  });
});

describe('re-imports', () => {
  it('counts an identical re-import unchanged and changes nothing', async () => {
    const path = write('wo.csv', [HEADER, ...ROWS].join('\n'));
    await importFile(db, path);
    const before = await db.query('SELECT * EXCLUDE (loaded_at, import_id) FROM appeals ORDER BY appeal_id');
    const r = await importFile(db, path);
    expect(r).toMatchObject({ rowsRead: 3, inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await db.query('SELECT * EXCLUDE (loaded_at, import_id) FROM appeals ORDER BY appeal_id')).toEqual(before);
  });

  it('updates a record from a later export and never rolls it back from an older one', async () => {
    const first = write('may16.csv', [HEADER, ...ROWS].join('\n'));
    await importFile(db, first);
    const closed = ROWS[0].replace('办理中,,', '已办结,2025-05-20 12:00:00,满意');
    const r = await importFile(db, write('may20.csv', [HEADER, closed, ROWS[1]].join('\n')));
    expect(r).toMatchObject({ rowsRead: 2, inserted: 0, updated: 1, unchanged: 1 });
    const status = async () => (await db.query<{ status: string }>("SELECT status FROM appeals WHERE appeal_id = 'GD001'"))[0].status;
    expect(await status()).toBe('已办结');
    const again = await importFile(db, first);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await status()).toBe('已办结');
    expect(await count('appeals')).toBe(3);
  });

  it('keeps only earlier versions beside the records, and still never rolls a record back to one', async () => {
    const versions = async () =>
      (await db.query<{ v: string }>("SELECT v.appeal_id || ' #' || v.import_id AS v FROM appeal_versions v ORDER BY ALL")).map((x) => x.v);
    const first = await importFile(db, write('may16.csv', [HEADER, ...ROWS].join('\n')));
    expect(await versions()).toEqual([]);
    const closed = ROWS[0].replace('办理中,,', '已办结,2025-05-20 12:00:00,满意');
    await importFile(db, write('may20.csv', [HEADER, closed].join('\n')));
    // The replaced version, known by the import that loaded it.
    expect(await versions()).toEqual([`GD001 #${first.importId}`]);
    // A version seen in a file but not written (a later row of the record follows it) is remembered too.
    const handling = ROWS[0].replace('办理中,,', '处理中,,');
    const mixed = await importFile(db, write('mixed.csv', [HEADER, handling, closed].join('\n')));
    expect(await versions()).toEqual([`GD001 #${first.importId}`, `GD001 #${mixed.importId}`]);
    const status = async () => (await db.query<{ status: string }>("SELECT status FROM appeals WHERE appeal_id = 'GD001'"))[0].status;
    expect(await status()).toBe('已办结');
    for (const older of [ROWS[0], handling]) {
      expect(await importFile(db, write('older.csv', [HEADER, older].join('\n')))).toMatchObject({ updated: 0, unchanged: 1 });
      expect(await status()).toBe('已办结');
    }
  });

  it('keeps earlier versions of transfers the same way', async () => {
    const head = '工单编号,流转序号,流转时间,派出单位,接收单位,流转方式,签收时间,退回原因';
    const sent = 'GD001,1,2025-05-16 08:05:00,12345,东城区消防救援大队,派单,,';
    const accepted = 'GD001,1,2025-05-16 08:05:00,12345,东城区消防救援大队,派单,2025-05-16 09:00:00,';
    const first = await importFile(db, write('t1.csv', [head, sent].join('\n')));
    expect(first).toMatchObject({ kind: 'transfers', inserted: 1 });
    expect(await count('transfer_versions')).toBe(0);
    expect(await importFile(db, write('t2.csv', [head, accepted].join('\n')))).toMatchObject({ updated: 1 });
    expect(await db.query('SELECT seq, import_id FROM transfer_versions')).toEqual([{ seq: 1, import_id: first.importId }]);
    expect(await importFile(db, write('t1.csv', [head, sent].join('\n')))).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await db.query('SELECT outcome FROM transfers')).toEqual([{ outcome: 'accepted' }]);
  });

  it('applies repeated records within one file in order: the last version wins', async () => {
    const closed = ROWS[0].replace('办理中,,', '已办结,2025-05-20 12:00:00,满意');
    const r = await importFile(db, write('dup.csv', [HEADER, ROWS[0], ROWS[1], ROWS[0], closed].join('\n')));
    addsUp(r);
    expect(r).toMatchObject({ rowsRead: 4, inserted: 2, updated: 1, unchanged: 1 });
    expect(await count('appeals')).toBe(2);
    expect((await db.query<{ status: string }>("SELECT status FROM appeals WHERE appeal_id = 'GD001'"))[0].status).toBe('已办结');
  });
});

describe('other formats', () => {
  it('reads an XLSX export with title rows above a merged header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow(['江城市12345热线工单明细']);
    ws.mergeCells('A1:D1');
    ws.addRow(['基本信息', '', '办理情况', '']);
    ws.addRow(['工单编号', '来电时间', '诉求内容', '承办单位']);
    ws.addRow(['GD101', new Date(Date.UTC(2025, 4, 16, 8, 3)), '楼上漏水，电话13812345678', '东城区住房和城乡建设局']);
    ws.addRow(['GD102', '2025/5/17 9:00', '井盖缺失', '东城区城市管理综合执法局']);
    ws.addRow([]);
    ws.addRow(['GD103', 45795.5, '路灯不亮', '东城区城市管理综合执法局']);
    const path = join(dir, 'wo.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await importFile(db, path);
    expect(r).toMatchObject({ format: 'xlsx', rowsRead: 3, inserted: 3, rejected: 0 });
    const rows = await db.query<{ appeal_id: string; received_at: Date; content: string; source_row: number }>('SELECT appeal_id, received_at, content, source_row FROM appeals ORDER BY appeal_id');
    expect(rows.map((x) => x.received_at.toISOString())).toEqual(['2025-05-16T00:03:00.000Z', '2025-05-17T01:00:00.000Z', '2025-05-18T04:00:00.000Z']);
    expect(rows[0].content).toBe('楼上漏水，电话[电话]');
    expect(rows.map((x) => x.source_row)).toEqual([4, 5, 7]);
  });

  it('reads Open311 GeoReport v2 JSON with the preset', async () => {
    const requests = [
      { service_request_id: '638344', status: 'closed', service_name: 'Pothole', description: 'Large pothole, call me at 13812345678', agency_responsible: 'DPW', requested_datetime: '2010-04-14T06:37:38-08:00', updated_datetime: '2010-04-14T07:37:38-08:00', address: '8TH AVE and JUDAH ST', lat: 37.762221815, long: -122.4651145, media: { url: 'x' } },
      { service_request_id: '638345', status: 'open', service_name: 'Graffiti', description: 'Tagging on wall', requested_datetime: '2010-04-15T10:00:00Z', lat: 37.7, long: -122.4 },
    ];
    const r = await importFile(db, write('requests.json', JSON.stringify(requests)), { preset: 'open311-georeport-v2' });
    expect(r).toMatchObject({ format: 'json', rowsRead: 2, inserted: 2, rejected: 0 });
    const rows = await db.query<{ appeal_id: string; content: string; received_at: Date; lat: number; platform: string }>('SELECT appeal_id, content, received_at, lat, platform FROM appeals ORDER BY appeal_id');
    expect(rows[0]).toMatchObject({ appeal_id: '638344', content: 'Pothole: Large pothole, call me at [电话]', lat: 37.762221815, platform: 'open311' });
    expect(rows[0].received_at.toISOString()).toBe('2010-04-14T14:37:38.000Z');
  });

  it('reads NDJSON and rejects a broken line with its number', async () => {
    const lines = [
      JSON.stringify({ 工单编号: 'N1', 来电时间: '2025-05-16 08:00:00', 诉求内容: '噪音' }),
      '{"工单编号": "N2", "来电时间": ',
      '',
      JSON.stringify({ 工单编号: 'N3', 来电时间: '2025-05-16 09:00:00', 诉求内容: '占道' }),
      '[1,2]',
    ];
    const r = await importFile(db, write('a.ndjson', lines.join('\n')));
    addsUp(r);
    expect(r).toMatchObject({ format: 'ndjson', rowsRead: 4, inserted: 2, rejected: 2 });
    expect((await db.query<{ source_row: number; reason: string }>('SELECT source_row, reason FROM rejects ORDER BY source_row')).map((x) => `${x.source_row}: ${x.reason}`)).toEqual([
      '2: the line is not valid JSON',
      '5: the line is JSON but not an object',
    ]);
    expect((await db.query<{ d: string }>('SELECT reason_data::VARCHAR AS d FROM rejects ORDER BY source_row')).map((x) => JSON.parse(x.d))).toEqual([
      { code: 'not_json' },
      { code: 'json_not_object' },
    ]);
  });

  it('reads Parquet', async () => {
    const path = join(dir, 'wo.parquet');
    await db.exec(`COPY (SELECT 'P' || i AS 工单编号, TIMESTAMP '2025-05-16 08:00:00' + INTERVAL (i) HOUR AS 来电时间, '第' || i || '条诉求' AS 诉求内容 FROM range(1, 6) t(i)) TO '${path}' (FORMAT parquet)`);
    const r = await importFile(db, path);
    expect(r).toMatchObject({ format: 'parquet', rowsRead: 5, inserted: 5 });
    expect((await db.query<{ t: Date }>("SELECT received_at AS t FROM appeals WHERE appeal_id = 'P1'"))[0].t.toISOString()).toBe('2025-05-16T01:00:00.000Z');
  });

  it('imports a transfer log, numbering transfers by time when it has no sequence column', async () => {
    const log = [
      '工单编号,流转时间,派出单位,接收单位,流转方式,签收时间,退回原因',
      'GD001,2025-05-16 08:10:00,12345,东城区城市管理综合执法局,派单,,职能交叉，不属于我单位职责',
      'GD001,2025-05-16 08:05:00,12345热线,东城区消防救援大队,派单,2025-05-16 09:00:00,',
      'GD001,2025-05-16 10:00:00,12345,110,一键转接,2025-05-16 10:01:00,',
      'GD002,2025-05-16 11:00:00,12345,东城区消防救援大队,三方通话,,',
    ];
    const r = await importFile(db, write('log.csv', log.join('\n')));
    expect(r).toMatchObject({ kind: 'transfers', rowsRead: 4, inserted: 4 });
    const rows = await db.query<{ appeal_id: string; seq: number; from_party: string; to_party: string; method: string; outcome: string }>(
      'SELECT appeal_id, seq, from_party, to_party, method, outcome FROM transfers ORDER BY appeal_id, seq',
    );
    expect(rows.map((x) => `${x.appeal_id}#${x.seq} ${x.from_party}→${x.to_party} ${x.method} ${x.outcome}`)).toEqual([
      'GD001#1 12345→东城区消防救援大队 dispatch accepted',
      'GD001#2 12345→东城区城市管理综合执法局 dispatch returned',
      'GD001#3 12345→110 one_click accepted',
      'GD002#1 12345→东城区消防救援大队 three_party_call pending',
    ]);
    expect((await importFile(db, write('log.csv', log.join('\n')))).unchanged).toBe(4);
  });

  it('imports a 110 incident list onto the 110 platform', async () => {
    const list = ['警情编号,报警时间,报警内容,警情类别,警情性质', 'JQ1,2025-05-16 08:00:00,邻居装修噪音,噪音扰民,非警务类', 'JQ2,2025-05-16 09:00:00,电动车被盗,盗窃,警务类'];
    const r = await importFile(db, write('jq.csv', list.join('\n')));
    expect(r.kind).toBe('incidents');
    expect(await db.query('SELECT appeal_id, platform, is_police_matter FROM appeals ORDER BY appeal_id')).toEqual([
      { appeal_id: 'JQ1', platform: '110', is_police_matter: false },
      { appeal_id: 'JQ2', platform: '110', is_police_matter: true },
    ]);
  });
});

describe('files that cannot be imported', () => {
  const expectError = async (path: string, message: RegExp, opts = {}) => {
    await expect(importFile(db, path, opts)).rejects.toThrow(message);
    await expect(importFile(db, path, opts)).rejects.toBeInstanceOf(ImportError);
    expect(await count('appeals')).toBe(0);
    expect(await count('rejects')).toBe(0);
  };

  it('an empty file', () => expectError(write('e.csv', ''), /the file is empty/));
  it('a binary file', () => expectError(write('b.csv', Buffer.from([1, 2, 0, 0, 5, 6, 0, 255, 13, 10])), /binary/));
  it('a file with one enormous line', () => expectError(write('big.csv', 'x'.repeat(300_000)), /longer than 256 KB/));
  it('a truncated XLSX', () => expectError(write('t.xlsx', Buffer.from('PK\x03\x04 truncated zip', 'latin1')), /cannot read the spreadsheet/));
  it('an old .xls', () => expectError(write('o.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), /old binary Excel/));
  it('a broken JSON array', () => expectError(write('a.json', '[{"a": 1}, {"b": '), /cannot read the file as a JSON array/));
  it('a missing required column, naming it and the headers found', () =>
    expectError(write('m.csv', '编号,备注\nA,b\n'), /no column for required fields received_at, content \(appeals\); headers found: 编号, 备注/));
  it('a mapping that names a column the file lacks', () =>
    expectError(write('wo.csv', [HEADER, ROWS[0]].join('\n')), /reads received_at from column '受理时间', which is not in the file/, {
      mapping: { kind: 'appeals', fields: { appeal_id: '工单编号', received_at: '受理时间', content: '诉求内容' } },
    }));

  it('records the failure in import_runs', async () => {
    await expect(importFile(db, write('e.csv', ''))).rejects.toThrow();
    const runs = await db.query<{ status: string; error: string }>('SELECT status, error FROM import_runs');
    expect(runs).toEqual([{ status: 'failed', error: 'the file is empty' }]);
  });

  it('keeps the rows before a truncated last line and rejects the cut row', async () => {
    const text = [HEADER, ...ROWS.slice(0, 2), 'GD003,2025-05-16 08:00:00,,东城区,"被截断的内容'].join('\n');
    const r = await importFile(db, write('cut.csv', text));
    addsUp(r);
    expect(r).toMatchObject({ inserted: 2, rejected: 1 });
    const [reject] = await db.query<{ reason: string; d: string }>('SELECT reason, reason_data::VARCHAR AS d FROM rejects');
    expect(reject.reason).toMatch(/quoted field is not closed/);
    expect(JSON.parse(reject.d)).toEqual({ code: 'unclosed_quote' });
  });
});

describe('checkFile', () => {
  const outcome = (r: { rowsRead: number; inserted: number; updated: number; unchanged: number; rejected: number; rejectReasons: unknown }) => ({
    rowsRead: r.rowsRead, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected, rejectReasons: r.rejectReasons,
  });
  const tables = async () => Promise.all(['appeals', 'appeal_versions', 'rejects', 'import_runs'].map(count));

  it('says exactly what an import would do, writing nothing: a first export, then a later one of the same records', async () => {
    const first = write('may16.csv', [HEADER, ...ROWS, 'GD004,2025-13-45,,东城区,内容,单位,,,', 'GD005,2025-05-16 08:00:00,,东城区,内容,单位,,,,多一列'].join('\n'));
    const before = await tables();
    const check = await checkFile(db, first);
    expect(await tables()).toEqual(before);
    expect(check).toMatchObject({ kind: 'appeals', format: 'csv', rowsRead: 5, inserted: 3, rejected: 2 });
    expect(outcome(check)).toEqual(outcome(await importFile(db, first)));
    // against what is now loaded: one record closed since, one as it was, one new
    const closed = ROWS[0].replace('办理中,,', '已办结,2025-05-20 12:00:00,满意');
    const later = write('may20.csv', [HEADER, closed, ROWS[1], 'GD009,2025-05-20 08:00:00,,南湖区,路灯不亮,单位,,,'].join('\n'));
    const loaded = await tables();
    const again = await checkFile(db, later);
    expect(await tables()).toEqual(loaded);
    expect(again).toMatchObject({ rowsRead: 3, inserted: 1, updated: 1, unchanged: 1, rejected: 0 });
    expect(outcome(again)).toEqual(outcome(await importFile(db, later)));
  });

  it('stops as the import would on a mapping it cannot apply', async () => {
    await expect(checkFile(db, write('m.csv', '编号,备注\nA,b\n'))).rejects.toThrow(ImportError);
    expect(await count('import_runs')).toBe(0);
  });
});

describe('previewFile', () => {
  it('shows the inferred mapping and masked sample rows without writing anything', async () => {
    const p = await previewFile(db, write('wo.csv', [HEADER, ...ROWS].join('\n')));
    expect(p.kind).toBe('appeals');
    expect(p.missing).toEqual([]);
    expect(p.mapping.fields.received_at).toBe('来电时间');
    expect(p.sample).toHaveLength(3);
    expect(p.sample[0]['来电号码']).toBe('[电话]');
    expect(await count('appeals')).toBe(0);
    expect(await count('import_runs')).toBe(0);
  });

  it('recognises a file imported before by its bytes, whatever its name, and says when that import was undone', async () => {
    const text = [HEADER, ...ROWS].join('\n');
    expect((await previewFile(db, write('wo.csv', text))).earlier).toBeNull();
    const first = await importFile(db, write('wo.csv', text));
    const again = await previewFile(db, write('renamed.csv', text));
    expect(again.earlier).toEqual({ importId: first.importId, sourceFile: 'wo.csv', startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/), status: 'done' });
    // one byte different: another file
    expect((await previewFile(db, write('edited.csv', `${text}\n`))).earlier).toBeNull();
    await undoImport(db, first.importId, 'officer');
    expect((await previewFile(db, write('wo.csv', text))).earlier).toMatchObject({ importId: first.importId, status: 'undone' });
  });

  it('says before the import which columns the mapping names that the file lacks, and which headers it reads', async () => {
    const mapping = {
      kind: 'appeals' as const,
      fields: { appeal_id: '工单 编号', received_at: '来电时间', content: '诉求内容', street: '所属街道', channel: '来源渠道', closed_at: '结案时间' },
      constants: { channel: '电话' },
    };
    const p = await previewFile(db, write('wo.csv', [HEADER, ...ROWS].join('\n')), { mapping });
    expect(p.columns).toEqual({ '工单 编号': '工单编号', 来电时间: '来电时间', 诉求内容: '诉求内容', 所属街道: null, 来源渠道: null, 结案时间: null });
    expect(p.warnings).toEqual([
      { field: 'channel', columns: ['来源渠道'], constant: '电话' },
      { field: 'street', columns: ['所属街道'], constant: null },
      { field: 'closed_at', columns: ['结案时间'], constant: null },
    ]);
    expect(p.missing).toEqual([]);
    // a required field read from a column the file lacks stops the import: the preview says so
    const stops = await previewFile(db, write('wo.csv', [HEADER, ...ROWS].join('\n')), { mapping: { ...mapping, fields: { ...mapping.fields, received_at: '受理时间' } } });
    expect(stops.missing).toEqual(['received_at']);
    await expect(importFile(db, write('wo.csv', [HEADER, ...ROWS].join('\n')), { mapping: { ...mapping, fields: { ...mapping.fields, received_at: '受理时间' } } })).rejects.toThrow(/受理时间/);
  });
});

describe("the handling unit's reply", () => {
  const PLAIN = ['工单编号,来电时间,诉求内容,承办单位', 'GD001,2025-05-16 08:00,楼道里电动车充电,东城区消防救援大队', 'GD002,2025-05-16 09:00,路边摊占道经营,西城区城管局'];
  const withColumn = (name: string, replies: string[]) => [`${PLAIN[0]},${name}`, ...PLAIN.slice(1).map((r, i) => `${r},${replies[i]}`)].join('\n');

  it('is read from its usual headers, masked, and changes nothing for files without one', async () => {
    expect(await importFile(db, write('a.csv', PLAIN.join('\n')))).toMatchObject({ inserted: 2 });
    // an empty reply column: the same records as before
    const empty = await importFile(db, write('b.csv', withColumn('办理结果', ['', ''])));
    expect(empty).toMatchObject({ unchanged: 2, updated: 0 });
    expect(empty.mapping.fields.reply).toBe('办理结果');

    const replied = await importFile(db, write('c.csv', withColumn('答复内容', ['经核实，不属于我单位职责，建议由住建部门处理。联系人张先生13912345678', ''])));
    expect(replied).toMatchObject({ updated: 1, unchanged: 1 });
    expect(await db.query('SELECT appeal_id, reply FROM appeals ORDER BY appeal_id')).toEqual([
      { appeal_id: 'GD001', reply: '经核实，不属于我单位职责，建议由住建部门处理。联系人[姓名][电话]' },
      { appeal_id: 'GD002', reply: null },
    ]);
  });
});
