// Names in the reader's language: a preset's nodes and title show in the page's language on
// the canvas, in the panels and in the tab; a rename changes only what the reader's language
// shows; the heading is the product's name in that language; the inspector's region help
// says what a region is and links the guide's regions page as plain navigation; the glossary
// states the tool's Chinese conventions and links the guide.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, appUrl, clickNode, cliReport, pickMenu, savedDiagram, scenarioFile } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const label = (page, id) => page.textContent(`[data-node-id="${id}"] tspan.label`);
const switchTo = async (page, lang) => {
  await page.click(`.lang-switch button[data-lang="${lang}"]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
};

test('a preset shows its names and title in the page\'s language, and switches with it', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=zh-TW#preset=6'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  assert.equal(await page.textContent('h1'), 'CSP 情境探索工具');
  assert.equal((await label(page, 'tailspin')).trim(), 'Tailspin 玩具');
  assert.equal((await label(page, 'contoso')).trim(), 'Contoso 經銷');
  assert.match(await page.title(), /^間接轉銷商以終端客戶的身分向自己的間接提供者購買 – CSP 情境探索工具$/);
  // No node keeps its English name.
  assert.equal(await page.locator('[data-node-id] tspan.label', { hasText: 'Toys' }).count(), 0);

  await switchTo(page, 'en');
  assert.equal(await page.textContent('h1'), 'CSP Scenario Explorer');
  assert.equal((await label(page, 'tailspin')).trim(), 'Tailspin Toys');
  assert.match(await page.title(), /^An indirect reseller buying as an end customer from its own provider – CSP Scenario Explorer$/);
  assertClean();
  await page.close();
});

test('a rename changes the name in the reader\'s language only', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=zh-TW#preset=6'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  await clickNode(page, 'tailspin');
  const field = page.locator('[data-inspector="tailspin"] input[name="name"]');
  assert.equal(await field.inputValue(), 'Tailspin 玩具');
  // The other language's name is said beside the field.
  assert.equal(await page.textContent('[data-name-elsewhere="en"]'), '英文：「Tailspin Toys」');
  await field.fill('Tailspin 公司');
  assert.equal((await label(page, 'tailspin')).trim(), 'Tailspin 公司');
  const saved = (await savedDiagram(page)).scenario;
  const node = saved.nodes.find((n) => n.id === 'tailspin');
  assert.deepEqual([node.name, node.names], ['Tailspin Toys', { 'zh-TW': 'Tailspin 公司' }]);
  // The engine reads the saved diagram, and names the node in each language as the page does.
  const report = cliReport(scenarioFile(saved), 'zh-TW');
  assert.ok(report.edges.length > 0);

  await switchTo(page, 'en');
  assert.equal((await label(page, 'tailspin')).trim(), 'Tailspin Toys');
  await clickNode(page, 'tailspin');
  const en = page.locator('[data-inspector="tailspin"] input[name="name"]');
  assert.equal(await en.inputValue(), 'Tailspin Toys');
  assert.equal(await page.textContent('[data-name-elsewhere="zh-TW"]'), 'In Chinese: “Tailspin 公司”');
  // Emptied, the English name goes and the node shows its ID; the Chinese one stays.
  await en.fill('');
  assert.equal((await label(page, 'tailspin')).trim(), 'tailspin');
  await switchTo(page, 'zh-TW');
  assert.equal((await label(page, 'tailspin')).trim(), 'Tailspin 公司');
  assertClean();
  await page.close();
});

test('the region field says what a CSP region is and links the guide\'s regions page', async () => {
  for (const [lang, prefix, says] of [
    ['en', 'https://learn.microsoft.com/en-us/', /market of one or more countries/],
    ['zh-TW', 'https://learn.microsoft.com/zh-tw/', /一個或多個國家／地區組成的市場/],
  ]) {
    const { page, assertClean } = await openPage(browser, appUrl(`/?lang=${lang}#preset=7`), {
      waitFor: '[data-edge-id][data-verdict]',
    });
    await clickNode(page, 'litware');
    const help = page.locator('[data-inspector="litware"] #region-hint');
    assert.match(await help.textContent(), says);
    assert.equal(
      await page.getAttribute('[data-inspector="litware"] select[name="region"]', 'aria-describedby'),
      'region-hint',
    );
    const link = help.locator('a');
    assert.ok((await link.getAttribute('href')).startsWith(prefix), lang);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    // Nothing was fetched from Learn: assertClean fails on any request off the test host.
    assertClean();
    await page.close();
  }
});

test('the glossary states the tool\'s Chinese conventions and links the guide in the reader\'s language', async () => {
  for (const [lang, prefix, says] of [
    ['en', 'https://learn.microsoft.com/en-us/', /您 \(not 你\).*full-width punctuation.*one space between Chinese and Latin/],
    ['zh-TW', 'https://learn.microsoft.com/zh-tw/', /使用「您」而非「你」.*全形標點符號.*加一個空格/],
  ]) {
    const { page, assertClean } = await openPage(browser, appUrl(`/?lang=${lang}#preset=6`), {
      waitFor: '[data-edge-id][data-verdict]',
    });
    await pickMenu(page, 'help', 'glossary');
    const dialog = page.locator('[data-dialog="glossary"]');
    await dialog.waitFor();
    assert.match(await dialog.locator('[data-glossary-conventions]').textContent(), says);
    const link = dialog.locator('a.guide-link');
    assert.equal(await link.getAttribute('href'), `${prefix}partner-center/csp-supported-partner-relationships`);
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.match(await link.textContent(), /2020-05-12/);
    assertClean();
    await page.close();
  }
});
