import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every script and style of the build, at the
 * strongest settings: the files never change, so the server sends these as they are instead of
 * compressing on every request (server/http/static.ts).
 */
function precompress(): Plugin {
  return {
    name: 'linkage-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(fileName)) continue;
        const path = join(options.dir!, fileName);
        const data = readFileSync(path);
        if (data.length < 1024) continue;
        writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

// `npm run build` builds the dashboard into dist/client, which `npm start` serves.
// `npx vite --config client/vite.config.ts` serves it with hot reload, the API proxied to npm start.
/**
 * Lets the browser fetch the overview page's code (a chunk of its own) beside the main script
 * rather than after it has run: the overview is the page a visit opens first.
 */
function preloadOverview(): Plugin {
  return {
    name: 'linkage-preload-overview',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const page = chunks.find((c) => c.facadeModuleId?.endsWith('/pages/Overview.svelte'));
        if (!page) return [];
        const entries = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
        return [page.fileName, ...page.imports.filter((f) => !entries.has(f))].map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `/${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [svelte({ configFile: false, preprocess: vitePreprocess() }), precompress(), preloadOverview()],
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // the charting libraries are one lazily loaded chunk by design
    chunkSizeWarningLimit: 1500,
    // precompress spends about 2 s on brotli at its strongest setting, once per build and on purpose:
    // the timing notice would greet every `npm start` without telling anyone anything new
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
