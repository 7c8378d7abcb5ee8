import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { sourceColumns } from '../../../pipelines/ingest/mapping-fit.js';
import { FIELDS } from '../../../pipelines/ingest/fields.js';
import { importFile, listPresets, previewFile, type Preset } from '../../../pipelines/ingest/index.js';
import { tempDb } from '../../helpers/temp-db.js';

let db: Database;
let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, dir, cleanup } = await tempDb());
});
afterEach(() => cleanup());

/** A value each canonical field accepts, for row i. */
function valueFor(field: string, i: number): string {
  const type = Object.values(FIELDS).flat().find((f) => f.name === field)?.type;
  if (field === 'appeal_id') return `ID${i}`;
  if (field === 'platform') return '12345';
  if (field === 'seq') return String(i);
  if (field === 'lat') return '39.9';
  if (field === 'lon') return '116.4';
  if (field === 'method') return '派单';
  if (field === 'outcome') return '签收';
  if (field === 'is_police_matter') return '非警务类';
  if (type === 'timestamp') return field === 'received_at' || field === 'sent_at' ? `2025-05-1${i} 08:00:00` : `2025-05-2${i} 08:00:00`;
  if (type === 'bool') return '是';
  return `${field} ${i} 文本`;
}

/** A two-row CSV holding exactly the columns the preset reads. */
function fileFor(preset: Preset): string {
  // A column read directly by a field takes that field's value; columns only hashed or joined take any.
  const byColumn = new Map<string, string>();
  const entries = Object.entries(preset.mapping.fields).sort(([, a], [, b]) => Number(typeof b === 'string') - Number(typeof a === 'string'));
  for (const [field, source] of entries) for (const c of sourceColumns(source)) if (!byColumn.has(c)) byColumn.set(c, field);
  const headers = [...byColumn.keys()];
  const rows = [1, 2].map((i) => headers.map((h) => `"${valueFor(byColumn.get(h)!, i)}"`).join(','));
  const path = join(dir, `${preset.name}.csv`);
  writeFileSync(path, [headers.map((h) => `"${h}"`).join(','), ...rows].join('\n'));
  return path;
}

describe('shipped presets', () => {
  const presets = listPresets();

  it('include the formats the product promises', () => {
    expect(presets.map((p) => p.name)).toEqual(expect.arrayContaining([
      'cn-12345-workorders', 'cn-transfers', 'cn-110-incidents', 'open311-georeport-v2', 'nyc311',
      'teddy2020c', 'fz12345-rivers', 'fz12345-heichou', 'people-liuyan',
    ]));
  });

  it.each(presets.map((p) => [p.name, p] as const))('%s loads a file with its columns', async (_name, preset) => {
    const r = await importFile(db, fileFor(preset), { preset: preset.name });
    expect(r).toMatchObject({ rowsRead: 2, inserted: 2, rejected: 0, kind: preset.mapping.kind });
    const table = preset.mapping.kind === 'transfers' ? 'transfers' : 'appeals';
    const platforms = await db.query<{ platform: string }>(`SELECT DISTINCT platform FROM ${table}`);
    expect(platforms.map((p) => p.platform)).toEqual([preset.mapping.constants?.platform ?? expect.any(String)]);
  });

  it('nyc311 reads US dates in New York time and builds the text from type and descriptor', async () => {
    const path = join(dir, 'nyc.csv');
    writeFileSync(path, 'Unique Key,Created Date,Closed Date,Agency,Complaint Type,Descriptor,Status,Borough\n45000001,05/01/2022 12:00:03 AM,05/01/2022 01:10:00 AM,NYPD,Noise - Residential,Loud Music/Party,Closed,BROOKLYN\n');
    await importFile(db, path, { preset: 'nyc311' });
    const row = (await db.query<{ received_at: Date; content: string; district: string }>('SELECT received_at, content, district FROM appeals'))[0];
    expect(row.received_at.toISOString()).toBe('2022-05-01T04:00:03.000Z');
    expect(row.content).toBe('Noise - Residential: Loud Music/Party');
    expect(row.district).toBe('BROOKLYN');
  });

  it('fz12345-rivers gives rows without ids a stable id from their content', async () => {
    const path = join(dir, 'fz.csv');
    writeFileSync(path, '河流,性质,信息来源,标题,时间,投诉件内容,区县(工作表)\n龙津河,投诉,网站,龙津河发臭,2018-06-01,龙津河黑臭严重,仓山区\n龙津河,投诉,网站,龙津河发臭,2018-06-01,龙津河黑臭严重,仓山区\n跃进河,建议,电话,跃进河清淤,2019-03-02,建议清淤,晋安区\n');
    const first = await importFile(db, path, { preset: 'fz12345-rivers' });
    expect(first).toMatchObject({ rowsRead: 3, inserted: 2, unchanged: 1 });
    const again = await importFile(db, path, { preset: 'fz12345-rivers' });
    expect(again).toMatchObject({ inserted: 0, unchanged: 3 });
  });
});

describe('presets recognised from the headers', () => {
  it.each(listPresets().map((p) => [p.name, p] as const))('%s: a file with its columns and no option is read with it', async (name, preset) => {
    const r = await importFile(db, fileFor(preset));
    expect(r).toMatchObject({ preset: name, rowsRead: 2, inserted: 2, rejected: 0 });
  });

  it('reads an export without an id column that inference cannot map, and says which preset it used', async () => {
    const path = join(dir, 'rivers.csv');
    writeFileSync(path, '区县(工作表),河流,性质,信息来源,标题,时间,投诉件内容,回复1\n仓山区,龙津河,投诉,网站,龙津河发臭,2018-06-01,龙津河黑臭严重,已转办\n');
    const preview = await previewFile(db, path);
    expect(preview).toMatchObject({ preset: 'fz12345-rivers', missing: [] });
    expect(await importFile(db, path)).toMatchObject({ preset: 'fz12345-rivers', inserted: 1 });
  });

  it('reads New York dates in New York time without being told the preset', async () => {
    const path = join(dir, 'nyc.csv');
    writeFileSync(path, 'Unique Key,Created Date,Closed Date,Agency,Agency Name,Complaint Type,Descriptor,Status,Incident Address,Borough,Latitude,Longitude,Open Data Channel Type\n45000001,05/01/2022 12:00:03 AM,05/01/2022 01:10:00 AM,NYPD,New York City Police Department,Noise - Residential,Loud Music/Party,Closed,1 MAIN ST,BROOKLYN,40.6,-73.9,PHONE\n');
    const r = await importFile(db, path);
    expect(r.preset).toMatch(/^nyc311/);
    const row = (await db.query<{ received_at: Date }>('SELECT received_at FROM appeals'))[0];
    expect(row.received_at.toISOString()).toBe('2022-05-01T04:00:03.000Z');
  });

  it('recognises a portal export whose headers are spelt differently (CreatedDate) and reads its 2-digit years', async () => {
    const path = join(dir, 'noise.csv');
    writeFileSync(path, 'Unique Key,CreatedDate,Closed Date,Agency,Agency Name,Complaint Type,Descriptor,Status,Incident Address,Borough,Latitude,Longitude\r32310363,12/31/15 23:59,01/01/16 01:30,NYPD,New York City Police Department,Noise - Street/Sidewalk,Loud Talking,Closed,1 MAIN ST,QUEENS,40.7,-73.8\r');
    const r = await importFile(db, path);
    expect(r).toMatchObject({ preset: 'nyc311', inserted: 1, rejected: 0 });
    const row = (await db.query<{ received_at: Date; content: string }>('SELECT received_at, content FROM appeals'))[0];
    expect(row.received_at.toISOString()).toBe('2016-01-01T04:59:00.000Z');
    expect(row.content).toBe('Noise - Street/Sidewalk: Loud Talking');
  });

  it('reads an API export (snake_case names, ISO times) with the same NYC preset', async () => {
    const path = join(dir, 'api.csv');
    writeFileSync(path, 'unique_key,created_date,closed_date,agency,complaint_type,descriptor,status,resolution_description,incident_address,borough,latitude,longitude,open_data_channel_type\n61276295,2024-05-27T02:08:51.000,,DOT,Street Condition,Pothole,Open,The Department of Transportation referred this complaint to the appropriate Maintenance Unit for repair.,1 MAIN ST,MANHATTAN,40.8,-73.9,PHONE\n');
    const r = await importFile(db, path);
    expect(r).toMatchObject({ preset: 'nyc311', inserted: 1, rejected: 0, warnings: [] });
    const row = (await db.query<{ received_at: Date; content: string; lon: number; reply: string }>('SELECT received_at, content, lon, reply FROM appeals'))[0];
    expect(row).toMatchObject({ content: 'Street Condition: Pothole', lon: -73.9, reply: 'The Department of Transportation referred this complaint to the appropriate Maintenance Unit for repair.' });
    expect(row.received_at.toISOString()).toBe('2024-05-27T06:08:51.000Z');
  });

  it('keeps inference when no preset fits the layout, or inference maps more', async () => {
    const path = join(dir, 'wo.csv');
    writeFileSync(path, '工单编号,来电时间,来电号码,所属区县,诉求内容,承办单位,工单状态,办结时间,满意度评价\nGD1,2025-05-16 08:00:00,13800000000,东城区,路灯不亮,东城区住建局,已办结,2025-05-17 08:00:00,满意\n');
    const r = await importFile(db, path);
    expect(r.preset).toBeNull();
    expect(Object.keys(r.mapping.fields)).toHaveLength(9);
    // A few of a preset's columns (here nyc311's required ones) do not make its layout.
    const few = join(dir, 'few.csv');
    writeFileSync(few, 'Unique Key,Created Date,Complaint Type,Descriptor\n1,2022-05-01 08:00:00,Noise,Loud\n');
    expect((await previewFile(db, few)).preset).toBeNull();
  });
});
