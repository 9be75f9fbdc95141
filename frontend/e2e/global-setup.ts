/**
 * Starts the real backend for the browser tests: a temp SQLite database, migrations, the demo
 * data (~3,600 parks from the national register plus demo accounts), then `parkregie serve`
 * on a free port serving frontend/dist. Stops it afterwards.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

const frontend = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(frontend, '..');
const dist = join(frontend, 'dist');
const cli = process.env.PARKREGIE_BIN ?? join(repo, '.venv', 'bin', 'parkregie');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function run(args: string[], env: NodeJS.ProcessEnv): void {
  try {
    execFileSync(cli, args, { cwd: repo, env, stdio: 'pipe', timeout: 120_000 });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(
      `e2e setup: "parkregie ${args.join(' ')}" failed: ${e.message}\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`,
    );
  }
}

async function waitForHealth(url: string, server: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) {
      throw new Error(`e2e setup: the backend exited with code ${server.exitCode}:\n${readFileSync(logFile, 'utf8')}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`e2e setup: the backend did not answer /healthz within ${timeoutMs / 1000} s:\n${readFileSync(logFile, 'utf8')}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error('e2e: frontend/dist/index.html is missing. Run "npm run build" before "npm run e2e".');
  }
  if (newestSource(join(frontend, 'src')) > statSync(join(dist, 'index.html')).mtimeMs) {
    console.warn('e2e: warning: src/ changed after the last build; the tests run the older dist/.');
  }
  if (!existsSync(cli)) {
    throw new Error(`e2e: the backend command ${cli} is missing. Create the Python venv first (make).`);
  }

  const dir = mkdtempSync(join(tmpdir(), 'parkregie-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PARKREGIE_DATABASE_URL: `sqlite:///${join(dir, 'e2e.db')}`,
    PARKREGIE_FRONTEND_DIST: dist,
    PARKREGIE_PORT: String(port),
    PARKREGIE_ENV: 'development',
    // The admin tests point a webhook at a receiver on 127.0.0.1 and wait for the in-process
    // worker to deliver to it.
    PARKREGIE_WEBHOOKS_ALLOW_PRIVATE: 'true',
    PARKREGIE_WEBHOOK_POLL_SECONDS: '1',
    // One demo admin drives the whole run, faster than a person clicks: no request limit.
    PARKREGIE_RATE_LIMIT_USER: '0',
  };
  run(['migrate'], env);
  run(['seed-demo'], env);

  const logFile = join(dir, 'server.log');
  const log = openSync(logFile, 'a');
  const server = spawn(cli, ['serve', '--port', String(port)], { cwd: repo, env, stdio: ['ignore', log, log] });
  closeSync(log);
  const baseURL = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise<void>((r) => server.once('exit', () => r()));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseURL, server, logFile, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('baseURL', baseURL);
  return stop;
}
