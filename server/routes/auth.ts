import { rateLimit } from 'express-rate-limit';
import type { AppContext } from '../context.js';
import { audit } from '../../pipelines/db/audit.js';
import { ApiRouter } from '../http/route.js';
import { HttpError } from '../http/errors.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { SESSION_COOKIE, clearSessionCookie, sessionCookieOptions } from '../auth/middleware.js';
import type { SessionUser } from '../auth/user.js';
import { ChangePasswordBody, LoginBody, Me, Ok, Session } from '../schemas/auth.js';
import type { Role } from '../schemas/common.js';

interface UserRow {
  user_id: number;
  username: string;
  display_name: string | null;
  role: Role;
  unit: string | null;
  password_hash: string;
  disabled: boolean;
  [key: string]: unknown;
}

const me = (u: SessionUser) => ({ userId: u.userId, username: u.username, displayName: u.displayName, role: u.role, unit: u.unit, csrfToken: u.csrfToken, expiresAt: new Date(u.expiresMs).toISOString() });

/** Sign in and out, who am I, change my password. */
export function authRoutes(ctx: AppContext): ApiRouter {
  const api = new ApiRouter(ctx, '/auth', 'auth');
  const limiter = rateLimit({
    windowMs: ctx.config.loginLimit.windowMs,
    limit: ctx.config.loginLimit.max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // only failures count: a person who signs in correctly is never locked out by colleagues' typos
    skipSuccessfulRequests: true,
    handler: (_req, res) => {
      res.status(429).json({ error: 'too_many_attempts', message: 'too many sign-in attempts; wait a few minutes and try again' });
    },
  });
  api.router.use('/login', limiter);

  api.add(
    { method: 'post', path: '/login', summary: 'Sign in; sets the session cookie', access: 'public', body: LoginBody, response: Me, lock: 'accounts' },
    async ({ body, req, res }) => {
      const row = await ctx.db.one<UserRow>('server/user_by_name', { username: body.username });
      const ok = await verifyPassword(row && !row.disabled ? row.password_hash : null, body.password);
      if (!row || !ok) {
        await audit(ctx.db, { who: body.username, action: 'login_failed', what: null, details: { ip: req.ip ?? null } });
        throw new HttpError(401, 'bad_credentials', 'wrong user name or password');
      }
      const token = await ctx.sessions.create(row.user_id);
      await ctx.db.run('server/user_touch_login', { user_id: row.user_id });
      await audit(ctx.db, { who: row.username, action: 'login', details: { ip: req.ip ?? null } });
      const user = await ctx.sessions.lookup(token);
      if (!user) throw new Error('a session just created could not be read back');
      res.cookie(SESSION_COOKIE, token, sessionCookieOptions(req, ctx.config.sessionHours));
      return me(user);
    },
  );

  api.add(
    { method: 'post', path: '/logout', summary: 'Sign out (ends this session)', access: 'signed_in', response: Ok, lock: 'accounts' },
    async ({ user, req, res }) => {
      await ctx.sessions.destroy(req.cookies[SESSION_COOKIE] as string);
      await audit(ctx.db, { who: user.username, action: 'logout' });
      clearSessionCookie(req, res);
      return { ok: true as const };
    },
  );

  api.add({ method: 'get', path: '/session', summary: 'The signed-in user with the CSRF token, or null', access: 'public', response: Session, lock: 'none' }, async ({ res }) => {
    const user = (res.locals.user as SessionUser | undefined) ?? null;
    return { user: user ? me(user) : null };
  });

  api.add(
    { method: 'post', path: '/password', summary: 'Change my password (signs out my other sessions)', access: 'signed_in', body: ChangePasswordBody, response: Me, lock: 'accounts' },
    async ({ user, body, req, res }) => {
      const row = await ctx.db.one<UserRow>('server/user_by_name', { username: user.username });
      if (!row || !(await verifyPassword(row.password_hash, body.current))) throw new HttpError(400, 'wrong_password', 'the current password is wrong');
      await ctx.db.run('server/user_set_password', { user_id: user.userId, password_hash: await hashPassword(body.next) });
      await ctx.sessions.destroyUser(user.userId);
      const token = await ctx.sessions.create(user.userId);
      await audit(ctx.db, { who: user.username, action: 'password_change', what: user.username });
      const fresh = await ctx.sessions.lookup(token);
      if (!fresh) throw new Error('a session just created could not be read back');
      res.cookie(SESSION_COOKIE, token, sessionCookieOptions(req, ctx.config.sessionHours));
      return me(fresh);
    },
  );
  return api;
}
