// The compact modes (interfaces.md §6.2) in a frame of a partner page of another origin
// (tests/e2e/host/frame.html on localhost, the app on 127.0.0.1), at the 820×520:
// the viewer fills the frame with the diagram alone, fitted and re-fitted, and nothing in it
// changes the diagram; edit mode edits with a compact palette and a popover; a walkthrough's
// or quiz's panel stands beside the canvas or under it, as the frame's shape allows.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, appUrl, hostUrl, cliReport, pageNodes, pageVerdicts, presetFile, reportVerdicts } from './helpers.mjs';

const HOSTS = ['localhost', '127.0.0.1'];

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The partner page framing `index.html?embed=MODE…` and the app's frame, once drawn. */
async function framed(query, hash) {
  const src = `index.html?${query}&origin=${encodeURIComponent(new URL(hostUrl('/')).origin)}${hash}`;
  const opened = await openPage(browser, hostUrl(`/frame.html?src=${encodeURIComponent(src)}`), { waitFor: 'iframe', hosts: HOSTS });
  let frame;
  for (let i = 0; i < 100 && !frame; i++) {
    frame = opened.page.frames().find((f) => f.url().startsWith(appUrl('/')));
    if (!frame) await new Promise((r) => setTimeout(r, 50));
  }
  await frame.waitForSelector('svg.canvas');
  return { ...opened, frame };
}

/** Sets the host page's frame to `w`×`h` CSS pixels. */
const sizeFrame = (page, w, h) =>
  page.evaluate(([w, h]) => Object.assign(window.frame.style, { width: `${w}px`, height: `${h}px` }), [w, h]);

/** The canvas's box and every node's, in the frame's own coordinates. */
const boxes = (frame) =>
  frame.evaluate(() => {
    const r = (el) => {
      const b = el.getBoundingClientRect();
      return { x0: b.left, y0: b.top, x1: b.right, y1: b.bottom };
    };
    return { canvas: r(document.querySelector('svg.canvas')), nodes: [...document.querySelectorAll('[data-node-id] .glyph')].map(r) };
  });

/** Every node lies inside the canvas, and together they fill a fair part of it. */
function assertFitted({ canvas, nodes }, what) {
  assert.ok(nodes.length > 0, what);
  for (const n of nodes) {
    assert.ok(n.x0 >= canvas.x0 - 1 && n.x1 <= canvas.x1 + 1 && n.y0 >= canvas.y0 - 1 && n.y1 <= canvas.y1 + 1, `${what}: ${JSON.stringify({ n, canvas })}`);
  }
  const w = Math.max(...nodes.map((n) => n.x1)) - Math.min(...nodes.map((n) => n.x0));
  const h = Math.max(...nodes.map((n) => n.y1)) - Math.min(...nodes.map((n) => n.y0));
  assert.ok(w > (canvas.x1 - canvas.x0) * 0.5 || h > (canvas.y1 - canvas.y0) * 0.5, `${what}: the diagram fills the canvas`);
}

/** Where the diagram's nodes are drawn (the node groups' transforms). */
const placements = (frame) =>
  frame.$$eval('[data-node-id]', (els) => els.map((el) => `${el.dataset.nodeId} ${el.getAttribute('transform')}`));

test('the viewer is the diagram alone, fitted to the frame and fitted again when the frame is resized', async () => {
  const { page, frame, assertClean } = await framed('embed=view', '#preset=6');
  for (const chrome of ['header', '.toolbar', '.palette', '.side', '.file-tools', '.audit', 'h1']) {
    assert.equal(await frame.locator(chrome).count(), 0, `no ${chrome}`);
  }
  assert.equal(await frame.locator('.legend').count(), 1, 'the legend');
  const { canvas } = await boxes(frame);
  // The canvas takes the frame, but for the legend's line.
  assert.ok(canvas.x1 - canvas.x0 >= 810 && canvas.y1 - canvas.y0 >= 420, JSON.stringify(canvas));
  assertFitted(await boxes(frame), '820×520');
  assert.deepEqual(await pageVerdicts(frame), reportVerdicts(cliReport(presetFile(6))));
  for (const [w, h] of [[480, 360], [1100, 700]]) {
    await sizeFrame(page, w, h);
    await frame.waitForFunction(([w]) => Math.abs(document.querySelector('svg.canvas').getBoundingClientRect().width - w) < 2, [w]);
    await page.waitForTimeout(200);
    assertFitted(await boxes(frame), `${w}×${h}`);
  }
  assertClean();
});

test('in the viewer nothing changes the diagram: no drag, no connect, no Delete, no key, no drop; panning and selecting work', async () => {
  const { page, frame, assertClean } = await framed('embed=view', '#preset=6');
  const before = { nodes: await pageNodes(frame), verdicts: await pageVerdicts(frame), at: await placements(frame) };
  assert.equal(await frame.locator('.handle-dot:visible').count(), 0, 'no connect handles');
  // A drag on a node selects it and moves nothing.
  const glyph = await frame.locator('[data-node-id="wingtip"] .glyph').boundingBox();
  await page.mouse.move(glyph.x + glyph.width / 2, glyph.y + glyph.height / 2);
  await page.mouse.down();
  await page.mouse.move(glyph.x + 120, glyph.y + 80, { steps: 6 });
  await page.mouse.up();
  await frame.waitForSelector('[data-strip="node:wingtip"]');
  assert.deepEqual(await placements(frame), before.at);
  // Keys that edit elsewhere: Delete, Backspace, the palette's digits, undo.
  await frame.locator('.strip-close').click();
  await frame.locator('[data-edge-id="e4"] .verdict-badge').click();
  await frame.waitForSelector('[data-strip="edge:e4"]');
  for (const key of ['Delete', 'Backspace', '1', '4', 'Control+z', 'c', 'i']) await page.keyboard.press(key);
  await page.waitForTimeout(300);
  assert.deepEqual(await pageNodes(frame), before.nodes);
  assert.deepEqual(await pageVerdicts(frame), before.verdicts);
  assert.equal(await frame.locator('.connect-dialog').count(), 0);
  // A dropped scenario file is not imported.
  await frame.evaluate(() => {
    const file = new File(['{"version":1,"nodes":[{"id":"ms","kind":"microsoft"}]}'], 'other.json', { type: 'application/json' });
    const data = new DataTransfer();
    data.items.add(file);
    const stage = document.querySelector('.stage');
    for (const type of ['dragover', 'drop']) stage.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await page.waitForTimeout(400);
  assert.deepEqual(await pageNodes(frame), before.nodes);
  // The strip shows the findings, collapses to one line, and closes.
  await frame.locator('.strip-toggle').click();
  assert.equal(await frame.locator('.strip-body').count(), 0);
  await frame.locator('.strip-toggle').click();
  assert.ok((await frame.locator('.strip-body [data-rule]').count()) > 0);
  await frame.locator('.strip-close').click();
  assert.equal(await frame.locator('[data-strip]').count(), 0);
  // Dragging the background pans the view, which is no change to the diagram either.
  const viewport = await frame.getAttribute('g.viewport', 'transform');
  const c = await frame.locator('svg.canvas').boundingBox();
  await page.mouse.move(c.x + 8, c.y + 8);
  await page.mouse.down();
  await page.mouse.move(c.x + 60, c.y + 40, { steps: 4 });
  await page.mouse.up();
  assert.notEqual(await frame.getAttribute('g.viewport', 'transform'), viewport);
  assert.deepEqual(await placements(frame), before.at);
  assertClean();
});

test('edit mode edits in the frame: a compact palette, the inspector in a popover, no header or file tools', async () => {
  const { frame, assertClean } = await framed('embed=edit', '#preset=3');
  assert.equal(await frame.locator('header').count(), 0);
  assert.equal(await frame.locator('.file-tools').count(), 0);
  assert.equal(await frame.locator('.side').count(), 0);
  assert.equal(await frame.locator('.palette.compact').count(), 1);
  const before = (await pageNodes(frame)).length;
  await frame.locator('.palette button[data-kind="customer"]').click();
  await frame.waitForFunction((n) => document.querySelectorAll('[data-node-id]').length === n, before + 1);
  // The new node is selected: its inspector is in the popover, and renaming it works.
  await frame.waitForSelector('.embed-popover [data-inspector]');
  const name = frame.locator('.embed-popover [data-inspector] input').first();
  await name.fill('Contoso Learning');
  await name.press('Enter');
  await frame.waitForFunction(() => [...document.querySelectorAll('[data-node-id]')].some((n) => n.textContent.includes('Contoso Learning')));
  await frame.locator('.popover-close').click();
  assert.equal(await frame.locator('.embed-popover').count(), 0);
  assertClean();
});

test('a walkthrough\'s and a quiz\'s panel stand beside the canvas in a wide frame and under it in a narrow one', async () => {
  const { page, frame, assertClean } = await framed('embed=walkthrough', '#preset=6&step=2');
  await frame.waitForSelector('.embed-panel [data-walkthrough="6"][data-step="2"]');
  const side = () =>
    frame.evaluate(() => {
      const c = document.querySelector('svg.canvas').getBoundingClientRect();
      const p = document.querySelector('.embed-panel').getBoundingClientRect();
      return p.left >= c.right - 1 ? 'beside' : p.top >= c.bottom - 1 ? 'under' : 'over';
    });
  assert.equal(await side(), 'beside');
  await sizeFrame(page, 420, 640);
  await frame.waitForFunction(() => document.querySelector('.embed-panel').getBoundingClientRect().top > 100);
  assert.equal(await side(), 'under');
  // The walkthrough goes on in the frame.
  await frame.locator('.tour-next').click();
  await frame.waitForSelector('.embed-panel [data-step="3"]');
  assertClean();

  const quiz = await framed('embed=quiz', '#preset=6');
  await quiz.frame.waitForSelector('.embed-panel [data-quiz-panel="open"]');
  // A quiz hides the verdicts it asks about.
  assert.equal(await quiz.frame.getAttribute('.canvas-wrap', 'data-quiz'), 'hidden');
  quiz.assertClean();
});

test('an embedded viewer: what it downloads and the time to its first verdicts in a frame of another origin (printed)', async () => {
  // A browser of its own, so the first load is cold (empty cache, wasm compiled from scratch).
  const fresh = await launchBrowser();
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const page = await fresh.context.newPage();
    const src = `index.html?embed=view&run=${i}&origin=${encodeURIComponent(new URL(hostUrl('/')).origin)}#preset=6`;
    await page.goto(hostUrl(`/frame.html?src=${encodeURIComponent(src)}`), { waitUntil: 'load' });
    await page.waitForFunction(() => window.received.some((r) => r.data?.type === 'verdicts'), null, { timeout: 30_000 });
    const frame = page.frames().find((f) => f.url().startsWith(appUrl('/')));
    const host = await page.evaluate(() => ({ origin: performance.timeOrigin, at: window.received.find((r) => r.data.type === 'verdicts').at }));
    runs.push(
      await frame.evaluate((host) => {
        const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
        return {
          verdicts: host.origin + host.at - performance.timeOrigin,
          bytes: entries.reduce((sum, e) => sum + e.encodedBodySize, 0),
          files: entries.length,
        };
      }, host),
    );
    await page.close();
  }
  await fresh.close();
  for (const r of runs) assert.ok(r.verdicts > 0 && r.bytes > 100_000, JSON.stringify(r));
  console.log(
    `embedded viewer (#preset=6, 820×520 frame, plain server, uncompressed): ${runs[0].files} files, ${runs[0].bytes} B; ` +
      `navigation start to the host's first verdicts message: ${runs.map((r) => r.verdicts.toFixed(0)).join(', ')} ms (3 loads, first cold)`,
  );
});
