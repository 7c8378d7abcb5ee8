import { describe, expect, it } from 'vitest';
import { columnResolver } from '../../../pipelines/ingest/column-match.js';

describe('columnResolver', () => {
  it('finds a header by its text, else by its shape: case, spacing, punctuation and width aside', () => {
    const resolve = columnResolver(['Unique Key', 'CreatedDate', 'closed_date', '受理时间（北京）', 'Ｂｏｒｏｕｇｈ']);
    expect(['Unique Key', 'Created Date', 'Closed Date', '受理时间(北京)', 'borough', 'Agency'].map(resolve)).toEqual([
      'Unique Key', 'CreatedDate', 'closed_date', '受理时间（北京）', 'Ｂｏｒｏｕｇｈ', undefined,
    ]);
  });

  it('prefers the exact header, and gives none when two headers share a shape', () => {
    expect(columnResolver(['Status', 'status'])('status')).toBe('status');
    expect(columnResolver(['Status', 'STATUS'])('status')).toBeUndefined();
  });
});
