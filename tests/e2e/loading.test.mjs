// Loading and failure: the loading screen is in the static HTML and paints with no script; a
// slow load says so; a load that fails (a missing file, no or blocked WebAssembly, a script
// the browser refuses, a browser without modules) says what happened, in the visitor's
// language, instead of a blank page. Failures are made for real where they can be: a copy of
// dist/ with a file deleted or its CSP changed, on a server of its own.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appUrl, axeViolations, cliReport, launchBrowser, openPage, pageVerdicts, presetFile, reportVerdicts, root, screenshot } from './helpers.mjs';
import { copyDir, startHeldBody, startPlain } from './servers.mjs';

const DIST = join(root, 'dist');
const OUT = join(root, 'tests/e2e/out/loading');
const file = (re) => readdirSync(DIST).find((f) => re.test(f));
const WASM = file(/_bg\.wasm$/);
const GLUE = file(/^csp-explorer-[0-9a-f]{8,16}\.js$/);

let browser; // helpers.mjs closes it after the last test
let zhBrowser;
const servers = [];
before(async () => {
  // The loader is what is tested here: no service worker answers in its place.
  browser = await launchBrowser({ serviceWorkers: 'block', locale: 'en-US' });
  zhBrowser = await launchBrowser({ serviceWorkers: 'block', locale: 'zh-TW' });
});
after(() => Promise.all(servers.map((s) => s.stop())));

/** A copy of dist/ changed by `change(dir)`, on a plain server of its own; returns its URL. */
async function brokenSite(name, change) {
  const dir = join(OUT, name);
  copyDir(DIST, dir);
  change(dir);
  const server = await startPlain(dir, join(OUT, `${name}.log`));
  servers.push(server);
  return server.url;
}

async function failure(page) {
  const screen = page.locator('#csp-boot[data-state="failed"]');
  await screen.waitFor({ timeout: 15_000 });
  return {
    reason: await screen.getAttribute('data-reason'),
    text: (await page.locator('#csp-boot .boot-live').innerText()).trim(),
  };
}

/** When the page first painted content: the element being there does not mean it was painted yet. */
function firstPaint(page) {
  return page.evaluate(
    () => new Promise((resolve) => {
      const entry = performance.getEntriesByName('first-contentful-paint')[0];
      if (entry) return resolve(entry.startTime);
      new PerformanceObserver((list) => {
        const fcp = list.getEntries().find((e) => e.name === 'first-contentful-paint');
        if (fcp) resolve(fcp.startTime);
      }).observe({ type: 'paint', buffered: true });
    }),
  );
}

test('the loading screen paints from the static HTML alone, in both languages, before any script', async (t) => {
  const page = await browser.context.newPage();
  // No script at all: neither boot.js nor the app can run.
  await page.route('**/*.js', (route) => route.abort());
  await page.goto(appUrl('/'));
  const screen = page.locator('#csp-boot');
  await screen.waitFor();
  assert.equal(await screen.getAttribute('data-boot'), null, 'no script ran');
  const text = await screen.innerText();
  assert.match(text, /CSP Scenario Explorer/);
  assert.match(text, /Loading…/);
  assert.match(text, /載入中…/);
  const fcp = await firstPaint(page);
  t.diagnostic(`first contentful paint of the loading screen, with no script: ${fcp.toFixed(0)} ms`);
  // CSS alone says, after a while, what may be wrong (no script is there to say it).
  const stuck = page.locator('.boot-stuck[lang="en"]');
  assert.equal(await stuck.isVisible(), false);
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.boot-stuck')).visibility === 'visible', null, {
    timeout: 12_000,
  });
  assert.match(await stuck.innerText(), /too old, or JavaScript may be blocked/);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('on a slow network the loading screen is on screen long before the app, which then replaces it', async (t) => {
  const page = await slowPage(browser, appUrl('/'), 1500);
  await page.locator('#csp-boot').waitFor();
  const fcp = await firstPaint(page);
  assert.ok(fcp > 0 && fcp < 1500, `first paint at ${fcp} ms, while the wasm was held back for 1500 ms`);
  assert.ok(await page.locator('#csp-boot .boot-spinner').isVisible());
  assert.match(await page.locator('#csp-boot').innerText(), /Loading the CSP Scenario Explorer…/);
  await page.waitForSelector('h1', { timeout: 15_000 });
  assert.equal(await page.locator('#csp-boot').count(), 0, 'the app replaced the loading screen');
  t.diagnostic(`first contentful paint (the loading screen) at ${fcp.toFixed(0)} ms`);
  await page.close();
});

test('on loopback, first paint and the app\'s start (printed; nothing asserted on time)', async (t) => {
  const page = await browser.context.newPage();
  await page.addInitScript(() =>
    addEventListener('TrunkApplicationStarted', () => (window.__started = performance.now())),
  );
  await page.goto(appUrl('/'));
  await page.waitForFunction(() => window.__started);
  // On loopback the app can start before the first frame is painted: wait for that frame.
  await page
    .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 5000 })
    .catch(() => {});
  const { fcp, started } = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    started: window.__started,
  }));
  assert.ok(fcp > 0, 'a first contentful paint');
  t.diagnostic(`first contentful paint ${fcp.toFixed(0)} ms, app started ${started.toFixed(0)} ms`);
  await page.close();
});

/** Opens the app with its wasm held back for `ms`; returns the page, still loading. */
async function slowPage(b, url, ms) {
  const page = await b.context.newPage();
  await page.route('**/*.wasm', async (route) => {
    const response = await route.fetch();
    await new Promise((r) => setTimeout(r, ms));
    await route.fulfill({ response });
  });
  await page.goto(url);
  return page;
}

test('the loader, which runs as soon as it arrives, waits for a document still being parsed', async () => {
  // index.html's <body> is sent only after boot.js (async) has arrived, so boot.js runs before
  // the loading screen is parsed: it must then wait for it rather than find nothing.
  const server = await startHeldBody(DIST, 600);
  servers.push(server);
  const { page, assertClean } = await openPage(browser, `${server.url}?lang=zh-TW#preset=1`, {
    waitFor: null,
    init: () => {
      window.__screen = [];
      new MutationObserver(() => {
        const s = document.getElementById('csp-boot');
        if (s && s.dataset.boot && !window.__screen.length) window.__screen.push(s.dataset.boot, s.dataset.lang, document.readyState);
      }).observe(document, { subtree: true, childList: true, attributes: true });
    },
  });
  await page.waitForSelector('h1', { timeout: 15_000 });
  assert.deepEqual(server.events, ['head', 'boot.js', 'body']);
  // Taken up by the loader in the visitor's language once parsed, then replaced by the app.
  assert.deepEqual(await page.evaluate(() => window.__screen), ['running', 'zh-TW', 'interactive']);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-TW');
  await page.waitForSelector('[data-edge-id]', { timeout: 15_000 });
  assert.deepEqual(await pageVerdicts(page), reportVerdicts(cliReport(presetFile(1), 'zh-TW')));
  assertClean();
  await page.close();
});

test('a slow load says so, in the visitor\'s language, and the app still starts', async () => {
  for (const [b, url, said] of [
    [browser, appUrl('/'), /Still loading: the connection is slow\./],
    [zhBrowser, appUrl('/'), /仍在載入：網路連線較慢。/],
    [browser, appUrl('/?lang=zh-TW'), /仍在載入/],
  ]) {
    const page = await slowPage(b, url, 5500);
    const screen = page.locator('#csp-boot');
    assert.equal(await screen.getAttribute('data-state'), 'loading');
    await page.locator('#csp-boot[data-state="slow"]').waitFor({ timeout: 5000 });
    assert.match(await screen.locator('.boot-live').innerText(), said);
    await page.waitForSelector('h1', { timeout: 15_000 });
    assert.equal(await page.locator('#csp-boot').count(), 0);
    await page.close();
  }
});

test('a missing wasm shows what failed, in English or Chinese as the app would pick, and "Try again" works', async () => {
  const url = await brokenSite('no-wasm', (dir) => rmSync(join(dir, WASM)));
  const cases = [
    [browser, url, /could not be loaded: .*_bg\.wasm answered HTTP 404/, 'Try again'],
    [browser, `${url}?lang=zh-TW`, /無法載入應用程式：.*_bg\.wasm 回應 HTTP 404/, '重試'],
    [zhBrowser, url, /無法載入應用程式：.*_bg\.wasm 回應 HTTP 404/, '重試'],
    [zhBrowser, `${url}?lang=en#preset=6`, /answered HTTP 404/, 'Try again'],
  ];
  for (const [b, at, said, retry] of cases) {
    const page = await b.context.newPage();
    await page.goto(at);
    const { reason, text } = await failure(page);
    assert.equal(reason, 'http', at);
    assert.match(text, said, at);
    assert.ok(text.includes(WASM), `${at}: names ${WASM}`);
    assert.equal(await page.locator('#csp-boot button').innerText(), retry);
    assert.deepEqual(await axeViolations(page), [], at);
    if (b === browser && at === url) await screenshot(page, 'screens/failure-no-wasm.png');
    await page.close();
  }
  // Put the wasm back: "Try again" then opens the app.
  const page = await browser.context.newPage();
  await page.goto(url);
  await failure(page);
  writeFileSync(join(OUT, 'no-wasm', WASM), readFileSync(join(DIST, WASM)));
  await page.click('#csp-boot button');
  await page.waitForSelector('h1', { timeout: 15_000 });
  await page.close();
});

test('a missing JavaScript file is named too', async () => {
  const url = await brokenSite('no-glue', (dir) => rmSync(join(dir, GLUE)));
  const page = await browser.context.newPage();
  await page.goto(url);
  const { reason, text } = await failure(page);
  assert.equal(reason, 'http');
  assert.ok(text.includes(`${GLUE} answered HTTP 404`), text);
  await page.close();
});

test('a page whose CSP blocks WebAssembly says WebAssembly is blocked', async () => {
  const url = await brokenSite('csp-no-wasm', (dir) => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const changed = html.replace(" 'wasm-unsafe-eval'", '');
    assert.notEqual(changed, html);
    writeFileSync(join(dir, 'index.html'), changed);
  });
  for (const [at, said] of [
    [url, /WebAssembly is blocked here/],
    [`${url}?lang=zh-TW`, /此處已停用 WebAssembly/],
  ]) {
    const page = await browser.context.newPage();
    await page.goto(at);
    const { reason, text } = await failure(page);
    assert.equal(reason, 'blocked');
    assert.match(text, said);
    await page.close();
  }
});

test('a browser without WebAssembly is told so', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(() => delete globalThis.WebAssembly);
  await page.goto(appUrl('/'));
  const { reason, text } = await failure(page);
  assert.equal(reason, 'unsupported');
  assert.match(text, /cannot run the app: it has no WebAssembly/);
  await page.close();
});

test('a script sent with the wrong type is reported as refused, not as missing', async () => {
  const page = await browser.context.newPage();
  await page.route(`**/${GLUE}`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'text/plain' } });
  });
  await page.goto(appUrl('/'));
  const { reason, text } = await failure(page);
  assert.equal(reason, 'refused');
  assert.ok(text.includes(`${GLUE} was downloaded, but the browser refused to run it: the server sends it as text/plain`), text);
  await page.close();
});

test('nomodule.js, for browsers without modules, says the browser is too old', async () => {
  const nomodule = file(/^nomodule-[0-9a-f]{8,16}\.js$/);
  assert.ok(nomodule, 'dist/ has nomodule-*.js');
  for (const [url, said] of [
    [appUrl('/'), /This browser is too old to run the app/],
    [appUrl('/?lang=zh-TW'), /此瀏覽器版本過舊/],
  ]) {
    const page = await browser.context.newPage();
    // As such a browser would: boot.js never runs, the nomodule script does.
    await page.route('**/boot-*.js', (route) => route.abort());
    await page.goto(url);
    await page.addScriptTag({ url: nomodule });
    const { reason, text } = await failure(page);
    assert.equal(reason, 'old');
    assert.match(text, said);
    await page.close();
  }
});
