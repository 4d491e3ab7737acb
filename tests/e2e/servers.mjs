// Real web servers on loopback for the browser tests: Python's plain static server, and nginx
// running deploy/nginx/ as shipped. Each is started on a free port and stopped by `stop()`.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const NGINX = process.env.E2E_NGINX ?? '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so';

export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer().once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

async function answering(url, child, what) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode})`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${what} did not answer on ${url}`);
}

function stopper(child) {
  return () =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
}

/**
 * Serves `dir` with `python3 -m http.server` (no compression, no cache headers: the plainest
 * static host). Returns { url, port, stop }; the log goes to `log`.
 */
export async function startPlain(dir, log, { port } = {}) {
  port ??= await freePort();
  const out = openSync(log, 'w');
  const child = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', '--directory', dir, String(port)], {
    stdio: ['ignore', out, out],
  });
  child.on('error', (err) => console.error(`e2e: python3 http.server: ${err.message}`));
  const url = `http://127.0.0.1:${port}/`;
  await answering(url, child, `python3 http.server for ${dir}`);
  return { url, port, stop: stopper(child) };
}

const TYPES = { html: 'text/html', js: 'text/javascript', css: 'text/css', wasm: 'application/wasm', json: 'application/json', svg: 'image/svg+xml', png: 'image/png', webmanifest: 'application/manifest+json' };
const typeOf = (file) => TYPES[file.split('.').pop()] ?? 'application/octet-stream';

/** The file of `dir` that a request for `url` names (a folder: its index.html), or null. */
function fileFor(dir, url) {
  let path;
  try {
    path = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return null;
  }
  const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
  // Inside the folder itself, not a sibling whose name it begins (`dist` and `dist-old`).
  const root = resolve(dir);
  const inside = resolve(file).startsWith(root + sep);
  return inside && existsSync(file) && statSync(file).isFile() ? file : null;
}

/**
 * Serves `dir` as hosts set up for single-page apps do: a path with no file gets `page` (a file
 * of `dir`, e.g. 'app/index.html') with 200. Returns { url, port, stop }.
 */
export async function startFallback(dir, page, { port } = {}) {
  port ??= await freePort();
  const server = createHttpServer((req, res) => {
    const file = fileFor(dir, req.url) ?? join(dir, page);
    res.writeHead(200, { 'content-type': typeOf(file) });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${port}/`, port, stop: () => new Promise((ok) => server.close(() => ok())) };
}

/**
 * Serves `dir`, but sends index.html in two parts: up to `<body>` at once, the rest only after
 * the loader (`boot-*.js`) has been sent and `ms` more have passed, as a slow network can. So
 * the async loader runs while the document is still being parsed. `events` lists what was sent,
 * in order. Returns { url, port, events, stop }.
 */
export async function startHeldBody(dir, ms, { port } = {}) {
  port ??= await freePort();
  const events = [];
  let bootSent;
  const booted = new Promise((ok) => (bootSent = ok));
  const server = createHttpServer(async (req, res) => {
    const file = fileFor(dir, req.url);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': typeOf(file), 'cache-control': 'no-store' });
    if (file.endsWith('index.html')) {
      const text = body.toString('utf8');
      const at = text.indexOf('<body>');
      res.write(text.slice(0, at));
      events.push('head');
      // Never held for good: a loader that is never asked for must not hang the server's stop.
      await Promise.race([booted, new Promise((ok) => setTimeout(ok, 10_000))]);
      await new Promise((ok) => setTimeout(ok, ms));
      events.push('body');
      res.end(text.slice(at));
      return;
    }
    res.end(body, () => {
      if (/^boot-[0-9a-f]+\.js$/.test(file.split('/').pop())) {
        events.push('boot.js');
        bootSent();
      }
    });
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${port}/`, port, events, stop: () => new Promise((ok) => server.close(() => ok())) };
}

/**
 * The shipped deploy/nginx/nginx.conf with only the port, the site's folder and the file paths
 * of this run changed (and the brotli lines dropped where the module is not installed), with
 * its include files beside it in `prefix`. `edit(name, text)` may change an include file's
 * text, for tests of the documented options. Returns the config's path.
 */
export function nginxConfig(prefix, site, port, edit = (_name, text) => text) {
  const shipped = join(root, 'deploy/nginx');
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  const brotli = existsSync(BROTLI_MODULE);
  for (const name of readdirSync(shipped).filter((f) => f !== 'nginx.conf')) {
    writeFileSync(join(prefix, name), edit(name, readFileSync(join(shipped, name), 'utf8')));
  }
  let conf = readFileSync(join(shipped, 'nginx.conf'), 'utf8');
  const swap = (from, to) => {
    const count = conf.split(from).length - 1;
    if (count !== 1) throw new Error(`deploy/nginx/nginx.conf: expected "${from}" once, found it ${count} times`);
    conf = conf.replace(from, to);
  };
  swap('listen 8080;', `listen 127.0.0.1:${port};`);
  swap('root /srv/csp-explorer;', `root ${site};`);
  if (!brotli) {
    swap(`load_module ${BROTLI_MODULE};`, '');
    swap('include csp-explorer-brotli.conf;', '');
  }
  // Run as root, nginx's workers would be `nobody`, who can't read a checkout in a private
  // folder (a CI's `mktemp -d` is 0700): they run as the tests' own user instead.
  if (process.getuid?.() === 0) swap('events {}', `user ${userInfo().username};\n\nevents {}`);
  // Logs and temporary files of this run stay in the prefix, not in /var.
  swap('http {', `http {\n    access_log ${prefix}/logs/access.log;\n    client_body_temp_path ${prefix}/body;\n    proxy_temp_path ${prefix}/proxy;\n    fastcgi_temp_path ${prefix}/fastcgi;\n    uwsgi_temp_path ${prefix}/uwsgi;\n    scgi_temp_path ${prefix}/scgi;`);
  const file = join(prefix, 'nginx.conf');
  writeFileSync(file, conf);
  return file;
}

/** nginx's own check (`nginx -t`) of a config; throws with its output when it fails. */
export function nginxTest(conf, prefix) {
  const r = spawnSync(NGINX, ['-t', '-c', conf, '-p', prefix, '-g', `pid ${prefix}/nginx.pid; error_log ${prefix}/logs/error.log;`], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`nginx -t -c ${conf}: ${(r.stderr || r.stdout || r.error?.message || '').trim()}`);
  return r.stderr.trim();
}

/**
 * Runs nginx (as root, in the foreground) with deploy/nginx/ serving `site`, on a free port of
 * 127.0.0.1. `prefix` is a fresh folder for its config, logs and temporary files.
 * Returns { url, port, conf, stop }.
 */
export async function startNginx(site, prefix, { edit } = {}) {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: run bash scripts/setup.sh --chromium`);
  rmSync(prefix, { recursive: true, force: true });
  const port = await freePort();
  const conf = nginxConfig(prefix, site, port, edit);
  nginxTest(conf, prefix);
  const out = openSync(join(prefix, 'logs/stderr.log'), 'w');
  const child = spawn(
    NGINX,
    ['-c', conf, '-p', prefix, '-g', `daemon off; pid ${prefix}/nginx.pid; error_log ${prefix}/logs/error.log;`],
    { stdio: ['ignore', out, out] },
  );
  child.on('error', (err) => console.error(`e2e: nginx: ${err.message}`));
  const url = `http://127.0.0.1:${port}/`;
  await answering(url, child, `nginx -c ${conf}`);
  return { url, port, conf, stop: stopper(child) };
}

/** A fresh copy of the folder `from` at `to` (replacing what was there). */
export function copyDir(from, to) {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
}
