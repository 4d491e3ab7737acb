// Keyboard and screen readers: the two-tier chain built with the keyboard alone, arrow nudges
// that undo as one step, the shortcut sheet, the table view, the live region that says which
// verdicts changed, and axe-core on the new views.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser,
  openPage,
  appUrl,
  axeViolations,
  cli,
  cliReport,
  pageNodes,
  pageVerdicts,
  pickMenu,
  presetFile,
  reportVerdicts,
  savedDiagram,
  scenarioFile,
  waitVerdict,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Presses Tab until node `id` has the focus (the keyboard user's way to reach it). */
async function tabToNode(page, id) {
  for (let i = 0; i < 80; i++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-node-id'))) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached node ${id}`);
}

/** With node `from` focused: select it, press C, pick `to` in the list with the arrows, choose the kind. */
async function connectByKeys(page, from, to, kind = 'sells_to') {
  await tabToNode(page, from);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`[data-node-id="${from}"].selected`);
  await page.keyboard.press('c');
  await page.waitForSelector(`.connect-dialog[data-connect-from="${from}"] select:focus`);
  for (let i = 0; i < 10 && (await page.inputValue('.connect-dialog select')) !== to; i++) {
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(await page.inputValue('.connect-dialog select'), to);
  // Enter takes the target and moves on to the kinds ("sells to" first).
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-edge-kind')), 'sells_to');
  while (!(await page.evaluate((k) => document.activeElement?.getAttribute('data-edge-kind') === k, kind))) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('.connect-dialog'));
}

test('the two-tier chain with the keyboard alone: add, connect, move, undo, delete', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en'));
  for (const key of ['1', '2', '3', '5']) await page.keyboard.press(key);
  // yew draws the last add on a later task than the key press returns.
  await page.waitForSelector('[data-node-id="customer-1"]');
  assert.deepEqual(await pageNodes(page), ['ms', 'provider-1', 'reseller-1', 'customer-1']);

  await connectByKeys(page, 'ms', 'provider-1');
  await connectByKeys(page, 'provider-1', 'reseller-1');
  await connectByKeys(page, 'reseller-1', 'customer-1');
  for (const e of ['e1', 'e2', 'e3']) await waitVerdict(page, e, 'allowed');
  // The same verdicts as the CLI gives for the diagram the page saved.
  const saved = await savedDiagram(page);
  assert.deepEqual(await pageVerdicts(page), reportVerdicts(cliReport(scenarioFile(saved.scenario))));

  // Arrow keys move the selected node; a burst of nudges is one undo step.
  await tabToNode(page, 'customer-1');
  await page.keyboard.press('Enter');
  const start = await page.getAttribute('[data-node-id="customer-1"]', 'transform');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  const [x0, y0] = start.match(/-?[\d.]+/g).map(Number);
  const [x1, y1] = (await page.getAttribute('[data-node-id="customer-1"]', 'transform')).match(/-?[\d.]+/g).map(Number);
  assert.deepEqual([x1 - x0, y1 - y0], [30, 50]);
  await page.keyboard.press('Control+z');
  assert.equal(await page.getAttribute('[data-node-id="customer-1"]', 'transform'), start);

  // I goes to the inspector; Delete (back on the canvas) removes; Ctrl+Z brings it back.
  await page.keyboard.press('i');
  assert.equal(await page.evaluate(() => !!document.activeElement?.closest('[data-inspector="customer-1"]')), true);
  await tabToNode(page, 'customer-1');
  await page.keyboard.press('Delete');
  await page.waitForFunction(() => !document.querySelector('[data-node-id="customer-1"]'));
  await page.keyboard.press('Control+z');
  await page.waitForSelector('[data-node-id="customer-1"]');
  await waitVerdict(page, 'e3', 'allowed');
  assertClean();
  await page.close();
});

test('shortcut sheet, language and presets from the keyboard; axe finds nothing in the new views', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en'));
  // C with nothing selected says what to do instead.
  await page.keyboard.press('c');
  await page.waitForFunction(() => /Select a node first/.test(document.querySelector('[data-live="verdicts"]').textContent));
  assert.equal(await page.locator('.connect-dialog').count(), 0);
  await page.keyboard.press('?');
  await page.waitForSelector('.shortcut-sheet[role="dialog"]');
  assert.match(await page.textContent('.shortcut-sheet'), /Ctrl\+Z/);
  assert.deepEqual(await axeViolations(page), [], 'shortcut sheet');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.shortcut-sheet'));

  await page.keyboard.press('l');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-TW');
  await page.keyboard.press('?');
  assert.match(await page.textContent('.shortcut-sheet h2'), /鍵盤快速鍵/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('l');
  await page.waitForFunction(() => document.documentElement.lang === 'en');

  await page.keyboard.press('p');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('menu-button')), true);
  // Enter opens the menu on its first item (scenario 1), Enter again opens that.
  await page.keyboard.press('Enter');
  await page.waitForSelector('.menu-panel');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.item), '1');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-edge-id][data-verdict]');
  assert.deepEqual(await pageVerdicts(page), reportVerdicts(cliReport(presetFile(1))));

  // The connect dialog and the file tools, scanned too.
  await page.focus('[data-node-id="litware"]');
  await page.keyboard.press('Enter');
  await page.keyboard.press('c');
  await page.waitForSelector('.connect-dialog');
  assert.deepEqual(await axeViolations(page), [], 'connect dialog');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.connect-dialog'));
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-node-id')), 'litware');
  assertClean();
  await page.close();
});

test('the table view lists every relationship with the CLI\'s verdicts and rules, and passes axe', async () => {
  for (const [lang, scheme] of [
    ['en', 'light'],
    ['zh-TW', 'dark'],
  ]) {
    const { page, assertClean } = await openPage(browser, appUrl(`/?lang=${lang}#preset=6`), {
      waitFor: '[data-edge-id][data-verdict]',
    });
    await page.emulateMedia({ colorScheme: scheme });
    await page.keyboard.press('t');
    await page.waitForSelector('table.diagram-table');
    const report = cliReport(presetFile(6), lang);
    const rows = await page.$$eval('tr[data-table-edge]', (trs) =>
      trs.map((tr) => [tr.getAttribute('data-table-edge'), tr.getAttribute('data-verdict'), tr.cells[5].textContent]),
    );
    assert.deepEqual(
      rows,
      report.edges.map((e) => [e.id, e.verdict, e.findings.length ? e.findings.map((f) => f.rule).join(', ') : '—']),
    );
    assert.deepEqual(await axeViolations(page), [], `table (${lang}, ${scheme})`);
    // Back to the diagram, by the switch's button.
    await pickMenu(page, 'view', 'diagram');
    await page.waitForSelector('[data-edge-id][data-verdict]');
    assertClean();
    await page.close();
  }
});

test('verdict changes are announced through a live region', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=1'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  assert.equal(await page.getAttribute('[data-live="verdicts"]', 'aria-live'), 'polite');
  await page.locator('[data-node-id="litware"] .glyph').click();
  await page.uncheck('#flag-mpa_signed');
  await page.waitForFunction(() => /Now blocked/.test(document.querySelector('[data-live="verdicts"]').textContent));
  assert.match(await page.textContent('[data-live="verdicts"]'), /Litware/);
  await page.locator('svg.canvas').focus();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => /Now allowed/.test(document.querySelector('[data-live="verdicts"]').textContent));
  assertClean();
  await page.close();
});

/** A diagram of 1 + 3 + 30 + `customers` nodes, each customer bought from one reseller. */
function manyNodes(customers) {
  const nodes = [{ id: 'ms', kind: 'microsoft', name: 'Microsoft', x: 0, y: 0 }];
  const edges = [];
  for (let p = 0; p < 3; p++) {
    nodes.push({ id: `p${p}`, kind: 'indirect_provider', name: `Provider ${p}`, region: 'europe', x: p * 200, y: 150 });
    edges.push({ id: `mp${p}`, from: 'ms', to: `p${p}`, kind: 'sells_to' });
  }
  for (let r = 0; r < 30; r++) {
    nodes.push({ id: `r${r}`, kind: 'indirect_reseller', name: `Reseller ${r}`, region: 'europe', x: r * 150, y: 300 });
    edges.push({ id: `pr${r}`, from: `p${r % 3}`, to: `r${r}`, kind: 'sells_to' });
  }
  for (let c = 0; c < customers; c++) {
    nodes.push({ id: `c${c}`, kind: 'customer', name: `Customer ${c}`, region: 'europe', x: (c % 30) * 150, y: 450 + Math.floor(c / 30) * 120 });
  }
  return { version: 1, title: 'Many nodes', nodes, edges };
}

test('in a diagram of hundreds of nodes the list of other ends is filtered, not hundreds of options', async () => {
  const scenario = manyNodes(266);
  scenario.nodes.find((n) => n.id === 'c120').name = 'Öresund Ärende';
  const fragment = cli('share', scenarioFile(scenario)).trim();
  const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en${fragment}`));
  await page.waitForSelector('[data-node-id="r7"]');
  await page.evaluate(() => document.querySelector('[data-node-id="r7"]').focus());
  await page.keyboard.press('Enter');
  const inspector = '[data-inspector="r7"]';
  await page.waitForSelector(inspector);
  const target = `${inspector} select[name="new-edge-target"]`;
  assert.equal(await page.locator(`${target} option`).count(), 50);
  assert.match(await page.textContent(`${inspector} .target-count`), /Showing 50 of 299 /);
  // Nothing matches: the list is empty and says so, and Add adds nothing.
  await page.fill(`${inspector} .target-filter`, 'nobody');
  assert.equal(await page.locator(`${target} option`).count(), 0);
  assert.equal((await page.textContent(`${inspector} .target-count`)).trim(), 'No node matches.');
  assert.equal(await page.isDisabled(`${inspector} .add-relation button`), true);
  // Case is ignored beyond ASCII too (the browser's own lower case).
  await page.fill(`${inspector} .target-filter`, 'ÖRESUND ärende');
  await page.waitForFunction((sel) => document.querySelectorAll(`${sel} option`).length === 1, target);
  assert.equal(await page.inputValue(target), 'c120');
  // A customer far down the list: found by the filter, added with Add.
  await page.fill(`${inspector} .target-filter`, 'customer 250');
  await page.waitForFunction((sel) => document.querySelectorAll(`${sel} option`).length === 1, target);
  assert.equal(await page.inputValue(target), 'c250');
  await page.click(`${inspector} .add-relation button`);
  const added = await page.waitForFunction(() => {
    const ids = [...document.querySelectorAll('[data-edge-id]')].map((e) => e.getAttribute('data-edge-id'));
    return ids.find((id) => !/^(mp|pr)\d+$/.test(id));
  });
  const id = await added.jsonValue();
  const edge = (await savedDiagram(page)).scenario.edges.find((e) => e.id === id);
  assert.deepEqual([edge.from, edge.to, edge.kind], ['r7', 'c250', 'sells_to']);
  await page.close();
  assertClean();
});

test('the connect dialog of a large diagram opens on its filter, and the keyboard picks a far node', async () => {
  const fragment = cli('share', scenarioFile(manyNodes(266))).trim();
  const { page, assertClean } = await openPage(browser, appUrl(`/?lang=zh-TW${fragment}`));
  await page.waitForSelector('[data-node-id="r3"]');
  await page.evaluate(() => document.querySelector('[data-node-id="r3"]').focus());
  await page.keyboard.press('Enter');
  await page.keyboard.press('c');
  await page.waitForSelector('.connect-dialog[data-connect-from="r3"] .target-filter:focus');
  assert.equal(await page.locator('.connect-dialog select option').count(), 50);
  assert.equal(await page.getAttribute('.connect-dialog .target-filter', 'placeholder'), '依名稱或 ID 篩選 299 個節點');
  await page.keyboard.type('c26');
  // c26 and c260–c265.
  await page.waitForFunction(() => document.querySelectorAll('.connect-dialog select option').length === 7);
  assert.match(await page.textContent('.connect-dialog .target-count'), /在 7 個符合的節點中，顯示 7 個/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue('.connect-dialog select'), 'c260');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('.connect-dialog'));
  const { edges } = (await savedDiagram(page)).scenario;
  assert.ok(edges.some((e) => e.from === 'r3' && e.to === 'c260' && e.kind === 'sells_to'), JSON.stringify(edges.slice(-2)));
  await page.close();
  assertClean();
});

test('a modal dialog keeps the focus: Tab goes round inside it, Shift+Tab from its first control to its last; closed, the focus goes back', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6'), { waitFor: '[data-edge-id][data-verdict]' });
  const inside = (sel) => page.evaluate((sel) => document.querySelector(sel)?.contains(document.activeElement) ?? false, sel);
  for (const [menu, item, sel] of [
    ['help', 'about', '.help-dialog'],
    ['file', 'recent', '.recent-dialog'],
    ['file', 'embed', '.embed-dialog'],
  ]) {
    await pickMenu(page, menu, item);
    await page.waitForSelector(sel);
    await page.waitForFunction((sel) => document.querySelector(sel).contains(document.activeElement), sel);
    const first = await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80));
    // Round the dialog (a preview frame's own controls included): every press lands inside
    // it, until it comes back to its first control.
    let again = 0;
    for (let i = 0; i < 150 && again === 0; i++) {
      await page.keyboard.press('Tab');
      await page
        .waitForFunction((sel) => document.querySelector(sel).contains(document.activeElement), sel, { timeout: 2000 })
        .catch(() => assert.fail(`${sel}: Tab ${i + 1} left the dialog`));
      if ((await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80))) === first) again++;
    }
    assert.ok(again >= 1, `${sel}: Tab came round to its first control`);
    // From the first control back: the last.
    await page.evaluate((sel) => document.querySelector(sel).querySelector('button, select').focus(), sel);
    await page.keyboard.press('Shift+Tab');
    await page.waitForFunction((sel) => document.querySelector(sel).contains(document.activeElement), sel, { timeout: 2000 });
    const [last, wanted] = await page.evaluate((sel) => {
      const all = [...document.querySelector(sel).querySelectorAll('a[href], button, input, select, textarea, iframe')]
        .filter((el) => !el.disabled && el.getClientRects().length > 0);
      return [document.activeElement === all[all.length - 1], all[all.length - 1].outerHTML.slice(0, 80)];
    }, sel);
    assert.ok(last, `${sel}: Shift+Tab from the first goes to the last, ${wanted}`);
    // Escape closes it, and the focus goes back to the menu and stays there.
    await page.evaluate((sel) => document.querySelector(sel).querySelector('button, select').focus(), sel);
    await page.keyboard.press('Escape');
    await page.waitForSelector(sel, { state: 'detached' });
    await page.waitForTimeout(50);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.menu), menu, `${sel}: the focus went back`);
    assert.equal(await inside('body'), true);
  }
  assertClean();
  await page.close();
});
