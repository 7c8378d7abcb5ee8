import { listRules, suggestRoute } from '../../pipelines/consultation/index.js';
import type { AppContext } from '../context.js';
import { ApiRouter } from '../http/route.js';
import { RouteSuggestion, RouteSuggestionBody, RuleList } from '../schemas/routing.js';

/**
 * Jurisdiction rules (decisions in force) and route suggestion: what a hotline platform asks at
 * dispatch time, with an API token (Authorization: Bearer; server/auth/api-tokens.ts), or an
 * officer signed in as the dashboard is.
 */
export function routeSuggestionRoutes(ctx: AppContext): ApiRouter {
  const api = new ApiRouter(ctx, '', 'routing');

  api.add({ method: 'get', path: '/rules', summary: 'Every jurisdiction rule in force, newest effective date first', access: 'signed_in', response: RuleList, tokens: true }, async () => ({
    rules: await listRules(ctx.db),
  }));

  api.add(
    {
      method: 'post', path: '/route-suggestion', summary: 'For a new appeal’s text and district: the matching topic, the rule that applies, the lead unit and a confidence',
      access: ['officer', 'admin'], body: RouteSuggestionBody, response: RouteSuggestion, lock: 'read', invalidates: false, tokens: true,
    },
    async ({ body }) => suggestRoute(ctx.db, body),
  );

  return api;
}
