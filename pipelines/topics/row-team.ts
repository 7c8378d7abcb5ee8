import { Worker } from 'node:worker_threads';
import { chunksOf, newTask, waitFor, work, type Kernel } from './row-task.js';

/** Below this many rows a task runs in this thread alone: handing it out would cost more than it saves. */
const MIN_ROWS = 20_000;

/**
 * This thread and `threads - 1` worker threads that share per-row work over shared memory (see
 * Kernel). A task blocks this thread until it is done, as the in-thread loop it replaces did, so
 * callers stay synchronous. Workers that are not ready yet are left out (their start-up never
 * delays a task), and chunks are claimed as threads come free, so a worker the machine slows
 * down holds nothing up.
 */
export class RowTeam {
  /** Chunks worker threads have run, over all tasks (to tell that they took part). */
  chunksInWorkers = 0;

  private constructor(
    private readonly workers: Worker[],
    private readonly ready: Int32Array,
    private readonly started: Promise<void>,
    private readonly minRows: number,
  ) {}

  static start(threads: number, minRows = MIN_ROWS): RowTeam {
    const ready = new Int32Array(new SharedArrayBuffer(4 * Math.max(0, threads - 1)));
    const workers: Worker[] = [];
    const started: Promise<void>[] = [];
    for (let slot = 0; slot < threads - 1; slot++) {
      const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
        workerData: { module: new URL('./row-worker.ts', import.meta.url).href, ready, slot },
      });
      // A worker that fails to start is never marked ready: its share runs here.
      started.push(
        new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
        }),
      );
      workers.push(worker);
    }
    const all = Promise.all(started).then(() => undefined);
    all.catch(() => undefined);
    return new RowTeam(workers, ready, all, minRows);
  }

  /** Resolves when every worker can take tasks (for tests, which must see the workers used). */
  whenReady(): Promise<void> {
    return this.started;
  }

  /**
   * Runs `kernel` over items 0 … items - 1, `grain` items a chunk. `rows` is how much the task
   * reads, to decide whether to share it out. Every typed array in `args` must be in shared memory.
   */
  run<A extends object>(kernel: Kernel<A>, args: A, items: number, grain: number, rows = items): void {
    requireShared(kernel.name, args);
    const helpers = this.workers.filter((_, w) => Atomics.load(this.ready, w) === 1);
    if (!helpers.length || rows < this.minRows || items <= grain) {
      kernel.run(args, 0, items);
      return;
    }
    const task = newTask(kernel.name, args, items, grain);
    for (const worker of helpers) worker.postMessage(task);
    const here = work(task, kernel);
    waitFor(task, kernel);
    this.chunksInWorkers += chunksOf(task) - here;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Runs a kernel over all its items: in the team when there is one, else in this thread. */
export function runRows<A extends object>(team: RowTeam | undefined, kernel: Kernel<A>, args: A, items: number, grain: number, rows = items): void {
  if (team) team.run(kernel, args, items, grain, rows);
  else kernel.run(args, 0, items);
}

interface TypedArrayOf<T> {
  new (length: number): T;
  new (buffer: SharedArrayBuffer): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** A zeroed typed array, in memory worker threads can share when `shared`. */
export function newArray<T>(type: TypedArrayOf<T>, length: number, shared: boolean): T {
  return shared ? new type(new SharedArrayBuffer(length * type.BYTES_PER_ELEMENT)) : new type(length);
}

/** Arguments are posted to workers: an array in ordinary memory would reach them as a copy, and what they wrote into it would be lost. */
function requireShared(kernel: string, args: object, path = ''): void {
  for (const [key, value] of Object.entries(args)) {
    if (ArrayBuffer.isView(value)) {
      if (!(value.buffer instanceof SharedArrayBuffer)) throw new Error(`${kernel}: '${path}${key}' is not in shared memory`);
    } else if (value && typeof value === 'object') requireShared(kernel, value, `${path}${key}.`);
  }
}
