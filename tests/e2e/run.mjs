// Browser test runner: serves the built site on loopback, runs tests/e2e/*.test.mjs with node:test
// (or the files given as arguments), prints `N passed, N failed` last and exits non-zero on failure.
//   E2E_DIST      the root build to serve (default: dist)
//   E2E_SUB_ROOT  a folder holding a --public-url build at E2E_SUB_PATH (e.g. /some/sub/path/);
//                 served from that folder so the app is reached under its sub-path
//   The embedding test bed (interfaces.md §6), real files on real servers of other origins:
//   E2E_HOST_URL  host pages (tests/e2e/host/, with a self-hosted copy of dist/rules/) on
//                 http://localhost:PORT/, another origin than the app's 127.0.0.1
//   E2E_STUB_URL  tests/e2e/host/stub/ with dist/embed.js and dist/rules/ beside it: a stand-in
//                 for the app's side of the messages, to test embed.js on its own
//   E2E_THIRD_URL the host pages again on a third origin, a page that must get nothing
//   E2E_HOST_DIR  the host pages' folder (tests/e2e/out/sites/host/), for tests that write a page
//   E2E_FILE_TIMEOUT_MS  time limit for each test file (default 300000); a file over it is killed
//                 and counts as one failure. Set tighter limits per test: test(name, { timeout }, fn)
// It also copies the root build into the sub-folder a/b/ of a site (tests/e2e/out/site/), served
// both by the plain server (E2E_PLAIN_SITE_URL) and by nginx with deploy/nginx/ as shipped
// (E2E_NGINX_URL); without nginx (scripts/setup.sh --chromium installs it) those tests skip,
// or fail under CI.
// Static servers only: `trunk serve` adds an autoreload socket and rebuilds, which tests must not see.

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';
import { NGINX, copyDir, startNginx, startPlain } from './servers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const outDir = join(here, 'out');
const servers = [];

async function serve(dir, page, name) {
  if (!existsSync(join(dir, page, 'index.html'))) {
    throw new Error(`${join(dir, page)}/index.html is missing: build first (trunk build --release --offline)`);
  }
  const server = await startPlain(dir, join(outDir, `server-${name}.log`));
  servers.push(server);
  return `${server.url}${page.replace(/^\/+/, '')}`;
}

/**
 * The embedding test bed: three more static servers, each a real folder. Host pages name the
 * other origins literally (`__APP__`, `__STUB__`, `__THIRD__` and their `_ORIGIN` forms are
 * replaced as they are copied), as an author's page names the app's address.
 */
async function serveEmbedSites(dist) {
  const sites = join(outDir, 'sites');
  rmSync(sites, { recursive: true, force: true });
  const host = join(sites, 'host');
  const stub = join(sites, 'stub');
  const templates = join(here, 'host');
  cpSync(templates, host, { recursive: true, filter: (f) => f !== join(templates, 'stub') });
  cpSync(join(templates, 'stub'), stub, { recursive: true });
  for (const site of [host, stub]) {
    // The module self-hosted, as the README tells authors to do (a module script from
    // another origin would need CORS headers that a static host may not send).
    if (existsSync(join(dist, 'rules'))) cpSync(join(dist, 'rules'), join(site, 'rules'), { recursive: true });
  }
  if (existsSync(join(dist, 'embed.js'))) cpSync(join(dist, 'embed.js'), join(stub, 'embed.js'));
  const urls = {
    __APP__: process.env.E2E_URL,
    __HOST__: (await serve(host, '/', 'host')).replace('//127.0.0.1:', '//localhost:'),
    __STUB__: await serve(stub, '/', 'stub'),
    __THIRD__: await serve(host, '/', 'third'),
  };
  for (const [key, url] of Object.entries(urls)) urls[`${key.slice(0, -2)}_ORIGIN__`] = new URL(url).origin;
  for (const site of [host, stub]) {
    for (const f of readdirSync(site).filter((f) => /\.(html|js)$/.test(f))) {
      const path = join(site, f);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/__(APP|HOST|STUB|THIRD)(_ORIGIN)?__/g, (k) => urls[k]));
    }
  }
  // The host site's folder, where a test may write a page as an author would paste one.
  process.env.E2E_HOST_DIR = host;
  process.env.E2E_HOST_URL = urls.__HOST__;
  process.env.E2E_STUB_URL = urls.__STUB__;
  process.env.E2E_THIRD_URL = urls.__THIRD__;
}

function stopServers() {
  return Promise.all(servers.map((server) => server.stop()));
}

async function startPlainSite(site) {
  const server = await startPlain(site, join(outDir, 'server-site.log'));
  servers.push(server);
  return server;
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const dist = resolve(root, process.env.E2E_DIST ?? 'dist');
  process.env.E2E_URL = await serve(dist, '/', 'dist');
  await serveEmbedSites(dist);
  if (process.env.E2E_SUB_ROOT) {
    process.env.E2E_SUB_URL = await serve(process.env.E2E_SUB_ROOT, process.env.E2E_SUB_PATH ?? '/', 'subpath');
  }
  // The hosting tests' site: the same build, copied into a sub-folder.
  const site = join(outDir, 'site');
  copyDir(dist, join(site, 'a/b'));
  process.env.E2E_SITE = site;
  process.env.E2E_PLAIN_SITE_URL = (await startPlainSite(site)).url;
  if (existsSync(NGINX)) {
    const nginx = await startNginx(site, join(outDir, 'nginx'));
    servers.push(nginx);
    process.env.E2E_NGINX_URL = nginx.url;
  } else if (process.env.CI) {
    throw new Error(`${NGINX} is missing (CI runs the hosting tests behind it): bash scripts/setup.sh --chromium`);
  } else {
    console.log(`e2e: ${NGINX} is missing, so the tests behind nginx skip (bash scripts/setup.sh --chromium installs it)`);
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
    stopServers().then(() => process.exit(130));
  });
}

try {
  process.exitCode = (await main()) ? 0 : 1;
} catch (err) {
  console.error(`e2e: ${err.message}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
} finally {
  await stopServers();
}
