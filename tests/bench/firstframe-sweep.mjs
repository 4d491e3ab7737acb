// Does the diagram stay put when the app replaces its first frame, at every window size? The
// bands of static/boot.css (.boot-first) are measured by hand for some windows; this loads
// `#preset=N` with the wasm held back over many window sizes (widths 320..1920 every 40 px,
// and either side of each width breakpoint of boot.css and static/styles/; heights 568, 768,
// 1000), in the editor, the viewer (`embed=view`) and the editable embed (`embed=edit`), reads
// each node's box in the first frame, lets the wasm through and reads it again in the app.
// Prints, per window, the farthest move (px) and the scale furthest from 1, with the picture's
// box against the app's canvas (top right bottom left, px) to tell which band is off; then
// the worst of all. Numbers only: it asserts nothing (first-frame.test.mjs checks a few windows).
//   node tests/bench/firstframe-sweep.mjs [DIST]   (default: dist; about 10 min for its ~600
//   windows with SWEEP_JOBS=3 pages at once on 2 cores; default 2;
//   SWEEP_ONLY=view|edit|editor one layout, SWEEP_WIDTHS=700,1280 those widths only)
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from './drive.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const DIST = resolve(process.argv[2] ?? join(ROOT, 'dist'));
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LIMIT = { moved: 24, scale: 0.1 }; // first-frame.test.mjs's

/** Every `max-width: N` / `min-width: N` in the stylesheets, as the widths either side of it. */
function breakpoints() {
  const files = ['static/boot.css', ...['_audit', '_base', '_canvas', '_embed', '_panels', '_shell', '_theme', '_training']
    .map((f) => `static/styles/${f}.scss`)];
  const widths = new Set();
  for (const f of files) {
    let text = '';
    try { text = readFileSync(join(ROOT, f), 'utf8'); } catch { continue; }
    // $narrow (699px) is the one width the SCSS names; `$narrow + 1` is 700.
    text = text.replaceAll('$narrow + 1', '700px').replaceAll('$narrow', '699px');
    for (const [, kind, n] of text.matchAll(/(max|min)-width:\s*(\d+)px/g)) {
      // max-width: 699 flips between 699 and 700; min-width: 700 the same.
      const edge = kind === 'max' ? Number(n) : Number(n) - 1;
      widths.add(edge).add(edge + 1);
    }
  }
  return widths;
}

const only = process.env.SWEEP_WIDTHS?.split(',').map(Number);
const widths = only ?? [...new Set([...Array.from({ length: 41 }, (_, i) => 320 + 40 * i), ...breakpoints()])]
  .filter((w) => w >= 320 && w <= 1920).sort((a, b) => a - b);
const heights = [568, 768, 1000];
const layouts = [['editor', ''], ['view', '&embed=view'], ['edit', '&embed=edit']]
  .filter(([name]) => !process.env.SWEEP_ONLY || process.env.SWEEP_ONLY === name);
// One diagram per window, in turn, so that every width sees each of them at some height.
const diagrams = [[1, 'en'], [3, 'en'], [6, 'en'], [1, 'zh-TW']];

const cases = [];
for (const [layout, query] of layouts) {
  for (const width of widths) {
    heights.forEach((height, i) => {
      const [preset, lang] = diagrams[(widths.indexOf(width) + i) % diagrams.length];
      cases.push({ layout, width, height, preset, lang, path: `?lang=${lang}${query}#preset=${preset}` });
    });
  }
}

/** Each node's centre and width by id, and the box of the element `box` (t r b l from the edges). */
function boxes(page, attr, box) {
  return page.evaluate(([attr, box]) => {
    const nodes = {};
    for (const el of document.querySelectorAll(`[${attr}]`)) {
      const r = el.getBoundingClientRect();
      nodes[el.getAttribute(attr)] = { x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width };
    }
    const b = document.querySelector(box)?.getBoundingClientRect();
    const edges = b && [b.top, innerWidth - b.right, innerHeight - b.bottom, b.left].map(Math.round);
    return { nodes, edges };
  }, [attr, box]);
}

async function measure(context, url, { width, height }) {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width, height });
    let release;
    const released = new Promise((ok) => (release = ok));
    await page.route('**/*.wasm', async (route) => { await released; await route.continue(); });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector('#csp-boot [data-first-node]', { timeout: 15_000 });
    const first = await boxes(page, 'data-first-node', '.boot-first');
    release();
    await page.waitForSelector('body > .app:not([aria-busy]) [data-node-id]', { timeout: 30_000 });
    await page.locator('#csp-boot').waitFor({ state: 'detached' });
    const app = await boxes(page, 'data-node-id', 'svg.canvas');
    let moved = 0;
    let scale = 1;
    let missing = 0;
    for (const [id, a] of Object.entries(first.nodes)) {
      const b = app.nodes[id];
      if (!b) { missing++; continue; }
      moved = Math.max(moved, Math.hypot(b.x - a.x, b.y - a.y));
      const s = b.w / a.w;
      if (Math.abs(s - 1) > Math.abs(scale - 1)) scale = s;
    }
    return { moved, scale, missing, first: first.edges, app: app.edges };
  } finally {
    await page.close();
  }
}

const server = await serve(DIST);
const browser = await chromium.launch({ executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ARGS });
const started = Date.now();
try {
  // One context: the app's files come from its cache after the first page, as on a revisit.
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
  console.log(`${cases.length} windows of ${DIST}: widths ${widths.join(' ')}`);
  console.log('layout  window     diagram   moved  scale  first-frame box (t r b l)  app canvas (t r b l)');
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      let r;
      try {
        r = await measure(context, new URL(c.path, server.url).href, c);
      } catch (err) {
        r = { error: err.message.split('\n')[0] };
      }
      results.push({ ...c, ...r });
      const far = r.error || r.missing || r.moved > LIMIT.moved || Math.abs(r.scale - 1) > LIMIT.scale;
      const line = r.error
        ? `error: ${r.error}`
        : `${r.moved.toFixed(1).padStart(5)}  ${r.scale.toFixed(3)}  ${String(r.first).padEnd(26)} ${r.app}${r.missing ? `  ${r.missing} nodes missing` : ''}`;
      console.log(`${c.layout.padEnd(7)} ${`${c.width}x${c.height}`.padEnd(10)} ${`${c.preset} ${c.lang}`.padEnd(8)} ${line}${far ? '  <-- over' : ''}`);
    }
  };
  await Promise.all(Array.from({ length: Number(process.env.SWEEP_JOBS ?? 2) }, worker));
  const ok = results.filter((r) => !r.error);
  const over = results.filter((r) => r.error || r.missing || r.moved > LIMIT.moved || Math.abs(r.scale - 1) > LIMIT.scale);
  for (const [layout] of layouts) {
    const mine = ok.filter((r) => r.layout === layout);
    if (!mine.length) continue;
    const m = mine.reduce((a, b) => (b.moved > a.moved ? b : a));
    const s = mine.reduce((a, b) => (Math.abs(b.scale - 1) > Math.abs(a.scale - 1) ? b : a));
    console.log(`worst ${layout}: moved ${m.moved.toFixed(1)} px at ${m.width}x${m.height}, scale ${s.scale.toFixed(3)} at ${s.width}x${s.height}`);
  }
  console.log(`${over.length} of ${results.length} windows over ${LIMIT.moved} px or ±${LIMIT.scale * 100}% (${((Date.now() - started) / 1000).toFixed(0)} s)`);
} finally {
  await browser.close();
  await server.close();
}
