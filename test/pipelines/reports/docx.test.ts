import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { exportDocument, listExports, MARGINS_MM, type DocumentRequest } from '../../../pipelines/reports/index.js';
import { wordXmlText } from '../../helpers/docx.js';
import { tempDb } from '../../helpers/temp-db.js';
import { loadMeetings, PII } from './fixture.js';

/** Every XML part of a .docx by name; other parts (images) with an empty text. */
async function parts(buffer: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) out[name] = name.endsWith('.xml') || name.endsWith('.rels') ? await zip.file(name)!.async('string') : '';
  return out;
}


const twip = (mm: number) => Math.round((mm * 1440) / 25.4);

describe('DOCX documents', () => {
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

  const docx = async (req: DocumentRequest) => parts((await exportDocument(db, req, 'docx', { actor: 'tester' })).buffer);

  it('lays out the agenda as an official document with page numbers and GB/T 9704 margins', async () => {
    const p = await docx({ document: 'agenda', meetingId: ids.second, followUp: { windowDays: 30, controls: 3 } });
    const xml = p['word/document.xml'];
    const sect = xml.slice(xml.lastIndexOf('<w:sectPr'));
    const margin = (side: string) => Number(new RegExp(`<w:pgMar[^>]*w:${side}="(\\d+)"`).exec(sect)![1]);
    expect(margin('top')).toBe(twip(MARGINS_MM.top));
    expect(margin('bottom')).toBe(twip(MARGINS_MM.bottom));
    expect(margin('left')).toBe(twip(MARGINS_MM.left));
    expect(margin('right')).toBe(twip(MARGINS_MM.right));
    expect(sect).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // odd and even footers, each "— PAGE —" in 宋体 14 pt, outside edge
    expect(p['word/settings.xml']).toContain('<w:evenAndOddHeaders');
    const footers = Object.entries(p).filter(([n]) => /^word\/footer\d+\.xml$/.test(n)).map(([, x]) => x);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      // the field's instruction is the only text between the dashes
      expect(wordXmlText(f).replace(/\s+/g, '')).toBe('—PAGE—');
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)![1]).sort()).toEqual(['left', 'right']);
    // title 方正小标宋简体 22 pt; body 仿宋_GB2312 16 pt on a fixed line; numerals Times New Roman
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>[^]*?2024年第二次联席会商会议/);
    expect(xml).toMatch(/<w:spacing w:line="579" w:lineRule="exact"\/>/);
    expect(xml).toMatch(/w:ascii="Times New Roman"[^>]*w:eastAsia="仿宋_GB2312"/);
    expect(xml).toMatch(/w:eastAsia="黑体"[^]*?一、上次会商事项落实情况/);

    const body = wordXmlText(xml);
    const headings = body.split('\n').filter((l) => /^(一|二|三|四)、/.test(l));
    expect(headings).toEqual(['一、上次会商事项落实情况', '二、会议议程', '三、议题材料']);
    expect(body).toContain('（一）关于小区电动车楼道充电');
    // follow-up numbers for topic 1 (scenario.ts): return rate 50.0% → 10.0%, hours 48 → 12
    expect(body).toMatch(/职能性退单率由50\.0%变为10\.0%/);
    expect(body).toMatch(/确定承办单位用时由48\.0小时变为12\.0小时/);
    // topic 2's evidence: 40 appeals in the window, 12 returned by 住建委 to 执法局
    expect(body).toContain('共受理该类诉求40件');
    expect(body).toMatch(/东城区住房和城乡建设委员会\s*东城区城市管理综合行政执法局\s*12/);
    // the trend chart of topic 2 is embedded as a PNG
    expect(Object.keys(p).filter((n) => /^word\/media\/.+\.png$/.test(n))).toHaveLength(1);
  });

  it('writes the minutes from the recorded decisions', async () => {
    const body = wordXmlText((await docx({ document: 'minutes', meetingId: ids.first }))['word/document.xml']);
    expect(body.split('\n')[0]).toBe('2024年第一次联席会商会议纪要');
    expect(body).toContain('2024年3月31日，市12345热线办公室在市民服务中心召开例行会商会议');
    expect(body).toContain('会议研究了3个职责争议事项，对其中2项明确了牵头单位');
    expect(body).toContain('（一）关于小区电动车楼道充电');
    expect(body).toContain('牵头单位：东城区城市管理委员会');
    expect(body).toContain('配合单位：东城区消防救援大队');
    expect(body).toContain('办理时限：自派单起5日内办结');
    expect(body).toContain('适用范围：东城区');
    expect(body).toContain('（三）关于共享单车乱停放\n会议未形成决定');
    expect(body).toContain('联系人：[姓名]，电话[电话]');
    expect(body).not.toContain('王小明');
    await expect(exportDocument(db, { document: 'minutes', meetingId: ids.second }, 'docx')).rejects.toThrow(/draft/);
  });

  it('reports on one unit: what it received, returned and why, its topics and decisions', async () => {
    const body = wordXmlText((await docx({ document: 'unit', unit: '东城区消防救援大队', from: '2024-03-01', to: '2024-04-30' }))['word/document.xml']);
    // topic 1 went to 消防 first: 20 + 20 appeals, 10 + 2 returned
    expect(body).toContain('各平台共向东城区消防救援大队派转40次（涉及诉求40件），签收28次，退回12次（退回率30.0%）');
    expect(body).toContain('退回的12次中，职能争议12次、属地派错0次');
    expect(body).toMatch(/配合（东城区城市管理委员会牵头）/);
    for (const h of ['一、基本情况', '二、退回情况及原因', '三、涉及的争议议题', '四、相关会商决定', '五、办理时效']) expect(body).toContain(h);
  });

  it('reports the linkage operation for a month with 环比 and 同比', async () => {
    const body = wordXmlText((await docx({ document: 'operation', period: '2024-04', org: '市12345热线办公室', issuedOn: '2024-05-06' }))['word/document.xml']);
    // April: 6 × 20 + 4 (topic 6) = 104 appeals; March: 100 + 3 = 103
    expect(body).toContain('2024年4月，共受理诉求和警情104件，环比增长1.0%');
    expect(body).toMatch(/12345热线\s*104\s*103\s*\+1\.0%/);
    expect(body).toContain('2024年5月6日');
    for (const h of ['一、总体情况', '二、联动运行指标', '三、承办单位情况', '四、热点与争议问题']) expect(body).toContain(h);
  });

  it('never lets unmasked personal data into a document, and logs every export', async () => {
    const before = (await listExports(db, 1000)).length;
    const requests: DocumentRequest[] = [
      { document: 'agenda', meetingId: ids.second },
      { document: 'minutes', meetingId: ids.first },
      { document: 'unit', unit: '东城区城市管理委员会', from: '2024-03-01', to: '2024-04-30' },
      { document: 'operation', period: '2024-Q2' },
    ];
    for (const r of requests) {
      const all = await docx(r);
      for (const [name, xml] of Object.entries(all)) expect(PII.test(wordXmlText(xml)), `${r.document} ${name}`).toBe(false);
    }
    const log = await listExports(db, 1000);
    expect(log.length - before).toBe(requests.length);
    expect(log[0]).toMatchObject({ document: 'operation', format: 'docx', exportedBy: 'tester', subject: { period: '2024-Q2' } });
    expect(log[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
