import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler } from 'express';
import multer from 'multer';
import type { z } from 'zod';
import type { ErrorParams } from '../schemas/common.js';
import { ConsultationError } from '../../pipelines/consultation/index.js';
import { ImportError } from '../../pipelines/ingest/index.js';

/**
 * An error whose status, code and message may be shown to the client as they are; `params` are
 * the values the client fills its translation of the code with.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly params?: z.infer<typeof ErrorParams>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, 'invalid_request', message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);

/** One line per problem, e.g. `query.pageSize: Too big: expected number to be <=500`. */
export function zodMessage(error: z.ZodError, where: string): string {
  const lines = error.issues.slice(0, 5).map((i) => `${[where, ...i.path.map(String)].join('.')}: ${i.message}`);
  if (error.issues.length > 5) lines.push(`and ${error.issues.length - 5} more`);
  return lines.join('; ');
}

/** A meeting, item or decision that does not exist; an operation its status does not allow; bad input. */
export const CONSULTATION_STATUS = { not_found: 404, invalid_state: 409, invalid_input: 400 } as const;

/**
 * The last middleware: known errors become their status and message; anything else is logged here
 * with a reference and answered 500 with that reference only — never a stack trace.
 */
export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (err instanceof HttpError) {
      res.status(err.status).json({ error: err.code, message: err.message, ...(err.params ? { params: err.params } : {}) });
      return;
    }
    if (err instanceof multer.MulterError) {
      if (err.code === 'LIMIT_FILE_SIZE') res.status(413).json({ error: 'upload_too_large', message: 'the file is larger than the upload limit' });
      else res.status(400).json({ error: 'upload_rejected', message: err.message });
      return;
    }
    if (err instanceof ConsultationError) {
      res.status(CONSULTATION_STATUS[err.code]).json({ error: err.code, message: err.message });
      return;
    }
    if (err instanceof ImportError) {
      res.status(422).json({ error: 'import_failed', message: err.message });
      return;
    }
    // body-parser's own errors carry a status and a type
    const type = (err as { type?: unknown }).type;
    if (type === 'entity.parse.failed') {
      res.status(400).json({ error: 'invalid_request', message: 'the request body is not valid JSON' });
      return;
    }
    if (type === 'entity.too.large') {
      res.status(413).json({ error: 'too_large', message: 'the request body is too large' });
      return;
    }
    // other 4xx from Express's own middleware (static files, body parsing): their message is meant for clients
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ error: status === 404 ? 'not_found' : 'bad_request', message: (err as { expose?: boolean }).expose ? (err as Error).message : 'bad request' });
      return;
    }
    const ref = randomUUID().slice(0, 8);
    log(`[error ${ref}] ${(err as Error)?.stack ?? String(err)}`);
    res.status(500).json({ error: 'internal', message: `internal error (reference ${ref})`, params: { ref } });
  };
}
