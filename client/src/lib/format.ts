import { i18n } from './i18n.svelte.js';

const nf = (opts: Intl.NumberFormatOptions) => new Intl.NumberFormat(i18n.locale === 'zh' ? 'zh-CN' : 'en', opts);

export function int(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : nf({ maximumFractionDigits: 0 }).format(n);
}

export function num(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined ? '—' : nf({ maximumFractionDigits: digits }).format(n);
}

export function pct(share: number | null | undefined, digits = 1): string {
  return share === null || share === undefined ? '—' : nf({ style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(share);
}

/** A KPI value in its unit: shares as percentages, minutes and counts as numbers. */
export function kpiValue(value: number | null, unit: string): string {
  if (unit === 'share') return pct(value);
  if (unit === 'minutes') return num(value, 0);
  return int(value);
}
