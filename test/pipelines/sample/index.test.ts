import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../pipelines/ingest/index.js';
import { writeSampleCity } from '../../../pipelines/sample/index.js';
import { tempDb, tempDir } from '../../helpers/temp-db.js';
import { generateSample, transfersByRecord, type Sample } from './sample-files.js';

const WORK_ORDER_HEADER = '工单编号,来电时间,来电号码,来源渠道,诉求类型,所属区县,所属街道,事发地址,诉求标题,诉求内容,承办单位,工单状态,办结时间,是否响应,是否解决,满意度评价,办理结果';
const TRANSFER_HEADER = '平台,工单编号,流转序号,流转时间,派出单位,接收单位,流转方式,签收时间,流转结果,退回原因';
const INCIDENT_HEADER = '警情编号,报警时间,报警电话,报警内容,警情类别,警情性质,所属区县,事发地址,处置单位,处置状态,结束时间';
const PLATFORM_PARTIES = new Set(['12345', '110', '119', '120', '122', '供水热线', '供电热线', '燃气热线', '供热热线']);

let s: Sample;
beforeAll(async () => {
  s = await generateSample(3000, 12345);
});
afterAll(() => s.cleanup());

/** '2025/5/16 8:03' or '2025-05-16 08:05:13' → epoch ms (local time +08:00). */
function ms(text: string): number {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) throw new Error(`not a time: ${text}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4] - 8, +m[5], +(m[6] ?? 0));
}

describe('sample city files', () => {
  it('have exactly the export headers', () => {
    expect(s.headers.workOrders.join(',')).toBe(WORK_ORDER_HEADER);
    expect(s.headers.transfers.join(',')).toBe(TRANSFER_HEADER);
    expect(s.headers.incidents.join(',')).toBe(INCIDENT_HEADER);
    expect(s.headers.truth.join(',')).toBe('platform,appeal_id,problem_key,disputed,emerging');
    expect(s.headers.units.join(',')).toBe('name,kind,district');
  });

  it('report the row counts they wrote, n work orders and about 0.4 n incidents', () => {
    expect(s.workOrders).toHaveLength(3000);
    expect(s.files.workOrders.rows).toBe(3000);
    expect(s.files.incidents.rows).toBe(s.incidents.length);
    expect(s.incidents.length).toBe(1200);
    expect(s.files.transfers.rows).toBe(s.transfers.length);
    expect(s.files.truth.rows).toBe(s.truth.length);
  });

  it('list every work order and incident in the ground truth exactly once, and nothing else', () => {
    const ids = [...s.workOrders.map((w) => `12345|${w['工单编号']}`), ...s.incidents.map((i) => `110|${i['警情编号']}`)];
    const truth = s.truth.map((t) => `${t.platform}|${t.appeal_id}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(truth).size).toBe(truth.length);
    expect([...truth].sort()).toEqual([...ids].sort());
  });

  it('write ids and times in the exports’ formats, within 2025 and never after the export was taken', () => {
    const exportAt = Date.UTC(2026, 0, 1, 9 - 8);
    const bad: string[] = [];
    for (const w of s.workOrders) {
      const [y, m, d] = w['来电时间'].split(' ')[0].split('/');
      if (!/^GD2025\d{4}\d{5}$/.test(w['工单编号'])) bad.push(`id ${w['工单编号']}`);
      if (!/^2025\/([1-9]|1[0-2])\/([1-9]|[12]\d|3[01]) ([0-9]|1\d|2[0-3]):[0-5]\d$/.test(w['来电时间'])) bad.push(`来电时间 ${w['来电时间']}`);
      if (w['工单编号'].slice(2, 10) !== `${y}${m.padStart(2, '0')}${d.padStart(2, '0')}`) bad.push(`id date ${w['工单编号']}`);
      const closed = w['办结时间'];
      if (closed && (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:00$/.test(closed) || ms(closed) < ms(w['来电时间']) || ms(closed) > exportAt)) bad.push(`办结时间 ${closed}`);
    }
    for (const i of s.incidents) {
      if (!/^JQ2025\d{4}\d{7}$/.test(i['警情编号'])) bad.push(`id ${i['警情编号']}`);
      if (!/^2025-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(i['报警时间'])) bad.push(`报警时间 ${i['报警时间']}`);
    }
    for (const t of s.transfers) {
      if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(t['流转时间']) || ms(t['流转时间']) > exportAt) bad.push(`流转时间 ${t['流转时间']}`);
      const signed = t['签收时间'];
      if (signed && (ms(signed) < ms(t['流转时间']) || ms(signed) > exportAt)) bad.push(`签收时间 ${signed}`);
    }
    expect(bad).toEqual([]);
  });

  it('use only the listed codes in coded columns', () => {
    const values = (rows: Record<string, string>[], col: string) => new Set(rows.map((r) => r[col]));
    expect([...values(s.workOrders, '来源渠道')].sort()).toEqual(['APP', '电话', '短信', '微信', '网站'].sort());
    expect(['咨询', '求助', '投诉', '举报', '建议', '感谢']).toEqual(expect.arrayContaining([...values(s.workOrders, '诉求类型')]));
    expect(['已办结', '办理中', '已退回', '待签收']).toEqual(expect.arrayContaining([...values(s.workOrders, '工单状态')]));
    expect([...values(s.workOrders, '是否响应')].sort()).toEqual(['否', '是']);
    expect([...values(s.workOrders, '是否解决')].sort()).toEqual(['否', '是']);
    expect([...values(s.workOrders, '满意度评价')].sort()).toEqual(['不满意', '基本满意', '未评价', '满意'].sort());
    expect([...values(s.incidents, '警情性质')].sort()).toEqual(['警务类', '非警务类'].sort());
    expect([...values(s.transfers, '平台')].sort()).toEqual(['110', '12345']);
    expect([...values(s.transfers, '流转方式')].sort()).toEqual(['一键转接', '三方通话', '在线转办', '派单'].sort());
    expect(['签收', '退回', '协商', '待签收']).toEqual(expect.arrayContaining([...values(s.transfers, '流转结果')]));
  });

  it('keep work orders consistent with their status', () => {
    const bad = s.workOrders.filter((w) => {
      const closed = w['工单状态'] === '已办结';
      if (Boolean(w['办结时间']) !== closed) return true;
      if (!closed && (w['是否解决'] !== '否' || w['满意度评价'] !== '未评价')) return true;
      return (w['工单状态'] === '已退回' || w['工单状态'] === '待签收') && w['承办单位'] !== '';
    });
    expect(bad.map((w) => w['工单编号'])).toEqual([]);
  });

  it('number each record’s transfers 1, 2, 3… in time order after receipt, with return reasons only on returns', () => {
    const received = new Map<string, number>([
      ...s.workOrders.map((w): [string, number] => [`12345|${w['工单编号']}`, ms(w['来电时间'])]),
      ...s.incidents.map((i): [string, number] => [`110|${i['警情编号']}`, ms(i['报警时间'])]),
    ]);
    const bad: string[] = [];
    for (const [key, rows] of transfersByRecord(s)) {
      if (!received.has(key)) bad.push(`unknown record ${key}`);
      if (rows.some((r, i) => Number(r['流转序号']) !== i + 1)) bad.push(`seq ${key}`);
      // 来电时间 has minutes only, so compare from the start of its minute
      if (rows.some((r, i) => ms(r['流转时间']) < (i ? ms(rows[i - 1]['流转时间']) : received.get(key)!))) bad.push(`order ${key}`);
      if (rows.some((r) => r['流转结果'] !== '退回' && r['退回原因'] !== '')) bad.push(`reason ${key}`);
    }
    expect(bad).toEqual([]);
    const returns = s.transfers.filter((t) => t['流转结果'] === '退回');
    expect(returns.length).toBeGreaterThan(0);
    expect(returns.filter((t) => t['退回原因']).length / returns.length).toBeGreaterThan(0.9);
  });

  it('name every unit it uses in units.csv, with a kind, and districts that exist', () => {
    const known = new Map(s.units.map((u) => [u.name, u]));
    const used = new Set<string>();
    for (const t of s.transfers) for (const p of [t['派出单位'], t['接收单位']]) if (!PLATFORM_PARTIES.has(p)) used.add(p);
    for (const w of s.workOrders) if (w['承办单位'] && w['承办单位'] !== '12345') used.add(w['承办单位']);
    for (const i of s.incidents) if (i['处置单位']) used.add(i['处置单位']);
    expect([...used].filter((name) => !known.has(name))).toEqual([]);
    const districts = new Set(s.workOrders.map((w) => w['所属区县']));
    expect(districts.size).toBeGreaterThanOrEqual(6);
    for (const u of s.units) {
      expect(u.kind).not.toBe('');
      if (u.district) expect(districts.has(u.district), u.district).toBe(true);
    }
  });

  it('keep the ground truth out of the export files', () => {
    const exported = [s.files.workOrders.path, s.files.transfers.path, s.files.incidents.path].map((p) => readFileSync(p, 'utf8')).join('\n');
    for (const h of [...s.headers.workOrders, ...s.headers.transfers, ...s.headers.incidents]) {
      expect(['problem_key', 'disputed', 'emerging', 'platform', 'appeal_id']).not.toContain(h);
    }
    for (const p of s.problems) expect(exported.includes(p.key), p.key).toBe(false);
    expect(exported).not.toMatch(/\b(true|false)\b/);
  });

  it('ends rows with CRLF and keeps commas, quotes and line breaks of texts inside RFC 4180 quotes', () => {
    const raw = readFileSync(s.files.workOrders.path, 'utf8');
    // a line break inside a text is a bare LF within quotes, so CRLF splits exactly the records
    expect(raw.split('\r\n').filter(Boolean)).toHaveLength(s.workOrders.length + 1);
    expect(s.workOrders.some((w) => w['诉求内容'].includes('\n'))).toBe(true);
    expect(s.workOrders.some((w) => /[,"]/.test(w['诉求内容']))).toBe(true);
  });

  it('catalogue at least 40 recurring problems, at least 10 of them disputed, in problems.json', () => {
    const shared = s.problems.filter((p) => p.platform === '12345');
    expect(shared.length).toBeGreaterThanOrEqual(40);
    expect(shared.filter((p) => p.disputed).length).toBeGreaterThanOrEqual(10);
    const badOwners = shared.filter((p) => (p.disputed ? p.owner_kinds.length < 2 || p.owner_kinds.length > 4 : p.owner_kinds.length !== 1));
    expect(badOwners.map((p) => p.key)).toEqual([]);
    const keys = new Set(s.truth.map((t) => t.problem_key));
    for (const k of keys) expect(s.problems.some((p) => p.key === k), k).toBe(true);
  });
});

describe('determinism', () => {
  it('writes byte-identical files for the same n and seed, and different ones for another seed', async () => {
    const a = tempDir();
    const b = tempDir();
    const c = tempDir();
    try {
      const fa = await writeSampleCity(a.dir, { n: 1500, seed: 7 });
      const fb = await writeSampleCity(b.dir, { n: 1500, seed: 7 });
      const fc = await writeSampleCity(c.dir, { n: 1500, seed: 8 });
      for (const key of Object.keys(fa) as (keyof typeof fa)[]) {
        expect(readFileSync(fb[key].path).equals(readFileSync(fa[key].path)), key).toBe(true);
      }
      expect(readFileSync(fc.workOrders.path).equals(readFileSync(fa.workOrders.path))).toBe(false);
      expect(readFileSync(fc.transfers.path).equals(readFileSync(fa.transfers.path))).toBe(false);
      expect(readFileSync(fc.incidents.path).equals(readFileSync(fa.incidents.path))).toBe(false);
    } finally {
      a.cleanup();
      b.cleanup();
      c.cleanup();
    }
  });

  it('rejects a count that is not a positive whole number', async () => {
    const d = tempDir();
    try {
      await expect(writeSampleCity(d.dir, { n: 0 })).rejects.toThrow(/positive whole number/);
      await expect(writeSampleCity(d.dir, { n: 2.5 })).rejects.toThrow(/positive whole number/);
    } finally {
      d.cleanup();
    }
  });
});

describe('loading into the product', () => {
  it('imports every file with its preset, rejecting nothing, and gives the masker work', async () => {
    const t = await tempDb();
    try {
      const loads = [
        [s.files.workOrders.path, 'cn-12345-workorders', s.workOrders.length],
        [s.files.incidents.path, 'cn-110-incidents', s.incidents.length],
        [s.files.transfers.path, 'cn-transfers', s.transfers.length],
      ] as const;
      for (const [path, preset, rows] of loads) {
        const report = await importFile(t.db, path, { preset });
        expect(report.rejected, preset).toBe(0);
        expect(report.inserted, preset).toBe(rows);
      }
      const masked = await t.db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM appeals WHERE regexp_matches(content, '\\[(电话|身份证|车牌|银行卡|邮箱)\\]')`);
      expect(masked[0].n).toBeGreaterThan(0.03 * (s.workOrders.length + s.incidents.length));
    } finally {
      t.cleanup();
    }
  });
});
