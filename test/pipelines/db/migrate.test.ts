import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../pipelines/db/database.js';
import { migrationFiles } from '../../../pipelines/db/sql-files.js';
import { tempDir } from '../../helpers/temp-db.js';

describe('migrations', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('applies every migration once and keeps data across reopen', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const path = `${t.dir}/m.duckdb`;
    const first = await Database.open(path);
    const versions = (await first.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version);
    expect(versions).toEqual(migrationFiles().map((m) => m.version));
    const salt = (await first.query<{ value: string }>("SELECT value FROM settings WHERE key = 'caller_salt'"))[0].value;
    first.close();

    const second = await Database.open(path);
    const again = (await second.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM schema_migrations'))[0].n;
    const salt2 = (await second.query<{ value: string }>("SELECT value FROM settings WHERE key = 'caller_salt'"))[0].value;
    second.close();
    expect(again).toBe(versions.length);
    expect(salt2).toBe(salt);
    expect(salt).toMatch(/^[0-9a-f]{32}$/);
  });
});
