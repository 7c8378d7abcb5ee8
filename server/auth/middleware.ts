import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { HttpError } from '../http/errors.js';
import type { ApiTokenStore } from './api-tokens.js';
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

/**
 * Puts the caller in res.locals.user: the API token of an `Authorization: Bearer` header (a wrong
 * one is refused at once rather than read as no one), else the session's user, else nothing;
 * routes decide whether one is needed.
 */
export function authenticate(sessions: SessionStore, tokens: ApiTokenStore): RequestHandler {
  return async (req, res, next) => {
    const bearer = /^Bearer (\S{1,200})$/.exec(req.get('authorization') ?? '');
    if (bearer) {
      const caller = await tokens.lookup(bearer[1]);
      if (!caller) throw new HttpError(401, 'bad_token', 'unknown, revoked or expired API token');
      res.locals.user = caller;
      return next();
    }
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token.length > 0 && token.length <= 100) {
      const user = await sessions.lookup(token);
      if (user) res.locals.user = user;
    }
    next();
  };
}
