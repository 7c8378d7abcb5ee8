import type { Cell, Format } from './model.js';

/** Numbers as an official Chinese report writes them. */

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 21 → 二十一 (headings rarely pass twenty). */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN_NUMERALS[n - 1];
  if (n < 20) return `十${CN_NUMERALS[n - 11]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CN_NUMERALS[tens - 1]}十${ones ? CN_NUMERALS[ones - 1] : ''}`;
}

const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '-' : '');

export function pct(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(digits)}%`;
}

export function num(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);
}

export function int(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : String(Math.round(x));
}

/** A relative change with its sign: 0.123 → +12.3%. */
export function change(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : `${sign(x)}${Math.abs(x * 100).toFixed(1)}%`;
}

/** A difference of two shares in percentage points, with its sign: 0.021 → +2.1. */
export function pp(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : `${sign(x)}${Math.abs(x * 100).toFixed(1)}`;
}

/** A cell as text in the column's format. */
export function cellText(value: Cell, format: Format): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'int':
      return int(value);
    case 'pct':
      return pct(value);
    case 'change':
      return change(value);
    case 'pp':
      return pp(value);
    case 'num':
      return num(value);
    default:
      return String(value);
  }
}

/** 2024-05-10 → 2024年5月10日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
