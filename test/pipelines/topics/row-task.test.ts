import { describe, expect, test } from 'vitest';
import { newTask, waitFor, work, type Kernel } from '../../../pipelines/topics/row-task.js';

interface SquareArgs {
  input: Int32Array;
  output: Int32Array;
}

/** Each item's square, written to its own slot. */
const squares: Kernel<SquareArgs> = {
  name: 'squares',
  run(a, from, to) {
    for (let i = from; i < to; i++) a.output[i] = a.input[i] * a.input[i];
  },
};

const shared = (n: number) => new Int32Array(new SharedArrayBuffer(4 * n));

describe('a task shared by threads', () => {
  test('is finished by the waiting thread when a worker died holding chunks', () => {
    const n = 1000;
    const args = { input: shared(n), output: shared(n) };
    for (let i = 0; i < n; i++) args.input[i] = i - 500;
    const task = newTask('squares', args, n, 64);
    // a worker claims the first two chunks and dies before running them
    const next = new Int32Array(task.control, 0, 1);
    Atomics.add(next, 0, 2);
    const claimedHere = work(task, squares);
    expect(claimedHere).toBe(Math.ceil(n / 64) - 2);
    const started = Date.now();
    waitFor(task, squares, 50);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(Array.from(args.output)).toEqual(Array.from(args.input, (x) => x * x));
  });

  test('still reports a failure of a chunk it had to run itself', () => {
    const args = { input: shared(10), output: shared(10) };
    const task = newTask('squares', args, 10, 5);
    Atomics.add(new Int32Array(task.control, 0, 1), 0, 1);
    const failing: Kernel<SquareArgs> = { name: 'squares', run: () => { throw new Error('broken'); } };
    work(task, failing);
    expect(() => waitFor(task, failing, 50)).toThrow(/squares failed: broken/);
  });
});
