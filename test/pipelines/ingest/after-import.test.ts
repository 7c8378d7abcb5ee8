import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { getUnit } from '../../../pipelines/disputes/index.js';
import { afterImport } from '../../../pipelines/ingest/after-import.js';
import { importFile } from '../../../pipelines/ingest/index.js';
import { afterImportText } from '../../../pipelines/ingest/report-text.js';
import { tempDb } from '../../helpers/temp-db.js';

const HEADER = '工单编号,来电时间,来电号码,所属区县,诉求内容,承办单位';
const PROBLEMS = [
  ['楼道里有人给电动车充电，存在火灾隐患', '东城区消防救援大队'],
  ['小区广场舞音响声音太大，晚上十点还在跳', '东城区城市管理综合执法局'],
  ['饭店油烟直排，家里窗户都不能开', '东城区生态环境局'],
];

function orders(path: string, from: number, count: number, unit?: string): string {
  const rows = Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const [text, owner] = PROBLEMS[i % PROBLEMS.length];
    return `GD${String(i).padStart(6, '0')},2025/3/${1 + (i % 28)} 9:00,1380000${String(i).padStart(4, '0')},东城区,${text}（第${i}次）,${unit ?? owner}`;
  });
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  return path;
}

let db: Database;
let dir: string;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, dir, cleanup } = await tempDb());
});
afterAll(() => cleanup());

describe('after an import', () => {
  it('learns topics once on a database without any, with the units named so far resolved first', async () => {
    const report = await importFile(db, orders(join(dir, 'a.csv'), 0, 60), { preset: 'cn-12345-workorders' });
    const after = await afterImport(db, report);
    expect(after).toMatchObject({ units: { known: 3, unknownKind: 0 }, topics: { kind: 'run', appeals: 60 }, signalsRecomputed: true });
    const lines = afterImportText(after);
    expect(lines[0]).toBe('units: 3 known, 0 of unknown kind');
    expect(lines[1]).toMatch(/^topics: [1-9]\d* topics found over 60 appeals/);
    expect(lines).toContain('dispute signals recomputed');
  });

  it('assigns new appeals to the topics, and resolves a unit named for the first time before the signals use it', async () => {
    const report = await importFile(db, orders(join(dir, 'b.csv'), 60, 6, '西城区市场监督管理局'), { preset: 'cn-12345-workorders' });
    const after = await afterImport(db, report);
    expect(after).toMatchObject({ units: { known: 4, unknownKind: 0 }, topics: { kind: 'assigned' } });
    expect(afterImportText(after)[1]).toMatch(/^topics: \d+ new appeals assigned to existing topics/);
    expect(await getUnit(db, '西城区市场监督管理局')).toMatchObject({ origin: 'inferred', kind: '市场监管' });
    const signals = await db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM appeal_signals WHERE appeal_id BETWEEN 'GD000060' AND 'GD000065'");
    expect(signals[0].n).toBe(6);
  });

  it('does nothing after an import that changed nothing', async () => {
    const report = await importFile(db, join(dir, 'b.csv'), { preset: 'cn-12345-workorders' });
    expect(report.unchanged).toBe(6);
    const after = await afterImport(db, report);
    expect(after).toEqual({ units: null, topics: null, signalsRecomputed: false });
    expect(afterImportText(after)).toEqual([]);
  });
});
