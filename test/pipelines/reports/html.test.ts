import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { exportDocument, renderHtml } from '../../../pipelines/reports/index.js';
import { tempDb } from '../../helpers/temp-db.js';
import { loadMeetings, PII } from './fixture.js';

describe('printable HTML', () => {
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

  it('is an A4 page with official margins, CJK fonts, repeating table headers and inline charts', async () => {
    const e = await exportDocument(db, { document: 'agenda', meetingId: ids.second }, 'html');
    expect(e.contentType).toBe('text/html; charset=utf-8');
    expect(e.fileName).toBe('2024年第二次联席会商会议-议程及会商材料.html');
    const html = e.buffer.toString('utf8');
    expect(html).toMatch(/@page \{ size: A4; margin: 37mm 26mm 35mm 28mm; \}/);
    expect(html).toContain('counter(page)');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('仿宋_GB2312');
    expect(html).toContain('<h1>2024年第二次联席会商会议</h1>');
    expect(html).toContain('<h2>三、议题材料</h2>');
    expect(html).toContain('<h3>（一）夜间施工噪音</h3>');
    expect(html).toMatch(/<figure[^>]*><svg[^]*<\/svg><figcaption>图1  夜间施工噪音诉求量趋势（件\/周）<\/figcaption>/);
    expect(html).toMatch(/<thead><tr><th scope="col">序号<\/th>/);
    // typed text is escaped, never markup
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;点击&quot;)');
    expect(PII.test(html)).toBe(false);
  });

  it('escapes every text it is given', async () => {
    const html = (await renderHtml({ kind: 'unit', title: '<script>alert(1)</script>', fileStem: 'x', blocks: [{ type: 'paragraph', text: 'a & b <i>' }] })).toString('utf8');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a &amp; b &lt;i&gt;');
  });
});
