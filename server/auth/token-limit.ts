import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';

/**
 * Calls per minute each API token may make: a dispatch system caught in a loop, or a leaked token,
 * slows down to this rather than taking the server from the people using the dashboard. Sessions
 * are not limited here; each token has its own budget.
 */
export function tokenRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (_req, res) => res.locals.user?.apiTokenId === undefined,
    keyGenerator: (_req, res) => `token:${res.locals.user.apiTokenId}`,
    handler: (_req, res) => {
      res.status(429).json({ error: 'token_rate_limited', message: `more than ${perMinute} calls a minute with this API token: wait and call less often`, params: { limit: perMinute } });
    },
  });
}
