import { describe, expect, it } from 'vitest';
import { cellText, change, chineseDate, chineseNumber, pct, pp } from '../../../pipelines/reports/format.js';
import { Numbering } from '../../../pipelines/reports/render/numbering.js';
import { comparisonPeriods, parsePeriod } from '../../../pipelines/reports/index.js';

describe('official numbering and numbers', () => {
  it('numbers headings 一、 （一） 1. and restarts each level under its parent', () => {
    const n = new Numbering();
    expect([n.next(1), n.next(2), n.next(2), n.next(3), n.next(1), n.next(2), n.next(3), n.next(3)]).toEqual(['一、', '（一）', '（二）', '1.', '二、', '（一）', '1.', '2.']);
    expect([1, 9, 10, 11, 19, 20, 21, 35].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十一', '三十五']);
  });

  it('writes shares, changes and percentage points with their sign', () => {
    expect([pct(0.1234), pct(null), change(0.1234), change(-0.05), change(0), pp(-0.4), pp(0.021)]).toEqual(['12.3%', '—', '+12.3%', '-5.0%', '0.0%', '-40.0', '+2.1']);
    expect([cellText(null, 'int'), cellText('x', 'pct'), cellText(3.14159, 'num'), cellText(41.6, 'int')]).toEqual(['—', 'x', '3.1', '42']);
    expect(chineseDate('2024-05-09')).toBe('2024年5月9日');
  });

  it('finds the periods a 通报 compares with', () => {
    expect(parsePeriod('2024-02')).toEqual({ kind: 'month', key: '2024-02', label: '2024年2月', from: '2024-02-01', to: '2024-02-29' });
    expect(parsePeriod('2024-Q4')).toEqual({ kind: 'quarter', key: '2024-Q4', label: '2024年第四季度', from: '2024-10-01', to: '2024-12-31' });
    const m = comparisonPeriods(parsePeriod('2024-01'));
    expect([m.prev.key, m.yoy.key]).toEqual(['2023-12', '2023-01']);
    const q = comparisonPeriods(parsePeriod('2024-Q1'));
    expect([q.prev.key, q.yoy.key]).toEqual(['2023-Q4', '2023-Q1']);
  });
});
