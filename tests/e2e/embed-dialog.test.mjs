// The full app's Embed dialog (File ▸ Embed…): snippets for the diagram on screen and a live preview. Each
// snippet is then pasted, as an author would, into a real page of another origin (a file the
// host server serves), and must show or judge the same diagram there.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, appUrl, hostUrl, cliReport, dragNode, pageVerdicts, pickMenu, presetFile, reportVerdicts } from './helpers.mjs';

const HOSTS = ['localhost', '127.0.0.1'];

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const snippet = (page, way) => page.inputValue(`[data-snippet="${way}"] textarea`);

/** The preview's frame, once it shows verdicts. */
async function preview(page, part) {
  for (let i = 0; i < 100; i++) {
    const f = page.frames().find((f) => f.parentFrame() && f.url().includes(part));
    if (f) {
      // Attached, not visible: zoomed out, an edge may be drawn as a bare line of no width.
      await f.waitForSelector('[data-edge-id][data-verdict]', { state: 'attached' });
      return f;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no preview frame at …${part}`);
}

/** Writes `body` as a page of the host site (another origin than the app's) and opens it. */
async function pasted(name, head, body) {
  const app = new URL(appUrl('/')).origin;
  const csp = `default-src 'none'; img-src data:; script-src 'self' ${app} 'wasm-unsafe-eval'; frame-src ${app}; connect-src 'self'`;
  const html = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${csp}">\n<title>Pasted</title>\n<link rel="icon" href="data:,">\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
  writeFileSync(join(process.env.E2E_HOST_DIR, name), html);
  return openPage(browser, hostUrl(`/${name}`), { waitFor: null, hosts: HOSTS });
}

/** The app's frames of `page` (in document order), once each shows verdicts. */
async function appFrames(page, n) {
  await page.waitForFunction((n) => document.querySelectorAll('iframe').length === n, n);
  const frames = page.frames().filter((f) => f.url().startsWith(appUrl('/')));
  for (const f of frames) await f.waitForSelector('[data-edge-id][data-verdict]');
  return frames;
}

test('the Embed dialog writes each snippet for a guide scenario, with a live preview that follows the options', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/index.html?lang=en#preset=6'), { waitFor: '[data-edge-id]' });
  await pickMenu(page, 'file', 'embed');
  await page.waitForSelector('.embed-dialog[role="dialog"]');
  // Focus starts in the dialog; Escape closes it and gives the focus back.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'embed-mode');
  const base = appUrl('/');
  assert.equal(
    await snippet(page, 'iframe'),
    `<iframe src="${base}index.html?embed=view&amp;lang=en#preset=6"\n        title="CSP Scenario Explorer" width="100%" height="420"></iframe>`,
  );
  assert.equal(
    await snippet(page, 'loader'),
    `<div data-csp-embed data-preset="6" data-mode="view" data-lang="en" data-height="420">\n  <a href="${base}index.html#preset=6">Open in the CSP Scenario Explorer</a>\n</div>\n<script src="${base}embed.js" defer></script>`,
  );
  const view = await preview(page, 'embed=view');
  assert.deepEqual(await pageVerdicts(view), reportVerdicts(cliReport(presetFile(6))));
  assert.equal(await view.locator('header').count(), 0);

  // The options: each snippet and the preview follow them (each preview let load before the
  // next option replaces it).
  await page.selectOption('#embed-mode', 'walkthrough');
  await preview(page, 'embed=walkthrough&lang=en#');
  await page.selectOption('#embed-lang', 'zh-TW');
  await preview(page, 'embed=walkthrough&lang=zh-TW#');
  await page.selectOption('#embed-theme', 'dark');
  // Rendered before the height is typed (a render in between would put the old value back).
  await page.waitForFunction(() => document.querySelector('[data-snippet="iframe"] textarea').value.includes('theme=dark'));
  // The page re-renders after the change event: wait for it. A render still under way when
  // the height was typed (a loaded machine) puts the old value back: type it again then.
  const typed = () => page.waitForFunction(() => document.querySelector('[data-snippet="iframe"] textarea').value.includes('height="500"'), null, { timeout: 5000 });
  for (let tries = 1; ; tries++) {
    await page.fill('#embed-height', '500');
    await page.press('#embed-height', 'Tab');
    try {
      await typed();
      break;
    } catch (e) {
      if (tries >= 4) throw e;
    }
  }
  assert.match(await snippet(page, 'iframe'), /index\.html\?embed=walkthrough&amp;lang=zh-TW&amp;theme=dark#preset=6"\n.*title="CSP 情境探索工具".*height="500"/s);
  assert.match(await snippet(page, 'loader'), /data-mode="walkthrough" data-lang="zh-TW" data-theme="dark" data-height="500"/);
  const tour = await preview(page, 'embed=walkthrough');
  await tour.waitForSelector('.embed-panel [data-walkthrough="6"]');
  assert.deepEqual(await tour.evaluate(() => [document.documentElement.lang, document.documentElement.dataset.theme]), ['zh-TW', 'dark']);
  assert.equal(await page.getAttribute('.embed-preview iframe', 'height'), '500');

  // Copy puts the snippet on the clipboard.
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
  await page.click('[data-copy="iframe"]');
  await page.waitForSelector('[data-snippet="iframe"] [role="status"]:text("Copied.")');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await snippet(page, 'iframe'));

  await page.press('#embed-mode', 'Escape');
  assert.equal(await page.locator('.embed-dialog').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.menu), 'file');
  assertClean();
});

test('snippets of an edited diagram carry it as a share link; pasted into a page of another origin, each shows or judges it', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/index.html?lang=en#preset=3'), { waitFor: '[data-edge-id]' });
  await dragNode(page, 'ms', 60, 30);
  const verdicts = await pageVerdicts(page);
  await pickMenu(page, 'file', 'embed');
  await page.waitForSelector('.embed-dialog');
  // No walkthrough for a diagram that is no longer the guide's.
  assert.deepEqual(await page.$$eval('#embed-mode option', (os) => os.map((o) => o.value)), ['view', 'edit', 'quiz']);
  const iframe = await snippet(page, 'iframe');
  const loader = await snippet(page, 'loader');
  const module = await snippet(page, 'module');
  assert.match(iframe, /#scenario=1\.[a-z]\.[A-Za-z0-9_-]+"/);
  assert.match(loader, /data-scenario="1\.[a-z]\.[A-Za-z0-9_-]+"/);

  const host = await pasted('pasted.html', '', `${iframe}\n${loader}`);
  const [framed, loaded] = await appFrames(host.page, 2);
  for (const f of [framed, loaded]) {
    assert.deepEqual(await pageVerdicts(f), verdicts);
    assert.equal(await f.locator('header').count(), 0);
  }
  // The moved node is where the author left it, in both.
  const at = (p) => p.getAttribute('[data-node-id="ms"]', 'transform');
  assert.equal(await at(framed), await at(loaded));
  host.assertClean();

  // The module, saved as a script of the host's site beside its copy of rules/.
  writeFileSync(join(process.env.E2E_HOST_DIR, 'pasted.js'), module);
  // What the module logs, kept from the page's first script on.
  await browser.context.addInitScript(() => {
    window.logged = [];
    const log = console.log.bind(console);
    console.log = (...args) => {
      window.logged.push(args.join(' '));
      log(...args);
    };
  });
  const opened = await pasted('pasted-module.html', '<script type="module" src="pasted.js"></script>', '<p>Module</p>');
  const n = Object.keys(verdicts).length;
  await opened.page.waitForFunction((n) => window.logged.length >= n, n);
  assert.deepEqual(await opened.page.evaluate(() => window.logged), Object.entries(verdicts).map(([id, v]) => `${id} ${v}`));
  opened.assertClean();
  assertClean();
});

test('the dialog speaks the page\'s language, and its snippets default to it', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/index.html?lang=zh-TW#preset=1'), { waitFor: '[data-edge-id]' });
  await pickMenu(page, 'file', 'embed');
  await page.waitForSelector('.embed-dialog');
  assert.equal(await page.textContent('#embed-title'), '嵌入此圖表');
  assert.equal(await page.inputValue('#embed-lang'), 'zh-TW');
  assert.match(await snippet(page, 'loader'), /data-lang="zh-TW"[^>]*>\n  <a [^>]*>在 CSP 情境探索工具中開啟<\/a>/);
  assert.match(await snippet(page, 'module'), /evaluate\(scenario, "zh-TW"\)/);
  assertClean();
});

test('the height follows the typing once it is in range, and leaving the field brings one out of range into it', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/index.html?lang=en#preset=6'), { waitFor: '[data-edge-id]' });
  await pickMenu(page, 'file', 'embed');
  await page.waitForSelector('.embed-dialog[role="dialog"]');
  const height = () => page.$eval('[data-snippet="iframe"] textarea', (t) => t.value.match(/height="(\d+)"/)?.[1]);
  const shows = (h) =>
    page.waitForFunction((h) => document.querySelector('[data-snippet="iframe"] textarea').value.includes(`height="${h}"`), h, { timeout: 5000 });
  await page.click('#embed-height', { clickCount: 3 });
  await page.keyboard.press('Backspace');
  // "8" and "80" are below the least height: the snippet keeps 420 and the field what is typed.
  await page.keyboard.type('80');
  await page.waitForTimeout(100);
  assert.equal(await height(), '420');
  assert.equal(await page.inputValue('#embed-height'), '80');
  await page.keyboard.type('0');
  await shows('800');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'embed-height', 'still typing');
  assert.equal(await page.getAttribute('.embed-preview iframe', 'height'), '800');
  // Out of range on leaving: the nearest height in range.
  await page.fill('#embed-height', '5');
  await page.press('#embed-height', 'Tab');
  await shows('120');
  assert.equal(await page.inputValue('#embed-height'), '120');
  await page.fill('#embed-height', '99999');
  await page.press('#embed-height', 'Tab');
  await shows('2000');
  assertClean();
  await page.close();
});
