import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import iconv from 'iconv-lite';
import type { Encoding } from './sniff.js';

/**
 * Rewrites a GB18030/GBK or UTF-16 text file as UTF-8 (DuckDB reads only UTF-8 here), streaming so
 * memory stays flat; `onBytes` reports progress in source bytes.
 */
export async function transcodeToUtf8(src: string, dest: string, encoding: Encoding, onBytes?: (n: number) => void): Promise<void> {
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes?.(chunk.length);
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(src, { highWaterMark: 1 << 20 }), counter, iconv.decodeStream(encoding), iconv.encodeStream('utf-8'), createWriteStream(dest));
}
