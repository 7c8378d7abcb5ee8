import { describe, expect, it } from 'vitest';
import { mappingFit } from '../../../pipelines/ingest/mapping-fit.js';
import type { Mapping } from '../../../pipelines/ingest/types.js';

describe('mappingFit', () => {
  const mapping: Mapping = {
    kind: 'appeals',
    fields: {
      appeal_id: { hash: ['时间', '标题', '投诉件内容'] },
      received_at: '时间',
      content: { concat: ['标题', '投诉件内容'] },
      district: { column: '区县(工作表)', values: { 仓山: '仓山区' } },
    },
    constants: { platform: '12345' },
  };

  it('resolves every column a combined or recoded field reads, by shape', () => {
    const fit = mappingFit(mapping, ['时间', '标题', '投诉件内容', '区县（工作表）']);
    expect(fit).toEqual({ columns: { 时间: '时间', 标题: '标题', 投诉件内容: '投诉件内容', '区县(工作表)': '区县（工作表）' }, warnings: [], absentRequired: [] });
  });

  it('names a required field with one of its columns absent as stopping, an optional one as a warning', () => {
    const fit = mappingFit(mapping, ['时间', '投诉件内容']);
    expect(fit.absentRequired).toEqual(['appeal_id', 'content']);
    expect(fit.warnings).toEqual([{ field: 'district', columns: ['区县(工作表)'], constant: null }]);
  });
});
