// Accessibility: axe-core finds no violation (contrast, names, landmarks, ARIA) in the page's
// main states, in both languages and both colour schemes; the canvas works from the keyboard.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, appUrl, root } from './helpers.mjs';

const AXE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** axe's violations on the page as it is, as "rule (impact): target" lines. */
async function violations(page) {
  // Evaluated through the driver: the page's Content-Security-Policy forbids injected scripts.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
  });
}

for (const [lang, scheme] of [
  ['en', 'light'],
  ['zh-TW', 'dark'],
]) {
  test(`no axe violations (${lang}, ${scheme}): diagram, edge panel, inspector, presets menu`, async () => {
    const { page, assertClean } = await openPage(browser, appUrl(`/?lang=${lang}#preset=6`), {
      waitFor: '[data-edge-id][data-verdict]',
    });
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await violations(page), [], 'diagram');
    await page.locator('[data-edge-id="e4"] .verdict-badge').click();
    await page.waitForSelector('[data-edge-panel="e4"]');
    assert.deepEqual(await violations(page), [], 'edge panel');
    await page.locator('[data-node-id="tailspin"] .glyph').click();
    await page.waitForSelector('[data-inspector="tailspin"]');
    assert.deepEqual(await violations(page), [], 'inspector');
    await page.click('button[data-menu="presets"]');
    await page.waitForSelector('.menu-panel');
    assert.deepEqual(await violations(page), [], 'presets menu');
    assertClean();
    await page.close();
  });
}

test('the canvas works from the keyboard: Tab to a node, Enter selects, arrows move, Delete removes', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=1'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  await page.focus('[data-node-id="litware"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-inspector="litware"]');
  const before = await page.getAttribute('[data-node-id="litware"]', 'transform');
  await page.focus('[data-node-id="litware"]');
  await page.keyboard.press('ArrowRight');
  assert.notEqual(await page.getAttribute('[data-node-id="litware"]', 'transform'), before);
  await page.focus('[data-edge-id="e4"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-edge-panel="e4"]');
  await page.keyboard.press('Delete');
  await page.waitForFunction(() => !document.querySelector('[data-edge-id="e4"]'));
  // The remaining reseller edge loses its supply: the engine blocks it.
  await page.waitForSelector('[data-edge-id="e5"][data-verdict="blocked"]');
  assertClean();
  await page.close();
});
