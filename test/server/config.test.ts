import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../pipelines/config.js';
import { loadServerConfig } from '../../server/config.js';

describe('server settings', () => {
  it('put exports and backups beside the database, unless told where', () => {
    expect(loadServerConfig({})).toMatchObject({ exportDir: join(ROOT, 'data', 'exports'), backupDir: join(ROOT, 'data', 'backups') });
    expect(loadServerConfig({ LINKAGE_DB: '/srv/linkage/city.duckdb' })).toMatchObject({ exportDir: '/srv/linkage/exports', backupDir: '/srv/linkage/backups' });
    expect(loadServerConfig({ LINKAGE_DB: '/srv/linkage/city.duckdb', LINKAGE_BACKUP_DIR: '/mnt/safe', LINKAGE_EXPORT_DIR: '/mnt/lake' })).toMatchObject({ exportDir: '/mnt/lake', backupDir: '/mnt/safe' });
  });
});
