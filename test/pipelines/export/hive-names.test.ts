import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hiveEscape, useHiveNames } from '../../../pipelines/export/hive-names.js';
import { tempDir } from '../../helpers/temp-db.js';

describe('hiveEscape', () => {
  it.each([
    ['东城区', '东城区'],
    ['2025-01', '2025-01'],
    ['a/b', 'a%2Fb'],
    ['x=y', 'x%3Dy'],
    ['50%', '50%25'],
    ['a:b?c#d', 'a%3Ab%3Fc%23d'],
    ['tab\there', 'tab%09here'],
    ['with space', 'with space'],
  ])('%s → %s', (value, escaped) => {
    expect(hiveEscape(value)).toBe(escaped);
  });
});

describe('useHiveNames', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it("renames DuckDB's percent-encoded folders at every level and keeps the NULL folder", () => {
    const t = tempDir();
    cleanup = t.cleanup;
    for (const path of ['district=%E4%B8%9C%E5%9F%8E%E5%8C%BA/month=2025-01', 'district=a%2Fb/month=2025-01', 'district=__HIVE_DEFAULT_PARTITION__/month=2025-02']) {
      mkdirSync(join(t.dir, path), { recursive: true });
    }
    return useHiveNames(t.dir).then(() => {
      expect(readdirSync(t.dir).sort()).toEqual(['district=__HIVE_DEFAULT_PARTITION__', 'district=a%2Fb', 'district=东城区']);
      expect(readdirSync(join(t.dir, 'district=东城区'))).toEqual(['month=2025-01']);
    });
  });
});
