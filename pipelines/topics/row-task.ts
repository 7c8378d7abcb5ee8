/**
 * Per-row work that several threads can share: `run(args, from, to)` does items from … to - 1.
 * Each item writes only its own outputs and does its arithmetic in the same order whichever thread
 * runs it, so how the items are split among threads never changes the result.
 */
export interface Kernel<A> {
  readonly name: string;
  run(args: A, from: number, to: number): void;
}

/** One task as sent to the threads of a team: `items` in chunks of `grain`, claimed through `control`. */
export interface Task {
  kernel: string;
  args: object;
  items: number;
  grain: number;
  control: SharedArrayBuffer;
}

// The control block: Int32 counters, the first failure's message, then one Int32 per chunk (1: run).
const NEXT = 0;
const DONE = 1;
const FAILED = 2;
const MESSAGE_LENGTH = 3;
const COUNTERS = 4;
const MESSAGE_BYTES = 1024;
const FLAGS_AT = COUNTERS * 4 + MESSAGE_BYTES;

/**
 * How long the waiting thread lets no chunk finish before it runs the unfinished ones itself: a
 * chunk is milliseconds of work, so only a worker that died holding one (e.g. out of memory) is
 * this slow, and without this the run would wait for ever.
 */
export const STALL_MS = 10_000;

export function newTask(kernel: string, args: object, items: number, grain: number): Task {
  const control = new SharedArrayBuffer(FLAGS_AT + 4 * Math.ceil(items / grain));
  // A sequentially consistent write before the task is posted: a thread that claims a chunk (an
  // atomic read of the same counter) sees everything written to the arguments before it.
  Atomics.store(new Int32Array(control, 0, COUNTERS), NEXT, 0);
  return { kernel, args, items, grain, control };
}

export function chunksOf(task: Task): number {
  return Math.ceil(task.items / task.grain);
}

/**
 * Claims chunks one at a time until none is left and runs them (a thread the machine slows down
 * simply takes fewer). After a failure the remaining chunks are claimed but not run, so the count
 * of finished chunks still reaches the total and nobody waits for ever. Returns the chunks claimed.
 */
export function work<A>(task: Task, kernel: Kernel<A> | undefined): number {
  const ctrl = new Int32Array(task.control, 0, COUNTERS);
  const chunks = chunksOf(task);
  let claimed = 0;
  for (let c = Atomics.add(ctrl, NEXT, 1); c < chunks; c = Atomics.add(ctrl, NEXT, 1)) {
    claimed++;
    runChunk(task, kernel, c);
    if (Atomics.add(ctrl, DONE, 1) + 1 === chunks) Atomics.notify(ctrl, DONE);
  }
  return claimed;
}

function runChunk<A>(task: Task, kernel: Kernel<A> | undefined, c: number): void {
  if (Atomics.load(new Int32Array(task.control, 0, COUNTERS), FAILED) === 0) {
    try {
      if (!kernel) throw new Error(`no kernel '${task.kernel}'`);
      kernel.run(task.args as A, c * task.grain, Math.min(task.items, (c + 1) * task.grain));
    } catch (err) {
      fail(task, err instanceof Error ? err.message : String(err));
    }
  }
  Atomics.store(new Int32Array(task.control, FLAGS_AT, chunksOf(task)), c, 1);
}

/**
 * Blocks until every chunk is finished; throws the first failure. When no chunk finishes for
 * `stallMs`, this thread runs the chunks not yet finished itself: items write only their own
 * outputs, the same whichever thread runs them, so a slow worker finishing one too changes nothing.
 */
export function waitFor<A>(task: Task, kernel: Kernel<A>, stallMs = STALL_MS): void {
  const ctrl = new Int32Array(task.control, 0, COUNTERS);
  const chunks = chunksOf(task);
  for (let done = Atomics.load(ctrl, DONE); done < chunks; done = Atomics.load(ctrl, DONE)) {
    if (Atomics.wait(ctrl, DONE, done, stallMs) === 'timed-out' && Atomics.load(ctrl, DONE) === done) {
      const flags = new Int32Array(task.control, FLAGS_AT, chunks);
      for (let c = 0; c < chunks; c++) if (Atomics.load(flags, c) === 0) runChunk(task, kernel, c);
      break;
    }
  }
  if (Atomics.load(ctrl, FAILED)) {
    const message = new TextDecoder().decode(new Uint8Array(task.control, COUNTERS * 4, Atomics.load(ctrl, MESSAGE_LENGTH)));
    throw new Error(`${task.kernel} failed: ${message}`);
  }
}

/** Records the first failure (later ones are consequences or repeats). */
function fail(task: Task, message: string): void {
  const ctrl = new Int32Array(task.control, 0, COUNTERS);
  if (Atomics.compareExchange(ctrl, FAILED, 0, 1) !== 0) return;
  const { written } = new TextEncoder().encodeInto(message, new Uint8Array(task.control, COUNTERS * 4, MESSAGE_BYTES));
  Atomics.store(ctrl, MESSAGE_LENGTH, written);
}
