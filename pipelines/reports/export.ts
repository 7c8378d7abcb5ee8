import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { ConsultationError, followUpInput, requireMeeting, validate, type Actor } from '../consultation/index.js';
import { maskTexts } from '../consultation/mask.js';
import { iso } from '../consultation/rows.js';
import { agendaDoc, loadAgendaPack } from './documents/agenda.js';
import { loadMinutes, minutesDoc } from './documents/minutes.js';
import { loadOperationReport, operationReportDoc, operationReportInput } from './documents/operation.js';
import { loadUnitReport, unitReportDoc, unitReportInput } from './documents/unit.js';
import { documentTexts, mapTexts, type DocumentKind, type ReportDoc } from './model.js';
import { renderDocx } from './render/docx.js';
import { renderHtml } from './render/html.js';
import { renderXlsx } from './render/xlsx.js';

export const DOCUMENT_FORMATS = ['docx', 'xlsx', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const documentRequest = z.discriminatedUnion('document', [
  z.object({ document: z.literal('agenda'), meetingId: z.number().int().positive(), followUp: followUpInput.optional() }),
  z.object({ document: z.literal('minutes'), meetingId: z.number().int().positive() }),
  z.object({ document: z.literal('unit'), ...unitReportInput.shape }).refine((u) => u.from <= u.to, { message: 'from must not be after to' }),
  z.object({ document: z.literal('operation'), ...operationReportInput.shape }),
]);
export type DocumentRequest = z.input<typeof documentRequest>;

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

/**
 * The document as blocks, from the same data the screens show, with every text passed once more
 * through the personal-data masker (records are masked at import; this also catches what users typed).
 */
export async function buildDocument(db: Database, request: DocumentRequest): Promise<ReportDoc> {
  const r = validate(documentRequest, request);
  let doc: ReportDoc;
  switch (r.document) {
    case 'agenda':
      doc = agendaDoc(await loadAgendaPack(db, r.meetingId, r.followUp));
      break;
    case 'minutes': {
      const m = await requireMeeting(db, r.meetingId);
      if (m.status === 'draft') throw new ConsultationError('invalid_state', `meeting ${r.meetingId} is a draft: there are no minutes before the agenda is issued`);
      doc = minutesDoc(await loadMinutes(db, r.meetingId));
      break;
    }
    case 'unit':
      doc = unitReportDoc(await loadUnitReport(db, r));
      break;
    case 'operation':
      doc = operationReportDoc(await loadOperationReport(db, r));
      break;
  }
  const masked = await maskTexts(db, documentTexts(doc));
  return mapTexts(doc, (s) => masked.get(s) ?? s);
}

export async function renderDocument(doc: ReportDoc, format: DocumentFormat): Promise<Buffer> {
  if (format === 'docx') return renderDocx(doc);
  if (format === 'xlsx') return renderXlsx(doc);
  return renderHtml(doc);
}

export interface ExportedDocument {
  exportId: number;
  document: DocumentKind;
  format: DocumentFormat;
  fileName: string;
  contentType: string;
  buffer: Buffer;
}

/** A file name safe on every system: the document's name with path and reserved characters replaced. */
export function fileNameFor(doc: ReportDoc, format: DocumentFormat): string {
  return `${doc.fileStem.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120)}.${format}`;
}

/** A document built and rendered, not yet recorded as exported. */
export type RenderedDocument = Omit<ExportedDocument, 'exportId'>;

/** Builds and renders one document; only reads, so it may run on a read snapshot. */
export async function prepareDocument(db: Database, request: DocumentRequest, format: DocumentFormat): Promise<RenderedDocument> {
  if (!DOCUMENT_FORMATS.includes(format)) throw new ConsultationError('invalid_input', `format must be one of ${DOCUMENT_FORMATS.join(', ')}`);
  const doc = await buildDocument(db, request);
  const buffer = await renderDocument(doc, format);
  return { document: doc.kind, format, fileName: fileNameFor(doc, format), contentType: CONTENT_TYPES[format], buffer };
}

/** Records a rendered document as exported (who, what, when, size and hash); returns its export id. */
export async function recordExport(db: Database, file: RenderedDocument, request: DocumentRequest, { actor }: Actor = {}): Promise<number> {
  const row = await db.one<{ export_id: number }>('reports/record_export', {
    document: file.document,
    format: file.format,
    subject: JSON.stringify(request),
    file_name: file.fileName,
    bytes: file.buffer.length,
    sha256: createHash('sha256').update(file.buffer).digest('hex'),
    actor: actor ?? null,
  });
  return row!.export_id;
}

/** Builds, renders and records one document. */
export async function exportDocument(db: Database, request: DocumentRequest, format: DocumentFormat, actor: Actor = {}): Promise<ExportedDocument> {
  const file = await prepareDocument(db, request, format);
  return { exportId: await recordExport(db, file, request, actor), ...file };
}

export interface ExportRecord {
  exportId: number;
  document: DocumentKind;
  format: DocumentFormat;
  subject: unknown;
  fileName: string;
  bytes: number;
  sha256: string;
  exportedBy: string | null;
  exportedAt: string;
}

/** The latest exports, newest first (for the audit screen). */
export async function listExports(db: Database, limit = 100): Promise<ExportRecord[]> {
  const rows = await db.all<{ export_id: number; document: DocumentKind; format: DocumentFormat; subject: string; file_name: string; bytes: number; sha256: string; exported_by: string | null; exported_at: Date }>(
    'reports/exports',
    [limit],
  );
  return rows.map((r) => ({
    exportId: r.export_id,
    document: r.document,
    format: r.format,
    subject: JSON.parse(r.subject),
    fileName: r.file_name,
    bytes: r.bytes,
    sha256: r.sha256,
    exportedBy: r.exported_by,
    exportedAt: iso(r.exported_at),
  }));
}
