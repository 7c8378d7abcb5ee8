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

/** Receives a worker's (or this thread's) batches into one vocabulary. */
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
 * Segmentation worker threads, started before the input file exists so that loading jieba and
 * compiling overlap with the database export; `segment` then gives each a byte range of the file.
 */
export class SegmenterPool {
  private constructor(
    private readonly lexicon: Lexicon,
    private readonly options: SegmenterOptions,
    private readonly workers: PoolWorker[],
  ) {}

  static start(lexicon: Lexicon, options: SegmenterOptions, workers = availableParallelism()): SegmenterPool {
    const pool: PoolWorker[] = [];
    for (let w = 0; w < workers; w++) {
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
    return new SegmenterPool(lexicon, options, pool);
  }

  /** The file's term counts: in this thread when it is small, else a range per worker. */
  async segment(file: string): Promise<Corpus> {
    if (smallFile(file) || this.workers.length < 2) return segmentHere(file, this.lexicon, this.options);
    const size = statSync(file).size;
    const parts = this.workers.length;
    const collect = new Collector(parts);
    const bounds = Array.from({ length: parts + 1 }, (_, i) => Math.floor((size * i) / parts));
    await Promise.all(
      this.workers.map(async ({ worker, ready }, i) => {
        await ready;
        await new Promise<void>((resolve, reject) => {
          const onMessage = (m: { batch?: SegmentBatch; done?: boolean; error?: string }) => {
            if (m.batch) collect.receive(i, m.batch);
            if (m.done || m.error) {
              worker.off('message', onMessage);
              worker.off('error', reject);
              if (m.error) reject(new Error(m.error));
              else resolve();
            }
          };
          worker.on('message', onMessage);
          worker.once('error', reject);
          worker.postMessage({ file, start: bounds[i], end: bounds[i + 1] });
        });
      }),
    );
    return collect.corpus();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}

/** Segments a file in this thread with the given segmenter (its caches stay warm across calls). */
export async function segmentInThread(file: string, seg: Segmenter): Promise<Corpus> {
  const collect = new Collector(1);
  await segmentRange(file, 0, statSync(file).size, seg, BATCH, (b) => collect.receive(0, b));
  return collect.corpus();
}

function segmentHere(file: string, lexicon: Lexicon, options: SegmenterOptions): Promise<Corpus> {
  return segmentInThread(file, Segmenter.create(lexicon, options));
}

/** Whether a file is small enough to segment in this thread. */
export function smallFile(file: string): boolean {
  return statSync(file).size < IN_PROCESS_BYTES;
}

/** Segments an exported input file, on every core when it is large. */
export async function segmentFile(file: string, lexicon: Lexicon, options: SegmenterOptions, workers = availableParallelism()): Promise<Corpus> {
  if (smallFile(file) || workers < 2) return segmentHere(file, lexicon, options);
  const pool = SegmenterPool.start(lexicon, options, workers);
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
