import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { rejectsCsvWords, type Locale } from '../../../client/src/i18n/messages.js';
import { rejectsCsv as csvOf, type RejectForCsv } from '../../../pipelines/ingest/rejects-csv.js';

// in the dashboard's words, as the server writes them
const rejectsCsv = (rows: RejectForCsv[], locale: Locale) => csvOf(rows, rejectsCsvWords(locale));

const checked = {
  source_row: 3,
  reason: "来电时间 '某天' is not a date",
  reason_data: JSON.stringify({ code: 'not_a_date', label: '来电时间', value: "'某天'" }),
  raw: JSON.stringify({ 工单编号: 'A2', 来电时间: '某天', 经度: '-73.95', 诉求内容: '=井盖丢失' }),
};
const unsplit = {
  source_row: 4,
  reason: 'the row has more fields than the header (Expected Number of Columns: 4 Found: 5)',
  reason_data: JSON.stringify({ code: 'too_many_fields', expected: 4, found: 5 }),
  raw: 'A3,2025/6/3 9:00,-1,井盖丢失,多出的一列',
};

const read = (csv: string) => parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];

describe('rejectsCsv', () => {
  it("puts split rows back under the file's columns, with the reason in the language asked for", () => {
    expect(read(rejectsCsv([checked], 'zh'))).toEqual([
      ['行号', '原因', '工单编号', '来电时间', '经度', '诉求内容'],
      ['3', "来电时间 '某天' 不是日期", 'A2', '某天', '-73.95', "'=井盖丢失"],
    ]);
    expect(read(rejectsCsv([checked], 'en'))[1][1]).toBe("来电时间 '某天' is not a date");
  });

  it('keeps a row that could not be split as its raw text, in a column of its own', () => {
    expect(read(rejectsCsv([checked, unsplit], 'zh'))).toEqual([
      ['行号', '原因', '工单编号', '来电时间', '经度', '诉求内容', '无法拆分的原始行'],
      ['3', "来电时间 '某天' 不是日期", 'A2', '某天', '-73.95', "'=井盖丢失", ''],
      ['4', '该行的字段比表头多（表头 4 列，该行 5 列）', '', '', '', '', 'A3,2025/6/3 9:00,-1,井盖丢失,多出的一列'],
    ]);
  });

  it('starts with a byte-order mark, so Excel reads the Chinese as UTF-8', () => {
    expect(rejectsCsv([], 'zh').startsWith('\uFEFF行号,原因')).toBe(true);
  });
});
