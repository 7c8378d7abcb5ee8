import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** A field needs RFC 4180 quotes when it holds a comma, quote or line break. */
const NEEDS_QUOTES = /[",\r\n]/;
const CHUNK = 1 << 22;

/**
 * Streams CSV rows to a UTF-8 file (CRLF line ends, as RFC 4180 and Windows exports have them).
 * Rows are encoded straight into a 4 MB buffer that is handed to the stream when full, so no
 * large strings are built and memory stays flat whatever the row count.
 */
export class CsvWriter {
  private readonly out: WriteStream;
  private buf = Buffer.allocUnsafe(CHUNK);
  private pos = 0;
  rows = 0;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.out = createWriteStream(path);
    this.put(header);
  }

  /** Adds a row; await the result only when it is a promise (the file wants a pause). */
  row(fields: readonly string[]): Promise<void> | undefined {
    this.rows++;
    return this.put(fields);
  }

  private put(fields: readonly string[]): Promise<void> | undefined {
    let line = '';
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (i) line += ',';
      line += NEEDS_QUOTES.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
    }
    line += '\r\n';
    // UTF-8 takes at most three bytes per UTF-16 unit
    const need = 3 * line.length;
    const pause = this.pos + need > this.buf.length ? this.flush(need) : undefined;
    this.pos += this.buf.write(line, this.pos);
    return pause;
  }

  /** Hands the filled buffer to the stream and starts a new one (at least `need` bytes). */
  private flush(need: number): Promise<void> | undefined {
    const full = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK, need));
    this.pos = 0;
    if (full.length && !this.out.write(full)) return once(this.out, 'drain').then(() => undefined);
    return undefined;
  }

  async close(): Promise<void> {
    if (this.pos) this.out.write(this.buf.subarray(0, this.pos));
    this.pos = 0;
    this.out.end();
    await once(this.out, 'finish');
  }
}
