import { StringDecoder } from 'node:string_decoder';

// A lean reader of the SpreadsheetML parts an import needs (sheet rows, shared strings). Excel and
// the libraries that write XLSX emit these elements flat and regular, so regular expressions over
// streamed text read them several times faster than a general XML parser. Elements may carry a
// namespace prefix (<x:row>), as some writers emit.
const NS = '(?:[A-Za-z_][\\w.-]*:)?';

/**
 * Complete `<tag>` elements of streamed XML in document order, a batch per chunk read (one await per
 * row would cost more than reading the row); only unfinished text is buffered.
 */
export async function* xmlElements(chunks: AsyncIterable<Buffer>, tag: string): AsyncGenerator<string[]> {
  const pattern = new RegExp(`<${NS}${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${NS}${tag}>)`, 'g');
  const decoder = new StringDecoder('utf8');
  let text = '';
  const matches = (): string[] => {
    const batch: string[] = [];
    let end = 0;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      batch.push(m[0]);
      end = pattern.lastIndex;
    }
    if (end > 0) text = text.slice(end);
    return batch;
  };
  for await (const chunk of chunks) {
    text += decoder.write(chunk);
    const batch = matches();
    if (batch.length) yield batch;
  }
  text += decoder.end();
  const batch = matches();
  if (batch.length) yield batch;
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// OOXML writes characters XML cannot hold (CR, control characters) as _xHHHH_.
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

function decodeEscapes(s: string): string {
  if (s.includes('&')) s = s.replace(ENTITY, (_, hex, dec, name) => (name ? NAMED[name] : String.fromCodePoint(parseInt(hex ?? dec, hex ? 16 : 10))));
  if (s.includes('_x')) s = s.replace(OOXML_ESCAPE, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return s;
}

/** Character data of an element's content: entities and OOXML escapes decoded, CDATA kept as is. */
export function xmlText(raw: string): string {
  if (!raw.includes('<![CDATA[')) return decodeEscapes(raw);
  let out = '';
  let at = 0;
  CDATA.lastIndex = 0;
  for (let m = CDATA.exec(raw); m; m = CDATA.exec(raw)) {
    out += decodeEscapes(raw.slice(at, m.index)) + m[1];
    at = CDATA.lastIndex;
  }
  return out + decodeEscapes(raw.slice(at));
}

const PHONETIC = new RegExp(`<${NS}rPh\\b[\\s\\S]*?</${NS}rPh>`, 'g');
const TEXT_RUN = new RegExp(`<${NS}t\\b[^>]*?(?:/>|>([\\s\\S]*?)</${NS}t>)`, 'g');

/** The text of a shared string (<si>) or inline string (<is>): its runs joined, phonetic guides left out. */
export function richText(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml;
  let out = '';
  TEXT_RUN.lastIndex = 0;
  for (let m = TEXT_RUN.exec(body); m; m = TEXT_RUN.exec(body)) if (m[1]) out += xmlText(m[1]);
  return out;
}

const ROW_NUMBER = /^<[^>]*?\br="(\d+)"/;
const INLINE = new RegExp(`<${NS}is\\b[\\s\\S]*?</${NS}is>`);

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) & ~32) - 64);
  return n - 1;
}

function attribute(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const from = at + name.length + 3;
  return tag.slice(from, tag.indexOf('"', from));
}

/** The row number a <row> element gives itself, or null when it leaves it to its position. */
export function rowNumber(rowXml: string): number | null {
  const m = ROW_NUMBER.exec(rowXml);
  return m ? Number(m[1]) : null;
}

/**
 * A <row>'s cells as export text, placed by their references (cells left out of the XML, as under a
 * merged group header, stay empty), trimmed. Shared strings are looked up, booleans read as
 * true/false, numbers and dates kept as written (dates are Excel serial numbers, which the date
 * parser reads). Scanned with indexOf rather than regular expressions: rows are many and small.
 */
export function rowCells(rowXml: string, sharedStrings: readonly string[]): string[] {
  const prefix = rowXml.slice(1, rowXml.indexOf('row'));
  const open = `<${prefix}c`;
  const close = `</${prefix}c>`;
  const openValue = `<${prefix}v`;
  const closeValue = `</${prefix}v>`;
  const cells: string[] = [];
  let next = 0;
  let at = rowXml.indexOf('>') + 1;
  while ((at = rowXml.indexOf(open, at)) >= 0) {
    const after = rowXml.charCodeAt(at + open.length);
    const tagEnd = rowXml.indexOf('>', at);
    if (tagEnd < 0) break;
    // <c followed by a letter is another element (none is expected inside a row, but be exact)
    if (after !== 32 && after !== 62 && after !== 47) {
      at = tagEnd + 1;
      continue;
    }
    const tag = rowXml.slice(at, tagEnd);
    const ref = attribute(tag, 'r');
    let letters = 0;
    while (ref && letters < ref.length && ref.charCodeAt(letters) > 57) letters++;
    const col = letters ? columnIndex(ref!.slice(0, letters)) : next;
    next = col + 1;
    if (rowXml.charCodeAt(tagEnd - 1) === 47) {
      at = tagEnd + 1;
      continue;
    }
    const end = rowXml.indexOf(close, tagEnd);
    if (end < 0) break;
    const body = rowXml.slice(tagEnd + 1, end);
    at = end + close.length;
    const type = attribute(tag, 't') ?? 'n';
    let text: string;
    if (type === 'inlineStr') text = richText(INLINE.exec(body)?.[0] ?? '');
    else {
      const v = body.indexOf(openValue);
      const vEnd = body.indexOf(closeValue, v);
      if (v < 0 || vEnd < 0) continue;
      const raw = body.slice(body.indexOf('>', v) + 1, vEnd);
      if (type === 's') text = sharedStrings[Number(raw)] ?? '';
      else if (type === 'b') text = raw === '1' ? 'true' : 'false';
      else text = xmlText(raw);
    }
    while (cells.length < col) cells.push('');
    cells[col] = text.trim();
  }
  return cells;
}
