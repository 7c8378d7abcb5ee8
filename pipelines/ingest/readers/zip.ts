import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** One file inside a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** An archive this reader cannot open; the message says why. */
export class ZipError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
// End-of-central-directory record (22 bytes) plus the longest archive comment.
const TAIL_BYTES = 22 + 0xffff;

/**
 * The entries of a ZIP file, read from its central directory (which holds the sizes even when the
 * writer streamed the entries and put their sizes after the data).
 */
export async function zipEntries(path: string): Promise<Map<string, ZipEntry>> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new ZipError('the file is not a complete ZIP archive (it may be truncated)');
    const count = tail.readUInt16LE(at + 10);
    const dirSize = tail.readUInt32LE(at + 12);
    const dirOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) throw new ZipError('ZIP64 archives (over 4 GB) are not supported');
    if (dirOffset + dirSize > size) throw new ZipError('the ZIP directory points past the end of the file (it may be truncated)');
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    const entries = new Map<string, ZipEntry>();
    for (let p = 0; p + 46 <= dirSize; ) {
      if (dir.readUInt32LE(p) !== CENTRAL_HEADER) throw new ZipError('the ZIP directory is damaged');
      const nameLength = dir.readUInt16LE(p + 28);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      entries.set(name, {
        name,
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        localHeaderOffset: dir.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** The uncompressed bytes of one entry, streamed: memory stays flat whatever the entry's size. */
export async function entryStream(path: string, entry: ZipEntry): Promise<Readable> {
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`${entry.name} uses ZIP compression method ${entry.method}, which is not supported`);
  const handle = await open(path, 'r');
  const local = Buffer.alloc(30);
  try {
    await handle.read(local, 0, 30, entry.localHeaderOffset);
  } finally {
    await handle.close();
  }
  if (local.readUInt32LE(0) !== LOCAL_HEADER) throw new ZipError(`the ZIP entry ${entry.name} is damaged`);
  const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 16 });
  if (entry.method === 0) return raw;
  const inflate = createInflateRaw({ chunkSize: 1 << 16 });
  raw.on('error', (err) => inflate.destroy(err));
  inflate.on('close', () => raw.destroy());
  return raw.pipe(inflate);
}
