// Edges that read: in the guide's eight scenarios, measured from the page's own geometry (each
// drawn line sampled along its length against every node's shape and caption on screen), no
// edge runs through a node other than its two ends and no verdict badge sits under a node or
// a label; a skip-level sale drawn over scenario 7 (Microsoft straight to the reseller under
// its provider) curves round the provider, its ✗ in sight; a drop routes the moved node's
// edges again.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  launchBrowser,
  openPage,
  appUrl,
  cli,
  cliReport,
  dragNode,
  pageVerdicts,
  presetFile,
  reportVerdicts,
  scenarioFile,
  screenshot,
  waitScenario,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * What is wrong with the drawing on screen: each edge's line (sampled every 2 px along it)
 * that enters a node's shape or caption other than its ends', each badge that overlaps any
 * node's shape or caption, each edge without its hooks. Screen pixels; a pixel of tolerance.
 */
function overlaps(ends) {
  const shrink = (r, by) => ({ left: r.left + by, right: r.right - by, top: r.top + by, bottom: r.bottom - by });
  const nodes = [...document.querySelectorAll('.nodes [data-node-id]')].map((g) => ({
    id: g.dataset.nodeId,
    boxes: [g.querySelector('.glyph'), g.querySelector('.caption')]
      .filter(Boolean)
      .map((el) => shrink(el.getBoundingClientRect(), 1)),
  }));
  const inside = (p, r) => p.x > r.left && p.x < r.right && p.y > r.top && p.y < r.bottom;
  // How far a point is from a box (0 inside it).
  const away = (p, r) => Math.hypot(Math.max(r.left - p.x, 0, p.x - r.right), Math.max(r.top - p.y, 0, p.y - r.bottom));
  const byId = Object.fromEntries(
    [...document.querySelectorAll('[data-edge-id]')].map((e) => [e.dataset.edgeId, e]),
  );
  const wrong = [];
  let edges = 0;
  let samples = 0;
  for (const [id, e] of Object.entries(byId)) {
    edges++;
    if (!e.dataset.verdict) wrong.push(`${id} has no data-verdict`);
    const line = e.querySelector('.line');
    const badge = e.querySelector('.verdict-badge circle');
    if (!line || !badge) {
      wrong.push(`${id} is not drawn in full`);
      continue;
    }
    const [from, to] = ends[id] ?? [];
    const m = line.getScreenCTM();
    const len = line.getTotalLength();
    const steps = Math.max(8, Math.ceil((len * m.a) / 2));
    const points = [...Array(steps + 1).keys()].map((i) => line.getPointAtLength((len * i) / steps).matrixTransform(m));
    samples += points.length;
    const b = badge.getBoundingClientRect();
    const centre = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    for (const n of nodes) {
      if (n.id !== from && n.id !== to && n.boxes.some((r) => points.some((p) => inside(p, r)))) {
        wrong.push(`${id} runs through ${n.id}`);
      }
      if (n.boxes.some((r) => away(centre, r) < b.width / 2)) wrong.push(`${id}'s badge is under ${n.id}`);
    }
  }
  return { wrong, edges, samples, nodes: nodes.length };
}

/** Each edge's two ends in a scenario, by edge ID. */
const endsOf = (s) => Object.fromEntries(s.edges.map((e) => [e.id, [e.from, e.to]]));

const twoFrames = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

for (const [mode, query, size] of [
  ['the editor at 1440×900', '', { width: 1440, height: 900 }],
  ['the editor at 390×844 (a phone)', '', { width: 390, height: 844 }],
  ['presenter mode at 1024×768 (larger captions)', '&present=1', { width: 1024, height: 768 }],
  ['presenter mode at 390×844 (a phone)', '&present=1', { width: 390, height: 844 }],
]) {
  test(`in ${mode} no edge of the eight presets runs through a node, nor any badge under one`, async () => {
    const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en${query}#preset=1`), {
      waitFor: '[data-edge-id][data-verdict]',
    });
    await page.setViewportSize(size);
    for (let n = 1; n <= 8; n++) {
      await page.goto(appUrl(`/?lang=en${query}#preset=${n}`));
      const expected = reportVerdicts(cliReport(presetFile(n)));
      const scenario = JSON.parse(readFileSync(presetFile(n), 'utf8'));
      const ends = endsOf(scenario);
      await waitScenario(page, scenario);
      // The page fits the diagram to the window once it has measured it: a frame or two.
      await twoFrames(page);
      const found = await page.evaluate(overlaps, ends);
      assert.deepEqual(found.wrong, [], `preset ${n}`);
      assert.equal(found.edges, Object.keys(expected).length, `preset ${n}: every edge is measured`);
      assert.ok(found.nodes >= 3 && found.samples > found.edges * 8, `preset ${n}: ${JSON.stringify(found)}`);
      assert.deepEqual(await pageVerdicts(page), expected);
    }
    assertClean();
    await page.close();
  });
}

test('a skip-level sale over scenario 7 curves round the provider under Microsoft, its ✗ in sight; a drop routes it again', async () => {
  // Microsoft straight to the reseller Litware, under Contoso under Microsoft: blocked.
  const s = JSON.parse(readFileSync(presetFile(7), 'utf8'));
  s.edges.push({ id: 'skip', from: 'ms', to: 'litware', kind: 'sells_to' });
  const file = scenarioFile(s);
  const ends = endsOf(s);
  const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en${cli('share', file).trim()}`), {
    waitFor: '[data-edge-id="skip"][data-verdict]',
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  await twoFrames(page);
  assert.deepEqual(await pageVerdicts(page), reportVerdicts(cliReport(file)));
  assert.equal(await page.getAttribute('[data-edge-id="skip"]', 'data-verdict'), 'blocked');
  const centre = async (id) => {
    const r = await page.locator(`[data-node-id="${id}"] .glyph`).boundingBox();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  };
  const [ms, contoso, litware] = [await centre('ms'), await centre('contoso'), await centre('litware')];
  // What makes this a test: Contoso is right on the straight line.
  assert.ok(Math.abs(ms.x - contoso.x) < 1 && Math.abs(litware.x - contoso.x) < 1, 'one column');
  assert.deepEqual((await page.evaluate(overlaps, ends)).wrong, []);
  assert.equal(await page.$eval('[data-edge-id="skip"] .line', (l) => l.tagName), 'path', 'curved');
  // Its badge is what the page shows at its place: nothing covers it.
  const onTop = () =>
    page.evaluate(() => {
      const b = document.querySelector('[data-edge-id="skip"] .verdict-badge circle').getBoundingClientRect();
      const hit = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2);
      return hit?.closest('[data-edge-id]')?.dataset.edgeId ?? hit?.tagName ?? null;
    });
  assert.equal(await onTop(), 'skip');
  await screenshot(page, 'screens/routed-skip-level.png');

  // While Litware is dragged, its edges are routed where it is: straight 300 units right,
  // round Contoso again back under it.
  const k = (contoso.y - ms.y) / 140;
  const live = (tag) =>
    page.waitForFunction((tag) => document.querySelector('.canvas-live [data-edge-id="skip"] .line')?.tagName === tag, tag);
  await page.mouse.move(litware.x, litware.y);
  await page.mouse.down();
  await page.mouse.move(litware.x + 150 * k, litware.y + 10, { steps: 4 });
  await page.mouse.move(litware.x + 300 * k, litware.y, { steps: 4 });
  await live('line');
  await page.mouse.move(litware.x + 2, litware.y, { steps: 4 });
  await live('path');
  await page.mouse.move(litware.x, litware.y, { steps: 2 });
  await page.mouse.up();
  await page.waitForFunction(() => !document.querySelector('.canvas-live [data-edge-id]'));

  // Dropped 300 units right: nothing is in the way and the line is straight again; undone,
  // it curves round once more.
  await dragNode(page, 'litware', 300 * k, 0);
  await page.waitForFunction(() => document.querySelector('[data-edge-id="skip"] .line')?.tagName === 'line');
  assert.deepEqual((await page.evaluate(overlaps, ends)).wrong, [], 'after the drag');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('[data-edge-id="skip"] .line')?.tagName === 'path');
  assert.deepEqual((await page.evaluate(overlaps, ends)).wrong, [], 'after undo');
  assert.equal(await onTop(), 'skip');
  assertClean();
  await page.close();
});
