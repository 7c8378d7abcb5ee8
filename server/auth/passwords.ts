import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// The package's default algorithm is argon2id (memory-hard); these are its OWASP-recommended
// minimums (19 MiB, 2 passes), about 30 ms per hash on this class of machine.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// A hash of a random password, verified against when the user does not exist, so a wrong user
// name takes as long to refuse as a wrong password.
let decoy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    decoy ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** A random password for the first administrator: 18 characters from a 64-letter alphabet. */
export function randomPassword(): string {
  return randomBytes(14).toString('base64url').slice(0, 18);
}
