import type { TopLevelSpec } from 'vega-lite';

/**
 * A document as a list of blocks, independent of the output format: every report is built once
 * as a `ReportDoc` and rendered to DOCX, XLSX (its tables) and a printable HTML page.
 */

export type DocumentKind = 'agenda' | 'minutes' | 'unit' | 'operation';

export type Cell = string | number | null;

/**
 * How a column's numbers read: int (count), pct (a share 0–1 shown as %), change (a relative
 * change 0.12 → +12.0%), pp (a difference of shares, in percentage points), num (one decimal),
 * text (as given).
 */
export type Format = 'text' | 'int' | 'pct' | 'change' | 'pp' | 'num';

export interface Column {
  header: string;
  /** Columns sharing a group get one merged header cell above theirs (e.g. 本期 / 同比 / 环比). */
  group?: string;
  format: Format;
}

export interface TableBlock {
  type: 'table';
  title: string;
  /** Sheet name in the XLSX annex (unique within a document, ≤ 31 characters). */
  sheet: string;
  columns: Column[];
  rows: Cell[][];
  note?: string;
}

export interface ChartBlock {
  type: 'chart';
  title: string;
  /** A Vega-Lite spec with its data inline. */
  spec: TopLevelSpec;
  width: number;
  height: number;
}

export interface HeadingBlock {
  type: 'heading';
  /** 1: 一、  2: （一）  3: 1. — numbers are added by the renderer. */
  level: 1 | 2 | 3;
  text: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  /** A lead-in shown in bold before the text (e.g. 牵头单位：). */
  label?: string;
  align?: 'left' | 'center' | 'right';
}

export type Block = TableBlock | ChartBlock | HeadingBlock | ParagraphBlock;

export interface ReportDoc {
  kind: DocumentKind;
  title: string;
  subtitle?: string;
  /** File name without extension. */
  fileStem: string;
  blocks: Block[];
  /** Issuing body and date, right-aligned at the end. */
  closing?: { org: string | null; date: string };
}

/** Every text in a document (titles, paragraphs, string cells), for the final masking pass. */
export function documentTexts(doc: ReportDoc): string[] {
  const out = [doc.title, doc.subtitle ?? '', doc.fileStem, doc.closing?.org ?? ''];
  for (const b of doc.blocks) {
    if (b.type === 'heading') out.push(b.text);
    else if (b.type === 'paragraph') out.push(b.text, b.label ?? '');
    else if (b.type === 'chart') out.push(b.title);
    else {
      out.push(b.title, b.sheet, b.note ?? '', ...b.columns.flatMap((c) => [c.header, c.group ?? '']));
      for (const r of b.rows) for (const c of r) if (typeof c === 'string') out.push(c);
    }
  }
  return out.filter((t) => t !== '');
}

/** The same document with every text replaced through `map` (numbers and chart data untouched). */
export function mapTexts(doc: ReportDoc, map: (s: string) => string): ReportDoc {
  const m = (s: string | undefined) => (s === undefined ? undefined : map(s));
  return {
    ...doc,
    title: map(doc.title),
    subtitle: m(doc.subtitle),
    fileStem: map(doc.fileStem),
    closing: doc.closing ? { ...doc.closing, org: doc.closing.org === null ? null : map(doc.closing.org) } : undefined,
    blocks: doc.blocks.map((b): Block => {
      if (b.type === 'heading') return { ...b, text: map(b.text) };
      if (b.type === 'paragraph') return { ...b, text: map(b.text), label: m(b.label) };
      if (b.type === 'chart') return { ...b, title: map(b.title) };
      return {
        ...b,
        title: map(b.title),
        sheet: map(b.sheet),
        note: m(b.note),
        columns: b.columns.map((c) => ({ ...c, header: map(c.header), group: m(c.group) })),
        rows: b.rows.map((r) => r.map((c) => (typeof c === 'string' ? map(c) : c))),
      };
    }),
  };
}
