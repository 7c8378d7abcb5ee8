import { audit } from '../../pipelines/db/audit.js';
import type { TokenRow as Row } from '../auth/api-tokens.js';
import type { AppContext } from '../context.js';
import { HttpError, notFound } from '../http/errors.js';
import { ApiRouter } from '../http/route.js';
import { CreatedToken, CreateTokenBody, RevokedToken, TokenIdParams, TokenList } from '../schemas/tokens.js';

/** API tokens for machine callers: made, listed and revoked by admins, each change audit-logged. */
export function tokenRoutes(ctx: AppContext): ApiRouter {
  const api = new ApiRouter(ctx, '/tokens', 'tokens');
  const admin = ['admin'] as const;

  api.add({ method: 'get', path: '/', summary: 'Every API token, in force first: name, maker, last use, expiry, revocation (never the secret)', access: admin, response: TokenList, lock: 'accounts' }, async () => ({
    tokens: (await ctx.tokens.list()).map((r: Row) => ({
      tokenId: r.token_id, name: r.name, createdBy: r.created_by, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at, revokedBy: r.revoked_by,
      expiresAt: r.expires_at, expired: r.expired,
    })),
  }));

  api.add(
    { method: 'post', path: '/', summary: 'Make an API token, in force for `days` days (a year unless said; null: no end); the answer holds the secret, shown this once', conflict: 'a token in force has this name', access: admin, body: CreateTokenBody, response: CreatedToken, lock: 'accounts' },
    async ({ body, user }) => {
      if (await ctx.tokens.nameInUse(body.name)) throw new HttpError(409, 'name_taken', `a token named ${body.name} is in force: revoke it first, or choose another name`, { name: body.name });
      const made = await ctx.tokens.create(body.name, body.days, user.username);
      await audit(ctx.db, { who: user.username, action: 'token_create', what: body.name, details: { tokenId: made.tokenId, days: body.days } });
      return { tokenId: made.tokenId, name: body.name, token: made.token, expiresAt: made.expiresAt };
    },
  );

  api.add(
    { method: 'delete', path: '/:tokenId', summary: 'Revoke an API token: calls with it are refused from now on', access: admin, params: TokenIdParams, response: RevokedToken, lock: 'accounts' },
    async ({ params, user }) => {
      const name = await ctx.tokens.revoke(params.tokenId, user.username);
      if (name === null) throw notFound(`there is no API token #${params.tokenId} in force`);
      await audit(ctx.db, { who: user.username, action: 'token_revoke', what: name, details: { tokenId: params.tokenId } });
      return { tokenId: params.tokenId, name };
    },
  );
  return api;
}
