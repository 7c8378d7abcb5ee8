import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import type { Database } from '../pipelines/db/database.js';
import { ApiTokenStore } from './auth/api-tokens.js';
import { SessionStore } from './auth/sessions.js';
import { authenticate } from './auth/middleware.js';
import { tokenRateLimit } from './auth/token-limit.js';
import { loadServerConfig, type ServerConfig } from './config.js';
import type { AppContext } from './context.js';
import { compress } from './http/compress.js';
import { errorHandler, notFound } from './http/errors.js';
import type { ApiRouter, RegisteredRoute } from './http/route.js';
import { clientRouter } from './http/static.js';
import { DatabaseAccess } from './db-access.js';
import { appealRoutes } from './routes/appeals.js';
import { authRoutes } from './routes/auth.js';
import { documentRoutes } from './routes/documents.js';
import { exportRoutes } from './routes/exports.js';
import { backupRoutes } from './routes/backups.js';
import { tokenRoutes } from './routes/tokens.js';
import { unitRoutes } from './routes/units.js';
import { importRoutes } from './routes/imports.js';
import { kpiRoutes } from './routes/kpis.js';
import { meetingRoutes } from './routes/meetings.js';
import { metaRoutes } from './routes/meta.js';
import { summaryRoutes, type StartupState } from './routes/summary.js';
import { routeSuggestionRoutes } from './routes/route-suggestion.js';
import { topicRoutes } from './routes/topics.js';
import { userRoutes } from './routes/users.js';

export interface AppOptions {
  db: Database;
  config?: ServerConfig;
  log?: (line: string) => void;
}

export interface App {
  app: Express;
  ctx: AppContext;
  /** Every API route with its full path (what /api/openapi.json documents). */
  routes: RegisteredRoute[];
  startup: StartupState;
}

/** Security headers for every answer; the CSP allows no inline or foreign scripts. */
function securityHeaders(): express.RequestHandler {
  return (_req, res, next) => {
    res.set({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      // charts style themselves inline and are exported as data:/blob: images
      'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    });
    next();
  };
}

/**
 * The Express application over one open database: the API under /api (one router per area,
 * documented at /api/openapi.json) and the built client everywhere else.
 */
export async function createApp(opts: AppOptions): Promise<App> {
  const config = opts.config ?? loadServerConfig();
  const log = opts.log ?? ((line: string) => console.error(line));
  const access = await DatabaseAccess.create(opts.db, log);
  const ctx: AppContext = {
    get db() {
      return access.db;
    },
    config,
    lock: access,
    cache: access.cache,
    sessions: new SessionStore(access.accountsDatabase, config.sessionHours),
    tokens: new ApiTokenStore(access.accountsDatabase),
    log,
  };
  const startup: StartupState = { seeding: false };

  const routes: RegisteredRoute[] = [];
  const areas: ApiRouter[] = [
    summaryRoutes(ctx, startup),
    authRoutes(ctx),
    userRoutes(ctx),
    tokenRoutes(ctx),
    unitRoutes(ctx),
    appealRoutes(ctx),
    importRoutes(ctx),
    exportRoutes(ctx),
    backupRoutes(ctx),
    kpiRoutes(ctx),
    topicRoutes(ctx),
    meetingRoutes(ctx),
    documentRoutes(ctx),
    routeSuggestionRoutes(ctx),
    metaRoutes(ctx, () => routes),
  ];

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders());
  app.use(compress());
  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  api.use(cookieParser());
  api.use(authenticate(ctx.sessions, ctx.tokens));
  api.use(tokenRateLimit(config.tokenRatePerMinute));
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  for (const area of areas) {
    api.use(area.prefix || '/', area.router);
    for (const spec of area.routes) routes.push({ ...spec, fullPath: `/api${area.prefix}${spec.path === '/' ? '' : spec.path}` || '/api', tag: area.tag });
  }
  api.use((req) => {
    throw notFound(`no API route ${req.method} ${req.originalUrl.split('?')[0]}`);
  });
  app.use('/api', api);
  app.use(clientRouter(config.clientDir));
  app.use(errorHandler(log));
  return { app, ctx, routes, startup };
}
