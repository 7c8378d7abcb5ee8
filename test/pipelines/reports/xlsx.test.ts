import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { exportDocument, neutralise, renderXlsx, type DocumentRequest, type ReportDoc } from '../../../pipelines/reports/index.js';
import { tempDb } from '../../helpers/temp-db.js';
import { loadMeetings, PII } from './fixture.js';

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

const row = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as ExcelJS.CellValue[]).slice(1);

describe('XLSX annexes', () => {
  let db: Database;
  let cleanup = () => {};
  let ids = { first: 0, second: 0 };
  beforeAll(async () => {
    const t = await tempDb();
    db = t.db;
    cleanup = t.cleanup;
    ids = await loadMeetings(db, t.dir);
  });
  afterAll(() => cleanup());

  const xlsx = async (req: DocumentRequest) => read((await exportDocument(db, req, 'xlsx')).buffer);

  it('puts each table of the agenda on its own sheet, neutralising formula-like text', async () => {
    const wb = await xlsx({ document: 'agenda', meetingId: ids.second, followUp: { windowDays: 30, controls: 3 } });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['落实情况', '议程', '议题1-评分', '议题1-单位', '议题1-流向']);
    const agenda = wb.getWorksheet('议程')!;
    expect(agenda.getCell('A1').value).toBe('会议议程');
    expect(row(agenda, 2)).toEqual(['序号', '议题', '诉求量', '争议评分', '建议牵头单位', '备注']);
    expect(row(agenda, 3).slice(0, 3)).toEqual([1, '夜间施工噪音', 40]);
    // the hand-typed title =HYPERLINK(…) stays text; its notes are masked
    expect(agenda.getCell('B4').value).toBe('\'=HYPERLINK("http://x","点击")');
    expect(agenda.getCell('B4').formula).toBeUndefined();
    expect(String(agenda.getCell('F4').value)).toBe('身份证[身份证]，电话[电话]');

    // grouped columns sit under one merged header cell; numbers stay numbers
    const follow = wb.getWorksheet('落实情况')!;
    expect(follow.getCell('C2').value).toBe('职能性退单率');
    expect(follow.getCell('C2').isMerged && follow.getCell('E2').isMerged).toBe(true);
    expect(follow.getCell('E2').master.address).toBe('C2');
    expect(follow.getCell('A2').master.address).toBe('A2');
    expect(follow.getCell('A3').master.address).toBe('A2');
    expect(row(follow, 3).slice(2, 5)).toEqual(['施行前', '施行后', '净效应（百分点）']);
    const topic1 = follow.getRow(4);
    expect(topic1.getCell(1).value).toBe('小区电动车楼道充电');
    expect(topic1.getCell(3).value).toBeCloseTo(0.5, 12);
    expect(topic1.getCell(3).numFmt).toBe('0.0%');
    expect(topic1.getCell(4).value).toBeCloseTo(0.1, 12);
    // percentage points are stored as points
    expect(topic1.getCell(5).value).toBeCloseTo(-40, 9);
    expect(topic1.getCell(6).value).toBeCloseTo(48, 9);
    expect(topic1.getCell(7).value).toBeCloseTo(12, 9);
  });

  it('adds 同比 and 环比 columns to the operation report', async () => {
    const wb = await xlsx({ document: 'operation', period: '2024-04' });
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['平台', '渠道', '诉求类型', '数量指标', '比率指标', '时效指标', '承办单位', '热点问题']));
    const platform = wb.getWorksheet('平台')!;
    // merged cells read back as their master's value
    expect(row(platform, 2)).toEqual(['类别', '本期', '环比', '环比', '同比', '同比']);
    expect(['A3', 'B3', 'D2', 'F2'].map((a) => platform.getCell(a).master.address)).toEqual(['A2', 'B2', 'C2', 'E2']);
    expect(row(platform, 3)).toEqual(['类别', '本期', '上期', '增减', '去年同期', '增减']);
    const first = row(platform, 4);
    expect(first.slice(0, 3)).toEqual(['12345热线', 104, 103]);
    expect(first[3]).toBeCloseTo(1 / 103, 12);
    expect(platform.getRow(4).getCell(4).numFmt).toBe('+0.0%;-0.0%;0.0%');
    expect(row(platform, 5).slice(0, 3)).toEqual(['合计', 104, 103]);
  });

  it('neutralises every cell a spreadsheet could run as a formula', async () => {
    expect(['=1+1', '+86 138', '-2', '@SUM(A1)', '\tx', 'ok', '１+1'].map(neutralise)).toEqual(["'=1+1", "'+86 138", "'-2", "'@SUM(A1)", "'\tx", 'ok', '１+1']);
    const doc: ReportDoc = {
      kind: 'unit',
      title: '=title',
      fileStem: 'x',
      blocks: [{ type: 'table', title: '+t', sheet: 'a/b:c?', columns: [{ header: '@h', format: 'text' }, { header: 'n', format: 'int' }], rows: [['-1', -1], ['=A1', 2]] }],
    };
    const wb = await read(await renderXlsx(doc));
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('a_b_c_');
    const values = ws.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.slice(1) : []));
    // the title is merged across both columns
    expect(values).toEqual(["'+t", "'+t", "'@h", 'n', "'-1", -1, "'=A1", 2]);
  });

  it('contains no unmasked personal data', async () => {
    for (const req of [{ document: 'agenda', meetingId: ids.second }, { document: 'minutes', meetingId: ids.first }] as DocumentRequest[]) {
      const wb = await xlsx(req);
      for (const ws of wb.worksheets) for (const v of ws.getSheetValues().flat()) expect(PII.test(String(v ?? ''))).toBe(false);
    }
  });
});
