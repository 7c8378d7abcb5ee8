import { describe, expect, it } from 'vitest';
import { rawRowText, sourceFields } from '../../../pipelines/ingest/reject-rows.js';

describe('a reject’s row', () => {
  it('reads a row that was split as its fields, in column order, and shows the filled ones as pairs', () => {
    const raw = JSON.stringify({ 工单编号: 'A2', 来电时间: '某天', 所属区县: null, 诉求内容: '井盖丢失 [电话]' });
    expect(Object.keys(sourceFields(raw)!)).toEqual(['工单编号', '来电时间', '所属区县', '诉求内容']);
    expect(rawRowText(raw)).toBe('工单编号: A2 · 来电时间: 某天 · 诉求内容: 井盖丢失 [电话]');
  });

  it('leaves a row that could not be split as its text, even one that starts with a brace', () => {
    for (const raw of ['A3,2025/6/3 9:00,多出的一列', '{"工单编号": "A4", "来电', '[1,2]', '{broken,row']) {
      expect(sourceFields(raw)).toBeNull();
      expect(rawRowText(raw)).toBe(raw);
    }
    expect(rawRowText(null)).toBe('');
  });
});
