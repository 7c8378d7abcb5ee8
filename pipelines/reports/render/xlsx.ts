import ExcelJS from 'exceljs';
import type { Cell, Column, Format, ReportDoc, TableBlock } from '../model.js';

/**
 * The document's tables as an Excel annex: one sheet per table, the title merged across the top,
 * grouped columns under one merged header cell, numbers kept as numbers with a display format.
 */

/**
 * Text a spreadsheet could take for a formula (= + - @, or a leading tab or carriage return) is
 * prefixed with an apostrophe, so a masked appeal text can never run as a formula when opened.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const NUM_FMT: Record<Format, string | undefined> = {
  text: undefined,
  int: '0',
  pct: '0.0%',
  change: '+0.0%;-0.0%;0.0%',
  pp: '+0.0;-0.0;0.0',
  num: '0.0',
};

function cellValue(v: Cell, format: Format): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'string') return neutralise(v);
  // percentage points are stored as points (2.1), not as a share difference (0.021)
  return format === 'pp' ? Math.round(v * 1000) / 10 : v;
}

/** Excel sheet names: ≤ 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet';
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)}_${k}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Display width of a text: CJK characters take two columns. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}

function writeHeader(ws: ExcelJS.Worksheet, columns: Column[], firstRow: number): number {
  const grouped = columns.some((c) => c.group);
  const rows = grouped ? 2 : 1;
  for (let i = 0; i < columns.length; ) {
    const c = columns[i];
    const col = i + 1;
    if (!c.group) {
      ws.getCell(firstRow, col).value = neutralise(c.header);
      if (grouped) ws.mergeCells(firstRow, col, firstRow + 1, col);
      i += 1;
      continue;
    }
    let j = i;
    while (j < columns.length && columns[j].group === c.group) {
      ws.getCell(firstRow + 1, j + 1).value = neutralise(columns[j].header);
      j += 1;
    }
    ws.getCell(firstRow, col).value = neutralise(c.group);
    if (j - i > 1) ws.mergeCells(firstRow, col, firstRow, j);
    i = j;
  }
  for (let r = firstRow; r < firstRow + rows; r++) {
    const row = ws.getRow(r);
    row.font = { bold: true };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    for (let c = 1; c <= columns.length; c++) {
      row.getCell(c).border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
      row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    }
  }
  return rows;
}

function addTable(wb: ExcelJS.Workbook, b: TableBlock, taken: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(b.sheet, taken), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const n = b.columns.length;
  ws.getCell(1, 1).value = neutralise(b.title);
  if (n > 1) ws.mergeCells(1, 1, 1, n);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  const headerRows = writeHeader(ws, b.columns, 2);
  const first = 2 + headerRows;
  for (const [k, r] of b.rows.entries()) {
    const row = ws.getRow(first + k);
    r.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      const format = b.columns[c].format;
      cell.value = cellValue(v, format);
      if (typeof v === 'number' && NUM_FMT[format]) cell.numFmt = NUM_FMT[format]!;
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
      cell.alignment = { vertical: 'top', wrapText: format === 'text' };
    });
  }
  if (b.note) ws.getCell(first + b.rows.length + 1, 1).value = neutralise(`注：${b.note}`);
  b.columns.forEach((c, i) => {
    const longest = Math.max(textWidth(c.header), ...b.rows.map((r) => textWidth(String(r[i] ?? ''))));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
  });
  ws.views = [{ state: 'frozen', ySplit: first - 1 }];
  ws.pageSetup.printTitlesRow = `2:${first - 1}`;
}

export async function renderXlsx(doc: ReportDoc): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Linkage Insight';
  wb.title = doc.title;
  const taken = new Set<string>();
  const tables = doc.blocks.filter((b): b is TableBlock => b.type === 'table');
  for (const b of tables) addTable(wb, b, taken);
  if (!tables.length) addTable(wb, { type: 'table', title: doc.title, sheet: doc.title, columns: [{ header: doc.title, format: 'text' }], rows: [] }, taken);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
