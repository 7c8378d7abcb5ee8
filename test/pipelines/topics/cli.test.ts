import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { ROOT } from '../../../pipelines/config.js';
import { Database } from '../../../pipelines/db/database.js';
import { tempDir } from '../../helpers/temp-db.js';
import { generateAppeals, insertAppeals } from './fixture.js';

const exec = promisify(execFile);
const cli = (args: string[]) => exec(process.execPath, ['--import', 'tsx', join(ROOT, 'pipelines/cli.ts'), 'topics', ...args], { cwd: ROOT });

let cleanup = () => {};
afterEach(() => cleanup());

describe('npm run pipeline -- topics …', () => {
  test('run, list, rename, export and outliers on a database file', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const path = join(t.dir, 'cli.duckdb');
    const db = await Database.open(path);
    await insertAppeals(db, generateAppeals({ n: 600, seed: 61, problems: 6, oneOffShare: 0.05 }));
    db.close();

    const run = await cli(['run', '--db', path]);
    expect(run.stdout).toMatch(/run 1: 600 appeals/);
    expect(run.stdout).toMatch(/active topics/);

    const topics = JSON.parse((await cli(['list', '--json', '--db', path])).stdout);
    expect(topics.length).toBeGreaterThanOrEqual(6);
    expect(topics[0]).toMatchObject({ topicId: expect.any(Number), label: expect.any(String), size: expect.any(Number), terms: expect.any(Array) });
    expect(topics[0].examples.length).toBeGreaterThan(0);

    expect((await cli(['rename', String(topics[0].topicId), '广场舞', '噪音', '--db', path])).stdout).toMatch(/is now “广场舞 噪音”/);

    const out = join(t.dir, 'topics.csv');
    expect((await cli(['export', '--out', out, '--db', path])).stdout).toMatch(/wrote 600 appeals/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('appeal_id,platform,topic_id,topic_label,similarity');
    expect(lines.filter((l) => l.includes(',广场舞 噪音,')).length).toBe(topics[0].size);

    const outliers = JSON.parse((await cli(['outliers', '--json', '--limit', '3', '--db', path])).stdout);
    expect(outliers.outliers.length).toBeLessThanOrEqual(3);
    expect(outliers.total).toBe(600 - topics.reduce((s: number, x: { size: number }) => s + x.size, 0));
    expect(Array.isArray(outliers.rising)).toBe(true);
  }, 60_000);

  test('mistakes exit non-zero with a message', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const path = join(t.dir, 'empty.duckdb');
    await expect(cli(['frobnicate', '--db', path])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown topics action/) });
    await expect(cli(['rename', '7', 'x', '--db', path])).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/topic 7 does not exist/) });
  }, 60_000);
});
