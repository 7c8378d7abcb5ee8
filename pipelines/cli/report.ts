import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Database } from '../db/database.js';
import { defaultDbPath } from '../config.js';
import { ConsultationError } from '../consultation/index.js';
import { DOCUMENT_FORMATS, exportDocument, type DocumentFormat, type DocumentRequest } from '../reports/index.js';
import { str, UsageError, type Command, type Values } from './command.js';

const USAGE = `report <document> --out FILE.docx|.xlsx|.html [--db PATH] [--by NAME]
    agenda --meeting ID [--window-days N] [--controls K]   agenda and briefing pack (follow-up first)
    minutes --meeting ID                                    会议纪要
    unit --unit NAME --from YYYY-MM-DD --to YYYY-MM-DD      unit jurisdiction report
    operation --period YYYY-MM|YYYY-Qn [--org NAME]         运行情况通报 with 同比 and 环比`;

function meetingId(values: Values): number {
  const n = Number(str(values, 'meeting'));
  if (!Number.isInteger(n) || n < 1) throw new UsageError('--meeting takes a meeting id');
  return n;
}

function optionalInt(values: Values, key: string): number | undefined {
  const v = str(values, key);
  return v === undefined ? undefined : Number(v);
}

function request(document: string, values: Values): DocumentRequest {
  switch (document) {
    case 'agenda':
      return { document, meetingId: meetingId(values), followUp: { windowDays: optionalInt(values, 'window-days'), controls: optionalInt(values, 'controls') } };
    case 'minutes':
      return { document, meetingId: meetingId(values) };
    case 'unit':
      return { document, unit: str(values, 'unit') ?? '', from: str(values, 'from') ?? '', to: str(values, 'to') ?? '' };
    case 'operation':
      return { document, period: str(values, 'period') ?? '', org: str(values, 'org') };
    default:
      throw new UsageError(`usage: npm run pipeline -- ${USAGE}`);
  }
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'write a document (agenda, minutes, unit, operation) as DOCX, XLSX or printable HTML',
  usage: 'report agenda|minutes|unit|operation --out FILE.docx|.xlsx|.html …',
  options: {
    db: { type: 'string' },
    by: { type: 'string' },
    out: { type: 'string' },
    meeting: { type: 'string' },
    unit: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    period: { type: 'string' },
    org: { type: 'string' },
    'window-days': { type: 'string' },
    controls: { type: 'string' },
  },
  async run(values, positionals) {
    const out = str(values, 'out');
    if (positionals.length !== 1 || !out) throw new UsageError(`usage: npm run pipeline -- ${USAGE}`);
    const format = extname(out).slice(1).toLowerCase() as DocumentFormat;
    if (!DOCUMENT_FORMATS.includes(format)) throw new UsageError(`--out must end in ${DOCUMENT_FORMATS.map((f) => `.${f}`).join(', ')}`);
    const req = request(positionals[0], values);
    const db = await Database.open(str(values, 'db') ?? defaultDbPath());
    try {
      const started = Date.now();
      const doc = await exportDocument(db, req, format, { actor: str(values, 'by') ?? process.env.USER ?? 'cli' });
      writeFileSync(out, doc.buffer);
      console.log(`${out}: ${doc.document} ${format}, ${doc.buffer.length.toLocaleString('en')} bytes in ${Date.now() - started} ms (export ${doc.exportId})`);
      return 0;
    } catch (err) {
      if (err instanceof ConsultationError) throw new UsageError(err.message);
      throw err;
    } finally {
      db.close();
    }
  },
};
