import { parentPort, workerData } from 'node:worker_threads';
import { ROW_KERNELS } from './row-kernels.js';
import { work, type Task } from './row-task.js';

/** How a worker of a row team is set up: it marks itself ready in `ready[slot]` once its kernels are loaded. */
export interface RowWorkerSetup {
  ready: Int32Array;
  slot: number;
}

const setup = workerData as RowWorkerSetup;
// A task reaching a worker after the others finished it finds no chunk left and costs nothing.
parentPort!.on('message', (task: Task) => work(task, ROW_KERNELS.get(task.kernel)));
Atomics.store(setup.ready, setup.slot, 1);
parentPort!.postMessage({ ready: true });
