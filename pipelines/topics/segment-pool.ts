import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Lexicon } from './lexicon.js';
import { segmentRange, type SegmentBatch } from './segment-range.js';
import { Segmenter, type SegmenterOptions } from './segmenter.js';
import type { CountRows } from './sparse.js';

/** Every input text's term counts, with term ids into a sorted vocabulary. */
export interface Corpus {
  n: number;
  rid: Float64Array;
  learn: Uint8Array;
  /** Topic before this run (0: none). */
  old: Int32Array;
  counts: CountRows;
  /** Sorted, so term ids depend only on the set of terms, never on the order texts came in. */
  vocabulary: string[];
}

/** Below this size the file is segmented in this thread: starting workers would cost more. */
const IN_PROCESS_BYTES = 4 << 20;
const BATCH = 20_000;
/** Bytes of the input file handed out at a time: small enough that no thread waits long for another at the end. */
const RANGE_BYTES = 4 << 20;

/** Receives each segmenter's batches into one vocabulary. */
class Collector {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly batches: SegmentBatch[][];
  private readonly localToGlobal: number[][];

  constructor(parts: number) {
    this.batches = Array.from({ length: parts }, () => []);
    this.localToGlobal = Array.from({ length: parts }, () => []);
  }

  receive(part: number, b: SegmentBatch): void {
    const map = this.localToGlobal[part];
    b.newTerms.forEach((term, j) => {
      let id = this.ids.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.ids.set(term, id);
        this.terms.push(term);
      }
      map[b.termBase + j] = id;
    });
    for (let k = 0; k < b.terms.length; k++) b.terms[k] = map[b.terms[k]];
    b.newTerms = [];
    this.batches[part].push(b);
  }

  corpus(): Corpus {
    return assemble(this.batches.flat(), this.terms);
  }
}

interface PoolWorker {
  worker: Worker;
  ready: Promise<void>;
}

/**
 * Segmentation on every core: this thread and `threads - 1` worker threads, started before the
 * input file exists so that loading jieba and compiling overlap with the database export.
 * `segment` then hands out ranges of the file to whichever thread is free (the order of the
 * corpus rows depends on timing; nothing downstream depends on it). This thread's segmenter stays
 * warm for the texts a run segments afterwards (its labels' samples).
 */
export class SegmenterPool {
  private seg: Segmenter | undefined;

  private constructor(
    private readonly lexicon: Lexicon,
    private readonly options: SegmenterOptions,
    private readonly workers: PoolWorker[],
  ) {}

  /** `here`: this thread's segmenter when one is loaded already (its caches warm). */
  static start(lexicon: Lexicon, options: SegmenterOptions, threads = availableParallelism(), here?: Segmenter): SegmenterPool {
    const pool: PoolWorker[] = [];
    for (let w = 1; w < threads; w++) {
      const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
        workerData: { lexicon, options, batchSize: BATCH, module: new URL('./segment-worker.ts', import.meta.url).href },
      });
      const ready = new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      });
      ready.catch(() => undefined);
      pool.push({ worker, ready });
    }
    const out = new SegmenterPool(lexicon, options, pool);
    out.seg = here;
    return out;
  }

  /** This thread's segmenter (loaded on first use, ~0.3 s: call it while the database works). */
  segmenter(): Segmenter {
    this.seg ??= Segmenter.create(this.lexicon, this.options);
    return this.seg;
  }

  /** The file's term counts: in this thread alone when it is small, else on every thread of the pool. */
  async segment(file: string): Promise<Corpus> {
    if (smallFile(file) || this.workers.length === 0) return segmentInThread(file, this.segmenter());
    const size = statSync(file).size;
    const ranges: [number, number][] = [];
    for (let at = 0; at < size; at += RANGE_BYTES) ranges.push([at, Math.min(size, at + RANGE_BYTES)]);
    let next = 0;
    const collect = new Collector(this.workers.length + 1);
    const inWorkers = this.workers.map(async ({ worker, ready }, w) => {
      await ready;
      await new Promise<void>((resolve, reject) => {
        let pending = 0;
        const give = () => {
          while (pending < 2 && next < ranges.length) {
            const [start, end] = ranges[next++];
            pending++;
            worker.postMessage({ file, start, end });
          }
          if (pending === 0) finish();
        };
        const onMessage = (m: { batch?: SegmentBatch; done?: boolean; error?: string }) => {
          if (m.batch) collect.receive(w + 1, m.batch);
          if (m.error) finish(new Error(m.error));
          else if (m.done) {
            pending--;
            give();
          }
        };
        const finish = (err?: Error) => {
          worker.off('message', onMessage);
          worker.off('error', finish);
          if (err) reject(err);
          else resolve();
        };
        worker.on('message', onMessage);
        worker.once('error', finish);
        give();
      });
    });
    const seg = this.segmenter();
    const here = async () => {
      // The workers take their first ranges before this thread takes one.
      await new Promise((resolve) => setImmediate(resolve));
      while (next < ranges.length) {
        const [start, end] = ranges[next++];
        await segmentRange(file, start, end, seg, BATCH, (b) => collect.receive(0, b));
        // Let the workers' finished batches in and give them their next ranges.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all([here(), ...inWorkers]);
    return collect.corpus();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}

/** Segments a file in this thread with the given segmenter (its caches stay warm across calls). */
async function segmentInThread(file: string, seg: Segmenter): Promise<Corpus> {
  const collect = new Collector(1);
  await segmentRange(file, 0, statSync(file).size, seg, BATCH, (b) => collect.receive(0, b));
  return collect.corpus();
}

/** Whether a file is small enough to segment in this thread. */
function smallFile(file: string): boolean {
  return statSync(file).size < IN_PROCESS_BYTES;
}

/** Segments an exported input file, on every core when it is large (`here`: as in SegmenterPool.start). */
export async function segmentFile(file: string, lexicon: Lexicon, options: SegmenterOptions, threads = availableParallelism(), here?: Segmenter): Promise<Corpus> {
  const pool = SegmenterPool.start(lexicon, options, smallFile(file) ? 1 : threads, here);
  try {
    return await pool.segment(file);
  } finally {
    await pool.close();
  }
}

/** One corpus from the batches, term ids renumbered in sorted term order. */
function assemble(batches: SegmentBatch[], terms: string[]): Corpus {
  const order = terms.map((_, i) => i).sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
  const rank = new Int32Array(terms.length);
  order.forEach((id, r) => (rank[id] = r));
  let n = 0;
  let nnz = 0;
  for (const b of batches) {
    n += b.rid.length;
    nnz += b.terms.length;
  }
  const rid = new Float64Array(n);
  const learn = new Uint8Array(n);
  const old = new Int32Array(n);
  const offsets = new Int32Array(n + 1);
  const termIds = new Int32Array(nnz);
  const counts = new Uint16Array(nnz);
  let row = 0;
  let at = 0;
  for (const b of batches) {
    rid.set(b.rid, row);
    learn.set(b.learn, row);
    old.set(b.old, row);
    for (let i = 0; i < b.rid.length; i++) offsets[row + i + 1] = at + b.offsets[i + 1];
    for (let k = 0; k < b.terms.length; k++) termIds[at + k] = rank[b.terms[k]];
    counts.set(b.counts, at);
    row += b.rid.length;
    at += b.terms.length;
  }
  return { n, rid, learn, old, counts: { n, offsets, terms: termIds, counts }, vocabulary: order.map((id) => terms[id]) };
}
