import { closeSync, openSync, readSync } from 'node:fs';
import type { Segmenter } from './segmenter.js';

/** Term counts of a batch of texts, with term ids local to the segmenter that made them. */
export interface SegmentBatch {
  /** Database row id of each text. */
  rid: Float64Array;
  /** 1 when the text is in the learning window. */
  learn: Uint8Array;
  /** Its topic before this run (0: none). */
  old: Int32Array;
  offsets: Int32Array;
  terms: Int32Array;
  counts: Uint16Array;
  /** Terms first seen in this batch: local ids termBase, termBase + 1, … */
  termBase: number;
  newTerms: string[];
}

const NEWLINE = 10;
/** Bytes read at a time: a block of CJK text decodes to a string that stays out of V8's large-object space. */
const BLOCK = 64 << 10;

function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let p = from; p < to; p++) v = v * 10 + (s.charCodeAt(p) - 48);
  return v;
}

/** A growable typed array. */
class Grow<T extends Int32Array | Uint16Array | Float64Array | Uint8Array> {
  length = 0;
  constructor(public data: T) {}

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  take(): T {
    const out = this.data.slice(0, this.length) as T;
    this.length = 0;
    return out;
  }
}

/** Collects texts' term counts into batches. */
class BatchWriter {
  private readonly rid = new Grow(new Float64Array(1024));
  private readonly learn = new Grow(new Uint8Array(1024));
  private readonly old = new Grow(new Int32Array(1024));
  private readonly offsets = new Grow(new Int32Array(1024));
  private readonly terms = new Grow(new Int32Array(16384));
  private readonly counts = new Grow(new Uint16Array(16384));
  private readonly ids: number[] = [];
  /** Per term id: the text it was last seen in, and where its count is. */
  private seenIn = new Int32Array(1024).fill(-1);
  private at = new Int32Array(1024);
  private texts = 0;
  private sentTerms = 0;

  constructor(private readonly seg: Segmenter) {
    this.offsets.push(0);
  }

  get size(): number {
    return this.rid.length;
  }

  /** Adds a text; false when it is English and the segmenter must load English first. */
  add(rid: number, learn: number, old: number, text: string): boolean {
    this.ids.length = 0;
    if (!this.seg.tryIds(text, this.ids)) return false;
    if (this.seg.size > this.seenIn.length) {
      const seenIn = new Int32Array(this.seg.size * 2).fill(-1);
      seenIn.set(this.seenIn);
      this.seenIn = seenIn;
      const at = new Int32Array(this.seg.size * 2);
      at.set(this.at);
      this.at = at;
    }
    const doc = this.texts++;
    for (const id of this.ids) {
      if (this.seenIn[id] !== doc) {
        this.seenIn[id] = doc;
        this.at[id] = this.terms.length;
        this.terms.push(id);
        this.counts.push(1);
      } else if (this.counts.data[this.at[id]] < 65535) this.counts.data[this.at[id]]++;
    }
    this.rid.push(rid);
    this.learn.push(learn);
    this.old.push(old);
    this.offsets.push(this.terms.length);
    return true;
  }

  take(): SegmentBatch {
    const newTerms: string[] = [];
    for (let id = this.sentTerms; id < this.seg.size; id++) newTerms.push(this.seg.term(id));
    const batch: SegmentBatch = {
      rid: this.rid.take(),
      learn: this.learn.take(),
      old: this.old.take(),
      offsets: this.offsets.take(),
      terms: this.terms.take(),
      counts: this.counts.take(),
      termBase: this.sentTerms,
      newTerms,
    };
    this.offsets.push(0);
    this.sentTerms = this.seg.size;
    return batch;
  }
}

/**
 * Segments the lines of an exported input file (sql/topics/export_input.sql) that start in
 * bytes [start, end), handing batches of about `batchSize` texts to `emit`. Workers each take a
 * range of the same file; a line belongs to the range its first byte is in.
 */
export async function segmentRange(file: string, start: number, end: number, seg: Segmenter, batchSize: number, emit: (batch: SegmentBatch) => void): Promise<void> {
  const fd = openSync(file, 'r');
  try {
    const writer = new BatchWriter(seg);
    let pos = start;
    if (start > 0) {
      // Skip the line that began before this range (it belongs to the previous one).
      const probe = Buffer.alloc(1);
      readSync(fd, probe, 0, 1, start - 1);
      if (probe[0] !== NEWLINE) {
        let found = false;
        const buf = Buffer.alloc(64 << 10);
        while (!found) {
          const got = readSync(fd, buf, 0, buf.length, pos);
          if (got === 0) return;
          const nl = buf.subarray(0, got).indexOf(NEWLINE);
          if (nl >= 0) {
            pos += nl + 1;
            found = true;
          } else pos += got;
        }
      }
    }
    // Small blocks, one buffer reused: each decoded block is a small string in the young
    // generation, and no large buffer or string is allocated (and page-faulted) per block.
    let buf = Buffer.allocUnsafe(BLOCK);
    let filled = 0;
    for (;;) {
      if (filled === buf.length) {
        const grown = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(grown, 0, 0, filled);
        buf = grown;
      }
      const got = readSync(fd, buf, filled, buf.length - filled, pos + filled);
      filled += got;
      // Complete lines only (at the end of the file, the last line even without its newline), and
      // only those that start before the end of the range.
      const complete = got === 0 ? filled : buf.subarray(0, filled).lastIndexOf(NEWLINE) + 1;
      if (complete === 0 && got > 0) continue;
      const rel = end - pos;
      const done = rel < complete || got === 0;
      const cut = rel >= complete ? complete : rel <= 0 ? 0 : buf.indexOf(NEWLINE, rel - 1) + 1;
      const lines = buf.toString('utf8', 0, cut);
      for (let at = 0; at < lines.length; ) {
        let nl = lines.indexOf('\n', at);
        if (nl < 0) nl = lines.length;
        const t1 = lines.indexOf('\t', at);
        const t2 = lines.indexOf('\t', t1 + 1);
        const t3 = lines.indexOf('\t', t2 + 1);
        if (t1 > at && t2 > t1 && t3 > t2 && t3 < nl) {
          const rid = digits(lines, at, t1);
          const learn = digits(lines, t1 + 1, t2);
          const old = digits(lines, t2 + 1, t3);
          const text = lines.slice(t3 + 1, nl);
          if (!writer.add(rid, learn, old, text)) {
            await seg.loadEnglish();
            writer.add(rid, learn, old, text);
          }
          if (writer.size >= batchSize) emit(writer.take());
        }
        at = nl + 1;
      }
      if (done) break;
      buf.copy(buf, 0, complete, filled);
      filled -= complete;
      pos += complete;
    }
    if (writer.size) emit(writer.take());
  } finally {
    closeSync(fd);
  }
}
