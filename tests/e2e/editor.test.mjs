// The editor as a user works it: add parties from the palette, connect them by dragging from a
// handle, edit them in the inspector, see every verdict follow, apply the engine's fixes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser,
  openPage,
  appUrl,
  addFromPalette,
  clickEdge,
  clickNode,
  connect,
  dragNode,
  pageNodes,
  pageVerdicts,
  pickMenu,
  waitVerdict,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Builds Microsoft → provider → reseller → customer by hand. */
async function buildChain(page) {
  for (const kind of ['microsoft', 'indirect_provider', 'indirect_reseller', 'customer']) {
    await addFromPalette(page, kind);
  }
  assert.deepEqual(await pageNodes(page), ['ms', 'provider-1', 'reseller-1', 'customer-1']);
  await connect(page, 'ms', 'provider-1');
  await waitVerdict(page, 'e1', 'allowed');
  await connect(page, 'provider-1', 'reseller-1');
  await waitVerdict(page, 'e2', 'allowed');
  await connect(page, 'reseller-1', 'customer-1');
  await waitVerdict(page, 'e3', 'allowed');
}

test('the palette adds each kind with its own shape, and a drag from a handle connects two nodes', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en'));
  assert.match(await page.textContent('.empty-hint'), /empty/);
  for (const kind of ['microsoft', 'indirect_provider', 'indirect_reseller', 'direct_bill_partner', 'customer']) {
    await addFromPalette(page, kind);
  }
  const shapes = await page.$$eval('[data-node-id] .glyph .shape', (els) => els.map((e) => e.tagName));
  assert.deepEqual(shapes, ['rect', 'polygon', 'polygon', 'rect', 'circle']);
  assert.equal(await page.locator('.empty-hint').count(), 0);

  await connect(page, 'ms', 'dbp-1');
  await waitVerdict(page, 'e1', 'allowed');
  // A manages edge from Microsoft is blocked, and says so by line style and icon too.
  await connect(page, 'ms', 'customer-1', 'manages');
  await waitVerdict(page, 'e2', 'blocked');
  assert.equal(await page.getAttribute('[data-edge-id="e2"]', 'class'), 'edge blocked manages selected');
  assert.equal(await page.locator('[data-edge-panel="e2"] [data-rule="MANAGES.PARTNER_TO_CUSTOMER"]').count(), 1);
  assertClean();
  await page.close();
});

test('the two-tier chain built by hand is allowed; an unsigned MPA blocks it; the one-click fix unblocks it', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en'));
  await buildChain(page);
  assert.deepEqual(await pageVerdicts(page), { e1: 'allowed', e2: 'allowed', e3: 'allowed' });
  assert.equal(await page.getAttribute('.legend .counts', 'data-allowed'), '3');

  await clickNode(page, 'reseller-1');
  await page.waitForSelector('[data-inspector="reseller-1"]');
  await page.uncheck('#flag-mpa_signed');
  await waitVerdict(page, 'e2', 'blocked');
  await waitVerdict(page, 'e3', 'blocked');
  assert.equal(await page.getAttribute('[data-edge-id="e1"]', 'data-verdict'), 'allowed');
  // The findings list names the rule on both edges.
  for (const e of ['e2', 'e3']) {
    assert.equal(await page.locator(`[data-finding-edge="${e}"] [data-rule="MPA.REQUIRED"]`).count(), 1, e);
  }

  await clickEdge(page, 'e2');
  await page.waitForSelector('[data-edge-panel="e2"]');
  assert.equal(await page.locator('[data-edge-panel="e2"] .finding[data-rule="MPA.REQUIRED"] .rule-id').textContent(), 'MPA.REQUIRED');
  const fix = page.locator('[data-edge-panel="e2"] button.fix', { hasText: 'Sign the MPA for “Indirect reseller 1”' });
  await fix.click();
  await waitVerdict(page, 'e2', 'allowed');
  await waitVerdict(page, 'e3', 'allowed');
  assertClean();
  await page.close();
});

test('the inspector edits region and the date; a bad ID shows the one-line error and keeps the diagram', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en'));
  await buildChain(page);

  // Another region for the customer: the reseller may not sell to it.
  await clickNode(page, 'customer-1');
  await page.selectOption('[data-inspector="customer-1"] select[name="region"]', 'japan');
  await waitVerdict(page, 'e3', 'blocked');
  await clickEdge(page, 'e3');
  await page.locator('[data-edge-panel="e3"] button.fix', { hasText: 'Move “Customer 1” to Europe' }).click();
  await waitVerdict(page, 'e3', 'allowed');

  // Before 2020-02-01 the MPA was not required.
  await clickNode(page, 'reseller-1');
  await page.uncheck('#flag-mpa_signed');
  await waitVerdict(page, 'e2', 'blocked');
  await page.keyboard.press('Escape');
  await page.fill('input[name="as_of"]', '2020-01-15');
  await page.dispatchEvent('input[name="as_of"]', 'change');
  await waitVerdict(page, 'e2', 'allowed');

  // An invalid ID: the engine's error line, nothing lost; fixing it brings the verdicts back.
  await clickNode(page, 'provider-1');
  await page.fill('[data-inspector="provider-1"] input[name="id"]', 'bad id');
  await page.press('[data-inspector="provider-1"] input[name="id"]', 'Enter');
  await page.waitForSelector('[data-notice="invalid"]');
  assert.match(await page.textContent('[data-notice="invalid"] .error-line'), /^error: nodes\[1\]\.id: "bad id" is not a valid ID/);
  assert.deepEqual(await pageNodes(page), ['ms', 'bad id', 'reseller-1', 'customer-1']);
  assert.equal(await page.locator('[data-edge-id][data-verdict]').count(), 0);
  await page.fill('[data-inspector="bad id"] input[name="id"]', 'contoso');
  await page.press('[data-inspector="bad id"] input[name="id"]', 'Enter');
  await waitVerdict(page, 'e1', 'allowed');
  assert.equal(await page.locator('[data-notice="invalid"]').count(), 0);
  assert.deepEqual(await pageNodes(page), ['ms', 'contoso', 'reseller-1', 'customer-1']);

  // A used ID is refused, with the engine's words.
  await page.fill('[data-inspector="contoso"] input[name="id"]', 'ms');
  await page.press('[data-inspector="contoso"] input[name="id"]', 'Enter');
  assert.match(await page.textContent('[data-inspector="contoso"] .field-error'), /already used/);
  assertClean();
  await page.close();
});

test('Delete removes a node with its edges; shift-click and marquee select several', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=1'));
  await page.waitForSelector('[data-edge-id="e5"][data-verdict]');
  await clickNode(page, 'litware');
  await page.keyboard.press('Delete');
  await page.waitForFunction(() => !document.querySelector('[data-node-id="litware"]'));
  assert.deepEqual(Object.keys(await pageVerdicts(page)), ['e1', 'e2', 'e3']);

  await clickEdge(page, 'e1');
  await page.locator('[data-edge-id="e2"] .verdict-badge').click({ modifiers: ['Shift'] });
  assert.equal(await page.locator('[data-edge-id].selected').count(), 2);
  await page.click('button:has-text("Delete selected")');
  assert.deepEqual(Object.keys(await pageVerdicts(page)), ['e3']);

  // Shift+drag on the background draws a marquee round everything.
  await page.click('button[data-action="fit"]');
  const svg = await page.locator('svg.canvas').boundingBox();
  await page.keyboard.down('Shift');
  await page.mouse.move(svg.x + 5, svg.y + 5);
  await page.mouse.down();
  await page.mouse.move(svg.x + svg.width - 5, svg.y + svg.height - 5, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  assert.equal(await page.locator('[data-node-id].selected').count(), 5);
  assert.match(await page.textContent('.side'), /5 node\(s\) and 1 relationship\(s\) selected/);
  assertClean();
  await page.close();
});

test('a dragged node takes its relationships along, the others stay, every verdict stays', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=7'));
  await page.waitForSelector('[data-edge-id][data-verdict]');
  const verdicts = await pageVerdicts(page);
  const badges = () =>
    page.$$eval('[data-edge-id]', (els) =>
      Object.fromEntries(els.map((el) => {
        const c = el.querySelector('.verdict-badge circle');
        return [el.getAttribute('data-edge-id'), `${c.getAttribute('cx')},${c.getAttribute('cy')}`];
      })),
    );
  const start = await badges();
  await page.evaluate(() => (window.dragged = document.querySelector('[data-node-id="litware"]')));
  const box = await page.locator('[data-node-id="litware"] .glyph').boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 40, y + 10, { steps: 4 });
  await page.mouse.move(x + 80, y + 20, { steps: 4 });

  // Mid-drag: each relationship once, with its verdict; litware's moved, Microsoft's not.
  const during = await badges();
  assert.deepEqual(Object.keys(during).sort(), ['e1', 'e2', 'e3', 'e4']);
  assert.deepEqual(await pageVerdicts(page), verdicts);
  assert.equal(during.e1, start.e1);
  for (const e of ['e2', 'e3', 'e4']) assert.notEqual(during[e], start[e], e);

  await page.mouse.up();
  await page.waitForFunction(() => document.querySelectorAll('svg.canvas [data-edge-id]').length === 4);
  assert.deepEqual(await badges(), during);
  assert.deepEqual(await pageVerdicts(page), verdicts);
  assert.ok(await page.evaluate(() => window.dragged === document.querySelector('[data-node-id="litware"]')),
    'the dragged node is the same element throughout');
  assertClean();
  await page.close();
});

test('drag moves a node, the wheel zooms, fit and auto layout rearrange the view', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=7'));
  await page.waitForSelector('[data-edge-id][data-verdict]');
  const transformOf = (sel) => page.getAttribute(sel, 'transform');
  const before = await transformOf('[data-node-id="fabrikam"]');
  await dragNode(page, 'fabrikam', 60, -30);
  assert.notEqual(await transformOf('[data-node-id="fabrikam"]'), before);

  const view = await transformOf('g.viewport');
  const svg = await page.locator('svg.canvas').boundingBox();
  await page.mouse.move(svg.x + svg.width / 2, svg.y + svg.height / 2);
  await page.mouse.wheel(0, -400);
  await page.waitForFunction((v) => document.querySelector('g.viewport').getAttribute('transform') !== v, view);
  const zoomed = await transformOf('g.viewport');
  await page.click('button[data-action="fit"]');
  assert.notEqual(await transformOf('g.viewport'), zoomed);

  await pickMenu(page, 'view', 'layout');
  const ys = await page.$$eval('[data-node-id]', (els) =>
    els.map((el) => [el.getAttribute('data-node-id'), el.getAttribute('transform')]),
  );
  for (const [id, t] of ys) assert.match(t, /translate\(\S+ (60|200|340|480)\.0\)/, id);

  // Snap to grid puts every node on the 20-unit grid.
  await pickMenu(page, 'view', 'snap');
  await dragNode(page, 'fabrikam', 33, 17);
  const [x, y] = (await transformOf('[data-node-id="fabrikam"]')).match(/-?[\d.]+/g).map(Number);
  assert.equal(x % 20, 0, `x ${x}`);
  assert.equal(y % 20, 0, `y ${y}`);
  assertClean();
  await page.close();
});
