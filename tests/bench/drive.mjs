// Drives a page in headless Chromium for the benchmark: how long a page takes to draw a
// diagram, how smooth a drag of one of its nodes is, and how long a cold load takes on a slow
// network. With the peer there, its own harness (drag.mjs, load.mjs: what the goals were
// measured with) times both pages; without it, the functions here time this page the same
// way. Each measurement gets a browser of its own, so nothing is cached or warmed up from
// the one before. Numbers only: nothing here asserts.
import { chromium } from 'playwright-core';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1600, height: 1000 };
const ROOT = resolve(new URL('../..', import.meta.url).pathname);
// Only for share links, the same from any build: scripts/bench.sh builds the `cli` profile.
export const CLI = ['cli', 'release', 'debug'].map((p) => join(ROOT, 'target', p, 'csp-rules')).find((f) => existsSync(f)) ?? join(ROOT, 'target/cli/csp-rules');

/** The page's share-link fragment for a scenario's JSON text, as `csp-rules share` writes it. */
export function shareLink(json) {
  return execFileSync(CLI, ['share', '-'], { input: json, encoding: 'utf8', maxBuffer: 64 << 20 }).trim();
}
const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png',
};

/**
 * A static server for `dir` on loopback; with `gzip`, every answer is gzip -9 encoded when
 * the browser accepts it, as static hosts do. Returns { url, close }.
 */
export async function serve(dir, { gzip = false } = {}) {
  const root = normalize(dir + sep);
  const packed = new Map();
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      let body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!packed.has(file)) packed.set(file, gzipSync(body, { level: 9 }));
        body = packed.get(file);
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

async function withPage(fn) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
    return await fn(await context.newPage(), context);
  } finally {
    await browser.close();
  }
}

// In the page from its first script on: the time (since navigation started) of the first
// animation frame at which `count` elements match `selector`.
function watchFor({ selector, count }) {
  const check = () => {
    if (document.querySelectorAll(selector).length >= count) {
      window.__benchReady = performance.now();
    } else {
      requestAnimationFrame(check);
    }
  };
  requestAnimationFrame(check);
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];

/**
 * Opens `url`, waits for 100 elements matching `selector` (nodes), then drags the node
 * nearest the middle of the view 180 × 120 px in 60 pointer moves, recording the intervals
 * between animation frames meanwhile. Returns { ready, nodes, median, p95, max } in ms, or
 * { error } when the page never drew 100 nodes in `timeout` ms.
 */
export function readyAndDrag(url, selector, { timeout = 120_000 } = {}) {
  return withPage(async (page) => {
    await page.addInitScript(watchFor, { selector, count: 100 });
    await page.goto(url, { waitUntil: 'commit', timeout });
    const drawn = await page
      .waitForFunction(() => window.__benchReady !== undefined, null, { timeout, polling: 50 })
      .then(() => true, () => false);
    if (!drawn) return { error: `fewer than 100 ${selector} after ${timeout / 1000} s` };
    const ready = await page.evaluate(() => window.__benchReady);
    // Let the page settle (a late fit, a deferred panel) before the drag.
    await page.waitForTimeout(500);
    const { nodes, at } = await page.evaluate((sel) => {
      const [cx, cy] = [innerWidth / 2, innerHeight / 2];
      let best = null;
      const all = document.querySelectorAll(sel);
      for (const el of all) {
        const r = el.getBoundingClientRect();
        if (r.width <= 2 || r.x < 100 || r.y < 100 || r.right > innerWidth - 100 || r.bottom > innerHeight - 100) continue;
        const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
        const d = (x - cx) ** 2 + (y - cy) ** 2;
        if (!best || d < best.d) best = { d, x, y };
      }
      return { nodes: all.length, at: best && { x: best.x, y: best.y } };
    }, selector);
    if (!at) return { ready, nodes, error: 'no node in view to drag' };
    // The first two intervals are from before the press.
    const frames = (await dragFrames(page, at)).slice(2);
    const sorted = [...frames].sort((a, b) => a - b);
    return { ready, nodes, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1) };
  });
}

/**
 * A 60-step drag from `at` with the mouse, and every animation frame's interval from just
 * before the press to 200 ms after the release; with `mark`, each frame is also a
 * `bench-frame` mark on the performance timeline (for a trace).
 */
export async function dragFrames(page, at, { mark = false } = {}) {
  await page.evaluate((mark) => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (mark) performance.mark('bench-frame');
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, mark);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(at.x + i * 3, at.y + i * 2);
  await page.mouse.up();
  await page.waitForTimeout(200);
  return page.evaluate(() => { window.__stop = true; return window.__frames; });
}

/**
 * A cold load of `url` on a throttled network (Lighthouse's "slow 4G": 150 ms round trip,
 * 1.6 Mbit/s down, 750 kbit/s up; the browser's cache off): the time since navigation
 * started until `count` elements match `selector`, and the bytes received until then
 * (encoded, as sent). Returns { ms, bytes } or { error }.
 */
export function throttledLoad(url, selector, count = 1, { timeout = 60_000 } = {}) {
  return withPage(async (page, context) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8,
    });
    let bytes = 0;
    let done = false;
    cdp.on('Network.loadingFinished', (e) => { if (!done) bytes += e.encodedDataLength; });
    await page.addInitScript(watchFor, { selector, count });
    await page.goto(url, { waitUntil: 'commit', timeout });
    const drawn = await page
      .waitForFunction(() => window.__benchReady !== undefined, null, { timeout, polling: 20 })
      .then(() => true, () => false);
    done = true;
    if (!drawn) return { error: `no ${selector} after ${timeout / 1000} s` };
    return { ms: await page.evaluate(() => window.__benchReady), bytes };
  });
}

/** Runs one of the peer's harness scripts; its last line's `key=value` pairs, as numbers. */
function harness(dir, args, timeout) {
  return new Promise((ok) => {
    execFile('node', args, { cwd: dir, timeout, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      const last = `${stdout}`.trim().split('\n').at(-1) ?? '';
      const pairs = Object.fromEntries([...last.matchAll(/(\w+)=([\d.]+)/g)].map(([, k, v]) => [k, Number(v)]));
      if (!Object.keys(pairs).length) {
        const text = `${stdout}\n${stderr}`;
        const why = err?.killed ? `no answer in ${timeout / 1000} s`
          : /TimeoutError|Timeout \d+ms exceeded/.test(text) ? 'not drawn (fewer than 100 nodes in 60 s)'
            : (text.trim().split('\n').find((l) => /Error|no visible node/.test(l)) ?? last) || 'failed';
        return ok({ error: why.slice(0, 120) });
      }
      ok(pairs);
    });
  });
}

/**
 * The measurements, by the peer's harness in `peerDir` when given, else by this file's.
 * Both give { ready, nodes, median, p95, max } for a drag and { ms, bytes } for a load.
 */
export function measurer(peerDir, scratch) {
  if (!peerDir) return { name: 'tests/bench/drive.mjs', readyAndDrag, throttledLoad };
  let files = 0;
  return {
    name: "the peer's harness (drag.mjs, load.mjs)",
    async readyAndDrag(url, selector, { timeout = 180_000 } = {}) {
      // drag.mjs takes URL@FILE for a fragment too long for a command line.
      const hash = url.indexOf('#');
      let arg = url;
      if (hash >= 0 && url.length > 10_000) {
        const file = join(scratch, `fragment-${files++}.txt`);
        await writeFile(file, url.slice(hash));
        arg = `${url.slice(0, hash)}@${file}`;
      }
      const r = await harness(peerDir, ['drag.mjs', arg, selector], timeout);
      return r.error ? r : { ready: r.ready_ms, nodes: r.nodes, median: r.median_ms, p95: r.p95_ms, max: r.max_ms };
    },
    async throttledLoad(url, selector, count = 1, { timeout = 90_000 } = {}) {
      const r = await harness(peerDir, ['load.mjs', url, selector, String(count)], timeout);
      return r.error ? r : { ms: r.load_ms, bytes: r.bytes };
    },
  };
}

/** Median of numbers, and "lo–hi" of their range. */
export function summary(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return { median: NaN, range: '—' };
  const median = s[Math.floor((s.length - 1) / 2)];
  return { median, lo: s[0], hi: s.at(-1) };
}
