// Offline and installable (README "Hosting"): after one visit the app opens with no network
// (the server stopped and the browser offline); a rebuilt dist/ is picked up; the worker
// caches only the app, answers only the app's own page, stays out of embeds unless they opt
// in, and a build without sw.js turns it off. Each test has a site of its own:
// /app/ (a copy of dist/), /app/host.html (another page in the app's folder) and /probe.html
// (a page outside it, to look at the worker and its caches without being one of its pages).

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  axeViolations,
  launchBrowser,
  openPage,
  cli,
  cliReport,
  pageVerdicts,
  presetFile,
  reportVerdicts,
  root,
} from './helpers.mjs';
import { copyDir, freePort, startFallback, startPlain } from './servers.mjs';

const DIST = join(root, 'dist');
const OUT = join(root, 'tests/e2e/out/offline');

/** The precache list the build wrote into `dir`/sw.js. */
function precache(dir) {
  const line = readFileSync(join(dir, 'sw.js'), 'utf8').match(/^const PRECACHE = (.*);$/m);
  assert.ok(line, 'sw.js has its PRECACHE line filled in');
  return JSON.parse(line[1]);
}

const running = new Set();
after(() => Promise.all([...running].map((s) => s.stop())));

/** A site for one test, its server on a port kept for the test (so the origin stays one). */
async function site(name) {
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  const port = await freePort();
  let server;
  const s = {
    dir,
    app: join(dir, 'app'),
    url: `http://127.0.0.1:${port}/app/`,
    probe: `http://127.0.0.1:${port}/probe.html`,
    /** Puts build `version` in /app/: dist/ as built (1), or changed and re-listed (2, 3, …). */
    deploy(version = 1) {
      copyDir(DIST, s.app);
      writeFileSync(join(dir, 'probe.html'), '<!doctype html><title>probe</title>');
      writeFileSync(join(s.app, 'host.html'), '<!doctype html><title>a host page</title><p>host</p>');
      if (version > 1) {
        // What a rebuild changes: the page (here a marker), hence the worker's list and ID.
        const html = join(s.app, 'index.html');
        writeFileSync(html, readFileSync(html, 'utf8').replace('</title>', `</title><meta name="csp-test-version" content="${version}">`));
        execFileSync(process.execPath, [join(root, 'scripts/precache.mjs'), s.app], { stdio: 'pipe' });
      }
      return precache(s.app).build;
    },
    /** Starts the plain server, or with `fallback` one that answers a missing file with the app's page. */
    async start({ fallback = false } = {}) {
      server = fallback ? await startFallback(dir, 'app/index.html', { port }) : await startPlain(dir, join(OUT, `${name}.log`), { port });
      running.add(server);
    },
    async stop() {
      await server.stop();
      running.delete(server);
    },
  };
  return s;
}

/** Waits until the page's worker is active; returns its cache's name. */
async function workerActive(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker.state !== 'activated') {
      await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
    }
    const names = await caches.keys();
    return names.find((n) => n.startsWith(`csp-explorer ${registration.scope} `));
  });
}

/** The URLs in this origin's caches of the app, by cache name (read from any page of the origin). */
function cachedUrls(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => r.url).sort();
    }
    return out;
  });
}

/** Polls `check` (an async function of nothing) until it gives true, for at most `ms`. */
async function until(what, check, ms = 15_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function version(page) {
  return page.evaluate(() => document.querySelector('meta[name="csp-test-version"]')?.content ?? '1');
}

/** Opens `url` in a new page and says whether the worker answered it (false: it did not, so offline it failed or came from the browser's HTTP cache). */
async function fromWorker(browser, url) {
  const page = await browser.context.newPage();
  try {
    const res = await page.goto(url).catch(() => null);
    return Boolean(res && res.fromServiceWorker());
  } finally {
    await page.close();
  }
}

async function verdictsOf(page, n) {
  const want = reportVerdicts(cliReport(presetFile(n)));
  await page.waitForFunction((k) => document.querySelectorAll('[data-edge-id]').length === k, Object.keys(want).length);
  assert.deepEqual(await pageVerdicts(page), want, `preset ${n}`);
}

test('the precache list is index.html, every file it names and the guide\'s files, and nothing for other pages', () => {
  const { files, hashed, index, build } = precache(DIST);
  assert.equal(index, 'index.html');
  assert.match(build, /^[0-9a-f]{16}$/);
  assert.equal(files[0], 'index.html');
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const names = readdirSync(DIST);
  for (const want of [/_bg\.wasm$/, /^csp-explorer-[0-9a-f]{8,16}\.js$/, /^boot-[0-9a-f]{8,16}\.js$/, /^app-[0-9a-f]{8,16}\.css$/, /^boot-[0-9a-f]{8,16}\.css$/, /^manifest\.webmanifest$/]) {
    const name = names.find((f) => want.test(f));
    assert.ok(name && files.includes(name), `lists ${want}`);
  }
  for (const icon of JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8')).icons) {
    assert.ok(files.includes(icon.src), `lists the manifest's ${icon.src}`);
  }
  for (const f of files) assert.ok(names.includes(f.split('/')[0]), `${f} is in dist/`);
  // The guide's scenarios and walkthroughs, fetched when one is first opened, and their first
  // frames are precached too (the offline test below opens preset 6, never opened online).
  const lazy = JSON.parse(readFileSync(join(DIST, 'lazy.json'), 'utf8')).files;
  // Each preset's file, its walkthrough's and its first frame in either language (boot.js).
  assert.equal(lazy.length, 32, lazy.join(' '));
  for (const want of ['presets/6-reseller-as-customer.json', 'presets/walkthroughs/6.json', 'first/6-en.html', 'first/6-zh-TW.html']) assert.ok(lazy.includes(want), want);
  for (const f of lazy) assert.ok(files.includes(f), `precaches ${f}`);
  for (const f of hashed) {
    assert.ok(files.includes(f) && html.includes(f), `${f}: hashed, listed and named by index.html`);
  }
  // For hosts and for other sites' pages (README "Hosting"), never served by the worker. That
  // nothing the page loads is left out is checked in the browser (below).
  assert.ok(!files.some((f) => /^(rules\/|embed\.js$|embed-demo\.html$|version\.json$|sw\.js$|_headers$)/.test(f)), files.join(' '));
  const v = JSON.parse(readFileSync(join(DIST, 'version.json'), 'utf8'));
  assert.equal(v.build, build);
  // The guide's date and the versions come from the engine and the crates.
  assert.equal(v.guide, JSON.parse(execFileSync('cargo', ['run', '-q', '--offline', '-p', 'csp-rules', '--example', 'version'], { cwd: root, encoding: 'utf8' })).guide);
  assert.match(v.guide, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(`csp-rules ${v.engine}\n`, cli('--version'));
  assert.match(v.version, /^\d+\.\d+\.\d+/);
});

test('after one visit the app opens with the server gone and the browser offline: presets, a share link, Chinese', async () => {
  const s = await site('one-visit');
  s.deploy();
  await s.start();
  const browser = await launchBrowser();
  const { page, assertClean } = await openPage(browser, `${s.url}#preset=1`, { waitFor: '[data-edge-id]' });
  const cache = await workerActive(page);
  assert.ok(cache, 'the worker made its cache');
  // It cached exactly the app's files, once.
  const listed = precache(s.app).files.map((f) => new URL(f, s.url).href).sort();
  assert.deepEqual(await cachedUrls(page), { [cache]: listed });
  // Everything the page loaded from its folder is in the list (so offline it lacks nothing).
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split(/[?#]/)[0]));
  const missing = loaded.filter((u) => u.startsWith(s.url) && !u.endsWith('/sw.js') && !listed.includes(u));
  assert.deepEqual(missing, [], 'loaded by the page but not cached');
  assertClean();
  await page.close();

  await s.stop();
  await browser.context.setOffline(true);
  const six = await browser.context.newPage();
  assert.ok((await six.goto(`${s.url}#preset=6`)).fromServiceWorker());
  await verdictsOf(six, 6);
  await six.reload();
  await verdictsOf(six, 6);
  await six.close();
  const share = cli('share', presetFile(7)).trim();
  assert.match(share, /^#scenario=/);
  const zh = await browser.context.newPage();
  assert.ok((await zh.goto(`${s.url}index.html?lang=zh-TW${share}`)).fromServiceWorker());
  await verdictsOf(zh, 7);
  assert.equal(await zh.evaluate(() => document.documentElement.lang), 'zh-TW');
  // Nothing new was cached by using it.
  assert.deepEqual(await cachedUrls(zh), { [cache]: listed });
  await zh.close();

  // Only the app's own page is answered: another page of its folder is not, nor an embed
  // (`?embed=`) unless it asks with `&offline=1`.
  assert.equal(await fromWorker(browser, `${s.url}host.html`), false, 'another page of the folder');
  assert.equal(await fromWorker(browser, `${s.url}?embed=view#preset=6`), false, 'an embed');
  const embed = await browser.context.newPage();
  assert.ok((await embed.goto(`${s.url}?embed=view&offline=1#preset=6`)).fromServiceWorker());
  await verdictsOf(embed, 6);
  await embed.close();
  await browser.context.setOffline(false);
  await browser.close();
});

test('a rebuilt dist/ is picked up: a note in the visitor\'s language, Reload switches; closing the tabs does too', async () => {
  const s = await site('rebuild');
  const first = s.deploy(1);
  await s.start();
  const browser = await launchBrowser();
  let { page } = await openPage(browser, `${s.url}#preset=6`, { waitFor: '[data-edge-id]' });
  await workerActive(page);
  await page.close();

  const second = s.deploy(2);
  assert.notEqual(second, first, 'a new build has a new ID');
  ({ page } = await openPage(browser, `${s.url}#preset=6`, { waitFor: '[data-edge-id]' }));
  assert.equal(await version(page), '1', 'the installed build opens at once, from the cache');
  const note = page.locator('#csp-update');
  await note.waitFor({ timeout: 45_000 });
  assert.equal(await note.locator('span').innerText(), 'A new version of the app is available.');
  assert.equal(await note.locator('button').innerText(), 'Reload');
  assert.deepEqual(await axeViolations(page), [], 'the page with the note');
  await Promise.all([page.waitForEvent('load'), note.locator('button').click()]);
  await page.waitForSelector('[data-edge-id]');
  assert.equal(await version(page), '2');
  await verdictsOf(page, 6);
  await page.close();

  // In Chinese, and ignored: once the app's tabs are closed the new build takes over anyway.
  const third = s.deploy(3);
  ({ page } = await openPage(browser, `${s.url}?lang=zh-TW#preset=6`, { waitFor: '[data-edge-id]' }));
  await page.locator('#csp-update').waitFor({ timeout: 45_000 });
  assert.equal(await page.locator('#csp-update span').innerText(), '應用程式有新版本。');
  assert.equal(await page.locator('#csp-update button').innerText(), '重新載入');
  await page.close();
  const probe = await browser.context.newPage();
  await probe.goto(s.probe);
  const scope = s.url;
  await until('the third build alone is cached', () =>
    probe.evaluate(
      async ([scope, build]) => {
        const names = (await caches.keys()).filter((n) => n.startsWith(`csp-explorer ${scope} `));
        return names.length === 1 && names[0].endsWith(` ${build}`);
      },
      [scope, third],
    ),
  );
  ({ page } = await openPage(browser, `${s.url}#preset=6`, { waitFor: '[data-edge-id]' }));
  assert.equal(await version(page), '3');
  assert.equal(await page.locator('#csp-update').count(), 0);
  await browser.close();
});

test('an embed alone registers no worker, unless it asks with &offline=1', async () => {
  const s = await site('embed');
  s.deploy();
  await s.start();
  const browser = await launchBrowser();
  const registered = (page) => page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration()));
  let { page } = await openPage(browser, `${s.url}?embed=view#preset=6`, { waitFor: '[data-edge-id]' });
  await page.waitForTimeout(1500);
  assert.equal(await registered(page), false);
  await page.close();
  ({ page } = await openPage(browser, `${s.url}?embed=view&offline=1#preset=6`, { waitFor: '[data-edge-id]' }));
  await workerActive(page);
  assert.equal(await registered(page), true);
  await browser.close();
});

test('the worker registers once the app has painted its first diagram, not while it draws it', async () => {
  const s = await site('settled');
  s.deploy();
  await s.start();
  const browser = await launchBrowser();
  // Times, on the page's clock: the first animation frame with the diagram in the DOM (it is
  // painted at the end of that frame; the frame's own timestamp may be older than the task
  // before it, so the clock is read), and the call to register().
  const init = () => {
    window.__times = {};
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      window.__times.register ??= performance.now();
      return register.apply(this, args);
    };
    const frame = () => {
      if (document.querySelector('[data-edge-id]')) window.__times.frame = performance.now();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  // A share link: the diagram is in the app's first render (a preset's file is fetched first).
  const link = cli('share', presetFile(3)).trim();
  const { page, assertClean } = await openPage(browser, `${s.url}${link}`, { waitFor: '[data-edge-id]', init });
  assert.ok(await workerActive(page), 'the worker made its cache');
  const times = await page.evaluate(() => window.__times);
  assert.ok(Number.isFinite(times.frame) && Number.isFinite(times.register), JSON.stringify(times));
  assert.ok(times.register > times.frame, `register() at ${times.register} ms, the diagram's first frame at ${times.frame} ms`);
  assertClean();
  await browser.close();
});

for (const fallback of [false, true]) {
  const host = fallback ? 'a host that answers every missing file with the page' : 'the plain server (404)';
  test(`a build without sw.js (CSP_EXPLORER_SW=off) turns the worker off for those who had it: ${host}`, async () => {
    const s = await site(fallback ? 'turned-off-fallback' : 'turned-off');
    s.deploy();
    await s.start({ fallback });
    const browser = await launchBrowser();
    let { page } = await openPage(browser, `${s.url}#preset=6`, { waitFor: '[data-edge-id]' });
    await workerActive(page);
    await page.close();

    execFileSync(process.execPath, [join(root, 'scripts/precache.mjs'), s.app], {
      env: { ...process.env, CSP_EXPLORER_SW: 'off' },
      stdio: 'pipe',
    });
    assert.deepEqual(readdirSync(s.app).filter((f) => f === 'sw.js'), [], 'no sw.js');
    // The page's own check of sw.js is answered 404 here, which is the point: it may come
    // before the diagram does, so it is not waited on as a problem.
    ({ page } = await openPage(browser, `${s.url}#preset=6`, { waitFor: null }));
    await page.waitForSelector('[data-edge-id]');
    await until('the worker and its caches are gone', () =>
      page.evaluate(
        async () =>
          !(await navigator.serviceWorker.getRegistration()) && !(await caches.keys()).some((n) => n.startsWith('csp-explorer ')),
      ),
    );
    await page.close();
    await s.stop();
    await browser.context.setOffline(true);
    assert.equal(await fromWorker(browser, s.url), false);
    await browser.close();
  });
}
