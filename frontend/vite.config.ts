/// <reference types="vitest/config" />
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// --- build plugins ------------------------------------------------------------------------------
//
// precompress(): writes file.br and file.gz next to every compressible file in dist/, so the
// backend sends them as they are instead of compressing on every request (node:zlib only).
// firstLoadGuard(): fails the build when a module of a later page (the park pages, Leaflet,
// ECharts) is in the JavaScript that index.html loads up front.

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|xml|map|wasm)$/;
/** Below this, the saving is smaller than the cost of another file and another header. */
const MIN_BYTES = 512;

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

function precompress(): Plugin {
  let outDir = 'dist';
  let log = (message: string) => console.log(message);
  return {
    name: 'parkregie:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      log = (message) => config.logger.info(message);
    },
    // After the files are written (and only when the build succeeded).
    async writeBundle() {
      const jobs: Promise<void>[] = [];
      for await (const path of files(outDir)) {
        if (!COMPRESSIBLE.test(path)) continue;
        jobs.push(
          (async () => {
            const data = await readFile(path);
            if (data.length < MIN_BYTES) return;
            const [br, gzipped] = await Promise.all([
              brotli(data, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                  [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                  [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
                },
              }),
              gz(data, { level: 9 }),
            ]);
            // A variant that is not smaller is not worth sending.
            const writes: Promise<void>[] = [];
            if (br.length < data.length) writes.push(writeFile(`${path}.br`, br));
            if (gzipped.length < data.length) writes.push(writeFile(`${path}.gz`, gzipped));
            await Promise.all(writes);
          })(),
        );
      }
      await Promise.all(jobs);
      log(`precompressed ${jobs.length} files in ${outDir} (.br, .gz)`);
    },
  };
}

/**
 * Modules that must not be in the first load: the login page is the first screen of most
 * visits and needs none of them. Each is loaded with the page that uses it (React.lazy).
 */
const LATER = [
  /\/node_modules\/(?:leaflet|echarts|zrender)\//,
  /\/src\/pages\/(?:ParksPage|ParkPage|ParkOverview|ParkEditForm)\.tsx$/,
  /\/src\/pages\/(?:stakeholders|interests|projects|organisations|assessments|admin|work|surveys)\/(?!routes\.tsx$)/,
  /\/src\/components\/(?:ParksMap|ParkMap|ProvinceMap)\.tsx$/,
  /\/src\/components\/(?:stakeholders|interests|projects|organisations|assessments|admin|work)\//,
];

function firstLoadGuard(patterns: RegExp[] = LATER): Plugin {
  return {
    name: 'parkregie:first-load-guard',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])),
      );
      // The entry chunk and everything it imports statically: what index.html loads up front.
      const pending = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName);
      const seen = new Set<string>();
      while (pending.length > 0) {
        const name = pending.pop()!;
        if (seen.has(name)) continue;
        seen.add(name);
        pending.push(...(chunks.get(name)?.imports ?? []));
      }
      const wrong: string[] = [];
      for (const name of seen) {
        for (const id of chunks.get(name)?.moduleIds ?? []) {
          const path = id.replaceAll('\\', '/');
          if (patterns.some((p) => p.test(path))) wrong.push(`${path} (in ${name})`);
        }
      }
      if (wrong.length > 0) {
        this.error(
          `These modules are in the first load but belong to later pages; import them with ` +
            `React.lazy / import():\n  ${wrong.slice(0, 20).join('\n  ')}`,
        );
      }
    },
  };
}

// --- the configuration ------------------------------------------------------------------------

// The backend serves dist/ at / (SPA fallback) and dist/assets at /assets, choosing the .br or
// .gz file that precompress() writes next to each file (backend/core/static.py).
// For `npm run dev`, /api is proxied to a backend on PARKREGIE_API (default :8000).
export default defineConfig({
  base: '/',
  plugins: [react(), firstLoadGuard(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // Two pages: the app, and the survey respondents' page (/s/<token>: its own small
      // bundle, no charts, no maps, no i18n library).
      input: { main: resolve(import.meta.dirname, 'index.html'), survey: resolve(import.meta.dirname, 'survey.html') },
      // precompress() takes a few seconds on purpose (brotli at its best, once per build, for
      // files cached a year); without this, every build warns about that plugin's time.
      checks: { bundlerTimings: false },
      output: {
        codeSplitting: {
          groups: [
            // The libraries every screen needs, in one chunk of their own: its name (hash)
            // stays the same when only the app's code changes, so browsers keep it cached.
            // React and the API client apart: the survey page needs those and nothing else.
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](?:react|react-dom|scheduler|openapi-fetch)[\\/]/,
              priority: 2,
            },
            {
              name: 'vendor',
              test: /[\\/]node_modules[\\/](?:react-router|@tanstack|i18next|react-i18next|use-sync-external-store)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': process.env.PARKREGIE_API ?? 'http://127.0.0.1:8000',
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
