import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Lexicon } from './lexicon.js';
import { segmentRange, type SegmentBatch } from './segment-range.js';
import type { SegmentJob } from './segment-worker.js';
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

function runWorker(job: SegmentJob, onBatch: (b: SegmentBatch) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: { ...job, module: new URL('./segment-worker.ts', import.meta.url).href },
    });
    let done = false;
    worker.on('message', (m: { batch?: SegmentBatch; done?: boolean }) => {
      if (m.batch) onBatch(m.batch);
      if (m.done) {
        done = true;
        void worker.terminate().then(() => resolve());
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!done) reject(new Error(`segmentation worker stopped (exit code ${code})`));
    });
  });
}

/**
 * Segments an exported input file on every core: each worker takes a byte range, and their term
 * ids are merged into one vocabulary, sorted at the end.
 */
export async function segmentFile(file: string, lexicon: Lexicon, options: SegmenterOptions, workers = availableParallelism()): Promise<Corpus> {
  const size = statSync(file).size;
  const parts = size < IN_PROCESS_BYTES ? 1 : Math.max(1, workers);
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const batches: SegmentBatch[][] = Array.from({ length: parts }, () => []);
  const localToGlobal: number[][] = Array.from({ length: parts }, () => []);
  const receive = (part: number) => (b: SegmentBatch) => {
    const map = localToGlobal[part];
    b.newTerms.forEach((term, j) => {
      let id = ids.get(term);
      if (id === undefined) {
        id = terms.length;
        ids.set(term, id);
        terms.push(term);
      }
      map[b.termBase + j] = id;
    });
    for (let k = 0; k < b.terms.length; k++) b.terms[k] = map[b.terms[k]];
    b.newTerms = [];
    batches[part].push(b);
  };
  if (parts === 1) {
    await segmentRange(file, 0, size, Segmenter.create(lexicon, options), BATCH, receive(0));
  } else {
    const bounds = Array.from({ length: parts + 1 }, (_, i) => Math.floor((size * i) / parts));
    await Promise.all(bounds.slice(0, parts).map((start, i) => runWorker({ file, start, end: bounds[i + 1], lexicon, options, batchSize: BATCH }, receive(i))));
  }
  return assemble(batches.flat(), terms);
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
