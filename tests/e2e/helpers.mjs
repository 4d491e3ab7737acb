// The browser tests' one helper module: a real Chromium on the built site, the CLI as the
// oracle for verdicts, and the user's gestures on the canvas. run.mjs serves the built site
// and sets:
//   E2E_URL      the root build (dist/), e.g. http://127.0.0.1:41234/
//   E2E_SUB_URL  the build made with --public-url, e.g. http://127.0.0.1:41235/some/sub/path/
//                (unset when test.sh did not make it; tests needing it should skip)
//   E2E_HOST_URL, E2E_STUB_URL, E2E_THIRD_URL  the embedding test bed (run.mjs): host pages on
//                another origin (http://localhost:PORT/), the stand-in app, a third origin
//   E2E_SITE, E2E_PLAIN_SITE_URL, E2E_NGINX_URL  a site folder with the root build copied into
//                /a/b/, and its URLs behind the plain server and nginx (see siteUrl)
//
// Usage in tests/e2e/*.test.mjs:
//   const browser = await launchBrowser();           // once per file (closed after the file's tests)
//   const { page, assertClean } = await openPage(browser, appUrl('/'));
//   ... drive `page` (Playwright API) ...
//   assert.deepEqual(await axeViolations(page), []);   // accessibility (axe-core)
//   assertClean();   // throws on console errors, page errors, failed or off-host requests
// The CLI is built from the same rules crate the page uses, so every verdict the page shows
// can be checked against it.

import { after } from 'node:test';
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
// Without the networking flags Chromium keeps dialing Google hosts the machine cannot reach.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Every server of the test bed is on loopback; `localhost` is the host pages' other origin.
const ALLOWED_HOSTS = ['127.0.0.1'];

// A browser left open keeps the test file's process, and so the whole run, alive: close them all.
const open = new Set();
after(() => Promise.all([...open].map((b) => b.close())));

/**
 * Launches headless Chromium with a fresh profile. `close()` also removes the profile; browsers
 * still open when the file's tests end are closed then. `options` go to Playwright's
 * launchPersistentContext (e.g. `locale`), except `blockStorage`: the profile's setting that
 * refuses every site cookies and storage, so reading `localStorage` throws a SecurityError (as
 * a browser may do to a frame of another site).
 */
export async function launchBrowser({ blockStorage = false, ...options } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'csp-e2e-'));
  if (blockStorage) {
    mkdirSync(join(profile, 'Default'));
    const preferences = { profile: { default_content_setting_values: { cookies: 2 } } };
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify(preferences));
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    ...options,
  });
  const browser = {
    context,
    async close() {
      if (!open.delete(browser)) return;
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  open.add(browser);
  return browser;
}

/** URL of `path` under the base URL that run.mjs put in the environment variable `name`. */
function under(name, path) {
  return new URL(path.replace(/^\//, ''), requireEnv(name)).href;
}

/** URL of `path` on the root build. */
export const appUrl = (path = '/') => under('E2E_URL', path);
/** URL of `path` among the host pages (tests/e2e/host/), served from another origin. */
export const hostUrl = (path = '/') => under('E2E_HOST_URL', path);
/** URL of `path` on the stand-in app (tests/e2e/host/stub/), next to a copy of embed.js. */
export const stubUrl = (path = '/') => under('E2E_STUB_URL', path);
/** URL of `path` among the host pages on a third origin. */
export const thirdUrl = (path = '/') => under('E2E_THIRD_URL', path);

/** URL of `path` on the sub-path build, or undefined when it was not built. */
export function subPathUrl(path = '/') {
  const base = process.env.E2E_SUB_URL;
  return base && new URL(path.replace(/^\//, ''), base).href;
}

/**
 * URL of `path` on the site where run.mjs copied the root build into /a/b/: served by
 * `server` = 'plain' (Python's static server) or 'nginx' (deploy/nginx/ as shipped), or
 * undefined when that server is not there.
 */
export function siteUrl(server, path = '/') {
  const base = { plain: process.env.E2E_PLAIN_SITE_URL, nginx: process.env.E2E_NGINX_URL }[server];
  return base && new URL(path.replace(/^\//, ''), base).href;
}

/**
 * Opens a new page at `url` (with the site's localStorage cleared first unless `keepStorage`;
 * after `init`, a script run before the page's own), waits for `waitFor` (a selector; null to
 * skip) and records every
 * problem: console errors (CSP violations among them), uncaught exceptions, HTTP
 * errors, failed requests, and requests to any host but 127.0.0.1 (or `hosts`; blocked, never sent).
 * `assertClean()` throws listing them all; call it at the end of each test.
 */
export async function openPage(browser, url, { waitFor = 'h1', keepStorage = false, hosts = ALLOWED_HOSTS, init } = {}) {
  const page = await browser.context.newPage();
  // A script run before the page's own (e.g. a browser whose storage is refused).
  if (init) await page.addInitScript(init);
  // The page autosaves to localStorage, which a file's tests share through one profile: each
  // page starts with none unless the test says otherwise (persistence tests do).
  if (!keepStorage) {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(url).origin, storageTypes: 'local_storage' });
    await cdp.detach();
  }
  const problems = [];
  let reportFirst;
  const firstProblem = new Promise((resolve) => (reportFirst = resolve));
  const note = (problem) => {
    problems.push(problem);
    reportFirst();
  };
  await page.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.protocol === 'data:' || hosts.includes(target.hostname)) return route.continue();
    note(`request to another host (blocked): ${route.request().url()}`);
    return route.abort('blockedbyclient');
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') note(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => note(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? '';
    // The browser's own fetch of the tab's icon, which it cancels when the page moves on
    // before it is done (seen on a loaded machine): nothing the page asked for.
    const iconCancelled = error === 'net::ERR_ABORTED' && /\/(favicon|icon)[^/]*\.(svg|png)$/.test(new URL(req.url()).pathname);
    if (!error.startsWith('net::ERR_BLOCKED_BY_CLIENT') && !iconCancelled) {
      note(`request failed: ${req.url()} (${req.failure()?.errorText})`);
    }
  });
  page.on('response', (res) => {
    if (res.status() >= 400) note(`HTTP ${res.status()}: ${res.url()}`);
  });
  const assertClean = () => {
    if (problems.length) {
      throw new Error(`${url} had ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    }
  };

  await page.goto(url, { waitUntil: 'load' });
  if (waitFor) {
    // Stop at the first problem rather than waiting out the timeout for an app that broke.
    const ready = page.waitForSelector(waitFor, { timeout: 15_000 });
    const outcome = await Promise.race([ready.then(() => 'ready', (e) => e), firstProblem.then(() => 'problem')]);
    if (outcome !== 'ready') {
      assertClean();
      throw outcome;
    }
  }
  return { page, problems, assertClean };
}

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let axeSource;

/**
 * Runs axe-core on the page and returns its violations as short strings (`rule-id (impact): target`).
 * Evaluated through the DevTools protocol, so the page's CSP does not block it.
 */
export async function axeViolations(page, tags = WCAG_AA) {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const { violations } = await page.evaluate((runOnly) => window.axe.run(document, { runOnly }), tags);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through node tests/e2e/run.mjs`);
  return value;
}

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(root, 'target/debug/csp-rules');
let built = false;

/** Runs the csp-rules CLI (built once per test file) and returns its standard output. */
export function cli(...args) {
  if (!built) {
    execFileSync('cargo', ['build', '-q', '-p', 'csp-rules', '--bin', 'csp-rules'], { cwd: root, stdio: 'inherit' });
    built = true;
  }
  return execFileSync(CLI, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the CLI expecting failure; returns its standard error. */
export function cliError(...args) {
  try {
    cli(...args);
  } catch (err) {
    return String(err.stderr ?? '').trim();
  }
  throw new Error(`csp-rules ${args.join(' ')} succeeded`);
}

/** The report the CLI gives for a scenario file. */
export function cliReport(file, lang = 'en') {
  return JSON.parse(cli('check', '--lang', lang, file));
}

/** The preset file for guide scenario `n`. */
export function presetFile(n) {
  const dir = join(root, 'rules/presets');
  const name = readdirSync(dir).find((f) => f.startsWith(`${n}-`) && f.endsWith('.json'));
  if (!name) throw new Error(`no preset file ${n}-*.json`);
  return join(dir, name);
}

let scratch;
let written = 0;

/**
 * Writes a scenario object (as JSON), or text as it is, to a temporary file (removed when the
 * tests exit); returns its path.
 */
export function scenarioFile(scenario) {
  if (!scratch) {
    scratch = mkdtempSync(join(tmpdir(), 'csp-e2e-scenario-'));
    process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
  }
  const file = join(scratch, `scenario-${written++}.json`);
  writeFileSync(file, typeof scenario === 'string' ? scenario : JSON.stringify(scenario));
  return file;
}

/** { edgeId: verdict } from a report. */
export function reportVerdicts(report) {
  return Object.fromEntries(report.edges.map((e) => [e.id, e.verdict]));
}

/** { edgeId: verdict } as the page shows it (data-edge-id / data-verdict). */
export async function pageVerdicts(page) {
  return page.$$eval('[data-edge-id]', (els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute('data-edge-id'), el.getAttribute('data-verdict')])),
  );
}

/** The node IDs on the canvas, in document order. */
export async function pageNodes(page) {
  return page.$$eval('[data-node-id]', (els) => els.map((el) => el.getAttribute('data-node-id')));
}

/**
 * Waits until the canvas shows exactly `scenario`'s nodes and edges, each edge with its
 * verdict. After a change of the address's fragment the last diagram stays drawn for a
 * moment, and two presets can share edge IDs, so waiting for the IDs alone is not enough.
 */
export async function waitScenario(page, scenario) {
  const ids = (xs) => xs.map((x) => x.id).sort();
  await page.waitForFunction(
    ([nodes, edges]) => {
      const on = (sel, attr) => [...document.querySelectorAll(sel)].map((el) => el.getAttribute(attr)).sort();
      const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
      return (
        same(on('.nodes [data-node-id]', 'data-node-id'), nodes) &&
        same(on('[data-edge-id][data-verdict]', 'data-edge-id'), edges) &&
        same(on('[data-edge-id]', 'data-edge-id'), edges)
      );
    },
    [ids(scenario.nodes), ids(scenario.edges)],
    { timeout: 5000 },
  );
}

/** Waits until edge `id` shows `verdict`. */
export async function waitVerdict(page, id, verdict) {
  await page.waitForSelector(`[data-edge-id="${id}"][data-verdict="${verdict}"]`, { timeout: 5000 });
}

/**
 * The diagram the page keeps in localStorage, read once the page has written its last change
 * (autosave waits a moment after a change; `<html data-autosave>` is `pending` until then).
 */
export async function savedDiagram(page) {
  await page.waitForFunction(() => document.documentElement.dataset.autosave !== 'pending', null, { timeout: 5000 });
  return JSON.parse(await page.evaluate(() => localStorage.getItem('csp-explorer/diagram')));
}

function centre(box) {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Adds a node of `kind` from the palette and waits until it is drawn. */
export async function addFromPalette(page, kind) {
  const before = (await pageNodes(page)).length;
  await page.click(`.palette button[data-kind="${kind}"]`);
  await page.waitForFunction((n) => document.querySelectorAll('[data-node-id]').length === n, before + 1);
}

/** Clicks a node's shape (selecting it). */
export async function clickNode(page, id, options = {}) {
  await page.locator(`[data-node-id="${id}"] .glyph`).click(options);
}

/** Clicks an edge's verdict badge (selecting it). */
export async function clickEdge(page, id) {
  await page.locator(`[data-edge-id="${id}"] .verdict-badge`).click();
}

/** Drags from node `from`'s handle onto node `to`, then picks `kind` in the popup. */
export async function connect(page, from, to, kind = 'sells_to') {
  const handle = await page.locator(`[data-node-id="${from}"] .handle-dot`).boundingBox();
  const target = await page.locator(`[data-node-id="${to}"] .glyph`).boundingBox();
  if (!handle || !target) throw new Error(`cannot see ${from}'s handle or ${to}`);
  const a = centre(handle);
  const b = centre(target);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  await page.locator(`.connect-popup button[data-edge-kind="${kind}"]`).click();
}

/** Drags a node by (dx, dy) screen pixels. */
export async function dragNode(page, id, dx, dy) {
  const box = await page.locator(`[data-node-id="${id}"] .glyph`).boundingBox();
  const a = centre(box);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + dx / 2, a.y + dy / 2, { steps: 4 });
  await page.mouse.move(a.x + dx, a.y + dy, { steps: 4 });
  await page.mouse.up();
}

/**
 * Opens the toolbar's menu `menu` ('presets', 'file', 'view', 'help', or on a narrow screen
 * 'more', which holds all of them) and picks its item `item` (its data-item).
 */
export async function pickMenu(page, menu, item) {
  await page.click(`button[data-menu="${menu}"]`);
  await page.click(`[data-menu-wrap="${menu}"] [data-item="${item}"]`);
}

/** Opens guide scenario `n` from the toolbar's menu of them. */
export const openPresetMenu = (page, n) => pickMenu(page, 'presets', String(n));

/**
 * Where a screenshot goes: tests/e2e/out/NAME, and with UPDATE_DOCS=1 also docs/NAME (the
 * README's pictures), so a test run never changes the repository unless asked to.
 */
export async function screenshot(page, name, options = {}) {
  const out = join(root, 'tests/e2e/out', name);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out, ...options });
  if (process.env.UPDATE_DOCS === '1') {
    const doc = join(root, 'docs', name);
    mkdirSync(dirname(doc), { recursive: true });
    copyFileSync(out, doc);
  }
  return out;
}

/** A finger (or two) on the page, through the DevTools protocol. */
export async function fingers(page) {
  const cdp = await page.context().newCDPSession(page);
  const send = (type, touchPoints) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints });
  const pts = (ps) => ps.map(([x, y], id) => ({ x, y, id }));
  return {
    /** Fingers down at `from`, moved in `steps` to `to`, lifted (each a list of [x, y]). */
    async gesture(from, to, { steps = 10, hold = 0 } = {}) {
      await send('touchStart', pts(from));
      if (hold) await page.waitForTimeout(hold);
      for (let i = 1; i <= steps; i++) {
        const at = from.map(([x, y], f) => [x + ((to[f][0] - x) * i) / steps, y + ((to[f][1] - y) * i) / steps]);
        await send('touchMove', pts(at));
      }
      await send('touchEnd', []);
    },
    /** Two fingers on a level line centred on `at`, moved from `from` px apart to `to` px apart. */
    async pinch([x, y], from, to) {
      await this.gesture(
        [[x - from / 2, y], [x + from / 2, y]],
        [[x - to / 2, y], [x + to / 2, y]],
      );
    },
    async tap(x, y) {
      // A finger takes a moment between gestures: right after a drag's end, Chromium
      // recognizes no tap (its gesture detector is still settling the fling).
      await page.waitForTimeout(300);
      await send('touchStart', pts([[x, y]]));
      await send('touchEnd', []);
    },
    /**
     * Taps the middle of `selector` until it is gone (a popup's button closing it). For a
     * moment after a long press Chromium turns no touch into a click, longer on a loaded
     * machine: a tap it swallowed leaves the popup open, and the finger taps again.
     */
    async tapAway(selector, tries = 4) {
      for (let i = 1; ; i++) {
        const b = await page.locator(selector).first().boundingBox();
        if (!b) throw new Error(`${selector} is not on screen`);
        await this.tap(b.x + b.width / 2, b.y + b.height / 2);
        try {
          await page.waitForSelector(selector, { state: 'detached', timeout: 3000 });
          return;
        } catch (e) {
          if (i >= tries) throw e;
        }
      }
    },
    detach: () => cdp.detach(),
  };
}

/** The canvas's view: translate(x y) scale(k). */
export const canvasView = (page) =>
  page.$eval('svg.canvas g.viewport', (g) => {
    const [x, y, k] = g.getAttribute('transform').match(/-?[\d.]+/g).map(Number);
    return { x, y, k };
  });

/** The smallest name and kind on the canvas and the thinnest line, in screen pixels. */
export const drawnSizes = (page) =>
  page.evaluate(() => {
    const onScreen = (el, prop) => el.getScreenCTM().a * parseFloat(getComputedStyle(el)[prop]);
    const min = (sel, prop) => Math.min(...[...document.querySelectorAll(sel)].map((el) => onScreen(el, prop)));
    return {
      label: min('.node .label', 'fontSize'),
      kind: min('.node .kind', 'fontSize'),
      line: min('.edge .line', 'strokeWidth'),
    };
  });
