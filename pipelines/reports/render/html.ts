import { chartSvg } from '../chart.js';
import { cellText, chineseDate } from '../format.js';
import type { Block, Column, ReportDoc, TableBlock } from '../model.js';
import { Numbering } from './numbering.js';

/**
 * A print-styled page of the document: A4 with the official-document margins, CJK fonts by their
 * standard names with free fallbacks, page numbers "— n —" at the outside edge, table headers
 * repeated on every printed page. The browser's "print to PDF" turns it into the PDF.
 */

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt "SimSun", "宋体", "Noto Serif CJK SC", serif; margin-right: 14pt; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt "SimSun", "宋体", "Noto Serif CJK SC", serif; margin-left: 14pt; } }
:root { --body: "Times New Roman", "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif; }
html { background: #f2f2f2; }
body { font-family: var(--body); font-size: 16pt; line-height: 28.95pt; color: #000; margin: 0; }
main { background: #fff; width: 156mm; margin: 12mm auto; padding: 37mm 26mm 35mm 28mm; box-shadow: 0 0 6px rgba(0,0,0,.25); }
h1 { font-family: "Times New Roman", "方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "Noto Serif CJK SC", serif; font-size: 22pt; line-height: 35pt; font-weight: normal; text-align: center; margin: 0; }
.subtitle { font-family: "Times New Roman", "楷体_GB2312", "KaiTi_GB2312", "KaiTi", "楷体", "STKaiti", "Noto Serif CJK SC", serif; text-align: center; margin: 0; }
.spacer { height: 28.95pt; }
h2 { font-family: "Times New Roman", "黑体", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; break-after: avoid; }
h3 { font-family: "Times New Roman", "楷体_GB2312", "KaiTi_GB2312", "KaiTi", "楷体", "STKaiti", "Noto Serif CJK SC", serif; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; break-after: avoid; }
h4 { font-size: 16pt; font-weight: bold; text-indent: 2em; margin: 0; break-after: avoid; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.center, p.right { text-indent: 0; }
p.center { text-align: center; }
p.right { text-align: right; padding-right: 2em; }
.caption { font-size: 14pt; text-align: center; text-indent: 0; font-weight: bold; break-after: avoid; }
figure { margin: 6pt 0; text-align: center; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 14pt; }
table { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.45; margin: 4pt 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; }
th { font-weight: bold; text-align: center; background: #f3f3f3; }
td.n { text-align: right; font-family: "Times New Roman", serif; white-space: nowrap; }
td.t { min-width: 4.5em; }
table.wide { font-size: 10.5pt; }
.note { font-size: 12pt; text-indent: 0; }
@media print {
  html { background: none; }
  main { width: auto; margin: 0; padding: 0; box-shadow: none; }
  th { background: none; }
}
`;

function thead(columns: Column[]): string {
  const grouped = columns.some((c) => c.group);
  if (!grouped) return `<tr>${columns.map((c) => `<th scope="col">${esc(c.header)}</th>`).join('')}</tr>`;
  const top: string[] = [];
  const bottom: string[] = [];
  for (let i = 0; i < columns.length; ) {
    const g = columns[i].group;
    if (!g) {
      top.push(`<th scope="col" rowspan="2">${esc(columns[i].header)}</th>`);
      i += 1;
      continue;
    }
    let j = i;
    while (j < columns.length && columns[j].group === g) bottom.push(`<th scope="col">${esc(columns[j++].header)}</th>`);
    top.push(`<th scope="colgroup" colspan="${j - i}">${esc(g)}</th>`);
    i = j;
  }
  return `<tr>${top.join('')}</tr><tr>${bottom.join('')}</tr>`;
}

function table(b: TableBlock, n: number): string {
  const body = b.rows
    .map((r) => `<tr>${r.map((v, k) => `<td class="${b.columns[k].format === 'text' ? 't' : 'n'}">${esc(cellText(v, b.columns[k].format))}</td>`).join('')}</tr>`)
    .join('\n');
  const note = b.note ? `<p class="note">注：${esc(b.note)}</p>` : '';
  return `<p class="caption">表${n}  ${esc(b.title)}</p>\n<table${b.columns.length >= 9 ? ' class="wide"' : ''}><thead>${thead(b.columns)}</thead><tbody>\n${body}\n</tbody></table>${note}`;
}

async function blocks(list: Block[]): Promise<string[]> {
  const numbering = new Numbering();
  const out: string[] = [];
  let tables = 0;
  let charts = 0;
  for (const b of list) {
    if (b.type === 'heading') out.push(`<h${b.level + 1}>${esc(numbering.next(b.level) + b.text)}</h${b.level + 1}>`);
    else if (b.type === 'paragraph') {
      const cls = b.align === 'center' || b.align === 'right' ? ` class="${b.align}"` : '';
      out.push(`<p${cls}>${b.label ? `<strong>${esc(b.label)}</strong>` : ''}${esc(b.text)}</p>`);
    } else if (b.type === 'table') out.push(table(b, ++tables));
    else {
      // vega writes the SVG from our own data with its text escaped
      out.push(`<figure role="img" aria-label="${esc(b.title)}">${await chartSvg(b.spec)}<figcaption>图${++charts}  ${esc(b.title)}</figcaption></figure>`);
    }
  }
  return out;
}

export async function renderHtml(doc: ReportDoc): Promise<Buffer> {
  const parts = [`<h1>${esc(doc.title)}</h1>`];
  if (doc.subtitle) parts.push(`<p class="subtitle">${esc(doc.subtitle)}</p>`);
  parts.push('<div class="spacer"></div>', ...(await blocks(doc.blocks)));
  if (doc.closing) {
    parts.push('<div class="spacer"></div>');
    if (doc.closing.org) parts.push(`<p class="right">${esc(doc.closing.org)}</p>`);
    parts.push(`<p class="right">${esc(chineseDate(doc.closing.date))}</p>`);
  }
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${parts.join('\n')}
</main>
</body>
</html>
`;
  return Buffer.from(html, 'utf8');
}
