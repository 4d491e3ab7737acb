// A projector, a desk and a browser zoomed in: presenter mode (?present=1, the toolbar's
// button, the key F; <html data-mode="present">; names of at least 18 px on screen, thicker
// lines, read-only, ← → through the walkthrough, Esc leaves), and at 1024×768, 1440×900 and
// at 150 % and 200 % zoom of 1024×768 (the same CSS layout as a 683×512 and a 512×384
// window) the diagram and the walkthrough's step side by side on one screen; nothing wider
// than the window, no control's text cut, every control at least 24 px; axe in each state.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  launchBrowser,
  openPage,
  appUrl,
  axeViolations,
  cliReport,
  drawnSizes,
  pageNodes,
  pageVerdicts,
  presetFile,
  reportVerdicts,
  screenshot,
  waitScenario,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser({ viewport: { width: 1024, height: 768 } });
});
after(async () => {
  await browser?.close();
});

/** What is wider than the window, which control is under 24 px, whose text is cut. */
const layoutProblems = (page) =>
  page.evaluate(() => {
    const problems = [];
    const de = document.documentElement;
    if (de.scrollWidth > de.clientWidth) problems.push(`page ${de.scrollWidth} px wide in ${de.clientWidth}`);
    for (const el of document.querySelectorAll('button, select, input, [role="menuitem"]')) {
      if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 2) continue; // visually hidden, for screen readers
      const name = el.dataset.menu ?? el.dataset.action ?? el.dataset.item ?? el.className ?? el.tagName;
      if (r.width < 24 || r.height < 24) problems.push(`${name}: ${r.width.toFixed(1)}×${r.height.toFixed(1)} px`);
      if (r.right > de.clientWidth + 0.5 || r.left < -0.5) problems.push(`${name} outside the window`);
      if (el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth + 1) problems.push(`${name}: text cut`);
    }
    return problems;
  });

/** The walkthrough's step and the canvas: both wholly in the window, and not over each other. */
async function stepBesideDiagram(page, where) {
  const [w, h] = await page.evaluate(() => [innerWidth, innerHeight]);
  const step = await page.locator('.walkthrough .step-title').boundingBox();
  const text = await page.locator('.walkthrough .step-text').boundingBox();
  const canvas = await page.locator('svg.canvas').boundingBox();
  assert.ok(step && text && canvas, `step and canvas shown at ${where}`);
  const inside = (b) => b.x >= -0.5 && b.y >= -0.5 && b.x + b.width <= w + 0.5 && b.y < h;
  assert.ok(inside(step) && inside(text), `the step in the window at ${where}: ${JSON.stringify([step, text])}`);
  assert.ok(inside(canvas) && canvas.y + canvas.height <= h + 0.5, `the canvas in the window at ${where}: ${JSON.stringify(canvas)}`);
  assert.ok(canvas.width >= w * 0.45, `the canvas has room at ${where}: ${canvas.width} of ${w}`);
  assert.ok(step.x >= canvas.x + canvas.width - 0.5, `the step beside the diagram at ${where}`);
  // The nodes the step is about are drawn inside the canvas.
  const lit = await page.$$eval('.node.lit .glyph', (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  for (const b of lit) {
    assert.ok(b.left >= canvas.x - 1 && b.right <= canvas.x + canvas.width + 1, `a lit node in sight at ${where}`);
  }
}

test('at a desk, a projector, and 150 % and 200 % zoom: nothing cut, the step beside its diagram, light and dark', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6&step=3'), {
    waitFor: '.walkthrough[data-step="3"]',
  });
  for (const [width, height, name] of [
    [1440, 900, 'desk'],
    [1024, 768, 'projector'],
    [683, 512, 'projector-150'],
    [512, 384, 'projector-200'],
  ]) {
    await page.setViewportSize({ width, height });
    for (const theme of ['light', 'dark']) {
      await page.goto(appUrl(`/?lang=en&theme=${theme}#preset=6&step=3`));
      await page.waitForSelector('.walkthrough[data-step="3"][data-ready]');
      const where = `${name} (${width}×${height}) ${theme}`;
      await page.waitForTimeout(200);
      assert.deepEqual(await layoutProblems(page), [], where);
      await stepBesideDiagram(page, where);
      assert.deepEqual(await axeViolations(page), [], `axe at ${where}`);
      await screenshot(page, `screens/${name}-${theme}.png`);
    }
  }
  assertClean();
  await page.close();
});

test('presenter mode: ?present=1 shows 18 px names and thick lines, read-only; ← → step; Esc leaves; F and the button enter', async (t) => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en&present=1#preset=6&step=3'), {
    waitFor: '.walkthrough[data-step="3"]',
  });
  await page.setViewportSize({ width: 1024, height: 768 });
  assert.equal(await page.getAttribute('html', 'data-mode'), 'present');
  await page.waitForTimeout(200);
  const sizes = await drawnSizes(page);
  t.diagnostic(`presenting preset 6 at 1024×768: names ${sizes.label.toFixed(1)} px, kinds ${sizes.kind.toFixed(1)} px, lines ${sizes.line.toFixed(1)} px on screen`);
  assert.ok(sizes.label >= 18 - 0.05, `names of at least 18 px: ${sizes.label}`);
  assert.ok(sizes.line >= 3.5 - 0.05, `thick lines: ${sizes.line}`);
  assert.equal(await page.locator('.palette').count(), 0, 'no palette');
  assert.equal(await page.locator('.handle').first().isVisible(), false, 'no handles');
  await stepBesideDiagram(page, 'presenting at 1024×768');
  const stepSize = await page.$eval('.walkthrough .step-text', (el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(stepSize >= 18, `the step in large type: ${stepSize} px`);
  for (const theme of ['light', 'dark']) {
    await page.evaluate((th) => (document.documentElement.dataset.theme = th), theme);
    assert.deepEqual(await axeViolations(page), [], `axe presenting, ${theme}`);
  }
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  await screenshot(page, 'screens/present-1024.png');

  // Read-only: a drag, Delete and the palette's keys change nothing.
  const verdicts = await pageVerdicts(page);
  const nodes = await pageNodes(page);
  const first = `[data-node-id="${nodes[0]}"]`;
  const at = await page.getAttribute(first, 'transform');
  const box = await page.locator(`${first} .glyph`).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 80, box.y + 60, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.press('Delete');
  await page.keyboard.press('1');
  await page.waitForTimeout(200);
  assert.equal(await page.getAttribute(first, 'transform'), at, 'not moved');
  assert.deepEqual(await pageNodes(page), nodes, 'nothing added or deleted');
  assert.deepEqual(await pageVerdicts(page), verdicts);

  // ← and → step through the walkthrough.
  await page.locator('body').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('.walkthrough[data-step="4"]');
  await page.keyboard.press('ArrowLeft');
  await page.waitForSelector('.walkthrough[data-step="3"]');

  // Esc leaves (the address with it), even from the walkthrough's panel, and the walkthrough
  // stays; F comes back; so does the toolbar's button.
  await page.focus('.walkthrough .tour-step');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.documentElement.dataset.mode === 'app');
  assert.ok(!page.url().includes('present='), page.url());
  assert.equal(await page.getAttribute('.walkthrough', 'data-step'), '3', 'still at step 3');
  assert.ok((await page.locator('.palette').count()) > 0, 'the palette is back');
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.documentElement.dataset.mode === 'present');
  assert.ok(page.url().includes('present=1'), page.url());
  await page.click('button[data-action="leave-present"]');
  await page.waitForFunction(() => document.documentElement.dataset.mode === 'app');
  await page.click('button[data-action="present"]');
  await page.waitForFunction(() => document.documentElement.dataset.mode === 'present');

  // A selected relationship's findings, large, beside the diagram (after the walkthrough).
  await page.goto(appUrl('/?lang=zh-TW&present=1#preset=2'));
  await page.waitForSelector('[data-edge-id][data-verdict]');
  assert.deepEqual(await pageVerdicts(page), reportVerdicts(cliReport(presetFile(2), 'zh-TW')));
  await page.locator('[data-edge-id] .verdict-badge').first().click();
  await page.waitForSelector('.side .edge-panel, .side [data-edge-panel]');
  assert.ok((await drawnSizes(page)).label >= 18 - 0.05, 'names of 18 px in Chinese too');
  assert.deepEqual(await axeViolations(page), [], 'axe presenting an edge, zh-TW');
  await screenshot(page, 'screens/present-edge-zh-TW.png');
  assertClean();
  await page.close();
});

/** Opens preset `n` at `path` in the same page, and waits until the canvas draws it. */
async function showPreset(page, n, path) {
  await page.goto(appUrl(`${path}#preset=${n}`));
  await waitScenario(page, JSON.parse(readFileSync(presetFile(n), 'utf8')));
}

/**
 * What of the names on the canvas is wrong: each caption (a node's name and kind) not whole
 * inside the canvas, and each pair of captions that cover each other. Screen pixels, half a
 * pixel of tolerance.
 */
const captionProblems = (page, preset) =>
  page.evaluate((preset) => {
    const c = document.querySelector('svg.canvas').getBoundingClientRect();
    const caps = [...document.querySelectorAll('svg.canvas .nodes [data-node-id] .caption')].map((el) => ({
      id: el.closest('[data-node-id]').dataset.nodeId,
      text: el.textContent,
      r: el.getBoundingClientRect(),
    }));
    const px = (r) => `${r.left.toFixed(0)}–${r.right.toFixed(0)} × ${r.top.toFixed(0)}–${r.bottom.toFixed(0)}`;
    const cut = caps
      .filter(({ r }) => !(r.left >= c.left - 0.5 && r.right <= c.right + 0.5 && r.top >= c.top - 0.5 && r.bottom <= c.bottom + 0.5))
      .map(({ text, r }) => `preset ${preset}: "${text}" at ${px(r)} in ${px(c)}`);
    const overlaps = [];
    caps.forEach((a, i) =>
      caps.slice(i + 1).forEach((b) => {
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (x > 0.5 && y > 0.5) overlaps.push(`preset ${preset}: ${a.id} and ${b.id} overlap ${x.toFixed(0)}×${y.toFixed(0)} px`);
      }),
    );
    return { cut, overlaps, count: caps.length };
  }, preset);

test('presenting at 1024×768, every name of every guide scenario is whole on the canvas, none over another', async (t) => {
  const cut = [];
  const overlaps = [];
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en&present=1#preset=1'), { waitFor: '[data-node-id]' });
  await page.setViewportSize({ width: 1024, height: 768 });
  for (let n = 1; n <= 8; n++) {
    await showPreset(page, n, '/?lang=en&present=1');
    // The side panel settles after the first fit; the page fits again.
    await page.waitForTimeout(300);
    assert.ok((await drawnSizes(page)).label >= 18 - 0.05, `preset ${n}: names of 18 px`);
    const found = await captionProblems(page, n);
    assert.ok(found.count >= 3, `preset ${n}: ${found.count} names`);
    cut.push(...found.cut);
    overlaps.push(...found.overlaps);
  }
  t.diagnostic(`names cut: ${cut.length}, names over another: ${overlaps.length}`);
  assert.deepEqual(cut, []);
  assert.deepEqual(overlaps, []);
  assertClean();
  await page.close();
});

test('presenting on a phone (390×844, touch): no name over another, every name whole on the canvas', async (t) => {
  const phone = await launchBrowser({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const { page, assertClean } = await openPage(phone, appUrl('/?lang=en&present=1#preset=1'), { waitFor: '[data-node-id]' });
  assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true, 'a touch screen');
  const cut = [];
  const overlaps = [];
  for (let n = 1; n <= 8; n++) {
    await showPreset(page, n, '/?lang=en&present=1');
    await page.waitForTimeout(300);
    const found = await captionProblems(page, n);
    const sizes = await drawnSizes(page);
    t.diagnostic(`preset ${n}: names ${sizes.label.toFixed(1)} px, ${found.overlaps.length} overlaps, ${found.cut.length} cut`);
    cut.push(...found.cut);
    overlaps.push(...found.overlaps);
    if (n === 6) await screenshot(page, 'screens/present-phone.png');
  }
  t.diagnostic(`names cut: ${cut.length}, names over another: ${overlaps.length}`);
  assert.deepEqual(overlaps, []);
  assert.deepEqual(cut, []);
  assertClean();
  await page.close();
  await phone.close();
});

/**
 * The shortest line of the diagram on screen (the `.line` of each edge, px), and each node
 * (its shape and caption) not whole inside the canvas.
 */
const edgeRoom = (page, preset) =>
  page.evaluate((preset) => {
    const c = document.querySelector('svg.canvas').getBoundingClientRect();
    const lines = [...document.querySelectorAll('svg.canvas [data-edge-id] .line')].map((el) => ({
      id: el.closest('[data-edge-id]').dataset.edgeId,
      px: el.getTotalLength() * el.getScreenCTM().a,
    }));
    const outside = [...document.querySelectorAll('svg.canvas .nodes [data-node-id]')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return !(r.left >= c.left - 0.5 && r.right <= c.right + 0.5 && r.top >= c.top - 0.5 && r.bottom <= c.bottom + 0.5);
      })
      .map((el) => `preset ${preset}: ${el.dataset.nodeId} outside the canvas`);
    const shortest = lines.reduce((a, b) => (b.px < a.px ? b : a), { id: '', px: Infinity });
    return { shortest, count: lines.length, outside };
  }, preset);

test('presenting on a projector, a laptop and a full HD screen, every line of every guide scenario is at least 24 px long, every node on the canvas', async (t) => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en&present=1#preset=1'), { waitFor: '[data-node-id]' });
  const short = [];
  const outside = [];
  for (const [width, height] of [
    [1024, 768],
    [1280, 720],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width, height });
    const row = [];
    for (let n = 1; n <= 8; n++) {
      await showPreset(page, n, '/?lang=en&present=1');
      await page.waitForTimeout(300);
      const found = await edgeRoom(page, n);
      assert.ok(found.count >= 3, `preset ${n}: ${found.count} lines`);
      row.push(`${n}: ${found.shortest.px.toFixed(1)}`);
      if (found.shortest.px < 24) short.push(`preset ${n} at ${width}×${height}: ${found.shortest.id} ${found.shortest.px.toFixed(1)} px`);
      outside.push(...found.outside.map((o) => `${o} at ${width}×${height}`));
    }
    t.diagnostic(`shortest lines at ${width}×${height}: ${row.join(', ')}`);
  }
  assert.deepEqual(short, []);
  assert.deepEqual(outside, []);
  assertClean();
  await page.close();
});
