import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import type { SessionStore } from './sessions.js';

export const SESSION_COOKIE = 'linkage_session';

/** httpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over HTTPS. */
export function sessionCookieOptions(req: Request, hours: number): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: hours * 3600_000 };
}

export function clearSessionCookie(req: Request, res: Response): void {
  const { maxAge: _, ...options } = sessionCookieOptions(req, 0);
  res.clearCookie(SESSION_COOKIE, options);
}

/** Puts the session's user (or nothing) in res.locals.user; routes decide whether one is needed. */
export function authenticate(sessions: SessionStore): RequestHandler {
  return async (req, res, next) => {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token.length > 0 && token.length <= 100) {
      const user = await sessions.lookup(token);
      if (user) res.locals.user = user;
    }
    next();
  };
}
