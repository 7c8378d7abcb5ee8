import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadLexicon } from '../../../pipelines/topics/lexicon.js';
import { segmentFile, type Corpus } from '../../../pipelines/topics/segment-pool.js';
import { tempDir } from '../../helpers/temp-db.js';
import { generateAppeals } from './fixture.js';

const options = { hmm: false, dropPlaces: true, singleCharsFromLexicon: true };

/** Each row's terms and counts by row id, as sorted text. */
function byRow(c: Corpus): Map<number, string> {
  const out = new Map<number, string>();
  for (let i = 0; i < c.n; i++) {
    const terms: string[] = [];
    for (let k = c.counts.offsets[i]; k < c.counts.offsets[i + 1]; k++) terms.push(`${c.vocabulary[c.counts.terms[k]]}×${c.counts.counts[k]}`);
    out.set(c.rid[i], `${c.learn[i]}|${c.old[i]}|${terms.sort().join(' ')}`);
  }
  return out;
}

let cleanup = () => {};
afterEach(() => cleanup());

describe('the segmentation pool', () => {
  test('worker threads give exactly what one thread gives, every line once', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = join(t.dir, 'input.tsv');
    const appeals = generateAppeals({ n: 40_000, seed: 71 });
    writeFileSync(file, appeals.map((a, i) => `${i + 1}\t${i % 2}\t${i % 5}\t${a.title}。${a.content}`).join('\n') + '\n');
    // Large enough that the pool uses its workers rather than this thread.
    expect(statSync(file).size).toBeGreaterThan(4 << 20);
    const one = await segmentFile(file, loadLexicon(), options, 1);
    const two = await segmentFile(file, loadLexicon(), options, 2);
    expect(one.n).toBe(appeals.length);
    expect(two.n).toBe(appeals.length);
    expect(two.vocabulary).toEqual(one.vocabulary);
    expect(byRow(two)).toEqual(byRow(one));
  }, 60_000);
});
