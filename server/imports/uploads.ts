import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import multer from 'multer';
import type { RequestHandler } from 'express';
import { fileSha256 } from '../../pipelines/ingest/file-hash.js';

/** Extensions the importer tells formats by; anything else is stored without one (content decides). */
const KNOWN_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.xlsm', '.json', '.ndjson', '.jsonl', '.parquet']);

export interface Upload {
  id: string;
  /** Where the server keeps it: a random name in the upload folder. */
  path: string;
  /** The client's file name, cleaned, for reports only; never used as a path. */
  fileName: string;
  size: number;
  uploadedBy: string;
  at: number;
  /** Hashed once when it arrives: every preview and the import use it. */
  sha256: Promise<string | null>;
}

/** A client's file name reduced to a harmless label: no folders, no control characters, bounded length. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(-200);
  return clean || 'upload';
}

/**
 * Uploaded files between preview and import. Multer writes each to a fresh random name (the
 * client's name is kept only as a label); files not imported within the time limit are deleted,
 * including those a server that stopped (or another one sharing the folder) left there.
 */
export class UploadStore {
  private uploads = new Map<string, Upload>();
  readonly middleware: RequestHandler;

  constructor(
    private readonly dir: string,
    maxBytes: number,
    private readonly ttlMs: number,
  ) {
    const storage = multer.diskStorage({
      destination: (_req, _file, cb) => {
        mkdirSync(dir, { recursive: true });
        cb(null, dir);
      },
      filename: (_req, file, cb) => {
        const ext = extname(cleanFileName(file.originalname)).toLowerCase();
        cb(null, `${randomUUID()}${KNOWN_EXTENSIONS.has(ext) ? ext : ''}`);
      },
    });
    this.middleware = multer({ storage, limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 }, defParamCharset: 'utf8' }).single('file');
    this.expire();
  }

  add(file: Express.Multer.File, uploadedBy: string): Upload {
    this.expire();
    const path = join(this.dir, file.filename);
    const upload: Upload = { id: randomUUID(), path, fileName: cleanFileName(file.originalname), size: file.size, uploadedBy, at: Date.now(), sha256: fileSha256(path) };
    this.uploads.set(upload.id, upload);
    return upload;
  }

  get(id: string): Upload | undefined {
    return this.uploads.get(id);
  }

  remove(id: string): void {
    const upload = this.uploads.get(id);
    if (!upload) return;
    this.uploads.delete(id);
    rmSync(upload.path, { force: true });
  }

  /** Deletes a file multer stored for a request that then failed. */
  discard(file: Express.Multer.File | undefined): void {
    if (file) rmSync(join(this.dir, file.filename), { force: true });
  }

  private expire(): void {
    const cutoff = Date.now() - this.ttlMs;
    for (const u of this.uploads.values()) if (u.at < cutoff) this.remove(u.id);
    if (!existsSync(this.dir)) return;
    // files this store does not know: their uploads are gone with the process that took them
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      try {
        const s = statSync(path);
        if (s.isFile() && s.mtimeMs < cutoff) rmSync(path, { force: true });
      } catch {
        // deleted meanwhile by another store sharing the folder
      }
    }
  }
}
