import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import { acceptedEncoding } from './compress.js';

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Linkage Insight</title>
<body style="font:16px/1.6 system-ui,sans-serif;max-width:40em;margin:4em auto">
<h1>Linkage Insight</h1>
<p>The dashboard has not been built yet. In the project folder run</p>
<pre>npm run build</pre>
<p>then reload this page. The API is up at <a href="/api/health">/api/health</a>.</p>
<p lang="zh">尚未构建前端。请在项目目录运行 <code>npm run build</code>，然后刷新本页。</p>`;

const SUFFIX = { br: '.br', gzip: '.gz' } as const;

/**
 * Sends the brotli or gzip copy the build wrote beside an asset (client/vite.config.ts), when the
 * browser takes it: as the asset's own type, with the encoding named, so nothing compresses it again.
 */
function precompressed(assetsDir: string): RequestHandler {
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.includes('..')) return next();
    res.vary('Accept-Encoding');
    const encoding = acceptedEncoding(req);
    if (!encoding) return next();
    const suffix = SUFFIX[encoding];
    if (!existsSync(join(assetsDir, req.path + suffix))) return next();
    res.type(extname(req.path)).set('Content-Encoding', encoding);
    req.url = req.url.replace(/^[^?]*/, (path) => path + suffix);
    next();
  };
}

/** The built client, with index.html for every other path (client-side routes); a build hint when missing. */
export function clientRouter(clientDir: string): Router {
  const router = express.Router();
  const index = join(clientDir, 'index.html');
  // hashed asset names never change content: cache them for good; index.html must always be fresh
  router.use('/assets', precompressed(join(clientDir, 'assets')), express.static(join(clientDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  router.use(express.static(clientDir, { index: false, maxAge: 0 }));
  router.get('/{*rest}', (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('html').send(NOT_BUILT);
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  return router;
}
