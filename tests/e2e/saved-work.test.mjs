// Never lost work: a link opened saves nothing until it is edited, a diagram another one
// replaced stays one click away under Recent, two tabs never overwrite each other silently, and
// with storage full unreadable saved text is never overwritten before the user has it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchBrowser, openPage, appUrl, axeViolations, addFromPalette, pageNodes, pickMenu, savedDiagram } from './helpers.mjs';

const KEY = 'csp-explorer/diagram';
const KEPT = 'csp-explorer/diagram-unreadable';
const RECENT = 'csp-explorer/recent';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const stored = (page, key = KEY) => page.evaluate((k) => localStorage.getItem(k), key);
const recentList = async (page) => JSON.parse((await stored(page, RECENT)) ?? '{"entries":[]}').entries;
const recentText = (page, entry) => stored(page, entry.key);
const nodesOf = (text) => JSON.parse(text).scenario.nodes.map((n) => n.id);

/** Waits until the canvas shows exactly these node IDs. */
async function waitNodes(page, ids) {
  await page.waitForFunction(
    (want) => JSON.stringify([...document.querySelectorAll('[data-node-id]')].map((e) => e.getAttribute('data-node-id'))) === want,
    JSON.stringify(ids),
    { timeout: 5000 },
  );
}

/** A page with a diagram of the user's own (Microsoft and a customer), saved. */
async function pageWithDiagram(url = appUrl('/?lang=en')) {
  const opened = await openPage(browser, url);
  await addFromPalette(opened.page, 'microsoft');
  await addFromPalette(opened.page, 'customer');
  assert.deepEqual((await savedDiagram(opened.page)).scenario.nodes.map((n) => n.id), ['ms', 'customer-1']);
  return opened;
}

test('a link opened in another tab saves nothing until it is edited; then the replaced diagram is under Recent', async () => {
  const mine = await pageWithDiagram();
  const before = await stored(mine.page);
  await mine.page.close();

  const link = await openPage(browser, appUrl('/?lang=en#preset=3'), { waitFor: '[data-edge-id][data-verdict]', keepStorage: true });
  // Well past the autosave's delay, and closing the tab: still the user's diagram.
  await link.page.waitForTimeout(1200);
  assert.equal(await stored(link.page), before, 'an unedited link is not saved');
  await link.page.close();
  const again = await openPage(browser, appUrl('/?lang=en#preset=3'), { waitFor: '[data-edge-id][data-verdict]', keepStorage: true });
  const { page } = again;
  assert.equal(await stored(page), before, 'closing the tab saved nothing either');

  // The visitor edits the link's diagram: it is saved, and the one it replaced is kept.
  await addFromPalette(page, 'customer');
  const saved = await savedDiagram(page);
  assert.deepEqual(saved.scenario.nodes.map((n) => n.id), await pageNodes(page));
  const entries = await recentList(page);
  assert.equal(entries.length, 1);
  assert.equal(await recentText(page, entries[0]), before, 'kept exactly as it was saved');

  // One click away: Recent lists it, opening it is one undoable step.
  await pickMenu(page, 'file', 'recent');
  await page.waitForSelector('.recent-dialog [data-recent="kept"]');
  assert.match(await page.textContent('.recent-dialog [data-recent="kept"]'), /Untitled diagram.*2 nodes, 0 relationships/);
  assert.deepEqual(await axeViolations(page), [], 'Recent dialog');
  await page.click('.recent-dialog [data-recent="kept"] button');
  await waitNodes(page, ['ms', 'customer-1']);
  assert.equal(await page.locator('.recent-dialog').count(), 0);
  await page.click('button[data-action="undo"]');
  await waitNodes(page, saved.scenario.nodes.map((n) => n.id));
  again.assertClean();
  link.assertClean();
  mine.assertClean();
  await page.close();
});

test('Recent in Chinese, and empty at first', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=zh-TW'));
  await page.click('button[data-menu="file"]');
  assert.equal((await page.textContent('[data-menu-wrap="file"] [data-item="recent"]')).trim(), '最近的圖表…');
  await page.click('[data-menu-wrap="file"] [data-item="recent"]');
  await page.waitForSelector('.recent-dialog [data-recent-empty]');
  assert.match(await page.textContent('.recent-dialog'), /最近的圖表.*目前沒有圖表/);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.recent-dialog').count(), 0);
  // The focus goes back to the menu it came from.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.menu), 'file');
  assertClean();
  await page.close();
});

test('two tabs: another tab\'s save is reported, and either diagram can be kept without losing the other', async () => {
  const a = await pageWithDiagram();
  const b = await openPage(browser, appUrl('/?lang=en'), { waitFor: '[data-node-id="customer-1"]', keepStorage: true });
  // B, which restored the same diagram, edits it and saves over it.
  await addFromPalette(b.page, 'indirect_provider');
  const theirs = await savedDiagram(b.page);
  assert.deepEqual(theirs.scenario.nodes.map((n) => n.id), ['ms', 'customer-1', 'provider-1']);

  // A says so, and keeps its own diagram on screen until the user chooses.
  await a.page.waitForSelector('[data-notice="other-tab"][data-same="true"]');
  assert.match(await a.page.textContent('[data-notice="other-tab"]'), /changed in another tab/);
  assert.deepEqual(await pageNodes(a.page), ['ms', 'customer-1']);
  assert.deepEqual(await axeViolations(a.page), [], 'other-tab notice');

  // A keeps its own: saved, and B's goes to Recent as it is overwritten.
  await a.page.click('[data-notice="other-tab"] [data-other-tab="keep"]');
  await a.page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).scenario.nodes.length === 2, KEY);
  assert.equal(await a.page.locator('[data-notice="other-tab"]').count(), 0);
  let entries = await recentList(a.page);
  assert.deepEqual(nodesOf(await recentText(a.page, entries[0])), ['ms', 'customer-1', 'provider-1']);

  // B hears of that, and loads A's: B's own is kept in Recent first.
  await b.page.waitForSelector('[data-notice="other-tab"]');
  assert.deepEqual(await pageNodes(b.page), ['ms', 'customer-1', 'provider-1']);
  await b.page.click('[data-notice="other-tab"] [data-other-tab="load"]');
  await waitNodes(b.page, ['ms', 'customer-1']);
  entries = await recentList(b.page);
  assert.ok(entries.length >= 1);
  assert.deepEqual(nodesOf(await recentText(b.page, entries[0])), ['ms', 'customer-1', 'provider-1']);
  // Loading the other tab's is undoable, and neither tab is told of the other again.
  await b.page.waitForTimeout(800);
  assert.equal(await a.page.locator('[data-notice="other-tab"]').count(), 0);
  assert.equal(await b.page.locator('[data-notice="other-tab"]').count(), 0);
  await b.page.click('button[data-action="undo"]');
  await waitNodes(b.page, ['ms', 'customer-1', 'provider-1']);

  // A tab showing a link nobody edited has nothing at stake: it is not asked.
  const link = await openPage(browser, appUrl('/?lang=en#preset=2'), { waitFor: '[data-edge-id]', keepStorage: true });
  await addFromPalette(a.page, 'indirect_reseller');
  await savedDiagram(a.page);
  await link.page.waitForTimeout(600);
  assert.equal(await link.page.locator('[data-notice="other-tab"]').count(), 0);
  for (const t of [a, b, link]) {
    t.assertClean();
    await t.page.close();
  }
});

test('storage full: unreadable saved text that could not be kept aside is never overwritten before the user has it', async () => {
  const raw = `{"schema":99,"scenario":"${'a newer version\'s diagram '.repeat(200)}"}`;
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en'));
  // The saved text, then filler until not one more character fits.
  const fits = await page.evaluate(([k, v]) => {
    localStorage.clear();
    localStorage.setItem(k, v);
    let lo = 0;
    let hi = 12 << 20;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      try {
        localStorage.setItem('filler', 'x'.repeat(mid));
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    localStorage.setItem('filler', 'x'.repeat(lo));
    try {
      localStorage.setItem('one-more', 'xx');
      return true;
    } catch {
      return false;
    }
  }, [KEY, raw]);
  assert.equal(fits, false, 'storage is full');
  await page.reload();
  await page.waitForSelector('[data-notice="storage"][data-kept="no"]');
  assert.match(await page.textContent('[data-notice="storage"]'), /could not be kept aside \(storage is full\)/);
  assert.equal(await stored(page, KEPT), null);

  // Edits wait: the only copy is not overwritten.
  await addFromPalette(page, 'microsoft');
  await page.waitForTimeout(800);
  assert.equal(await stored(page), raw);
  assert.equal(await page.locator('[data-notice="storage"]').count(), 1, 'it stays until the user acts');

  // Downloaded: now it may go, and the diagram is saved.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-notice="storage"] [data-download="kept"]')]);
  assert.equal(readFileSync(await download.path(), 'utf8'), raw);
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes('"ms"'), KEY);
  assert.deepEqual((await savedDiagram(page)).scenario.nodes.map((n) => n.id), ['ms']);
  assert.equal(await page.locator('[data-notice="storage"]').count(), 0);
  await page.evaluate(() => localStorage.clear());
  assertClean();
  await page.close();
});

test('storage full in Chinese: the notice says the text was not kept', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=zh-TW'));
  await page.evaluate((k) => {
    localStorage.setItem(k, '{"schema":99}');
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  }, KEY);
  // The same page, started again with storage refusing every write.
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await page.reload();
  await page.waitForSelector('[data-notice="storage"][data-kept="no"]');
  assert.match(await page.textContent('[data-notice="storage"]'), /無法另外保存其內容（儲存空間已滿）/);
  await page.click('[data-notice="storage"] [data-dismiss="storage"]');
  assert.equal(await page.locator('[data-notice="storage"]').count(), 0, 'discarded');
  assertClean();
  await page.close();
});
