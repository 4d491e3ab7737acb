// Browser test runner: serves the built site on loopback, runs tests/e2e/*.test.mjs with node:test
// (or the files given as arguments), prints `N passed, N failed` last and exits non-zero on failure.
//   E2E_DIST      the root build to serve (default: dist)
//   E2E_SUB_ROOT  a folder holding a --public-url build at E2E_SUB_PATH (e.g. /some/sub/path/);
//                 served from that folder so the app is reached under its sub-path
//   E2E_FILE_TIMEOUT_MS  time limit for each test file (default 300000); a file over it is killed
//                 and counts as one failure. Set tighter limits per test: test(name, { timeout }, fn)
// Static servers only: `trunk serve` adds an autoreload socket and rebuilds, which tests must not see.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const outDir = join(here, 'out');
const servers = [];

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer().once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

async function serve(dir, page, name) {
  if (!existsSync(join(dir, page, 'index.html'))) {
    throw new Error(`${join(dir, page)}/index.html is missing: build first (trunk build --release --offline)`);
  }
  const port = await freePort();
  const log = openSync(join(outDir, `server-${name}.log`), 'w');
  const child = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', '--directory', dir, String(port)], {
    stdio: ['ignore', log, log],
  });
  servers.push(child);
  child.on('error', (err) => console.error(`e2e: python3 http.server: ${err.message}`));
  const url = `http://127.0.0.1:${port}/${page.replace(/^\/+/, '')}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`python3 http.server for ${dir} exited (${child.exitCode})`);
    try {
      await fetch(url);
      return url;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`python3 http.server for ${dir} did not answer on ${url}`);
}

function stopServers() {
  for (const child of servers) if (child.exitCode === null) child.kill();
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  process.env.E2E_URL = await serve(resolve(root, process.env.E2E_DIST ?? 'dist'), '/', 'dist');
  if (process.env.E2E_SUB_ROOT) {
    process.env.E2E_SUB_URL = await serve(process.env.E2E_SUB_ROOT, process.env.E2E_SUB_PATH ?? '/', 'subpath');
  }

  const args = process.argv.slice(2);
  const files = args.length
    ? args.map((f) => resolve(f))
    : readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(here, f));

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  // One file at a time: each launches its own Chromium, and the machines have 2 cores.
  const stream = run({ files, concurrency: 1, timeout: Number(process.env.E2E_FILE_TIMEOUT_MS ?? 300_000) });
  stream.on('test:pass', (t) => {
    if (t.details?.type === 'suite') return;
    if (t.skip || t.todo) skipped++;
    else passed++;
  });
  stream.on('test:fail', (t) => {
    if (t.details?.type !== 'suite') failed++;
  });
  for await (const chunk of stream.compose(spec)) process.stdout.write(chunk);

  if (skipped) console.log(`(${skipped} skipped)`);
  if (passed + failed === 0) failed = 1; // no test ran at all: that is a failure too
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopServers();
    process.exit(130);
  });
}

try {
  process.exitCode = (await main()) ? 0 : 1;
} catch (err) {
  console.error(`e2e: ${err.message}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
} finally {
  stopServers();
}
