import type { Database } from '../../pipelines/db/database.js';
import { audit } from '../../pipelines/db/audit.js';
import { hashPassword, randomPassword } from './passwords.js';

/**
 * On a database without users, creates the administrator `admin` with the password in
 * LINKAGE_ADMIN_PASSWORD, or a random one printed once here (it is stored only as a hash).
 * Returns whether it created one.
 */
export async function ensureFirstAdmin(db: Database, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<boolean> {
  const row = await db.one<{ n: number }>('server/user_count');
  if (row && row.n > 0) return false;
  const given = env.LINKAGE_ADMIN_PASSWORD;
  if (given !== undefined && given.length < 10) throw new Error('LINKAGE_ADMIN_PASSWORD needs at least 10 characters');
  const password = given ?? randomPassword();
  await db.one('server/user_insert', { username: 'admin', display_name: null, role: 'admin', unit: null, password_hash: await hashPassword(password) });
  await audit(db, { who: 'system', action: 'user_create', what: 'admin', details: { role: 'admin', first: true } });
  if (given === undefined) {
    log('');
    log('  First start: created the administrator account.');
    log('    user:      admin');
    log(`    password:  ${password}`);
    log('  This password is shown once only. Sign in and change it (or set LINKAGE_ADMIN_PASSWORD before the first start).');
    log('');
  } else log('first start: created the administrator account "admin" with the password from LINKAGE_ADMIN_PASSWORD');
  return true;
}
