import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../pipelines/db/database.js';
import { MANIFEST } from '../../../pipelines/export/output-dir.js';
import { exportParquet } from '../../../pipelines/export/parquet.js';
import { BY_PARTITION, LakeError, MERGED, mergeLakeTopics, openLake, partitionsToRun, runLakeTopics, topicsOfPartition } from '../../../pipelines/lake/index.js';
import { tempDb } from '../../helpers/temp-db.js';
import { insertAppeals } from '../disputes/fixture.js';
import { importCity, readTruth, writeCity } from '../topics/city.js';

interface Row {
  platform: string;
  appeal_id: string;
  topic_id: number;
  [k: string]: unknown;
}

describe('topics partition by partition over a Parquet export', () => {
  let db: Database;
  let dir: string;
  let cleanup: () => void;
  let lakeDir: string;
  let truth: Map<string, string>;

  beforeAll(async () => {
    ({ db, dir, cleanup } = await tempDb());
    const files = await writeCity(join(dir, 'city'), 6000, 11);
    truth = readTruth(files.truth);
    await importCity(db, files);
    lakeDir = join(dir, 'lake');
    await exportParquet(db, lakeDir);
  });
  afterAll(() => cleanup());

  const merged = (file: string) => `read_parquet('${join(lakeDir, MERGED, file)}')`;
  const mergedAppeals = () => db.query<Row>(`SELECT * FROM read_parquet('${join(lakeDir, MERGED, 'appeal_topics')}/**/*.parquet', hive_partitioning = false) ORDER BY platform, appeal_id`);

  it('refuses to merge before every partition has its topics', async () => {
    const lake = await openLake(lakeDir);
    expect(lake.partitions.length).toBeGreaterThan(3);
    expect(partitionsToRun(lake)).toEqual(lake.partitions);
    await topicsOfPartition(lake, lake.partitions[0]);
    expect(partitionsToRun(lake)).toEqual(lake.partitions.slice(1));
    await expect(mergeLakeTopics(lake)).rejects.toThrow(`no topics yet for ${lake.partitions.slice(1).join(', ')}: run lake-topics partition`);
    expect(existsSync(join(lakeDir, MERGED))).toBe(false);
    await expect(topicsOfPartition(lake, '../appeals')).rejects.toThrow(LakeError);
  });

  it('clusters each partition alone and merges them: every clustered appeal once, a problem one topic across districts', async () => {
    const lake = await openLake(lakeDir);
    const { ran, merge } = await runLakeTopics(lake);
    // the partition done before is not run again
    expect(ran.map((r) => r.partition)).toEqual(lake.partitions.slice(1));

    // the appeals the engine works on (12345 and non-police 110), each partition counted once
    const [eligible] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM topic_input');
    expect(merge.appeals).toBe(eligible.n);
    const rows = await mergedAppeals();
    expect(rows).toHaveLength(merge.clustered);
    expect(new Set(rows.map((r) => `${r.platform}/${r.appeal_id}`)).size).toBe(rows.length);

    // each appeal sits in its own district's partition, with a merged topic that exists
    const [inOwn] = await db.query<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM read_parquet('${join(lakeDir, MERGED, 'appeal_topics')}/**/*.parquet', hive_partitioning = false) t
       JOIN appeals a USING (platform, appeal_id) WHERE t.district IS NOT DISTINCT FROM a.district AND t.topic_partition = 'district=' || a.district`,
    );
    expect(inOwn.n).toBe(rows.length);
    const topics = await db.query<{ topic_id: number; size: number; partitions: number }>(`SELECT topic_id, size::INTEGER AS size, partitions FROM ${merged('topics.parquet')} ORDER BY topic_id`);
    expect(topics).toHaveLength(merge.topics);
    const sizes = new Map<number, number>();
    for (const r of rows) sizes.set(r.topic_id, (sizes.get(r.topic_id) ?? 0) + 1);
    expect(Object.fromEntries(sizes)).toEqual(Object.fromEntries(topics.map((t) => [t.topic_id, t.size])));
    // fewer topics than the partitions found: the same problems were found in several districts
    expect(merge.topics).toBeLessThan(merge.partitionTopics);

    // the commonest problems: each one's largest topic holds most of its appeals, from every district
    // (unmerged, it would hold one district's share; how well the merge does is npm run eval's)
    const byProblem = new Map<string, Row[]>();
    for (const r of rows) {
      const key = truth.get(`${r.platform}/${r.appeal_id}`)!;
      byProblem.set(key, [...(byProblem.get(key) ?? []), r]);
    }
    const common = [...byProblem].sort((a, b) => b[1].length - a[1].length).slice(0, 5);
    for (const [problem, members] of common) {
      const counts = new Map<number, number>();
      for (const r of members) counts.set(r.topic_id, (counts.get(r.topic_id) ?? 0) + 1);
      const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
      expect(n / members.length, problem).toBeGreaterThan(0.5);
      const districts = new Set(members.filter((r) => r.topic_id === top).map((r) => r.district));
      expect(districts.size, problem).toBe(lake.partitions.length);
    }

    // which partition topic went where: every partition topic once, pointing at a merged topic
    const members = await db.query<{ partition: string; local_topic: number; topic_id: number }>(`SELECT partition, local_topic, topic_id FROM ${merged('partition_topics.parquet')}`);
    expect(members).toHaveLength(merge.partitionTopics);
    const ids = new Set(topics.map((t) => t.topic_id));
    expect(members.every((m) => ids.has(m.topic_id))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(lakeDir, MERGED, MANIFEST), 'utf8'));
    expect(manifest.lakeExportedAt).toBe(lake.exportedAt);
    expect(manifest.topics).toBe(merge.topics);
  });

  it('merging again keeps every id and writes the same topics', async () => {
    const before = await mergedAppeals();
    const beforeTopics = await db.query(`SELECT * FROM ${merged('topics.parquet')} ORDER BY topic_id`);
    const again = await mergeLakeTopics(await openLake(lakeDir));
    expect(again.keptIds).toBe(again.topics);
    expect(await mergedAppeals()).toEqual(before);
    expect(await db.query(`SELECT * FROM ${merged('topics.parquet')} ORDER BY topic_id`)).toEqual(beforeTopics);
  });

  it("an export of its own takes the previous export's topic ids (--previous)", async () => {
    const later = join(dir, 'lake-later');
    await exportParquet(db, later, { from: '2025-04-01' });
    const lake = await openLake(later);
    await expect(runLakeTopics(lake, { previous: join(dir, 'city') })).rejects.toThrow(/holds no merged topics/);
    // refused before any partition ran
    expect(existsSync(join(later, BY_PARTITION))).toBe(false);
    const { merge } = await runLakeTopics(lake, { previous: lakeDir });
    expect(merge.keptIds).toBeGreaterThan(merge.topics / 2);
    // an appeal in both exports: most keep their topic id
    const [same] = await db.query<{ both: number; same: number }>(
      `SELECT count(*)::INTEGER AS both, count(*) FILTER (WHERE a.topic_id = b.topic_id)::INTEGER AS same
       FROM read_parquet('${join(lakeDir, MERGED, 'appeal_topics')}/**/*.parquet', hive_partitioning = false) a
       JOIN read_parquet('${join(later, MERGED, 'appeal_topics')}/**/*.parquet', hive_partitioning = false) b USING (platform, appeal_id)`,
    );
    expect(same.both).toBeGreaterThan(1000);
    expect(same.same / same.both).toBeGreaterThan(0.8);
  });

  it('a partition run again from the same export gives the same topics', async () => {
    const lake = await openLake(lakeDir);
    const file = join(lakeDir, BY_PARTITION, lake.partitions[1], MANIFEST);
    const before = JSON.parse(readFileSync(file, 'utf8'));
    const again = await topicsOfPartition(lake, lake.partitions[1]);
    expect(again.topics).toEqual(before.topics);
    expect(again.inputHash).toBe(before.inputHash);
  });

  it('results of an earlier export are stale: the merge refuses them until their partitions run again', async () => {
    const lake = await openLake(lakeDir);
    const kept = readFileSync(join(lakeDir, BY_PARTITION, lake.partitions[0], MANIFEST), 'utf8');
    await exportParquet(db, lakeDir, { overwrite: true, from: '2025-01-01' });
    // the export replaced the folder, results and all; one partition's results from before come back
    mkdirSync(join(lakeDir, BY_PARTITION, lake.partitions[0]), { recursive: true });
    writeFileSync(join(lakeDir, BY_PARTITION, lake.partitions[0], MANIFEST), kept);
    const now = await openLake(lakeDir);
    expect(now.exportedAt).not.toBe(lake.exportedAt);
    expect(partitionsToRun(now)).toEqual(now.partitions);
    await expect(mergeLakeTopics(now)).rejects.toThrow(`no topics yet for ${now.partitions.slice(1).join(', ')}; the topics of ${now.partitions[0]} were computed from an earlier export`);
  });

  it('refuses a folder that holds no export', async () => {
    await expect(openLake(join(dir, 'city'))).rejects.toThrow(/holds no Parquet export/);
  });
});

describe('partitions with little or nothing for the engine', () => {
  it('gives a district of police matters only an empty result, and merges the rest', async () => {
    const { db, dir, cleanup } = await tempDb();
    try {
      await insertAppeals(db, [
        { id: 'A1', at: '2025-01-10 09:00', district: '东城区', content: '小区门口违章停车堵住出入口' },
        { id: 'A2', at: '2025-01-11 09:00', district: '东城区', content: '违章停车堵住小区出入口' },
        { id: 'P1', platform: '110', at: '2025-01-12 09:00', district: '西城区', police: true, content: '有人打架' },
      ]);
      const lakeDir = join(dir, 'lake');
      await exportParquet(db, lakeDir);
      const lake = await openLake(lakeDir);
      expect(lake.partitions).toEqual(['district=东城区', 'district=西城区']);
      const { ran, merge } = await runLakeTopics(lake);
      const west = ran.find((r) => r.partition === 'district=西城区')!;
      expect(west).toMatchObject({ appeals: 0, clustered: 0, topics: [] });
      expect(ran.find((r) => r.partition === 'district=东城区')!.appeals).toBe(2);
      expect(merge.appeals).toBe(2);
      expect(merge.partitions.map((p) => p.partition)).toEqual(lake.partitions);
    } finally {
      cleanup();
    }
  });

  it('says which results file is broken', async () => {
    const { db, dir, cleanup } = await tempDb();
    try {
      await insertAppeals(db, [{ id: 'A1', at: '2025-01-10 09:00', district: '东城区' }]);
      const lakeDir = join(dir, 'lake');
      await exportParquet(db, lakeDir);
      const lake = await openLake(lakeDir);
      await topicsOfPartition(lake, 'district=东城区');
      writeFileSync(join(lakeDir, BY_PARTITION, 'district=东城区', MANIFEST), '{"partition": ');
      await expect(mergeLakeTopics(lake)).rejects.toThrow(/_manifest.json is not readable .*: run lake-topics partition --partition district=东城区 again/);
    } finally {
      cleanup();
    }
  });
});
