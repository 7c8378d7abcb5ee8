import type { TopLevelSpec } from 'vega-lite';

export interface RenderedChart {
  toImageURL: (type: 'png' | 'svg', scale?: number) => Promise<string>;
  finalize: () => void;
}

/**
 * Renders a Vega-Lite spec into `el`. The charting libraries (~300 KB gzipped) are loaded on first
 * use only, and expressions run through vega-interpreter, so the page needs no 'unsafe-eval'.
 */
export async function renderChart(el: HTMLElement, spec: TopLevelSpec): Promise<RenderedChart> {
  const [{ default: embed }, { expressionInterpreter }] = await Promise.all([import('vega-embed'), import('vega-interpreter')]);
  const result = await embed(el, spec, { actions: false, renderer: 'svg', ast: true, expr: expressionInterpreter });
  return {
    toImageURL: (type, scale) => result.view.toImageURL(type, scale),
    finalize: () => result.finalize(),
  };
}
