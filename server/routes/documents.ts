import type { Response } from 'express';
import { z } from 'zod';
import { CONTENT_TYPES, prepareDocument, recordExport, type DocumentFormat, type DocumentRequest } from '../../pipelines/reports/index.js';
import { audit } from '../../pipelines/db/audit.js';
import type { SessionUser } from '../auth/user.js';
import type { AppContext } from '../context.js';
import { forbidden } from '../http/errors.js';
import { ApiRouter } from '../http/route.js';
import { AgendaDocQuery, MinutesDocQuery, OperationDocQuery, UnitDocQuery } from '../schemas/documents.js';

/**
 * Builds and renders one document on a read snapshot, then records it twice on the accounts
 * connection: in document_exports (size and hash of the file) and in the audit log beside every
 * other export, pointing at that record. Neither waits for a running import. A print page opens in
 * the browser; DOCX and XLSX download.
 */
async function send(ctx: AppContext, res: Response, user: SessionUser, request: DocumentRequest, format: DocumentFormat): Promise<undefined> {
  const doc = await ctx.lock.read(() => prepareDocument(ctx.db, request, format));
  await ctx.lock.accounts(async () => {
    const exportId = await recordExport(ctx.db, doc, request, { actor: user.username });
    await audit(ctx.db, { who: user.username, action: 'export', what: doc.fileName, details: { exportId, document: doc.document, format, request, bytes: doc.buffer.length } });
  });
  res.attachment(doc.fileName).type(doc.contentType);
  if (format === 'html') res.set('Content-Disposition', (res.get('Content-Disposition') ?? '').replace(/^attachment/, 'inline'));
  res.send(doc.buffer);
  return undefined;
}

// `send` takes its read snapshot and the accounts connection itself
const exporting = { response: z.string(), produces: Object.values(CONTENT_TYPES), lock: 'none' } as const;

/**
 * The documents officials use (pipelines/reports) as DOCX, XLSX or a print page: agenda and
 * briefing pack, minutes, unit jurisdiction report, periodic operation report. Leaders and
 * officers read them all; a unit head only the jurisdiction report of their own unit.
 */
export function documentRoutes(ctx: AppContext): ApiRouter {
  const api = new ApiRouter(ctx, '/documents', 'documents');
  const readers = ['officer', 'leader', 'admin'] as const;

  api.add(
    { method: 'get', path: '/agenda', summary: 'Agenda and briefing pack: follow-up of the previous decisions, then one section per topic with its evidence', access: readers, query: AgendaDocQuery, ...exporting },
    async ({ query, user, res }) => send(ctx, res, user, { document: 'agenda', meetingId: query.meetingId, followUp: { windowDays: query.windowDays, controls: query.controls } }, query.format),
  );

  api.add({ method: 'get', path: '/minutes', summary: '会议纪要 from the recorded decisions (once the agenda is issued)', access: readers, query: MinutesDocQuery, ...exporting }, async ({ query, user, res }) =>
    send(ctx, res, user, { document: 'minutes', meetingId: query.meetingId }, query.format),
  );

  api.add(
    { method: 'get', path: '/unit', summary: 'Jurisdiction report of one unit over a period (a unit head: their own unit only)', access: [...readers, 'unit_head'], query: UnitDocQuery, ...exporting },
    async ({ query, user, res }) => {
      if (user.role === 'unit_head' && query.unit !== user.unit) throw forbidden(`a unit head may read the report of their own unit (${user.unit ?? 'none set'}) only`);
      return send(ctx, res, user, { document: 'unit', unit: query.unit, from: query.from, to: query.to }, query.format);
    },
  );

  api.add({ method: 'get', path: '/operation', summary: '运行情况通报 for a month (YYYY-MM) or quarter (YYYY-Qn), with 同比 and 环比', access: readers, query: OperationDocQuery, ...exporting }, async ({ query, user, res }) =>
    send(ctx, res, user, { document: 'operation', period: query.period, org: query.org }, query.format),
  );

  return api;
}
