import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../../../pipelines/reports/render/csv.js';

describe('CSV cells', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+86 138')).toBe(`'+86 138`);
    expect(csvCell('-1+2')).toBe(`'-1+2`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvCell('\t=1')).toBe(`'\t=1`);
    expect(csvCell('楼道=充电')).toBe('楼道=充电');
  });

  it('keeps a plain signed number as text, not a formula', () => {
    expect(['-73.95', '+8', '-1e5', '-0x1'].map(csvCell)).toEqual(['-73.95', '+8', `'-1e5`, `'-0x1`]);
  });

  it('quotes separators, quotes and line breaks, keeps numbers and empties plain', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', -3, null, undefined])).toBe(`"a,b","say ""hi""","two\nlines",-3,,\r\n`);
  });
});
