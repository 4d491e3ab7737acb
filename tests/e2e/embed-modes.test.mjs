// The page's embed options (interfaces.md §6.2) apart from the messages: the theme, and an
// embed's storage (it never reads or writes the app's autosave, and works where the browser
// refuses it storage outright).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, appUrl, cliReport, pageVerdicts, presetFile, reportVerdicts } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The theme the page chose and the background it painted. */
const theme = (page) =>
  page.evaluate(() => [document.documentElement.dataset.theme, getComputedStyle(document.body).backgroundColor]);
const LIGHT = 'rgb(255, 255, 255)';
const DARK = 'rgb(13, 17, 23)';

test('an embed is light unless told otherwise, on a dark system too; ?theme= is obeyed everywhere', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/index.html?embed=view#preset=6'), { waitFor: '[data-edge-id]' });
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await theme(page), ['light', LIGHT]);
  await page.goto(appUrl('/index.html?embed=view&theme=auto#preset=6'));
  await page.waitForSelector('[data-edge-id]');
  assert.deepEqual(await theme(page), ['auto', DARK]);
  await page.goto(appUrl('/index.html?embed=view&theme=dark#preset=6'));
  await page.waitForSelector('[data-edge-id]');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.deepEqual(await theme(page), ['dark', DARK]);
  // The whole app follows the system unless the address names a theme.
  await page.goto(appUrl('/index.html#preset=6'));
  await page.waitForSelector('[data-edge-id]');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await theme(page), ['auto', DARK]);
  await page.goto(appUrl('/index.html?theme=light#preset=6'));
  await page.waitForSelector('[data-edge-id]');
  assert.deepEqual(await theme(page), ['light', LIGHT]);
  // A value it does not know is no theme at all: the default.
  await page.goto(appUrl('/index.html?embed=view&theme=purple#preset=6'));
  await page.waitForSelector('[data-edge-id]');
  assert.deepEqual(await theme(page), ['light', LIGHT]);
  await page.emulateMedia({ colorScheme: 'light' });
  assertClean();
});

test('an embed neither restores nor overwrites the diagram a visitor saved in the app', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/index.html#preset=3'), { waitFor: '[data-edge-id]' });
  // A link opened is saved once the visitor edits it.
  await page.keyboard.press('5');
  await page.waitForFunction(() => document.documentElement.dataset.autosave === 'saved');
  const saved = await page.evaluate(() => localStorage.getItem('csp-explorer/diagram'));
  assert.ok(saved.includes('"scenario"'));
  const embed = await openPage(browser, appUrl('/index.html?embed=edit'), { waitFor: '.canvas', keepStorage: true });
  // Not restored: the frame opened no diagram.
  assert.equal(await embed.page.locator('[data-node-id]').count(), 0);
  await embed.page.keyboard.press('4');
  await embed.page.waitForSelector('[data-node-id]');
  await embed.page.waitForTimeout(800);
  assert.equal(await embed.page.evaluate(() => document.documentElement.dataset.autosave), undefined);
  assert.equal(await embed.page.evaluate(() => localStorage.getItem('csp-explorer/diagram')), saved);
  embed.assertClean();
  assertClean();
});

test('where the browser refuses storage, an embed shows and judges its diagram all the same', async () => {
  const blocked = await launchBrowser({ blockStorage: true });
  try {
    for (const mode of ['view', 'edit', 'walkthrough', 'quiz']) {
      const { page, assertClean } = await openPage(blocked, appUrl(`/index.html?embed=${mode}#preset=7`), { waitFor: '[data-edge-id][data-verdict]' });
      const refused = await page.evaluate(() => {
        try {
          return String(localStorage.length);
        } catch (e) {
          return e.name;
        }
      });
      assert.equal(refused, 'SecurityError', 'the browser really refuses storage');
      assert.deepEqual(await pageVerdicts(page), reportVerdicts(cliReport(presetFile(7))), mode);
      assert.equal(await page.locator('[data-notice]').count(), 0, `${mode}: no notice`);
      assertClean();
      await page.close();
    }
  } finally {
    await blocked.close();
  }
});
