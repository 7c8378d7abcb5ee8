import type { TopLevelSpec } from 'vega-lite';

/** Chart fonts: the CJK fonts the product's machines have (fonts-noto-cjk), then the system's. */
const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif';

const CONFIG = {
  font: FONT,
  axis: { labelFontSize: 12, titleFontSize: 13, labelLimit: 220 },
  legend: { labelFontSize: 12, titleFontSize: 13, labelLimit: 260 },
  view: { stroke: null },
  range: { category: ['#1f5fa8', '#d9822b', '#2a9d6b', '#b5394e', '#7a5cb8', '#8c6d3f', '#4aa3c7', '#9a9a9a'] },
};

const base = (height: number) => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: 'container' as const,
  height,
  autosize: { type: 'fit' as const, contains: 'padding' as const },
  config: CONFIG,
});

type Rows = Record<string, unknown>[];

export interface Axis {
  field: string;
  title: string;
  /** d3 number format of values, e.g. '.0%' for shares. */
  format?: string;
}

/** A line over periods, one line per `color` value when given. */
export function lineChart(rows: Rows, x: Axis, y: Axis, color?: Axis, height = 260): TopLevelSpec {
  return {
    ...base(height),
    data: { values: rows },
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: { field: x.field, type: 'ordinal', title: x.title, axis: { labelAngle: -40 } },
      y: { field: y.field, type: 'quantitative', title: y.title, axis: y.format ? { format: y.format } : {} },
      ...(color ? { color: { field: color.field, type: 'nominal', title: color.title } } : {}),
      tooltip: [
        { field: x.field, title: x.title },
        ...(color ? [{ field: color.field, title: color.title }] : []),
        { field: y.field, title: y.title, type: 'quantitative', ...(y.format ? { format: y.format } : {}) },
      ],
    },
  } as TopLevelSpec;
}

/** Bars over categories or periods, stacked by `color` when given. */
export function barChart(rows: Rows, x: Axis, y: Axis, color?: Axis, opts: { horizontal?: boolean; height?: number; sort?: boolean } = {}): TopLevelSpec {
  const cat = { field: x.field, type: 'nominal', title: x.title, ...(opts.sort ? { sort: '-x' } : {}) };
  const val = { field: y.field, type: 'quantitative', title: y.title, axis: y.format ? { format: y.format } : {} };
  return {
    ...base(opts.height ?? 260),
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      ...(opts.horizontal ? { y: cat, x: val } : { x: { ...cat, axis: { labelAngle: -40 } }, y: val }),
      ...(color ? { color: { field: color.field, type: 'nominal', title: color.title } } : {}),
      tooltip: [
        { field: x.field, title: x.title },
        ...(color ? [{ field: color.field, title: color.title }] : []),
        { field: y.field, title: y.title, type: 'quantitative', ...(y.format ? { format: y.format } : {}) },
      ],
    },
  } as TopLevelSpec;
}
