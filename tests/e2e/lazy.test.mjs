// What a first visit does not load: the guide's scenarios and walkthroughs are files of the
// app's own folder (dist/presets/), fetched the first time one is opened, not compiled into
// the wasm. A visit without a preset fetches none; `#preset=N` fetches preset N's two files
// and shows its verdicts; while they come the page says so; a file that does not come or is
// not valid gives one line naming it, in the visitor's language, and the page goes on.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { appUrl, cliReport, launchBrowser, openPage, pageVerdicts, presetFile, reportVerdicts, root } from './helpers.mjs';

let browser; // helpers.mjs closes it after the last test
before(async () => {
  // The network is what is tested: no service worker answers in its place.
  browser = await launchBrowser({ serviceWorkers: 'block' });
});

const SIX = 'presets/6-reseller-as-customer.json';
const fetched = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.includes('/presets/'))
      .map((p) => p.slice(p.indexOf('presets/')))
      .sort(),
  );

test('the wasm carries no guide scenario; a first visit without one fetches none', async () => {
  const wasm = readdirSync(join(root, 'dist')).find((f) => f.endsWith('_bg.wasm'));
  const bytes = readFileSync(join(root, 'dist', wasm));
  for (const file of [SIX, 'presets/walkthroughs/6.json']) {
    const text = readFileSync(join(root, 'rules', file));
    assert.equal(bytes.indexOf(text), -1, `${file} is not inside ${wasm}`);
  }
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en'), { waitFor: 'svg.canvas' });
  assert.deepEqual(await fetched(page), []);
  assertClean();
  await page.close();
});

test('#preset=6 fetches its scenario and walkthrough, from the same folder, and shows the CLI\'s verdicts', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6'), { waitFor: '[data-edge-id][data-verdict]' });
  assert.deepEqual(await pageVerdicts(page), reportVerdicts(cliReport(presetFile(6))));
  assert.deepEqual(await fetched(page), [SIX, 'presets/walkthroughs/6.json']);
  assert.equal(await page.locator('[data-notice]').count(), 0);
  // Opened once, a guide scenario is not fetched again.
  await page.evaluate(() => (location.hash = '#preset=1'));
  await page.waitForFunction(() => location.hash === '#preset=1' && document.querySelector('[data-node-id]'));
  await page.evaluate(() => (location.hash = '#preset=6'));
  await page.waitForFunction((n) => document.querySelectorAll('[data-edge-id][data-verdict]').length === n, Object.keys(reportVerdicts(cliReport(presetFile(6)))).length);
  assert.equal((await fetched(page)).filter((f) => f === SIX).length, 1);
  assertClean();
  await page.close();
});

test('the files #preset=N names are fetched beside the wasm, once, not after the app has started', async () => {
  const page = await browser.context.newPage();
  const asked = [];
  const logged = [];
  page.on('request', (req) => asked.push(new URL(req.url()).pathname));
  page.on('console', (msg) => logged.push(`${msg.type()}: ${msg.text()}`));
  // The wasm is held until preset 6's files have been asked for (or 10 s have passed): the
  // app cannot start before, so only the loader can have asked.
  let seen;
  const both = new Promise((r) => (seen = r));
  page.on('request', () => {
    if (asked.filter((p) => p.endsWith(SIX) || p.endsWith('/presets/walkthroughs/6.json')).length === 2) seen(true);
  });
  await page.route('**/*_bg.wasm', async (route) => {
    const early = await Promise.race([both, new Promise((r) => setTimeout(() => r(false), 10_000))]);
    await route.continue();
    if (!early) seen(false);
  });
  await page.goto(appUrl('/?lang=en#preset=6'));
  assert.equal(await both, true, `asked for while the wasm was held: ${asked.join(', ')}`);
  await page.waitForSelector('[data-edge-id][data-verdict]');
  assert.deepEqual(await pageVerdicts(page), reportVerdicts(cliReport(presetFile(6))));
  // The app's own fetch was answered by the loader's: each file was asked for once.
  assert.deepEqual(asked.filter((p) => p.includes('/presets/')).map((p) => p.slice(p.indexOf('presets/'))).sort(), [SIX, 'presets/walkthroughs/6.json']);
  assert.deepEqual(logged.filter((m) => /preload/i.test(m)), []);
  // A number that names no preset preloads nothing (another query: a new page, not a hashchange).
  asked.length = 0;
  await page.goto(appUrl('/?lang=zh-TW#preset=60'));
  await page.waitForSelector('svg.canvas');
  assert.deepEqual(asked.filter((p) => p.includes('/presets/')), []);
  await page.close();
});

test('while its files come the page says so; then the walkthrough opens at the step the address names', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en'), { waitFor: 'svg.canvas' });
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(`**/${SIX}`, async (route) => {
    await held;
    await route.continue();
  });
  await page.evaluate(() => (location.hash = '#preset=6&step=3'));
  const loading = page.locator('[data-notice="loading"]');
  await loading.waitFor();
  assert.equal(await loading.getAttribute('role'), 'status');
  assert.match(await loading.innerText(), /^Loading 6\. A reseller buying from its own provider…$/);
  release();
  await page.waitForSelector('.walkthrough[data-walkthrough="6"][data-step="3"]');
  await loading.waitFor({ state: 'detached' });
  assertClean();
  await page.close();
});

/** Opens `#preset=6` where its scenario file answers `answer` (Playwright's fulfil options). */
async function broken(lang, answer) {
  const { page, problems } = await openPage(browser, appUrl(`/?lang=${lang}`), { waitFor: 'svg.canvas' });
  await page.route(`**/${SIX}`, (route) => route.fulfill(answer));
  await page.evaluate(() => (location.hash = '#preset=6'));
  const notice = page.locator('[data-notice="data"]');
  await notice.waitFor();
  const line = await notice.locator('.error-line').innerText();
  assert.equal(await page.locator('[data-node-id]').count(), 0, 'nothing was opened');
  // The page goes on: another guide scenario opens.
  await page.evaluate(() => (location.hash = '#preset=1'));
  await page.waitForSelector('[data-edge-id][data-verdict]');
  await page.close();
  return { line, problems };
}

test('a guide scenario file that is missing or not valid: one line naming it, in either language', async () => {
  const missing = await broken('en', { status: 404, body: 'not found' });
  assert.equal(missing.line, `error: ${SIX} could not be loaded (HTTP 404)`);
  // The 404 itself (and the browser's console line for it) is the one problem the page met:
  // no panic, no console error of its own.
  const own = missing.problems.filter((p) => !p.includes(SIX) && !/Failed to load resource: .* 404/.test(p));
  assert.deepEqual(own, []);
  const zh = await broken('zh-TW', { status: 404, body: 'not found' });
  assert.equal(zh.line, `error: 無法載入 ${SIX}（HTTP 404）`);
  const bad = await broken('en', { status: 200, contentType: 'application/json', body: '{"version": 1, "nodes": [{"id": "x", "kind": "seller"}]}' });
  assert.match(bad.line, new RegExp(`^error: ${SIX}: nodes\\[0\\]\\.kind \\(line 1, column \\d+\\): unknown variant`));
  assert.deepEqual(bad.problems, []);
  const badZh = await broken('zh-TW', { status: 200, contentType: 'application/json', body: '{"version": 1, "nodes": [' });
  assert.ok(badZh.line.startsWith(`error: ${SIX} 的內容無效：`), badZh.line);
  assert.ok(!badZh.line.includes('\n'));
});
