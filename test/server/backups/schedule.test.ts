import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleBackups } from '../../../server/backups/schedule.js';
import { makeBackup } from '../../../server/backups/make.js';
import { loadServerConfig } from '../../../server/config.js';
import type { AppContext } from '../../../server/context.js';
import { startServer, type Harness } from '../harness.js';

let h: Harness;
let ctx: AppContext;
beforeAll(async () => {
  h = await startServer();
  ctx = h.app.ctx;
});
afterAll(() => h.close());

const dir = () => join(h.dir, 'backups');
const systemAudit = () => h.db.query<{ action: string; what: string }>("SELECT action, what FROM audit_log WHERE who = 'system' AND action LIKE 'backup%' ORDER BY audit_id");

describe('scheduled backups', () => {
  it('keep the newest automatic ones and never touch backups made by hand', async () => {
    const byHand = await makeBackup(ctx, 'admin');
    const schedule = scheduleBackups(ctx, 3600_000, 2);
    try {
      for (let i = 0; i < 3; i++) await schedule.runOnce();
    } finally {
      await schedule.stop();
    }
    const files = readdirSync(dir()).sort();
    const auto = files.filter((f) => f.startsWith('auto-linkage-'));
    expect(auto).toHaveLength(2);
    expect(files).toContain(byHand.name);
    const log = await systemAudit();
    const made = log.filter((l) => l.action === 'backup').map((l) => l.what);
    expect(made).toHaveLength(3);
    // the oldest went
    expect(log.filter((l) => l.action === 'backup_delete').map((l) => l.what)).toEqual([made[0]]);
    expect(existsSync(join(dir(), made[0]))).toBe(false);
    expect(auto).toEqual(made.slice(1).sort());
  });

  it('run on their interval until stopped, and log a failure instead of stopping the server', async () => {
    const before = readdirSync(dir()).filter((f) => f.startsWith('auto-')).length;
    const schedule = scheduleBackups(ctx, 100, 5);
    await expect.poll(() => readdirSync(dir()).filter((f) => f.startsWith('auto-')).length, { timeout: 20_000, interval: 100 }).toBeGreaterThan(before);
    // stopping waits for a backup under way, so nothing is written after
    await schedule.stop();
    const written = readdirSync(dir()).length;
    // a folder that cannot be written: a file stands where it should be
    const blocked = join(h.dir, 'blocked');
    writeFileSync(blocked, 'not a folder');
    const lines: string[] = [];
    const broken = scheduleBackups({ ...ctx, config: { ...ctx.config, backupDir: join(blocked, 'backups') }, log: (l) => lines.push(l) }, 3600_000, 5);
    await broken.runOnce();
    await broken.stop();
    expect(readdirSync(dir())).toHaveLength(written);
    expect(lines.at(-1)).toMatch(/^scheduled backup failed: /);
    expect((await systemAudit()).at(-1)).toEqual({ action: 'backup_failed', what: join(blocked, 'backups') });
  });

  it('are set by LINKAGE_BACKUP_HOURS (up to a week) and LINKAGE_BACKUP_KEEP (at least one)', () => {
    expect(loadServerConfig({})).toMatchObject({ backupEveryHours: 0, backupKeep: 7 });
    expect(loadServerConfig({ LINKAGE_BACKUP_HOURS: '24', LINKAGE_BACKUP_KEEP: '14' })).toMatchObject({ backupEveryHours: 24, backupKeep: 14 });
    expect(() => loadServerConfig({ LINKAGE_BACKUP_KEEP: '0' })).toThrow("LINKAGE_BACKUP_KEEP must be a whole number of at least 1, got '0'");
    expect(() => loadServerConfig({ LINKAGE_BACKUP_HOURS: 'daily' })).toThrow("LINKAGE_BACKUP_HOURS must be a whole number from 0 to 168, got 'daily'");
    // a week at most: a longer interval would overflow Node's timer, which then fires at once
    expect(() => loadServerConfig({ LINKAGE_BACKUP_HOURS: '720' })).toThrow("LINKAGE_BACKUP_HOURS must be a whole number from 0 to 168, got '720'");
  });
});
