import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UploadStore } from '../../../server/imports/uploads.js';
import { tempDir } from '../../helpers/temp-db.js';

describe('UploadStore', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('deletes files a stopped server left in the folder once they are past the time limit, and nothing younger', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const dir = join(t.dir, 'uploads');
    mkdirSync(dir);
    const hour = 3600_000;
    const file = (name: string, ageMs: number) => {
      writeFileSync(join(dir, name), 'x');
      const at = (Date.now() - ageMs) / 1000;
      utimesSync(join(dir, name), at, at);
    };
    file('left-behind.csv', 7 * hour);
    file('recent.csv', hour);
    mkdirSync(join(dir, 'a-folder'));
    new UploadStore(dir, 1024, 6 * hour);
    expect(readdirSync(dir).sort()).toEqual(['a-folder', 'recent.csv']);
  });
});
