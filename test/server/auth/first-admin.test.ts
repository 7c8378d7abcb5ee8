import { afterEach, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../../server/auth/first-admin.js';
import { verifyPassword } from '../../../server/auth/passwords.js';
import { tempDb } from '../../helpers/temp-db.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

async function adminHash(db: Awaited<ReturnType<typeof tempDb>>['db']): Promise<string> {
  return (await db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'admin' AND role = 'admin'"))[0].password_hash;
}

describe('first administrator', () => {
  it('is created once with a random password printed once', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    const lines: string[] = [];
    expect(await ensureFirstAdmin(t.db, {}, (l) => lines.push(l))).toBe(true);
    const printed = lines.find((l) => l.includes('password:'))!.split('password:')[1].trim();
    expect(printed.length).toBeGreaterThanOrEqual(16);
    expect(await verifyPassword(await adminHash(t.db), printed)).toBe(true);
    const again: string[] = [];
    expect(await ensureFirstAdmin(t.db, {}, (l) => again.push(l))).toBe(false);
    expect(again).toEqual([]);
  });

  it('takes the password from LINKAGE_ADMIN_PASSWORD without printing it, and refuses a short one', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    await expect(ensureFirstAdmin(t.db, { LINKAGE_ADMIN_PASSWORD: 'short' }, () => {})).rejects.toThrow(/10 characters/);
    const lines: string[] = [];
    expect(await ensureFirstAdmin(t.db, { LINKAGE_ADMIN_PASSWORD: 'the chosen one!' }, (l) => lines.push(l))).toBe(true);
    expect(lines.join('\n')).not.toContain('the chosen one!');
    expect(await verifyPassword(await adminHash(t.db), 'the chosen one!')).toBe(true);
  });
});
