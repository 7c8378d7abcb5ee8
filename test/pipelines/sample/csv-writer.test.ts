import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsvWriter } from '../../../pipelines/sample/csv-writer.js';
import { tempDir } from '../../helpers/temp-db.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('CSV writer', () => {
  it('quotes fields with commas, quotes and line breaks so a CSV reader gets them back', async () => {
    const path = join(dir, 'a.csv');
    const w = new CsvWriter(path, ['编号', '内容']);
    const rows = [['1', '普通文本'], ['2', '有逗号,的文本'], ['3', '说是"已经处理"'], ['4', '第一段\n第二段'], ['5', '']];
    for (const r of rows) await w.row(r);
    await w.close();
    expect(w.rows).toBe(5);
    const raw = readFileSync(path, 'utf8');
    expect(raw.startsWith('编号,内容\r\n1,普通文本\r\n')).toBe(true);
    expect(raw).toContain('"说是""已经处理"""');
    expect(parse(raw)).toEqual([['编号', '内容'], ...rows]);
  });

  it('streams many megabytes without losing or reordering rows', async () => {
    const path = join(dir, 'big.csv');
    const w = new CsvWriter(path, ['i', 'text']);
    // 12,000 rows of 450 UTF-8 bytes: more than the 4 MB the writer buffers at a time
    const text = '楼道里电动车充电存在火灾隐患，'.repeat(10);
    for (let i = 0; i < 12_000; i++) {
      const pause = w.row([String(i), text]);
      if (pause) await pause;
    }
    await w.close();
    const lines = readFileSync(path, 'utf8').split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(12_001);
    expect(lines.slice(1).filter((l, i) => l !== `${i},${text}`)).toEqual([]);
  });
});
