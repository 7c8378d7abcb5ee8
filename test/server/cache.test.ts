import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../server/cache.js';

describe('AnswerCache', () => {
  it('computes once per key until invalidated', async () => {
    const cache = new AnswerCache();
    let calls = 0;
    const compute = async () => ++calls;
    expect(await Promise.all([cache.get('k', compute), cache.get('k', compute)])).toEqual([1, 1]);
    cache.invalidate();
    expect(await cache.get('k', compute)).toBe(2);
  });

  it('forgets failures and evicts the least recently used entry', async () => {
    const cache = new AnswerCache(2);
    await expect(cache.get('bad', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('bad', async () => 'fine')).toBe('fine');
    await cache.get('a', async () => 'a1');
    await cache.get('bad', async () => 'unused');
    await cache.get('c', async () => 'c1');
    expect(await cache.get('a', async () => 'a2')).toBe('a2');
    expect(await cache.get('c', async () => 'c2')).toBe('c1');
  });
});
