// Fails when src/api/schema.d.ts differs from what openapi-typescript makes of ../openapi/openapi.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const committed = join(root, 'src/api/schema.d.ts');
const dir = mkdtempSync(join(tmpdir(), 'parkregie-api-'));
const fresh = join(dir, 'schema.d.ts');
try {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/openapi-typescript/bin/cli.js'), join(root, '../openapi/openapi.json'), '-o', fresh],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let current = '';
  try {
    current = readFileSync(committed, 'utf8');
  } catch {
    console.error(`check:api: ${committed} is missing; run "npm run gen:api" and commit it.`);
    process.exit(1);
  }
  if (readFileSync(fresh, 'utf8') !== current) {
    console.error(
      'check:api: src/api/schema.d.ts is out of date with ../openapi/openapi.json.\n' +
        'Run "npm run gen:api" in frontend/ and commit the result.',
    );
    process.exit(1);
  }
  console.log('check:api: src/api/schema.d.ts matches ../openapi/openapi.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
