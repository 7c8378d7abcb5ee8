import { parentPort, workerData } from 'node:worker_threads';
import type { Lexicon } from './lexicon.js';
import { segmentRange, type SegmentBatch } from './segment-range.js';
import { Segmenter, type SegmenterOptions } from './segmenter.js';

/** A worker thread of the segmentation pool: segments one byte range of the input file. */
export interface SegmentJob {
  file: string;
  start: number;
  end: number;
  lexicon: Lexicon;
  options: SegmenterOptions;
  batchSize: number;
}

const job = workerData as SegmentJob;
const seg = Segmenter.create(job.lexicon, job.options);
await segmentRange(job.file, job.start, job.end, seg, job.batchSize, (batch: SegmentBatch) => {
  const buffers = [batch.rid, batch.learn, batch.old, batch.offsets, batch.terms, batch.counts].map((a) => a.buffer as ArrayBuffer);
  parentPort!.postMessage({ batch }, buffers);
});
parentPort!.postMessage({ done: true });
