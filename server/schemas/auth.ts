import { z } from 'zod';
import { Role } from './common.js';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

/** The signed-in user as the client sees it, with the token to echo in X-CSRF-Token. */
export const Me = z.object({
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string().nullable(),
  role: Role,
  unit: z.string().nullable(),
  csrfToken: z.string(),
  /** When this session ends: the browser stops sending its cookie then. */
  expiresAt: z.string(),
});

/** The signed-in user, or null: answered 200 either way, so a page load never logs a failed request. */
export const Session = z.object({ user: Me.nullable() });

export const ChangePasswordBody = z.object({
  current: z.string().min(1).max(200),
  next: z.string().min(10, 'the new password needs at least 10 characters').max(200),
});

export const Ok = z.object({ ok: z.literal(true) });
