// The page on a phone, with real touch: the canvas first and full width, nothing wider than
// the screen, every control a finger's 44 px, the side panel a bottom sheet that is tapped or
// pulled; pinch, two-finger pan, a long press that connects, a drag, and a tap that does one
// thing. Touches are the browser's own (the DevTools protocol's Input.dispatchTouchEvent on
// a touch-emulating Chromium), so the page sees what a phone sends it: pointer events of type
// "touch", then the compatibility mouse events and clicks.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser,
  openPage,
  appUrl,
  axeViolations,
  canvasView as view,
  cliReport,
  fingers,
  pageNodes,
  pageVerdicts,
  presetFile,
  reportVerdicts,
  savedDiagram,
  scenarioFile,
  screenshot,
} from './helpers.mjs';

const PHONE = { width: 390, height: 844 };
let browser;
before(async () => {
  browser = await launchBrowser({ viewport: PHONE, hasTouch: true, isMobile: true });
});
after(async () => {
  await browser?.close();
});

const centre = async (page, selector) => {
  const b = await page.locator(selector).first().boundingBox();
  assert.ok(b, `${selector} is on screen`);
  return [b.x + b.width / 2, b.y + b.height / 2];
};

/** What of the page is wider than the screen, what control is under 44 px, whose text is cut. */
const layoutProblems = (page) =>
  page.evaluate(() => {
    const problems = [];
    const de = document.documentElement;
    if (de.scrollWidth > de.clientWidth) problems.push(`page ${de.scrollWidth} px wide in ${de.clientWidth}`);
    const shown = (el) => {
      if (!el.getClientRects().length) return false;
      const r = el.getBoundingClientRect();
      // Visually hidden text (1 px, clipped) is for screen readers, not fingers.
      return r.width > 2 && getComputedStyle(el).visibility !== 'hidden';
    };
    for (const control of document.querySelectorAll('button, select, input, a[href], [role="menuitem"]')) {
      // A link in a sentence is the sentence's (WCAG's inline exception); a box, its label.
      if (control.tagName === 'A' && getComputedStyle(control).display === 'inline') continue;
      const el = control.matches('[type="checkbox"], [type="radio"]') ? (control.closest('label') ?? control) : control;
      if (!shown(el)) continue;
      const r = el.getBoundingClientRect();
      const name = el.dataset.menu ?? el.dataset.kind ?? el.dataset.item ?? el.className ?? el.tagName;
      if (r.width < 43.5 || r.height < 43.5) problems.push(`${name}: ${r.width.toFixed(1)}×${r.height.toFixed(1)} px`);
      if (r.right > de.clientWidth + 0.5 || r.left < -0.5) problems.push(`${name} outside the screen`);
      if (el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth + 1) problems.push(`${name}: text cut`);
    }
    for (const el of document.querySelectorAll('.handle-reach')) {
      const r = el.getBoundingClientRect();
      if (r.width < 43.5 || r.height < 43.5) problems.push(`handle of ${el.dataset.handle}: ${r.width.toFixed(1)} px`);
    }
    return problems;
  });

test('a phone and a tablet: the canvas first (full width on a phone), no horizontal scroll at 360 px, 44 px targets, light and dark', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true, 'a touch screen');
  for (const [width, height] of [
    [360, 640],
    [390, 844],
    [768, 1024],
  ]) {
    const phone = width < 700;
    await page.setViewportSize({ width, height });
    for (const theme of ['light', 'dark']) {
      await page.goto(appUrl(`/?lang=en&theme=${theme}#preset=6`));
      await page.waitForSelector('[data-edge-id][data-verdict]');
      const where = `${width}×${height} ${theme}`;
      const canvas = await page.locator('svg.canvas').boundingBox();
      assert.ok(canvas.y < height / 4, `the canvas starts high (${canvas.y} px) at ${where}`);
      assert.ok(canvas.height > height * 0.45, `the canvas has most of the screen at ${where}: ${canvas.height}`);
      assert.deepEqual(await layoutProblems(page), [], where);
      const sheet = await page.locator('aside.side').boundingBox();
      if (phone) {
        assert.equal(Math.round(canvas.width), width, `the canvas is full width at ${where}`);
        assert.equal(await page.getAttribute('aside.side', 'data-sheet'), 'low');
        // The grip lowered over the palette's bar, which stays at the bottom of the screen.
        const bar = await page.locator('.palette').boundingBox();
        assert.ok(Math.abs(bar.y + bar.height - height) < 1, `the palette at the bottom at ${where}`);
        assert.ok(Math.abs(sheet.y + sheet.height - bar.y) < 1 && sheet.height <= 50, `the sheet's grip above it at ${where}`);
      } else {
        // A tablet: the side panel is the column beside the diagram.
        assert.ok(sheet.x >= canvas.x + canvas.width - 1 && canvas.width > width / 2, `side by side at ${where}`);
        assert.equal(await page.locator('button.sheet-grip').isVisible(), false);
      }
      assert.deepEqual(await axeViolations(page), [], `axe at ${where}`);
      await screenshot(page, `screens/phone-${width}-${theme}.png`);
    }
  }
  assertClean();
  await page.close();
});

test('the bottom sheet: tapped up a level, pulled up and down, raised by a selection', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  await page.setViewportSize(PHONE);
  const touch = await fingers(page);
  const level = () => page.getAttribute('aside.side', 'data-sheet');
  const settle = () => page.waitForTimeout(300);
  const grip = await centre(page, 'button.sheet-grip');
  assert.equal(await page.getAttribute('button.sheet-grip', 'aria-expanded'), 'false');
  await touch.tap(...grip);
  await page.waitForSelector('aside.side[data-sheet="half"]');
  assert.equal(await page.getAttribute('button.sheet-grip', 'aria-expanded'), 'true');
  await settle();
  const half = await page.locator('aside.side').boundingBox();
  const space = await page.locator('main.workspace').boundingBox();
  assert.ok(Math.abs(half.height - space.height / 2) < 2, `half: ${half.height} of ${space.height}`);
  assert.ok(await page.locator('.side .findings').isVisible(), 'the findings in the sheet');
  assert.deepEqual(await axeViolations(page), [], 'axe, the sheet at half');
  await screenshot(page, 'screens/phone-sheet-half.png');

  // Pulled from the grip: up near the top, then down past the middle to the bottom.
  const top = await centre(page, 'button.sheet-grip');
  await touch.gesture([top], [[top[0], space.y + 60]]);
  await page.waitForSelector('aside.side[data-sheet="high"]');
  await settle();
  const low = await centre(page, 'button.sheet-grip');
  await touch.gesture([low], [[low[0], PHONE.height - 10]]);
  await page.waitForSelector('aside.side[data-sheet="low"]');
  assert.equal(await level(), 'low', 'no tap after the pull');

  // A node tapped with the sheet down: selected, and the sheet rises to show its inspector.
  await settle();
  await touch.tap(...(await centre(page, '[data-node-id] .glyph')));
  await page.waitForSelector('aside.side[data-sheet="half"] [data-inspector]');
  await settle();
  const inspector = await page.locator('[data-inspector]').boundingBox();
  assert.ok(inspector.y < PHONE.height && inspector.y > space.y, `the inspector in sight: ${inspector.y}`);
  assert.deepEqual(await layoutProblems(page), [], 'the sheet at half, a node selected');
  await screenshot(page, 'screens/phone-inspector.png');
  await touch.detach();
  assertClean();
  await page.close();
});

test('touch: pinch zooms around the fingers, two fingers pan, a drag moves a node, a tap adds one node', async (t) => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  await page.setViewportSize(PHONE);
  const touch = await fingers(page);
  const c = await page.locator('svg.canvas').boundingBox();
  // Between the fingers, on the background (not on a node).
  const mid = [c.x + c.width / 2, c.y + 40];
  const before = await view(page);
  await touch.pinch(mid, 80, 160);
  const zoomed = await view(page);
  assert.ok(Math.abs(zoomed.k / before.k - 2) < 0.02, `fingers twice as far apart zoom twice: ${before.k} → ${zoomed.k}`);
  // The diagram point between the fingers stays between them.
  const local = [mid[0] - c.x, mid[1] - c.y];
  const world = (v) => [(local[0] - v.x) / v.k, (local[1] - v.y) / v.k];
  const [w0, w1] = [world(before), world(zoomed)];
  assert.ok(Math.hypot(w0[0] - w1[0], w0[1] - w1[1]) < 1, `around the fingers: ${w0} → ${w1}`);

  await touch.gesture(
    [
      [mid[0] - 50, mid[1]],
      [mid[0] + 50, mid[1]],
    ],
    [
      [mid[0] - 50, mid[1] + 60],
      [mid[0] + 50, mid[1] + 60],
    ],
  );
  const panned = await view(page);
  assert.ok(Math.abs(panned.k - zoomed.k) < 1e-3, 'two fingers kept apart do not zoom');
  assert.ok(Math.abs(panned.y - zoomed.y - 60) < 0.5 && Math.abs(panned.x - zoomed.x) < 0.5, `two fingers pan: ${JSON.stringify([zoomed, panned])}`);
  assert.deepEqual(
    await pageVerdicts(page),
    reportVerdicts(cliReport(presetFile(6))),
    'the verdicts are the CLI\u2019s, whatever the view',
  );

  // Frames while one finger pans the preset: the page's own rAF intervals.
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__frames.length < 10_000) window.__framing = requestAnimationFrame(tick);
    };
    window.__framing = requestAnimationFrame(tick);
  });
  const start = Date.now();
  await touch.gesture([[mid[0], mid[1] + 100]], [[mid[0] - 120, mid[1] + 200]], { steps: 60 });
  const took = Date.now() - start;
  const frames = await page.evaluate(() => {
    cancelAnimationFrame(window.__framing);
    return window.__frames.slice(1).sort((a, b) => a - b);
  });
  const pct = (p) => frames[Math.min(frames.length - 1, Math.floor(frames.length * p))].toFixed(1);
  t.diagnostic(`touch pan of preset 6, 60 moves in ${took} ms: ${frames.length} frames, median ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms`);

  // A quick drag moves a node, and connects nothing.
  const node = (await pageNodes(page))[0];
  const glyph = `[data-node-id="${node}"] .glyph`;
  const from = await centre(page, glyph);
  const was = await page.getAttribute(`[data-node-id="${node}"]`, 'transform');
  await touch.gesture([from], [[from[0] + 60, from[1] + 30]], { steps: 6 });
  assert.notEqual(await page.getAttribute(`[data-node-id="${node}"]`, 'transform'), was, 'the node moved');
  assert.equal(await page.locator('.connect-popup').count(), 0, 'a drag connects nothing');

  // A tap on the palette adds one node: the compatibility click adds no second one.
  const count = (await pageNodes(page)).length;
  await touch.tap(...(await centre(page, '.palette button[data-kind="customer"]')));
  await page.waitForFunction((n) => document.querySelectorAll('[data-node-id]').length === n, count + 1);
  await page.waitForTimeout(400);
  assert.equal((await pageNodes(page)).length, count + 1, 'one tap, one node');
  await touch.detach();
  assertClean();
  await page.close();
});

test('touch: a long press on a node connects it to the node it is dragged to, and the first tap answers the popup', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en'), { waitFor: '.start' });
  await page.setViewportSize(PHONE);
  const touch = await fingers(page);
  for (const kind of ['indirect_provider', 'indirect_reseller']) {
    await touch.tap(...(await centre(page, `.palette button[data-kind="${kind}"]`)));
  }
  await page.waitForFunction(() => document.querySelectorAll('[data-node-id]').length === 2);
  const [a, b] = await pageNodes(page);
  const from = await centre(page, `[data-node-id="${a}"] .glyph`);
  const to = await centre(page, `[data-node-id="${b}"] .glyph`);
  await touch.gesture([from], [to], { hold: 700 });
  await page.waitForSelector('.connect-popup');
  // The first tap answers it, right away: for a moment after a long press Chromium turns no
  // touch into a click (it still sends the pointer events).
  await touch.tap(...(await centre(page, '.connect-popup button[data-edge-kind="sells_to"]')));
  await page.waitForSelector('.connect-popup', { state: 'detached', timeout: 1500 });
  await page.waitForSelector('[data-edge-id][data-verdict]');
  // The click the browser may send after the tap adds nothing.
  await page.waitForTimeout(500);
  const edges = await page.$$eval('[data-edge-id]', (els) => els.length);
  assert.equal(edges, 1, 'one relationship');
  assert.equal(await page.locator('[aria-pressed="true"][data-node-id]').count(), 0, 'no node selected by it');
  // So does Cancel: a long press back, one tap, and no second relationship.
  await touch.gesture([to], [from], { hold: 700 });
  await page.waitForSelector('.connect-popup');
  await touch.tap(...(await centre(page, '.connect-popup button:not([data-edge-kind])')));
  await page.waitForSelector('.connect-popup', { state: 'detached', timeout: 1500 });
  await page.waitForTimeout(500);
  assert.equal(await page.$$eval('[data-edge-id]', (els) => els.length), 1, 'cancelled');
  const saved = await savedDiagram(page);
  assert.deepEqual(saved.scenario.edges.map((e) => [e.from, e.to, e.kind]), [[a, b, 'sells_to']]);
  assert.deepEqual(await pageVerdicts(page), reportVerdicts(cliReport(scenarioFile(saved.scenario))), 'judged as the CLI judges it');
  assert.deepEqual(await layoutProblems(page), [], 'after connecting');
  await touch.detach();
  assertClean();
  await page.close();
});
