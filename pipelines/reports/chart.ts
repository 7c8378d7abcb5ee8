import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { chartFonts } from './fonts.js';

/**
 * Charts are drawn on the server: Vega-Lite → Vega → SVG (no browser, no canvas), then PNG through
 * resvg for Word. The printable page embeds the SVG itself.
 */

export interface ChartImage {
  svg: string;
  png: Buffer;
  /** CSS pixels (the PNG holds `PNG_SCALE` times as many). */
  width: number;
  height: number;
}

export const PNG_SCALE = 2;

/** Shared look: readable in print, CJK text, digits in a Latin font, no outer frame. */
export function withChartConfig(spec: TopLevelSpec): TopLevelSpec {
  const fonts = chartFonts();
  return {
    ...spec,
    background: 'white',
    config: {
      font: fonts.text,
      view: { stroke: null },
      axis: { labelFont: fonts.labels, labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: '#e5e5e5', tickCount: 5 },
      legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom' },
      ...(spec as { config?: object }).config,
    },
  } as TopLevelSpec;
}

export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(withChartConfig(spec)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** PNG of an SVG at twice its size, rasterised on libuv's thread pool (several at once use every core). */
export async function svgToPng(svg: string): Promise<{ png: Buffer; width: number; height: number }> {
  const files = chartFonts().files;
  const rendered = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    font: files.length ? { loadSystemFonts: false, fontFiles: files } : { loadSystemFonts: true },
    background: 'white',
  });
  return { png: rendered.asPng(), width: Math.round(rendered.width / PNG_SCALE), height: Math.round(rendered.height / PNG_SCALE) };
}

export async function renderChart(spec: TopLevelSpec): Promise<ChartImage> {
  const svg = await chartSvg(spec);
  return { svg, ...(await svgToPng(svg)) };
}

/**
 * Appeals per period as a line with points. Without a `yTitle` the chart holds no Chinese text at
 * all (the caption carries the unit): each CJK string costs resvg about a tenth of a second to
 * shape from the large CJK font, which a pack of ten charts would pay ten times.
 */
export function trendSpec(points: { period: string; value: number }[], opts: { width?: number; height?: number; yTitle?: string; xTitle?: string } = {}): TopLevelSpec {
  return {
    width: opts.width ?? 480,
    height: opts.height ?? 180,
    data: { values: points },
    mark: { type: 'line', color: '#c0392b', point: { color: '#c0392b' } },
    encoding: {
      x: { field: 'period', type: 'ordinal', title: opts.xTitle ?? null, axis: { labelAngle: -40 } },
      y: { field: 'value', type: 'quantitative', title: opts.yTitle ?? null },
    },
  };
}

/** Several series per period as lines (e.g. received, accepted, returned). */
export function seriesSpec(points: { period: string; series: string; value: number }[], opts: { width?: number; height?: number; yTitle: string }): TopLevelSpec {
  return {
    width: opts.width ?? 480,
    height: opts.height ?? 180,
    data: { values: points },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'period', type: 'ordinal', title: null, axis: { labelAngle: -40 } },
      y: { field: 'value', type: 'quantitative', title: opts.yTitle },
      color: { field: 'series', type: 'nominal', title: null },
    },
  };
}
