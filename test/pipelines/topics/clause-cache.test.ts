import { describe, expect, test } from 'vitest';
import { ClauseCache, clauseKind, forEachClause } from '../../../pipelines/topics/clause-cache.js';

describe('clauses', () => {
  test('a text is cut where the kind of character changes and at punctuation', () => {
    const text = '北山区万象新村15栋的群租房，APP闪退！';
    const parts: string[] = [];
    forEachClause(text, (from, to) => parts.push(text.slice(from, to)));
    expect(parts).toEqual(['北山区万象新村', '15', '栋的群租房', 'APP', '闪退']);
    expect([clauseKind('，'.charCodeAt(0)), clauseKind('a'.charCodeAt(0)), clauseKind('中'.charCodeAt(0))]).toEqual([0, 1, 2]);
  });

  test('the cache returns what was put under the same hashes, and nothing for others', () => {
    const cache = new ClauseCache(8);
    const out: number[] = [];
    expect(cache.get(1, 2, out)).toBe(false);
    cache.put(1, 2, [9, 4, 7, 5], 1, 3);
    cache.put(9, 2, [], 0, 0);
    expect(cache.get(1, 2, out)).toBe(true);
    expect(out).toEqual([4, 7]);
    expect(cache.get(1, 3, out)).toBe(false);
    expect(cache.get(9, 2, out)).toBe(true);
    expect(out).toEqual([4, 7]);
  });

  test('a full cache starts again instead of growing', () => {
    const cache = new ClauseCache(4);
    for (let i = 0; i < 10; i++) cache.put(i, i, [i], 0, 1);
    const out: number[] = [];
    expect(cache.get(9, 9, out)).toBe(true);
    expect(cache.get(0, 0, out)).toBe(false);
    expect(out).toEqual([9]);
  });
});
