import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../pipelines/db/database.js';
import { importFile } from '../../../../pipelines/ingest/index.js';
import { tempDb } from '../../../helpers/temp-db.js';
import { writeZip } from '../../../helpers/zip.js';

let db: Database;
let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, dir, cleanup } = await tempDb());
});
afterEach(() => cleanup());

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook whose first sheet (in workbook order) is `sheet`, stored as data.xml; sheet1.xml is a decoy second sheet. */
function workbook(name: string, sheet: string, sharedStrings?: string): string {
  const path = join(dir, name);
  writeZip(path, {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="工单" sheetId="7" r:id="rId9"/><sheet name="说明" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Target="worksheets/data.xml" Type="${RELS}/worksheet" Id="rId9"/><Relationship Id="rId3" Type="${RELS}/sharedStrings" Target="/xl/strings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>这是说明页</t></is></c></row></sheetData></worksheet>`,
    'xl/worksheets/data.xml': sheet,
    ...(sharedStrings ? { 'xl/strings.xml': sharedStrings } : {}),
  });
  return path;
}

describe('the XLSX reader', () => {
  it('reads the first sheet the way Excel writes it: shared and inline strings, gaps, title and group rows', async () => {
    const strings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="6" uniqueCount="6">
      <si><t>工单编号</t></si><si><t>来电时间</t></si><si><t xml:space="preserve"> 诉求内容 </t></si><si><t>承办单位</t></si><si><t>是否解决</t></si>
      <si><r><rPr><b/></rPr><t>楼道</t></r><r><t>堆物</t></r><rPh sb="0" eb="2"><t>ロウドウ</t></rPh></si></sst>`;
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>
      <row r="1"><c r="A1" t="inlineStr"><is><t>江城市12345热线工单明细</t></is></c></row>
      <row r="2"><c r="A2" t="inlineStr"><is><t>基本信息</t></is></c><c r="C2" t="inlineStr"><is><t>办理情况</t></is></c></row>
      <row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" t="s"><v>2</v></c><c r="D3" t="s"><v>3</v></c><c r="E3" t="s"><v>4</v></c></row>
      <row r="4"><c r="A4" t="str"><f>"GD"&amp;1</f><v>GD1</v></c><c r="B4" s="3"><v>45793.335416666669</v></c><c r="C4" t="s"><v>5</v></c><c r="D4" t="inlineStr"><is><r><t>A &amp; B</t></r><r><t>单位</t></r></is></c><c r="E4" t="b"><v>1</v></c></row>
      <row><c t="str"><v>GD2</v></c><c t="str"><v>2025/5/17 9:00</v></c><c t="inlineStr"><is><t>井盖&lt;缺失&gt;_x000D_</t></is></c><c/><c t="b"><v>0</v></c></row>
      <row r="7"><c r="A7" t="inlineStr"><is><t>GD3</t></is></c><c r="B7"><v>45795.5</v></c><c r="C7" t="inlineStr"><is><t><![CDATA[路灯<不亮>]]></t></is></c></row>
      <row r="8"/>
    </sheetData><mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells></worksheet>`;
    const r = await importFile(db, workbook('wo.xlsx', sheet, strings));
    expect(r).toMatchObject({ format: 'xlsx', rowsRead: 3, inserted: 3, rejected: 0 });
    const rows = await db.query<{ appeal_id: string; received_at: Date; content: string; handling_unit: string | null; resolved: boolean | null; source_row: number }>(
      'SELECT appeal_id, received_at, content, handling_unit, resolved, source_row FROM appeals ORDER BY appeal_id',
    );
    expect(rows.map((x) => [x.appeal_id, x.source_row, x.content, x.handling_unit, x.resolved])).toEqual([
      ['GD1', 4, '楼道堆物', 'A & B单位', true],
      ['GD2', 5, '井盖<缺失>', null, false],
      ['GD3', 7, '路灯<不亮>', null, null],
    ]);
    expect(rows.map((x) => x.received_at.toISOString())).toEqual(['2025-05-16T00:03:00.000Z', '2025-05-17T01:00:00.000Z', '2025-05-18T04:00:00.000Z']);
  });

  it('reads element names with a namespace prefix', async () => {
    const sheet = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>
      <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>工单编号</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>来电时间</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>诉求内容</x:t></x:is></x:c></x:row>
      <x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>GD9</x:t></x:is></x:c><x:c r="B2"><x:v>45793.5</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>噪音扰民</x:t></x:is></x:c></x:row>
    </x:sheetData></x:worksheet>`;
    expect(await importFile(db, workbook('ns.xlsx', sheet))).toMatchObject({ rowsRead: 1, inserted: 1 });
    expect(await db.query('SELECT appeal_id, content, source_row FROM appeals')).toEqual([{ appeal_id: 'GD9', content: '噪音扰民', source_row: 2 }]);
  });

  it('rejects a row with filled cells beyond the header, under its sheet row number', async () => {
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData>
      <row r="1">${cell('A1', '工单编号')}${cell('B1', '来电时间')}${cell('C1', '诉求内容')}</row>
      <row r="2">${cell('A2', 'GD1')}${cell('B2', '2025-05-16 08:00:00')}${cell('C2', '噪音')}${cell('F2', '')}</row>
      <row r="3">${cell('A3', 'GD2')}${cell('B3', '2025-05-16 09:00:00')}${cell('C3', '占道')}${cell('F3', '电话13812345678')}</row>
    </sheetData></worksheet>`;
    const r = await importFile(db, workbook('wide.xlsx', sheet));
    expect(r).toMatchObject({ rowsRead: 2, inserted: 1, rejected: 1 });
    const rejects = await db.query<{ source_row: number; reason: string; raw: string; d: string }>('SELECT source_row, reason, raw, reason_data::VARCHAR AS d FROM rejects');
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({ source_row: 3, reason: 'the row has more cells than the header (Expected Number of Columns: 3 Found: 6)' });
    expect(JSON.parse(rejects[0].d)).toEqual({ code: 'too_many_cells', expected: 3, found: 6 });
    expect(rejects[0].raw).toContain('占道');
    expect(rejects[0].raw).not.toContain('13812345678');
  });

  it('keeps Chinese text whole wherever the compressed stream splits a character', async () => {
    const path = join(dir, 'big.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(path), useSharedStrings: false });
    const ws = wb.addWorksheet('工单');
    ws.addRow(['工单编号', '来电时间', '诉求内容']).commit();
    const rows = 30_000;
    for (let i = 0; i < rows; i++) ws.addRow([`W${i}`, '2025-05-16 08:00:00', `第${i}号：东城区某小区楼道电动车充电，存在安全隐患`]).commit();
    ws.commit();
    await wb.commit();
    expect(await importFile(db, path)).toMatchObject({ rowsRead: rows, inserted: rows });
    const broken = await db.query<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM appeals WHERE content <> '第' || (source_row - 2) || '号：东城区某小区楼道电动车充电，存在安全隐患' OR appeal_id <> 'W' || (source_row - 2)",
    );
    expect(broken[0].n).toBe(0);
  }, 60_000);
});
