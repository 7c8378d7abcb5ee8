import {
  AlignmentType,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { renderChart, type ChartImage } from '../chart.js';
import { cellText, chineseDate } from '../format.js';
import type { Block, ChartBlock, Column, ReportDoc, TableBlock } from '../model.js';
import { Numbering } from './numbering.js';

/**
 * Word output in the layout of GB/T 9704-2012 official documents: A4, margins 37/35/28/26 mm,
 * title 方正小标宋简体 22 pt, headings 黑体 / 楷体_GB2312 / 仿宋_GB2312 bold at 16 pt, body
 * 仿宋_GB2312 16 pt on a fixed 28.95 pt line (22 lines a page), Arabic numerals and Latin text in
 * Times New Roman, page numbers "— 1 —" in 宋体 14 pt at the outside edge (right on odd pages,
 * left on even pages, one character in). Fonts are named, not embedded: Word substitutes on
 * machines without them, as it does for every official document.
 */

export const FONTS = { title: '方正小标宋简体', h1: '黑体', h2: '楷体_GB2312', body: '仿宋_GB2312', pageNumber: '宋体' } as const;
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

const twip = (mm: number) => Math.round((mm * 1440) / 25.4);
const half = (pt: number) => pt * 2;
const LINE = 579; // 28.95 pt: 225 mm of text height / 22 lines
const INDENT = 640; // two characters of 16 pt
const TEXT_WIDTH = twip(210 - MARGINS_MM.left - MARGINS_MM.right);
const MAX_IMAGE_PX = 560;

function font(eastAsia: string, latin = 'Times New Roman'): IRunOptions['font'] {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia };
}

const run = (text: string, eastAsia: string, pt: number, bold = false) => new TextRun({ text, font: font(eastAsia), size: Math.round(half(pt)), bold });

const exact = (line = LINE) => ({ line, lineRule: LineRuleType.EXACT });

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED } as const;

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const f = font(FONTS.pageNumber, FONTS.pageNumber);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: f, size: half(14) })],
      }),
    ],
  });
}

function columnWidths(columns: Column[]): number[] {
  const weight = columns.map((c) => (c.format === 'text' ? 3 : 1.3));
  const total = weight.reduce((a, b) => a + b, 0);
  return weight.map((w) => Math.floor((TEXT_WIDTH * w) / total));
}

/** Table text: 小四 (12 pt), or 五号 (10.5 pt) for tables too wide for the page at 小四. */
const WIDE = 9;
const tablePt = (columns: Column[]) => (columns.length >= WIDE ? 10.5 : 12);

function cellParagraph(text: string, align: 'left' | 'center' | 'right', pt: number, bold = false): Paragraph {
  return new Paragraph({ alignment: ALIGN[align], spacing: { line: 260, lineRule: LineRuleType.AUTO }, children: [run(text, FONTS.body, pt, bold)] });
}

function headerRows(columns: Column[]): TableRow[] {
  const grouped = columns.some((c) => c.group);
  const head = (text: string, extra: { rowSpan?: number; columnSpan?: number } = {}) =>
    new TableCell({ ...extra, verticalAlign: VerticalAlign.CENTER, children: [cellParagraph(text, 'center', tablePt(columns), true)] });
  if (!grouped) return [new TableRow({ tableHeader: true, children: columns.map((c) => head(c.header)) })];
  const top: TableCell[] = [];
  const bottom: TableCell[] = [];
  for (let i = 0; i < columns.length; ) {
    const g = columns[i].group;
    if (!g) {
      top.push(head(columns[i].header, { rowSpan: 2 }));
      i += 1;
      continue;
    }
    let j = i;
    while (j < columns.length && columns[j].group === g) bottom.push(head(columns[j++].header));
    top.push(head(g, { columnSpan: j - i }));
    i = j;
  }
  return [new TableRow({ tableHeader: true, children: top }), new TableRow({ tableHeader: true, children: bottom })];
}

function table(b: TableBlock, n: number): (Paragraph | Table)[] {
  const widths = columnWidths(b.columns);
  const rows = b.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.map(
          (v, k) =>
            new TableCell({ verticalAlign: VerticalAlign.CENTER, children: [cellParagraph(cellText(v, b.columns[k].format), b.columns[k].format === 'text' ? 'left' : 'right', tablePt(b.columns))] }),
        ),
      }),
  );
  const out: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(), keepNext: true, children: [run(`表${n}  ${b.title}`, FONTS.body, 14, true)] }),
    new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [...headerRows(b.columns), ...rows] }),
  ];
  if (b.note) out.push(new Paragraph({ spacing: exact(), children: [run(`注：${b.note}`, FONTS.body, 12)] }));
  return out;
}

function chart(b: ChartBlock, img: ChartImage, n: number): Paragraph[] {
  const scale = Math.min(1, MAX_IMAGE_PX / img.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: img.png,
          transformation: { width: Math.round(img.width * scale), height: Math.round(img.height * scale) },
          altText: { name: b.title, description: b.title, title: b.title },
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(), children: [run(`图${n}  ${b.title}`, FONTS.body, 14)] }),
  ];
}

function body(blocks: Block[], images: Map<Block, ChartImage>): (Paragraph | Table)[] {
  const numbering = new Numbering();
  const out: (Paragraph | Table)[] = [];
  let tables = 0;
  let charts = 0;
  for (const b of blocks) {
    switch (b.type) {
      case 'heading': {
        const label = numbering.next(b.level) + b.text;
        const face = b.level === 1 ? FONTS.h1 : b.level === 2 ? FONTS.h2 : FONTS.body;
        out.push(new Paragraph({ spacing: exact(), indent: { firstLine: INDENT }, keepNext: true, children: [run(label, face, 16, b.level === 3)] }));
        break;
      }
      case 'paragraph': {
        const align = b.align ?? 'both';
        const children = b.label ? [run(b.label, FONTS.body, 16, true), run(b.text, FONTS.body, 16)] : [run(b.text, FONTS.body, 16)];
        out.push(new Paragraph({ alignment: ALIGN[align], spacing: exact(), indent: align === 'both' ? { firstLine: INDENT } : undefined, children }));
        break;
      }
      case 'table':
        out.push(...table(b, ++tables));
        break;
      case 'chart':
        out.push(...chart(b, images.get(b)!, ++charts));
        break;
    }
  }
  return out;
}

export async function renderDocx(doc: ReportDoc): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(700), children: [run(doc.title, FONTS.title, 22)] }),
  ];
  if (doc.subtitle) children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(), children: [run(doc.subtitle, FONTS.h2, 16)] }));
  children.push(new Paragraph({ spacing: exact(), children: [] }));
  // charts are rasterised all at once: each takes tens of milliseconds of one core
  const charts = doc.blocks.filter((b): b is ChartBlock => b.type === 'chart');
  const images = new Map<Block, ChartImage>(await Promise.all(charts.map(async (b) => [b, await renderChart(b.spec)] as const)));
  children.push(...body(doc.blocks, images));
  if (doc.closing) {
    children.push(new Paragraph({ spacing: exact(), children: [] }));
    if (doc.closing.org) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: INDENT }, spacing: exact(), children: [run(doc.closing.org, FONTS.body, 16)] }));
    children.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: INDENT }, spacing: exact(), children: [run(chineseDate(doc.closing.date), FONTS.body, 16)] }));
  }
  const document = new Document({
    title: doc.title,
    creator: 'Linkage Insight',
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONTS.body), size: half(16) }, paragraph: { spacing: exact() } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twip(210), height: twip(297) },
            margin: { top: twip(MARGINS_MM.top), bottom: twip(MARGINS_MM.bottom), left: twip(MARGINS_MM.left), right: twip(MARGINS_MM.right), footer: twip(28) },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
