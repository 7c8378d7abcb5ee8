import { z } from 'zod';
import type { AppContext } from '../context.js';
import { ApiRouter, type RegisteredRoute } from '../http/route.js';
import { openApiDocument } from '../http/openapi.js';
import { API_VERSION } from './summary.js';

/** The OpenAPI document of the whole API. */
export function metaRoutes(ctx: AppContext, routes: () => RegisteredRoute[]): ApiRouter {
  const api = new ApiRouter(ctx, '', 'meta');
  let doc: Record<string, unknown> | undefined;
  api.add(
    { method: 'get', path: '/openapi.json', summary: 'This API as an OpenAPI 3.1 document, generated from the schemas the routes validate with', access: 'public', response: z.record(z.string(), z.unknown()), lock: 'none' },
    async () => (doc ??= openApiDocument(routes(), API_VERSION)),
  );
  return api;
}
