import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
const THRESHOLD = 1024;

/**
 * Compresses answers on the way out (brotli or gzip, as the client takes them) for text types:
 * JSON, CSV, HTML. Arrow IPC and the DOCX/XLSX downloads are not text types and go as they are, as
 * do answers that name their encoding already (precompressed assets, cached JSON below).
 */
export function compress(): RequestHandler {
  return compression({ threshold: THRESHOLD });
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** The two encodings a cached answer is kept in, made once each on first use. */
export type Encoding = 'br' | 'gzip';

export function encode(text: string, encoding: Encoding): Promise<Buffer> {
  const data = Buffer.from(text);
  // kept for the data version's life, so stronger than on-the-fly (brotli 4) yet cheap enough for ~400 KB
  return encoding === 'br' ? brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }) : gzipped(data, { level: 6 });
}

/**
 * The encoding the client takes, brotli first: browsers list gzip first at equal weight, yet
 * brotli is the smaller. Null when it takes neither.
 */
export function acceptedEncoding(req: Request): Encoding | null {
  if (req.acceptsEncodings('br') === 'br') return 'br';
  return req.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : null;
}

/** The encoding to send `length` bytes of text in (null: as they are). */
export function chooseEncoding(req: Request, res: Response, length: number): Encoding | null {
  res.vary('Accept-Encoding');
  return length < THRESHOLD ? null : acceptedEncoding(req);
}
