import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * The file's SHA-256 (hex), read in 1 MiB chunks, or null when it cannot be read: an import records
 * it, and a preview finds an earlier import of the same bytes by it. Never rejects, so it can run
 * beside the work that reads the file and be awaited (or not) later.
 */
export async function fileSha256(path: string): Promise<string | null> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return null;
  }
}
