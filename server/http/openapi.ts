import { z } from 'zod';
import { ErrorBody } from '../schemas/common.js';
import { ARROW } from './arrow.js';
import type { RegisteredRoute } from './route.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** Express `/:platform/:appealId` → OpenAPI `/{platform}/{appealId}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
  }));
}

const ERRORS: Record<string, string> = {
  '400': 'Invalid input; the message says which field and why',
  '401': 'Not signed in',
  '403': 'Role, unit scope or CSRF token does not allow this',
  '404': 'Not found',
  '500': 'Internal error (the message holds a reference to the server log)',
};

function operation(route: RegisteredRoute): JsonSchema {
  const responses: Record<string, unknown> = {};
  if (route.produces) responses['200'] = { description: 'A file', content: Object.fromEntries(route.produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) };
  else {
    const content: Record<string, unknown> = { 'application/json': { schema: jsonSchema(route.response, 'output') } };
    if (route.table) {
      content[ARROW] = {
        schema: { type: 'string', format: 'binary' },
        description: `Arrow IPC stream of \`rows\` (columns: ${Object.keys(route.table.row.shape).join(', ')}); the other fields are JSON in the schema metadata key linkage:meta`,
      };
    }
    responses['200'] = { description: 'OK', content };
  }
  const error = { content: { 'application/json': { schema: jsonSchema(ErrorBody, 'output') } } };
  for (const [code, description] of Object.entries(ERRORS)) {
    if (route.access === 'public' && (code === '401' || code === '403')) continue;
    responses[code] = { description, ...error };
  }
  if (route.access === 'public' && route.method !== 'get') responses['429'] = { description: 'Too many attempts', ...error };
  if (route.tokens) responses['429'] = { description: 'Too many calls a minute with this API token (token_rate_limited)', ...error };
  if (route.conflict) responses['409'] = { description: route.conflict, ...error };
  if (route.upload) responses['413'] = { description: 'The file is larger than the upload limit', ...error };

  const op: JsonSchema = {
    tags: [route.tag],
    summary: route.summary,
    operationId: `${route.method}${route.fullPath.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    responses,
    ...(route.access === 'public' ? { security: [] } : route.tokens ? { security: [{ session: [], csrf: [] }, { apiToken: [] }] } : {}),
    ...(Array.isArray(route.access) ? { 'x-roles': route.access } : {}),
  };
  if (route.upload) {
    op.requestBody = {
      required: true,
      content: { 'multipart/form-data': { schema: { type: 'object', properties: { [route.upload.field]: { type: 'string', format: 'binary' } }, required: [route.upload.field] } } },
    };
  } else if (route.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } };
  return op;
}

/** The OpenAPI 3.1 document of every registered route, built from the schemas the routes validate with. */
export function openApiDocument(routes: RegisteredRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.fullPath);
    paths[path] ??= {};
    paths[path][route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Linkage Insight API',
      version,
      description:
        'Sign in with POST /api/auth/login; the session is an httpOnly cookie. Every state-changing request ' +
        'carries the X-CSRF-Token header with the csrfToken from /api/auth/session. Tables answer JSON, or Arrow IPC ' +
        `when the request sends Accept: ${ARROW}. Machine callers (a hotline platform) use an API token an ` +
        'administrator made instead, as Authorization: Bearer lk_…, on the routes that list apiToken.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'linkage_session' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        apiToken: { type: 'http', scheme: 'bearer', description: 'an API token (lk_…) made under 用户管理 → 接口令牌' },
      },
    },
    security: [{ session: [], csrf: [] }],
    paths,
  };
}
