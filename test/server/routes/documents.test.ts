import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText, UNMASKED } from '../../helpers/docx.js';
import { Client, startServer, type Harness } from '../harness.js';

const ID_CARD = '110101199003071234';

let h: Harness;
let officer: Client;
let leader: Client;
let head: Client;
let headUnit: string;
let otherUnit: string;
let meetingId = 0;
let draftId = 0;
let lead = '';
let firstTitle = '';
/** Successful downloads: each must leave one audit row and one export record. */
const downloads: { who: string; fileName: string }[] = [];

async function download(client: Client, who: string, path: string): Promise<Response> {
  const res = await client.get(path);
  if (res.status === 200) downloads.push({ who, fileName: decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1]) });
  return res;
}

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

async function workbook(res: Response): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  return wb;
}

const cells = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(String(c.value))));
  return out;
};

beforeAll(async () => {
  h = await startServer({ data: 'sample' });
  officer = await Client.signedIn(h.base, 'officer');
  leader = await Client.signedIn(h.base, 'leader');
  const facets = await officer.json('/api/facets');
  const busy = facets.units.filter((u: { appeals: number }) => u.appeals > 20);
  headUnit = busy[0].name;
  otherUnit = busy[1].name;
  await h.app.ctx.lock.write(() => h.db.query("UPDATE users SET unit = $1 WHERE username = 'headA'", [headUnit]));
  head = await Client.signedIn(h.base, 'headA');

  const m = await (await officer.post('/api/meetings', { title: '2026年第一次联席会商会议', date: '2026-01-10', convener: '市12345热线办公室' })).json();
  meetingId = m.meetingId;
  const filled = await (await officer.post(`/api/meetings/${meetingId}/proposal`, { top: 3 })).json();
  const first = filled.meeting.items[0];
  firstTitle = first.title;
  lead = first.evidence.suggestedLead.units[0];
  await officer.post(`/api/meetings/${meetingId}/items`, { title: '=HYPERLINK("http://x","点击")', notes: `身份证${ID_CARD}` });
  await officer.post(`/api/meetings/${meetingId}/status`, { to: 'issued' });
  const d = await officer.post(`/api/meetings/${meetingId}/items/${first.itemId}/decisions`, { leadUnit: lead, normText: `由${lead}牵头受理，身份证${ID_CARD}的投诉人已告知。` });
  if (d.status !== 200) throw new Error(`fixture decision: ${await d.text()}`);
  draftId = (await (await officer.post('/api/meetings', { title: '草稿会议', date: '2026-02-01' })).json()).meetingId;
});
afterAll(() => h.close());

describe('meeting documents', () => {
  it('sends the agenda and briefing pack as DOCX with the follow-up first and every topic', async () => {
    const res = await download(officer, 'officer', `/api/documents/agenda?meetingId=${meetingId}&format=docx`);
    expect(res.status).toBe(200);
    const text = await docxText(await bytes(res));
    expect(text.indexOf('上次会商事项落实情况')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('上次会商事项落实情况')).toBeLessThan(text.indexOf(firstTitle));
    expect(text).toContain('2026年第一次联席会商会议');
    expect(text).not.toMatch(UNMASKED);
  });

  it('sends the agenda’s tables as an XLSX annex, formula-like text neutralised', async () => {
    const res = await download(leader, 'leader', `/api/documents/agenda?meetingId=${meetingId}&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = await workbook(res);
    const agenda = wb.getWorksheet('议程')!;
    const values = cells(agenda);
    expect(values).toContain(firstTitle);
    expect(values).toContain('\'=HYPERLINK("http://x","点击")');
    agenda.eachRow((row) => row.eachCell((c) => expect(c.formula).toBeUndefined()));
    for (const ws of wb.worksheets) expect(cells(ws).join('\n')).not.toMatch(UNMASKED);
  });

  it('opens the print page in the browser instead of downloading it', async () => {
    const res = await download(officer, 'officer', `/api/documents/minutes?meetingId=${meetingId}&format=html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-disposition')).toMatch(/^inline;/);
    const html = await res.text();
    expect(html).toContain('2026年第一次联席会商会议纪要');
    expect(html).toContain(`由${lead}牵头受理`);
    expect(html).not.toMatch(UNMASKED);
    expect(html).toContain('[身份证]');
  });

  it('lists the decisions in the minutes annex', async () => {
    const wb = await workbook(await download(leader, 'leader', `/api/documents/minutes?meetingId=${meetingId}&format=xlsx`));
    const sheet = wb.getWorksheet('议定事项')!;
    expect(cells(sheet)).toContain(lead);
  });

  it('has no minutes for a draft meeting (409), and nothing for a meeting that does not exist (404)', async () => {
    const draft = await officer.get(`/api/documents/minutes?meetingId=${draftId}&format=docx`);
    expect(draft.status).toBe(409);
    expect((await draft.json()).message).toContain('draft');
    expect((await officer.get('/api/documents/agenda?meetingId=987654&format=docx')).status).toBe(404);
  });
});

describe('reports', () => {
  it('gives a unit head the jurisdiction report of their own unit only', async () => {
    const own = await download(head, 'headA', `/api/documents/unit?unit=${encodeURIComponent(headUnit)}&from=2025-01-01&to=2025-12-31&format=docx`);
    expect(own.status).toBe(200);
    const text = await docxText(await bytes(own));
    expect(text).toContain(headUnit);
    expect(text).not.toMatch(UNMASKED);

    const other = await head.get(`/api/documents/unit?unit=${encodeURIComponent(otherUnit)}&from=2025-01-01&to=2025-12-31&format=docx`);
    expect(other.status).toBe(403);
    expect((await other.json()).message).toContain(headUnit);
    for (const path of [`/api/documents/agenda?meetingId=${meetingId}&format=docx`, `/api/documents/minutes?meetingId=${meetingId}&format=docx`, '/api/documents/operation?period=2025-Q4&format=docx'])
      expect((await head.get(path)).status, path).toBe(403);
  });

  it('gives a leader any unit’s report and the quarterly operation report with 同比 and 环比', async () => {
    expect((await download(leader, 'leader', `/api/documents/unit?unit=${encodeURIComponent(otherUnit)}&from=2025-07-01&to=2025-09-30&format=xlsx`)).status).toBe(200);
    const res = await download(leader, 'leader', `/api/documents/operation?period=2025-Q4&org=${encodeURIComponent('市12345热线办公室')}&format=docx`);
    expect(res.status).toBe(200);
    const text = await docxText(await bytes(res));
    expect(text).toContain('2025年第四季度');
    expect(text).toContain('环比');
    expect(text).toContain('市12345热线办公室');
  });

  it('answers malformed requests with 400 and the reason', async () => {
    const cases: [string, RegExp][] = [
      ['/api/documents/operation?period=2025-13&format=docx', /month YYYY-MM or a quarter/],
      ['/api/documents/operation?period=2025-Q4&format=pdf', /query\.format/],
      [`/api/documents/unit?unit=${encodeURIComponent(otherUnit)}&from=2025-12-01&to=2025-01-01&format=docx`, /from must not be after to/],
      ['/api/documents/minutes?meetingId=abc&format=docx', /query\.meetingId/],
      ['/api/documents/agenda?format=docx', /query\.meetingId/],
    ];
    for (const [path, message] of cases) {
      const res = await leader.get(path);
      expect(res.status, path).toBe(400);
      expect((await res.json()).message, path).toMatch(message);
    }
  });
});

describe('the export audit', () => {
  it('logs every download once, with who, what and when, in the audit log and the export records alike', async () => {
    expect(downloads.length).toBe(7);
    const audit = await h.db.query<{ who: string; what: string; at: Date; details: string }>("SELECT who, what, \"at\", details::VARCHAR AS details FROM audit_log WHERE action = 'export' ORDER BY audit_id");
    const exports = await h.db.query<{ export_id: number; exported_by: string; file_name: string; format: string; exported_at: Date }>('SELECT export_id, exported_by, file_name, format, exported_at FROM document_exports ORDER BY export_id');
    expect(audit.map((a) => ({ who: a.who, fileName: a.what }))).toEqual(downloads);
    expect(exports.map((e) => ({ who: e.exported_by, fileName: e.file_name }))).toEqual(downloads);
    for (const [k, a] of audit.entries()) {
      const details = JSON.parse(a.details);
      expect(details.exportId).toBe(exports[k].export_id);
      expect(details.format).toBe(exports[k].format);
      expect(Math.abs(a.at.getTime() - exports[k].exported_at.getTime())).toBeLessThan(60_000);
    }
    expect(audit.find((a) => a.who === 'headA')!.details).toContain(headUnit);
  });
});
