import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { abandonOutput, commitOutput, ExportError, MANIFEST, openOutput } from '../../../pipelines/export/output-dir.js';
import { tempDir } from '../../helpers/temp-db.js';

describe('an export folder written beside its target and moved into place', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  async function write(target: string, overwrite: boolean, content: string) {
    const out = await openOutput(target, overwrite);
    writeFileSync(join(out.partial, MANIFEST), content);
    return out;
  }

  it('takes an empty folder made beforehand, and refuses a target another export filled meanwhile', async () => {
    const target = join(dir, 'lake');
    mkdirSync(target);
    const first = await write(target, false, 'first');
    const second = await write(target, false, 'second');
    await commitOutput(first);
    await expect(commitOutput(second)).rejects.toThrow(ExportError);
    await abandonOutput(second);
    expect(readFileSync(join(target, MANIFEST), 'utf8')).toBe('first');
    // nothing is left beside it
    expect(readdirSync(dir)).toEqual(['lake']);
  });

  it('gives exports opened at the same moment their own partial folders', async () => {
    const target = join(dir, 'lake');
    const outs = await Promise.all(Array.from({ length: 20 }, () => openOutput(target, false)));
    expect(new Set(outs.map((o) => o.partial)).size).toBe(20);
    await Promise.all(outs.map(abandonOutput));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('replaces an earlier export when asked to', async () => {
    const target = join(dir, 'lake');
    await commitOutput(await write(target, false, 'first'));
    await commitOutput(await write(target, true, 'second'));
    expect(readFileSync(join(target, MANIFEST), 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['lake']);
  });
});
