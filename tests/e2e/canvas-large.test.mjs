// Large diagrams in the editor: a 5,000-edge network (3,886 nodes, past the 1,500 nodes the
// canvas draws whole) opened by a share link is drawn, not handed to the audit view. Zoomed
// out, nodes are plain shapes and the edges batched; zoomed in, only what is near the view is
// drawn, each edge drawn in full with `data-edge-id` and the CLI's `data-verdict`; the table
// lists every edge; a drag moves a node. Up to 1,500 nodes every edge keeps its element at
// every zoom.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPage, appUrl, cli, pickMenu, root } from './helpers.mjs';

let browser;
let dir;

/** The network example with `edges` edges: its file, scenario, CLI verdicts and share link. */
function network(edges) {
  const text = execFileSync(join(root, 'target/release/examples/network'), [String(edges)], { maxBuffer: 64 << 20 });
  const file = join(dir, `network-${edges}.json`);
  writeFileSync(file, text);
  const report = JSON.parse(cli('check', file));
  return {
    scenario: JSON.parse(text),
    verdicts: new Map(report.edges.map((e) => [e.id, e.verdict])),
    withFindings: report.edges.filter((e) => e.findings.length).length,
    fragment: cli('share', file).trim(),
  };
}

before(async () => {
  execFileSync('cargo', ['build', '-q', '--release', '-p', 'csp-rules', '--example', 'network'], { cwd: root, stdio: 'inherit' });
  dir = mkdtempSync(join(tmpdir(), 'csp-large-'));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const scale = (page) =>
  page.$eval('g.viewport', (g) => Number(/scale\(([\d.]+)\)/.exec(g.getAttribute('transform'))?.[1]));

/** Turns the wheel over the canvas's centre until the zoom is at least `k`. */
async function zoomTo(page, k) {
  const svg = await page.locator('svg.canvas').boundingBox();
  await page.mouse.move(svg.x + svg.width / 2, svg.y + svg.height / 2);
  for (let i = 0; i < 40 && (await scale(page)) < k; i++) {
    const before = await scale(page);
    await page.mouse.wheel(0, -300);
    await page.waitForFunction((b) => {
      const t = document.querySelector('g.viewport').getAttribute('transform');
      return Number(/scale\(([\d.]+)\)/.exec(t)?.[1]) !== b;
    }, before);
  }
}

const drawnEdges = (page) =>
  page.$$eval('svg.canvas [data-edge-id]', (els) => els.map((el) => [el.dataset.edgeId, el.dataset.verdict]));

test('past 1,500 nodes zoomed out: the batched edges lie under the canvas, and a drag leaves them as they were until the drop', async () => {
  const { fragment } = network(5000);
  const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en${fragment}`));
  await page.waitForSelector('svg.canvas path.node.plain[data-node-id]', { timeout: 60_000 });
  // A layer of their own, before (under) the canvas, outside its accessible tree.
  const layers = await page.$$eval('.canvas-wrap > svg', (els) => els.map((el) => [el.getAttribute('class'), el.querySelectorAll('.edge-batch').length]));
  const at = layers.findIndex(([c]) => c === 'canvas-batches');
  assert.ok(at >= 0 && at < layers.findIndex(([c]) => c === 'canvas'), JSON.stringify(layers));
  assert.ok(layers[at][1] > 0 && layers.every(([c, n]) => c === 'canvas-batches' || n === 0), JSON.stringify(layers));
  assert.equal(await page.getAttribute('svg.canvas-batches', 'aria-hidden'), 'true');
  const batch = () => page.$$eval('.edge-batch', (els) => els.map((el) => el.getAttribute('d')).join('|'));
  const before = await batch();

  // A plain node in the middle of the view, dragged: its copy moves on the drag layer.
  const box = await page.$$eval('svg.canvas path.node.plain[data-node-id]', (els) => {
    const v = document.querySelector('svg.canvas').getBoundingClientRect();
    const [cx, cy] = [v.left + v.width / 2, v.top + v.height / 2];
    const r = els.map((el) => el.getBoundingClientRect()).sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy))[0];
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await page.mouse.down();
  await page.mouse.move(box.x + 40, box.y + 30, { steps: 5 });
  await page.waitForSelector('svg.canvas-live [data-drag-copy]');
  assert.equal(await batch(), before, 'the batch is as the drag began');
  await page.mouse.up();
  await page.waitForFunction((b) => [...document.querySelectorAll('.edge-batch')].map((el) => el.getAttribute('d')).join('|') !== b, before);
  assert.equal(await page.locator('svg.canvas-live [data-drag-copy]').count(), 0);
  assertClean();
  await page.close();
});

test('past 1,500 nodes: drawn, plain and batched zoomed out, culled and in full zoomed in', async () => {
  const { scenario, verdicts, fragment } = network(5000);
  assert.ok(scenario.nodes.length > 1500 && scenario.nodes.length < 20000, `${scenario.nodes.length} nodes`);
  const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en${fragment}`));
  await page.waitForSelector('svg.canvas [data-node-id]', { timeout: 60_000 });
  assert.equal(await page.locator('[data-audit-count]').count(), 0, 'not handed to the audit view');

  // Zoomed out to fit (as far as the zoom goes), labels couldn't be read: plain shapes of
  // what is near the view, edges in batches.
  assert.ok((await scale(page)) < 0.45, `fitted at ${await scale(page)}`);
  const plain = await page.locator('svg.canvas path.node.plain[data-node-id]').count();
  assert.ok(plain > 0 && plain < scenario.nodes.length, `${plain} plain nodes`);
  assert.equal(await page.locator('svg.canvas g.node').count(), 0, 'no node in full detail');
  const batches = await page.$$eval('.edge-batches path', (els) => els.map((el) => el.classList[1]));
  assert.ok(batches.includes('allowed') && batches.includes('blocked'), batches.join());
  for (const [id, verdict] of await drawnEdges(page)) assert.equal(verdict, verdicts.get(id), id);

  // Zoomed in: full detail, only the part near the view, each edge with the CLI's verdict.
  await zoomTo(page, 0.5);
  await page.waitForSelector('svg.canvas g.node[data-node-id]');
  const nodes = await page.locator('svg.canvas [data-node-id]').count();
  assert.ok(nodes > 0 && nodes < scenario.nodes.length / 2, `${nodes} of ${scenario.nodes.length} nodes drawn`);
  const edges = await drawnEdges(page);
  assert.ok(edges.length > 0 && edges.length < scenario.edges.length, `${edges.length} edges drawn`);
  for (const [id, verdict] of edges) assert.equal(verdict, verdicts.get(id), id);
  assert.equal(await page.locator('svg.canvas path.node.plain').count(), 0, 'no plain node zoomed in');

  // A drag moves a drawn node; it stays the same element.
  // One in the middle of the view (the drawn window reaches past the view's edges).
  const id = await page.$$eval('svg.canvas g.node[data-node-id]', (els) => {
    const view = document.querySelector('svg.canvas').getBoundingClientRect();
    const inside = (r) => r.left > view.left + 10 && r.right < view.right - 40 && r.top > view.top + 10 && r.bottom < view.bottom - 30;
    return els.find((el) => inside(el.querySelector('.glyph').getBoundingClientRect()))?.dataset.nodeId;
  });
  assert.ok(id, 'a node in view');
  const node = page.locator(`svg.canvas [data-node-id="${id}"]`);
  const before = await node.getAttribute('transform');
  const handle = await node.elementHandle();
  const box = await page.locator(`svg.canvas [data-node-id="${id}"] .glyph`).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 10, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(
    ([i, b]) => document.querySelector(`svg.canvas [data-node-id="${CSS.escape(i)}"]`)?.getAttribute('transform') !== b,
    [id, before],
  );
  assert.notEqual(await node.getAttribute('transform'), before, 'the node moved');
  assert.ok(await handle.evaluate((el) => el.isConnected), 'the dragged node is the same element');

  // The table lists every edge with its verdict.
  await pickMenu(page, 'view', 'table');
  await page.waitForSelector('tr[data-table-edge]', { timeout: 60_000 });
  const rows = await page.$$eval('tr[data-table-edge]', (els) => els.map((el) => [el.dataset.tableEdge, el.dataset.verdict]));
  assert.equal(rows.length, scenario.edges.length);
  for (const [id, verdict] of rows) assert.equal(verdict, verdicts.get(id), id);
  assertClean();
  await page.close();
});

test('up to 1,500 nodes: one element per edge at every zoom, with the CLI\'s verdicts', async () => {
  const { scenario, verdicts, fragment } = network(1500);
  assert.ok(scenario.nodes.length <= 1500, `${scenario.nodes.length} nodes`);
  const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en${fragment}`));
  await page.waitForSelector('svg.canvas [data-edge-id]', { state: 'attached', timeout: 60_000 });
  assert.ok((await scale(page)) < 0.45, 'zoomed out to fit');
  const edges = await drawnEdges(page);
  assert.equal(edges.length, scenario.edges.length);
  for (const [id, verdict] of edges) assert.equal(verdict, verdicts.get(id), id);
  assert.equal(await page.locator('svg.canvas [data-node-id]').count(), scenario.nodes.length);
  assert.equal(await page.locator('.edge-batches path').count(), 0, 'nothing batched');
  assertClean();
  await page.close();
});

test('up to 1,500 nodes zoomed out: a press selects a node by colour, a drag leaves the canvas as it began but for the node made transparent, its edges redrawn at the drop', async () => {
  const { fragment } = network(1500);
  const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en${fragment}`));
  await page.waitForSelector('svg.canvas path.node.plain[data-node-id]', { timeout: 60_000 });
  // A plain node in the middle of the view with edges of its own.
  const { id, x, y } = await page.$$eval('svg.canvas path.node.plain[data-node-id]', (els) => {
    const v = document.querySelector('svg.canvas').getBoundingClientRect();
    const [cx, cy] = [v.left + v.width / 2, v.top + v.height / 2];
    const at = (el) => { const r = el.getBoundingClientRect(); return { id: el.dataset.nodeId, x: r.x + r.width / 2, y: r.y + r.height / 2 }; };
    return els.map(at).sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy))[0];
  });
  const edgesIn = (layer) => page.$$eval(`svg.${layer} [data-edge-id]`, (els) => Object.fromEntries(els.map((el) => [el.dataset.edgeId, el.getAttribute('d')])));
  const before = await edgesIn('canvas');
  const width = () => page.$eval(`svg.canvas [data-node-id="${id}"]`, (el) => getComputedStyle(el).strokeWidth);
  const unselected = await width();
  await page.mouse.move(x, y);
  await page.mouse.down();
  // Selected by its colour: its outline's width is as it was.
  await page.waitForSelector(`svg.canvas [data-node-id="${id}"].selected`);
  assert.equal(await width(), unselected);
  await page.mouse.move(x + 40, y + 30, { steps: 5 });
  await page.waitForSelector('svg.canvas-live [data-drag-copy]');
  const moving = await edgesIn('canvas-live');
  assert.ok(Object.keys(moving).length > 0, 'the node has edges');
  // Every edge keeps its element where it was; the copies on the drag layer have moved.
  assert.deepEqual(await edgesIn('canvas'), before);
  for (const [edge, d] of Object.entries(moving)) assert.notEqual(d, before[edge], edge);
  // The node stays, invisible by its paint, not by the element's opacity.
  const look = await page.$eval(`svg.canvas [data-node-id="${id}"]`, (el) => {
    const s = getComputedStyle(el);
    return [el.classList.contains('lifted'), s.opacity, s.fillOpacity, s.strokeOpacity];
  });
  assert.deepEqual(look, [true, '1', '0', '0']);
  await page.mouse.up();
  await page.waitForFunction(
    ([edge, d]) => document.querySelector(`svg.canvas [data-edge-id="${CSS.escape(edge)}"]`)?.getAttribute('d') === d,
    Object.entries(moving)[0],
  );
  assert.equal(await page.locator('svg.canvas-live [data-edge-id]').count(), 0);
  assertClean();
  await page.close();
});

test('up to 1,500 nodes zoomed out: a click selects an edge by its colour, its stroke as wide as before', async () => {
  const { fragment } = network(1500);
  const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en${fragment}`));
  await page.waitForSelector('svg.canvas path.edge.plain[data-edge-id]', { state: 'attached', timeout: 60_000 });
  // A point on a plain edge, and the edge on top there.
  const at = await page.$$eval('svg.canvas path.edge.plain[data-edge-id]', (els) => {
    for (const el of els) {
      for (const f of [0.5, 0.3, 0.7]) {
        const p = el.getPointAtLength(el.getTotalLength() * f).matrixTransform(el.getScreenCTM());
        const top = document.elementFromPoint(Math.round(p.x), Math.round(p.y));
        if (top?.matches('.edge.plain')) return { id: top.dataset.edgeId, x: Math.round(p.x), y: Math.round(p.y) };
      }
    }
    return null;
  });
  assert.ok(at, 'an edge to click');
  const look = () => page.$eval(`svg.canvas [data-edge-id="${at.id}"]`, (el) => {
    const s = getComputedStyle(el);
    return [s.strokeWidth, s.stroke];
  });
  const [width, colour] = await look();
  await page.mouse.click(at.x, at.y);
  await page.waitForSelector(`svg.canvas [data-edge-id="${at.id}"].selected[aria-pressed="true"]`);
  const [selectedWidth, selectedColour] = await look();
  assert.equal(selectedWidth, width);
  assert.notEqual(selectedColour, colour);
  assertClean();
  await page.close();
});

test('a large diagram is drawn before its findings list is filled: 20 entries with the canvas, the first 100 a frame later, then "Show all"', async () => {
  const { scenario, withFindings, fragment } = network(1500);
  assert.ok(withFindings > 100, `${withFindings} edges with findings`);
  const entries = '.finding-entries > li.edge-entry';
  const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en${fragment}`), {
    waitFor: 'svg.canvas [data-node-id]',
    // How many entries the list had when the canvas was first drawn (the same task).
    init: () => {
      new MutationObserver((_, seen) => {
        if (!document.querySelector('svg.canvas [data-node-id]')) return;
        window.__entriesWithCanvas = document.querySelectorAll('.finding-entries > li.edge-entry').length;
        seen.disconnect();
      }).observe(document, { childList: true, subtree: true });
    },
  });
  await page.waitForFunction((n) => document.querySelectorAll('svg.canvas [data-node-id]').length === n, scenario.nodes.length);
  const first = await page.evaluate(() => window.__entriesWithCanvas);
  assert.ok(first > 0 && first <= 20, `${first} entries when the canvas was drawn`);
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 100, entries);
  const more = page.locator('[data-show-all="findings"]');
  assert.equal(await page.locator('.findings-more').innerText(), `Showing 100 of ${withFindings} relationships with findings. Show all ${withFindings}`);
  await more.click();
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [entries, withFindings]);
  assertClean();
  await page.close();
});
