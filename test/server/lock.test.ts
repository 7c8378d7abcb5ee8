import { describe, expect, it } from 'vitest';
import { ReadWriteLock } from '../../server/lock.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('ReadWriteLock', () => {
  it('runs reads together but a write alone', async () => {
    const lock = new ReadWriteLock();
    const events: string[] = [];
    let active = 0;
    let maxReaders = 0;
    const read = (name: string) =>
      lock.read(async () => {
        active++;
        maxReaders = Math.max(maxReaders, active);
        events.push(`${name}+`);
        await tick();
        events.push(`${name}-`);
        active--;
      });
    const write = (name: string) =>
      lock.write(async () => {
        expect(active).toBe(0);
        events.push(`${name}+`);
        await tick();
        events.push(`${name}-`);
      });
    await Promise.all([read('r1'), read('r2'), write('w1'), read('r3'), write('w2')]);
    expect(maxReaders).toBe(2);
    // the write waits for the reads before it; reads after a waiting write wait for it
    expect(events.indexOf('w1+')).toBeGreaterThan(Math.max(events.indexOf('r1-'), events.indexOf('r2-')));
    expect(events.indexOf('r3+')).toBeGreaterThan(events.indexOf('w1-'));
    expect(events.indexOf('w2+')).toBeGreaterThan(events.indexOf('r3-'));
  });

  it('releases the lock when the work fails', async () => {
    const lock = new ReadWriteLock();
    await expect(lock.write(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.read(async () => 'ok')).resolves.toBe('ok');
    expect(lock.busyWriting).toBe(false);
  });
});
