import { i18n, tOr } from './i18n.svelte.js';

const formats = new Map<string, Intl.NumberFormat>();

/** A number format for the interface language, made once: making one costs far more than using it. */
function nf(opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = i18n.locale === 'zh' ? 'zh-CN' : 'en';
  const key = `${locale} ${JSON.stringify(opts)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, opts)));
  return format;
}

export function int(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : nf({ maximumFractionDigits: 0 }).format(n);
}

export function num(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined ? '—' : nf({ maximumFractionDigits: digits }).format(n);
}

/** A p-value as papers write it: below 0.001 it is not worth more digits. */
export function pValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${num(p, 3)}`;
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

/** A unit kind (城管, 供热 …) in the interface language; a kind someone set by hand as it is. */
export function unitKind(kind: string | null | undefined): string {
  return kind ? tOr(`unitKind.${kind}`, kind) : '—';
}
