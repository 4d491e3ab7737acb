// The main tasks by touch on the wider screens a finger meets (a tablet or a projector's
// 1024×768, a touch laptop's 1440×900; the phone's are in screens.test.mjs), light and dark:
// a guide scenario opened from the start screen, the canvas in the first screen, the
// inspector opened by a tap, a node added and connected by a long press, a pinch that zooms
// around the fingers. And presenter mode at 390×844, 1024×768 and 1440×900: names of at least
// 18 px (on the phone as large as they fit without covering each other) and thick lines on
// screen, every edge drawn however large its ends' names, nothing wider than the window. Axe
// in each state.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser,
  openPage,
  appUrl,
  axeViolations,
  canvasView,
  cliReport,
  drawnSizes,
  fingers,
  pageNodes,
  pageVerdicts,
  presetFile,
  reportVerdicts,
  savedDiagram,
  scenarioFile,
  screenshot,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser({ hasTouch: true });
});
after(async () => {
  await browser?.close();
});

const centre = async (page, selector) => {
  const b = await page.locator(selector).first().boundingBox();
  assert.ok(b, `${selector} is on screen`);
  return [b.x + b.width / 2, b.y + b.height / 2];
};

/** A point of the canvas's background with `room` px of it either side (for two fingers). */
const background = (page, room) =>
  page.evaluate((room) => {
    const c = document.querySelector('svg.canvas').getBoundingClientRect();
    const bare = (x, y) => {
      const el = document.elementFromPoint(x, y);
      return !!el?.closest('svg.canvas') && !el.closest('[data-node-id], [data-edge-id], .handle');
    };
    for (let y = c.top + 30; y < c.bottom - 30; y += 15) {
      for (let x = c.left + room + 10; x < c.right - room - 10; x += 15) {
        if ([-room, -room / 2, 0, room / 2, room].every((dx) => bare(x + dx, y))) return [x, y];
      }
    }
    return null;
  }, room);

/** The canvas wholly in the window, from near its top, and most of its width. */
async function canvasInFirstScreen(page, { width, height }, where) {
  const c = await page.locator('svg.canvas').boundingBox();
  assert.ok(c.y < height / 4 && c.y + c.height <= height + 0.5, `the canvas in the first screen at ${where}: ${JSON.stringify(c)}`);
  assert.ok(c.width >= width * 0.45, `the canvas has room at ${where}: ${c.width}`);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wide <= 0, `nothing wider than the window at ${where}: ${wide} px more`);
}

for (const size of [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
]) {
  for (const theme of ['light', 'dark']) {
    const where = `${size.width}×${size.height} ${theme}`;
    test(`touch at ${where}: open a scenario, the inspector, add and connect by a long press, pinch-zoom`, async () => {
      const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en&theme=${theme}`), { waitFor: '.start' });
      await page.setViewportSize(size);
      const touch = await fingers(page);
      await touch.tap(...(await centre(page, '.start-card[data-preset="6"]')));
      await page.waitForSelector('[data-edge-id][data-verdict]');
      assert.ok(page.url().endsWith('#preset=6'), page.url());
      assert.deepEqual(await pageVerdicts(page), reportVerdicts(cliReport(presetFile(6))));
      await canvasInFirstScreen(page, size, where);

      // A tap on a node opens its inspector, in sight.
      await touch.tap(...(await centre(page, '[data-node-id="contoso"] .glyph')));
      await page.waitForSelector('[data-inspector]');
      const inspector = await page.locator('[data-inspector]').boundingBox();
      assert.ok(inspector.y < size.height && inspector.x < size.width, `the inspector in sight at ${where}: ${JSON.stringify(inspector)}`);
      assert.equal(await page.getAttribute('[data-node-id="contoso"]', 'aria-pressed'), 'true');
      assert.deepEqual(await axeViolations(page), [], `axe, a node inspected at ${where}`);

      // A tap on the palette adds one customer; a long press on Contoso connects it to it.
      const before = await pageNodes(page);
      const edges = await page.locator('[data-edge-id]').count();
      await touch.tap(...(await centre(page, '.palette button[data-kind="customer"]')));
      await page.waitForFunction((n) => document.querySelectorAll('[data-node-id]').length === n, before.length + 1);
      const added = (await pageNodes(page)).find((id) => !before.includes(id));
      const from = await centre(page, '[data-node-id="contoso"] .glyph');
      const to = await centre(page, `[data-node-id="${added}"] .glyph`);
      await touch.gesture([from], [to], { hold: 700 });
      await page.waitForSelector('.connect-popup');
      // The first tap answers it, though for a moment after a long press Chromium turns no
      // touch into a click.
      await touch.tap(...(await centre(page, '.connect-popup button[data-edge-kind="sells_to"]')));
      await page.waitForSelector('.connect-popup', { state: 'detached', timeout: 1500 });
      await page.waitForFunction((n) => document.querySelectorAll('[data-edge-id][data-verdict]').length === n, edges + 1);
      const saved = await savedDiagram(page);
      const edge = saved.scenario.edges.find((e) => e.from === 'contoso' && e.to === added);
      assert.ok(edge, `Contoso sells to ${added} at ${where}`);
      assert.equal(edge.kind, 'sells_to');
      await page.waitForSelector(`[data-edge-id="${edge.id}"][data-verdict]`);
      assert.deepEqual(await pageVerdicts(page), reportVerdicts(cliReport(scenarioFile(saved.scenario))), 'judged as the CLI judges it');
      await screenshot(page, `screens/touch-${size.width}-${theme}.png`);

      // Two fingers moved twice as far apart on the background zoom twice, around them.
      const mid = await background(page, 80);
      assert.ok(mid, `a stretch of bare canvas at ${where}`);
      const was = await canvasView(page);
      await touch.pinch(mid, 80, 160);
      const now = await canvasView(page);
      assert.ok(Math.abs(now.k / was.k - 2) < 0.02, `a pinch zooms twice at ${where}: ${was.k} → ${now.k}`);
      const c = await page.locator('svg.canvas').boundingBox();
      const world = (v) => [(mid[0] - c.x - v.x) / v.k, (mid[1] - c.y - v.y) / v.k];
      const [w0, w1] = [world(was), world(now)];
      assert.ok(Math.hypot(w0[0] - w1[0], w0[1] - w1[1]) < 1, `around the fingers at ${where}: ${w0} → ${w1}`);
      assert.deepEqual(await axeViolations(page), [], `axe, zoomed in at ${where}`);
      await touch.detach();
      assertClean();
      await page.close();
    });
  }
}

/** Each pair of names on the canvas that cover each other (half a pixel of tolerance). */
const captionsOverlapping = (page) =>
  page.evaluate(() => {
    const caps = [...document.querySelectorAll('svg.canvas .nodes [data-node-id] .caption')].map((el) => ({
      id: el.closest('[data-node-id]').dataset.nodeId,
      r: el.getBoundingClientRect(),
    }));
    return caps.flatMap((a, i) =>
      caps.slice(i + 1).flatMap((b) => {
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        return x > 0.5 && y > 0.5 ? [`${a.id} and ${b.id}`] : [];
      }),
    );
  });

for (const size of [
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
]) {
  test(`presenter mode at ${size.width}×${size.height}: names of at least 18 px, thick lines, every edge drawn, light and dark`, async (t) => {
    const { page, assertClean } = await openPage(browser, appUrl('/?lang=en&present=1#preset=6&step=3'), {
      waitFor: '.walkthrough[data-step="3"]',
    });
    await page.setViewportSize(size);
    for (const theme of ['light', 'dark']) {
      const where = `${size.width}×${size.height} ${theme}`;
      await page.goto(appUrl(`/?lang=en&present=1&theme=${theme}#preset=6&step=3`));
      // On a phone the step waits in the bottom sheet, below the diagram.
      await page.waitForSelector('.walkthrough[data-step="3"][data-ready]', { state: 'attached' });
      assert.equal(await page.getAttribute('html', 'data-mode'), 'present');
      await page.waitForTimeout(200);
      const sizes = await drawnSizes(page);
      t.diagnostic(`presenting at ${where}: names ${sizes.label.toFixed(1)} px, kinds ${sizes.kind.toFixed(1)} px, lines ${sizes.line.toFixed(1)} px`);
      if (size.width >= 700) {
        assert.ok(sizes.label >= 18 - 0.05, `names of at least 18 px at ${where}: ${JSON.stringify(sizes)}`);
      } else {
        // A phone has no room for 18 px names side by side: as large as they fit without
        // covering each other, and larger than the diagram's own at that zoom.
        const { k } = await canvasView(page);
        assert.ok(sizes.label > 13 * k + 1 && sizes.label <= 18 + 0.05, `names larger than the editor's at ${where}: ${sizes.label} at zoom ${k}`);
        assert.deepEqual(await captionsOverlapping(page), [], `no name over another at ${where}`);
      }
      assert.ok(sizes.line >= 3.5 - 0.05, `thick lines at ${where}: ${sizes.line}`);
      const undrawn = await page.$$eval('[data-edge-id]', (els) => els.filter((e) => !e.querySelector('.line')).map((e) => e.dataset.edgeId));
      assert.deepEqual(undrawn, [], `every edge has its line at ${where}`);
      if (size.width >= 1024) assert.ok(await page.locator('.walkthrough .step-text').isVisible(), `the step shown at ${where}`);
      await canvasInFirstScreen(page, size, where);
      assert.deepEqual(await axeViolations(page), [], `axe presenting at ${where}`);
      await screenshot(page, `screens/presenting-${size.width}-${theme}.png`);
    }
    assertClean();
    await page.close();
  });
}
