// Fails when the JavaScript that index.html loads on a first visit (the entry chunk, its
// modulepreload links and everything those import statically) is larger than the budget,
// gzipped. Prints the size of each file. Run after `npm run build`:
//
//   node scripts/check-bundle-size.mjs [dist] [--budget-kb 250]
//
// kB are 1000 bytes, as in Vite's build report.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET_KB = 250;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const budgetAt = args.indexOf('--budget-kb');
const budgetKb = budgetAt >= 0 ? Number(args.splice(budgetAt, 2)[1]) : BUDGET_KB;
const dist = resolve(args[0] ?? join(root, 'dist'));
const index = join(dist, 'index.html');

if (!Number.isFinite(budgetKb) || budgetKb <= 0) {
  console.error('check-bundle-size: --budget-kb needs a positive number');
  process.exit(2);
}
if (!existsSync(index)) {
  console.error(`check-bundle-size: ${relative(process.cwd(), index)} is missing; run "npm run build" first.`);
  process.exit(2);
}

/** The file in dist/ that an absolute URL path (`/assets/x.js`) or a relative import names. */
function fileOf(url, from) {
  const path = url.split(/[?#]/)[0];
  return path.startsWith('/') ? join(dist, path) : resolve(dirname(from), path);
}

const html = readFileSync(index, 'utf8');
const start = [];
for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
  const attr = (name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']?([^"'\\s>]+)`, 'i'))?.[1];
  const isModule = /^<script/i.test(tag) && attr('type') === 'module' && attr('src');
  const isPreload = /^<link/i.test(tag) && attr('rel') === 'modulepreload' && attr('href');
  if (isModule) start.push(fileOf(attr('src'), index));
  if (isPreload) start.push(fileOf(attr('href'), index));
}
if (start.length === 0) {
  console.error('check-bundle-size: index.html loads no module script; is this a Vite build?');
  process.exit(2);
}

// Static imports only (`import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`);
// `import("./x.js")` is loaded later, by the page that needs it.
const STATIC_IMPORT = /(?:\bimport|\bexport|\bfrom)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

const files = new Map();
const pending = [...start];
while (pending.length > 0) {
  const file = pending.pop();
  if (files.has(file)) continue;
  if (!existsSync(file)) {
    console.error(`check-bundle-size: ${relative(dist, file)} is named by the build but missing`);
    process.exit(2);
  }
  const data = readFileSync(file);
  files.set(file, data);
  for (const match of data.toString('utf8').matchAll(STATIC_IMPORT)) pending.push(fileOf(match[1], file));
}

const kb = (bytes) => (bytes / 1000).toFixed(2).padStart(8);
let raw = 0;
let gz = 0;
let br = 0;
const rows = [...files].map(([file, data]) => {
  const size = {
    raw: data.length,
    gz: gzipSync(data, { level: 9 }).length,
    br: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  raw += size.raw;
  gz += size.gz;
  br += size.br;
  return { name: relative(dist, file), ...size };
});
rows.sort((a, b) => b.gz - a.gz);
console.log('First-load JavaScript (index.html, its modulepreloads and their static imports):');
console.log(`${'raw kB'.padStart(8)} ${'gzip kB'.padStart(8)} ${'br kB'.padStart(8)}  file`);
for (const row of rows) console.log(`${kb(row.raw)} ${kb(row.gz)} ${kb(row.br)}  ${row.name}`);
console.log(`${kb(raw)} ${kb(gz)} ${kb(br)}  total (budget ${budgetKb} kB gzipped)`);
if (gz > budgetKb * 1000) {
  console.error(
    `check-bundle-size: the first load is ${(gz / 1000).toFixed(1)} kB gzipped, over the budget of ${budgetKb} kB. ` +
      'Load pages and large libraries with React.lazy / import() (see src/App.tsx).',
  );
  process.exit(1);
}
console.log(`check-bundle-size: ok, ${(gz / 1000).toFixed(1)} kB of ${budgetKb} kB gzipped.`);
