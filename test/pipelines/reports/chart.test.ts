import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderChart } from '../../../pipelines/reports/index.js';
import { trendSpec } from '../../../pipelines/reports/chart.js';

/** Decodes a PNG far enough to prove it is whole: header, dimensions, and the inflated pixel rows. */
function decodePng(png: Buffer): { width: number; height: number; bytes: number; rowBytes: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  let offset = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  for (;;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8];
      colorType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType]!;
  return { width, height, bytes: inflateSync(Buffer.concat(idat)).length, rowBytes: 1 + Math.ceil((width * channels * bitDepth) / 8) };
}

describe('charts rendered on the server', () => {
  it('draws a Vega-Lite spec to SVG and to a PNG that decodes at twice the size', async () => {
    const img = await renderChart(trendSpec([{ period: '01', value: 3 }, { period: '02', value: 7 }, { period: '03', value: 5 }], { yTitle: '诉求量（件）', width: 400, height: 160 }));
    expect(img.svg).toMatch(/^<svg[^>]+width="\d+"/);
    expect(img.svg).toContain('诉求量（件）');
    const png = decodePng(img.png);
    expect(png.width).toBe(img.width * 2);
    expect(png.height).toBe(img.height * 2);
    // the plot is 400 × 160 plus axes and titles
    expect(img.width).toBeGreaterThan(400);
    expect(img.width).toBeLessThan(600);
    expect(img.height).toBeGreaterThan(160);
    expect(img.height).toBeLessThan(300);
    expect(png.bytes).toBe(png.height * png.rowBytes);
  });
});
