import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { getUnit, listUnits, resolveUnits, setUnit } from '../../../pipelines/disputes/units.js';
import { tempDb } from '../../helpers/temp-db.js';
import { insertAppeals, insertTransfers } from './fixture.js';

describe('unit resolution', () => {
  let db: Database;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ db, cleanup } = await tempDb());
    await insertAppeals(db, [
      { id: 'a1', at: '2025-03-01 09:00', district: '东城区' },
      { id: 'a2', at: '2025-03-01 10:00', district: '东城区' },
      { id: 'a3', at: '2025-03-01 11:00', district: '东城区' },
      { id: 'a4', at: '2025-03-01 12:00', district: '西城区' },
      { id: 'a5', at: '2025-03-01 13:00', district: '西城区', handling: '西城区市场监督管理局' },
      { id: 'a6', at: '2025-03-01 14:00', district: '高新区', handling: '江城市公安局高新分局创业派出所' },
    ]);
    const names = [
      '东城区消防救援大队',
      '江城市公安局东城分局和平里派出所',
      '江城市公安局西城分局交通警察大队',
      '和平里街道办事处',
      '安华物业服务有限公司',
      '江城市住房和城乡建设局',
      '江城市热力集团有限公司',
      '某某文化传播中心',
    ];
    const transfers = [];
    // The street office and the property company get three appeals from 东城区: their district comes from context.
    for (const id of ['a1', 'a2', 'a3']) {
      for (const [seq, to] of names.entries()) transfers.push({ id, seq: seq + 1, from: '12345', to, sent: '2025-03-01 12:00' });
    }
    transfers.push({ id: 'a4', seq: 1, from: '12345', to: '江城市住房和城乡建设局', sent: '2025-03-01 12:00' });
    transfers.push({ id: 'a4', seq: 2, from: '12345', to: '110', sent: '2025-03-01 12:00' });
    await insertTransfers(db, transfers);
  });
  afterEach(() => cleanup());

  it('infers kind and district from names and context', async () => {
    const summary = await resolveUnits(db);
    const units = new Map((await listUnits(db)).map((u) => [u.name, u]));
    const expected: [string, string | null, string | null][] = [
      ['东城区消防救援大队', '消防救援', '东城区'],
      ['江城市公安局东城分局和平里派出所', '公安', '东城区'],
      ['江城市公安局西城分局交通警察大队', '交警', '西城区'],
      ['和平里街道办事处', '街道办事处', '东城区'],
      ['安华物业服务有限公司', '物业', '东城区'],
      // a city bureau: sent 3 东城 appeals and 1 西城 one, and named after the city, so no district
      ['江城市住房和城乡建设局', '住建', null],
      ['江城市热力集团有限公司', '供热', null],
      ['某某文化传播中心', null, '东城区'],
      ['西城区市场监督管理局', '市场监管', '西城区'],
      // 高新区 shortens to 高新, not to 高 (新区 is only cut from longer names such as 浦东新区)
      ['江城市公安局高新分局创业派出所', '公安', '高新区'],
    ];
    for (const [name, kind, district] of expected) {
      expect(units.get(name), name).toMatchObject({ kind, district, origin: 'inferred' });
    }
    // platform codes are parties, not units
    expect(units.has('12345')).toBe(false);
    expect(units.has('110')).toBe(false);
    expect(summary).toEqual({ units: 10, manual: 0, inferredKind: 9, unknownKind: 1, noDistrict: 2 });
  });

  it('never overwrites a manual row, and keeps fields a manual edit leaves out', async () => {
    await resolveUnits(db);
    await setUnit(db, '某某文化传播中心', { kind: '文旅' });
    await setUnit(db, '东城区消防救援大队', { district: '西城区' });
    await resolveUnits(db);
    expect(await getUnit(db, '某某文化传播中心')).toEqual({ name: '某某文化传播中心', kind: '文旅', district: '东城区', origin: 'manual' });
    expect(await getUnit(db, '东城区消防救援大队')).toEqual({ name: '东城区消防救援大队', kind: '消防救援', district: '西城区', origin: 'manual' });
    expect((await listUnits(db, { unresolved: true })).map((u) => u.name)).toEqual([]);
    expect((await listUnits(db, { kind: '文旅' })).map((u) => u.appeals)).toEqual([3]);
  });
});
