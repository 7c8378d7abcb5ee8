import { parentPort, workerData } from 'node:worker_threads';
import type { Lexicon } from './lexicon.js';
import { segmentRange, type SegmentBatch } from './segment-range.js';
import { Segmenter, type SegmenterOptions } from './segmenter.js';

/** How a worker of the segmentation pool is set up: it loads the segmenter, then waits for ranges. */
export interface SegmentWorkerSetup {
  lexicon: Lexicon;
  options: SegmenterOptions;
  batchSize: number;
}

/** One byte range of an input file for a worker to segment. */
export interface SegmentRange {
  file: string;
  start: number;
  end: number;
}

const setup = workerData as SegmentWorkerSetup;
const seg = Segmenter.create(setup.lexicon, setup.options);
// Ranges are segmented one after another, each answered with its batches and then `done`.
let queue = Promise.resolve();
parentPort!.on('message', (range: SegmentRange) => {
  queue = queue
    .then(() =>
      segmentRange(range.file, range.start, range.end, seg, setup.batchSize, (batch: SegmentBatch) => {
        const buffers = [batch.rid, batch.learn, batch.old, batch.offsets, batch.terms, batch.counts].map((a) => a.buffer as ArrayBuffer);
        parentPort!.postMessage({ batch }, buffers);
      }),
    )
    .then(
      () => parentPort!.postMessage({ done: true }),
      (err: Error) => parentPort!.postMessage({ error: err.message }),
    );
});
parentPort!.postMessage({ ready: true });
