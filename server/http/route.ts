import { timingSafeEqual } from 'node:crypto';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { JsonText } from '../cache.js';
import { scopeOf, type Scope, type SessionUser } from '../auth/user.js';
import type { Role } from '../schemas/common.js';
import { sendTable, wantsArrow } from './arrow.js';
import { chooseEncoding } from './compress.js';
import { HttpError, zodMessage } from './errors.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** Who may call a route: anyone, any signed-in user, or the listed roles. */
export type Access = 'public' | 'signed_in' | readonly Role[];

type Schema = z.ZodType;
type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteSpec<P extends Schema | undefined = Schema | undefined, Q extends Schema | undefined = Schema | undefined, B extends Schema | undefined = Schema | undefined, R extends Schema = Schema> {
  method: Method;
  /** Express path within the area, e.g. `/:platform/:appealId`. */
  path: string;
  summary: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** The JSON answer. */
  response: R;
  /** The answer holds a table under `rows` that is sent as Arrow IPC when the client asks for it. */
  table?: { row: z.ZodObject };
  /** The handler writes the response itself in one of these content types (e.g. text/csv downloads). */
  produces?: readonly string[];
  /** When the route answers 409: the request is valid but the record's state refuses it. */
  conflict?: string;
  /** multipart/form-data with one file in this field, received by `middleware`. */
  upload?: { field: string; middleware: RequestHandler };
  /**
   * Where the handler's database work runs (see DatabaseAccess): read (default for GET), write
   * (default otherwise), accounts (sessions, users, audit log: beside a running import), or none
   * (the handler chooses by itself).
   */
  lock?: 'read' | 'write' | 'accounts' | 'none';
  /** Writes: whether the call changes data the cached answers are made from (default: yes). */
  invalidates?: boolean;
  /** API tokens may call it (machine callers such as a hotline platform); other routes refuse them. */
  tokens?: boolean;
}

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** null only on public routes. */
  user: SessionUser;
  scope: Scope;
  file: Express.Multer.File | undefined;
  req: Request;
  res: Response;
}

export type Handler<P, Q, B, R> = (input: HandlerInput<P, Q, B>) => Promise<R>;

/** A route as registered, with its full path, for the OpenAPI document. */
export interface RegisteredRoute extends RouteSpec {
  fullPath: string;
  tag: string;
}

const STATE_CHANGING = new Set<Method>(['post', 'put', 'patch', 'delete']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function parse<S extends Schema | undefined>(schema: S | undefined, value: unknown, where: string): Infer<S> {
  if (!schema) return undefined as Infer<S>;
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, 'invalid_request', zodMessage(result.error, where));
  return result.data as Infer<S>;
}

function checkAccess(spec: RouteSpec, user: SessionUser | null, req: Request): void {
  if (spec.access === 'public') return;
  if (!user) throw new HttpError(401, 'unauthenticated', 'sign in first');
  if (user.apiTokenId !== undefined) {
    if (!spec.tokens) throw new HttpError(403, 'token_not_allowed', 'an API token may call only the routes made for machine callers (route suggestion, rules): sign in for the rest');
  } else if (STATE_CHANGING.has(spec.method)) {
    const header = req.get('x-csrf-token');
    if (!header || !sameToken(header, user.csrfToken)) throw new HttpError(403, 'csrf', 'missing or wrong X-CSRF-Token header; reload the page');
  }
  if (spec.access !== 'signed_in' && !spec.access.includes(user.role)) throw new HttpError(403, 'forbidden', `this needs the role ${spec.access.join(' or ')}`, { roles: [...spec.access] });
}

function runUpload(middleware: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => middleware(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
}

/**
 * One area of the API (users, appeals, imports …) as an Express router whose every route is
 * declared with its schemas: inputs are validated (400 with a message), access is checked by role
 * and CSRF token, the handler runs under the database lock, and the same declaration feeds the
 * OpenAPI document.
 */
export class ApiRouter {
  readonly router = express.Router();
  readonly routes: RouteSpec[] = [];

  constructor(
    readonly ctx: AppContext,
    /** Mount point under /api, e.g. `/appeals`. */
    readonly prefix: string,
    /** OpenAPI tag. */
    readonly tag: string,
  ) {}

  add<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined, R extends Schema>(
    spec: RouteSpec<P, Q, B, R>,
    handler: Handler<Infer<P>, Infer<Q>, Infer<B>, z.input<R> | JsonText | undefined>,
  ): void {
    const { ctx } = this;
    const lockMode = spec.lock ?? (spec.method === 'get' ? 'read' : 'write');
    const invalidates = spec.invalidates ?? lockMode === 'write';
    this.routes.push(spec as RouteSpec);
    this.router[spec.method](spec.path, async (req, res) => {
      const user = (res.locals.user as SessionUser | undefined) ?? null;
      checkAccess(spec as RouteSpec, user, req);
      if (spec.upload) await runUpload(spec.upload.middleware, req, res);
      const input: HandlerInput<Infer<P>, Infer<Q>, Infer<B>> = {
        params: parse(spec.params, req.params, 'params'),
        query: parse(spec.query, req.query, 'query'),
        body: parse(spec.body, req.body ?? {}, 'body'),
        user: user as SessionUser,
        scope: user ? scopeOf(user) : { unit: null },
        file: req.file,
        req,
        res,
      };
      const run = () => handler(input);
      // a write that fails half-way may still have changed something outside a transaction: it invalidates too
      const result =
        lockMode === 'read' ? await ctx.lock.read(run)
        : lockMode === 'write' ? await ctx.lock.write(run, { invalidates })
        : lockMode === 'accounts' ? await ctx.lock.accounts(run)
        : await run();
      if (spec.produces) return;
      const wantArrow = spec.table !== undefined && wantsArrow(req);
      if (result instanceof JsonText && !wantArrow && !ctx.config.validateResponses) {
        if (spec.table) res.vary('Accept');
        const encoding = chooseEncoding(req, res, result.text.length);
        res.type('json');
        if (encoding) res.set('Content-Encoding', encoding).send(await result.compressed(encoding));
        else res.send(result.text);
        return;
      }
      const value: unknown = result instanceof JsonText ? JSON.parse(result.text) : result;
      if (ctx.config.validateResponses) {
        const checked = spec.response.safeParse(value);
        if (!checked.success) throw new Error(`response of ${spec.method.toUpperCase()} ${this.prefix}${spec.path} does not match its schema: ${zodMessage(checked.error, 'response')}`);
      }
      if (spec.table) res.vary('Accept');
      if (wantArrow) sendTable(res, value as Record<string, unknown>, spec.table!.row);
      else res.json(value);
    });
  }
}
