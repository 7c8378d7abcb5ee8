import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportParquet } from '../../../pipelines/export/parquet.js';
import { tempDb } from '../../helpers/temp-db.js';
import { cli } from '../../helpers/cli.js';
import { importCity, writeCity } from '../topics/city.js';

describe('npm run pipeline -- lake-topics', () => {
  let dir: string;
  let lake: string;
  let cleanup: () => void;

  beforeAll(async () => {
    const t = await tempDb();
    ({ dir, cleanup } = t);
    await importCity(t.db, await writeCity(join(dir, 'city'), 2000, 5));
    lake = join(dir, 'lake');
    await exportParquet(t.db, lake);
  });
  afterAll(() => cleanup());

  it('runs one partition, then the rest and the merge, and says what it did', async () => {
    const early = await cli(['lake-topics', 'merge', '--lake', lake]).catch((e) => e);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/^error: no topics yet for district=.+: run lake-topics partition for each of them, or lake-topics run\n$/);

    const one = JSON.parse((await cli(['lake-topics', 'partition', '--lake', lake, '--partition', 'district=东城区', '--json'])).stdout);
    expect(one.partition).toBe('district=东城区');
    expect(one.clustered).toBeLessThanOrEqual(one.appeals);
    expect(one.topics.length).toBeGreaterThan(0);
    expect(one.topics[0]).not.toHaveProperty('centroid');

    const all = JSON.parse((await cli(['lake-topics', 'run', '--lake', lake, '--json'])).stdout);
    expect(all.partitionsRun).not.toContain('district=东城区');
    expect(all.partitionsRun.length).toBe(all.merge.partitions.length - 1);
    expect(all.merge.topics).toBeLessThan(all.merge.partitionTopics);

    const { stdout } = await cli(['lake-topics', 'merge', '--lake', lake]);
    expect(stdout).toContain(`merged ${all.merge.partitionTopics} topics of ${all.merge.partitions.length} partitions into ${all.merge.topics} topics`);
    expect(stdout).toContain(`${all.merge.topics} kept the id of the previous merge`);
  });

  it('answers a wrong request with what is wrong', async () => {
    const usage = await cli(['lake-topics', '--lake', lake]).catch((e) => e);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run pipeline -- lake-topics run|partition|merge --lake DIR');
    const noPartition = await cli(['lake-topics', 'partition', '--lake', lake]).catch((e) => e);
    expect(noPartition.stderr).toBe('error: --partition is required for lake-topics partition\n');
    const previous = await cli(['lake-topics', 'partition', '--lake', lake, '--partition', 'district=东城区', '--previous', lake]).catch((e) => e);
    expect(previous.stderr).toBe('error: --previous is for lake-topics run and merge: a partition run takes no ids\n');
    const unknown = await cli(['lake-topics', 'partition', '--lake', lake, '--partition', 'district=../..']).catch((e) => e);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: no partition 'district=\.\.\/\.\.' in .+ \(partitions: district=/);
    const noLake = await cli(['lake-topics', 'run', '--lake', join(dir, 'city')]).catch((e) => e);
    expect(noLake.stderr).toContain('holds no Parquet export');
  });
});
