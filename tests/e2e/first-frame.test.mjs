// The first frame: with the WebAssembly held back (as on a slow network), `#preset=N` shows the
// diagram's nodes, edges and verdicts prerendered at build time (dist/first/, drawn by the
// canvas's own components), inert, in the visitor's language; the app then replaces it with the
// same edges and the same verdicts, and no frame shows both or neither. Its elements never
// carry the live canvas's data-node-id / data-edge-id / data-verdict.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appUrl, cliReport, launchBrowser, presetFile, reportVerdicts, root, screenshot } from './helpers.mjs';

let browser; // helpers.mjs closes it after the last test
before(async () => {
  // The loader is what is tested: no service worker answers in its place.
  browser = await launchBrowser({ serviceWorkers: 'block', locale: 'en-US' });
});

/**
 * A page at `url` whose wasm is held back until `release()` (or answered 404 with `missing`).
 * Every animation frame records whether the first frame and the app's edges are there.
 */
async function heldPage(url, { missing = false } = {}) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !(missing && /404/.test(msg.text()))) problems.push(`console error: ${msg.text()}`);
  });
  const requests = [];
  page.on('request', (req) => requests.push(new URL(req.url()).pathname));
  let release;
  const released = new Promise((ok) => (release = ok));
  await page.route('**/*.wasm', async (route) => {
    await released;
    if (missing) await route.fulfill({ status: 404, body: 'gone' });
    else await route.continue();
  });
  await page.addInitScript(() => {
    window.__frames = [];
    const look = () => {
      window.__frames.push([
        Boolean(document.querySelector('[data-first-edge]')),
        Boolean(document.querySelector('[data-edge-id]')),
      ]);
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto(url, { waitUntil: 'commit' });
  return { page, release, problems, requests };
}

/** { edgeId: verdict } as the first frame shows it. */
function firstVerdicts(page) {
  return page.$$eval('[data-first-edge]', (els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute('data-first-edge'), el.getAttribute('data-first-verdict')])),
  );
}

function appVerdicts(page) {
  return page.$$eval('[data-edge-id]', (els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute('data-edge-id'), el.getAttribute('data-verdict')])),
  );
}

/** The first frame of `url` with the wasm held, then the app; returns both verdict maps. */
async function firstThenApp(url, { lang = 'en', note = 'Loading the editor…', shot } = {}) {
  const { page, release, problems } = await heldPage(url);
  await page.waitForSelector('#csp-boot [data-first-verdict]', { timeout: 15_000 });
  const first = await firstVerdicts(page);
  const inert = await page.evaluate(() => {
    const box = document.querySelector('.boot-first');
    const svg = box.querySelector('svg');
    const r = svg.getBoundingClientRect();
    return {
      busy: box.getAttribute('aria-busy'),
      pointer: getComputedStyle(box).pointerEvents,
      note: box.querySelector('.boot-first-note').textContent,
      lang: box.querySelector('.boot-first-note').lang,
      size: [r.width, r.height],
      hooks: document.querySelectorAll('[data-node-id], [data-edge-id], [data-verdict], [data-handle], [tabindex]').length,
      scripts: box.querySelectorAll('script').length,
      names: [...svg.querySelectorAll('[data-first-node] .label')].map((l) => l.textContent),
    };
  });
  assert.equal(inert.busy, 'true');
  assert.equal(inert.pointer, 'none');
  assert.equal(inert.note, note);
  assert.equal(inert.lang, lang);
  assert.ok(inert.size[0] > 200 && inert.size[1] > 200, `the picture fills the screen: ${inert.size}`);
  assert.equal(inert.hooks, 0, 'no live hooks while the app is not there');
  assert.equal(inert.scripts, 0);
  assert.ok(inert.names.length > 1, 'the nodes are named');
  if (shot) await screenshot(page, shot);
  release();
  await page.waitForSelector('[data-edge-id][data-verdict]', { timeout: 20_000 });
  const app = await appVerdicts(page);
  const frames = await page.evaluate(() => window.__frames);
  const from = frames.findIndex(([f]) => f);
  const to = frames.findIndex(([, live]) => live);
  assert.ok(from >= 0 && to > from, `first frame at ${from}, the app's edges at ${to}`);
  const bad = frames.slice(from).filter(([f, live]) => f === live);
  assert.deepEqual(bad, [], `no frame after the first shows both or neither (${frames.length} frames)`);
  assert.equal(await page.locator('[data-first-edge], .boot-first, #csp-boot').count(), 0, 'the first frame is gone');
  assert.deepEqual(problems, []);
  await page.close();
  return { first, app };
}

test('with the wasm held back, #preset=1 shows its verdicts in English and Chinese, then the app the same ones', async () => {
  for (const [lang, note] of [['en', 'Loading the editor…'], ['zh-TW', '正在載入編輯器…']]) {
    const want = reportVerdicts(cliReport(presetFile(1), lang));
    const { first, app } = await firstThenApp(appUrl(`/?lang=${lang}#preset=1`), { lang, note, shot: `first-frame-${lang}.png` });
    assert.deepEqual(first, want, `${lang}: the first frame has the engine's verdicts`);
    assert.deepEqual(app, first, `${lang}: the app drew the same edges with the same verdicts`);
  }
});

test('every preset: the first frame has the same edges and verdicts as the app that replaces it', async () => {
  for (let n = 2; n <= 8; n++) {
    const { first, app } = await firstThenApp(appUrl(`/?lang=en#preset=${n}`));
    assert.deepEqual(first, reportVerdicts(cliReport(presetFile(n), 'en')), `preset ${n}`);
    assert.deepEqual(app, first, `preset ${n}`);
  }
});

test('the read-only viewer shows it too, said as the diagram loading', async () => {
  const { first, app } = await firstThenApp(appUrl('/?lang=zh-TW&embed=view#preset=3'), { lang: 'zh-TW', note: '正在載入圖表…' });
  assert.deepEqual(first, reportVerdicts(cliReport(presetFile(3), 'zh-TW')));
  assert.deepEqual(app, first);
});

/** Each node's centre and width on screen, by id. */
function nodeBoxes(page, attr) {
  return page.$$eval(`[${attr}]`, (els, attr) => Object.fromEntries(els.map((el) => {
    const r = el.getBoundingClientRect();
    return [el.getAttribute(attr), { x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width }];
  })), attr);
}

test('the diagram does not move when the app replaces its first frame: editor, viewer, embed, phone', async (t) => {
  const cases = [
    ['/?lang=en#preset=3', 1280, 800], ['/?lang=en#preset=3', 1920, 1080], ['/?lang=zh-TW#preset=1', 1024, 768],
    ['/?lang=en#preset=6', 1440, 900], ['/?lang=en#preset=3', 390, 844], ['/?lang=en#preset=2', 667, 375],
    ['/?lang=en&embed=view#preset=3', 1280, 800], ['/?lang=en&embed=view#preset=7', 390, 844],
    ['/?lang=en&embed=edit#preset=3', 1024, 768], ['/?lang=en&embed=edit#preset=4', 390, 844],
    // Where hand-measured bands once drifted (tests/bench/firstframe-sweep.mjs): a low window,
    // whose canvas keeps its min-height; a width where the header has one row less than
    // assumed; Chinese, whose header and legend wrap at other widths.
    ['/?lang=en#preset=1', 749, 568], ['/?lang=en#preset=3', 1240, 768],
    ['/?lang=zh-TW#preset=1', 1120, 568], ['/?lang=zh-TW&embed=view#preset=1', 720, 568],
  ];
  const far = [];
  let worst = { moved: 0, scale: 1 };
  for (const [path, width, height] of cases) {
    const { page, release } = await heldPage(appUrl(path));
    await page.setViewportSize({ width, height });
    await page.waitForSelector('#csp-boot [data-first-node]', { timeout: 15_000 });
    const first = await nodeBoxes(page, 'data-first-node');
    release();
    await page.waitForSelector('body > .app:not([aria-busy]) [data-node-id]', { timeout: 20_000 });
    await page.locator('#csp-boot').waitFor({ state: 'detached' });
    const app = await nodeBoxes(page, 'data-node-id');
    assert.deepEqual(Object.keys(app).sort(), Object.keys(first).sort(), path);
    for (const [id, a] of Object.entries(first)) {
      const b = app[id];
      const moved = Math.hypot(b.x - a.x, b.y - a.y);
      const scale = b.w / a.w;
      if (moved > worst.moved) worst.moved = moved;
      if (Math.abs(scale - 1) > Math.abs(worst.scale - 1)) worst.scale = scale;
      if (moved > 24 || scale < 0.9 || scale > 1.1) far.push(`${path} ${width}x${height} ${id}: moved ${moved.toFixed(0)} px, scaled ${scale.toFixed(2)}`);
    }
    await page.close();
  }
  t.diagnostic(`farthest move ${worst.moved.toFixed(1)} px, scale ${worst.scale.toFixed(3)}`);
  assert.deepEqual(far, [], 'each node stays within 24 px of where the first frame drew it, at its size');
});

test('an address the build cannot know fetches no first frame: no preset, a tour step, a quiz, presenter mode', async () => {
  for (const path of ['/?lang=en', '/?lang=en#preset=1&step=2', '/?lang=en&embed=quiz#preset=1', '/?lang=en&present=1#preset=1', '/?lang=en#preset=99']) {
    const { page, release, requests } = await heldPage(appUrl(path));
    await page.locator('#csp-boot[data-boot]').waitFor({ timeout: 15_000 });
    release();
    await page.waitForSelector('body > .app:not([aria-busy])', { timeout: 20_000 });
    const frames = await page.evaluate(() => window.__frames);
    assert.ok(!frames.some(([f]) => f), `${path}: no first frame`);
    assert.deepEqual(requests.filter((r) => r.includes('/first/')), [], path);
    await page.close();
  }
});

test('a load that fails takes the first frame away and says why', async () => {
  const { page, release } = await heldPage(appUrl('/?lang=en#preset=2'), { missing: true });
  await page.waitForSelector('#csp-boot [data-first-verdict]', { timeout: 15_000 });
  release();
  await page.locator('#csp-boot[data-state="failed"]').waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('.boot-first, [data-first-edge]').count(), 0);
  assert.match(await page.locator('#csp-boot .boot-live').innerText(), /HTTP 404/);
  assert.ok(await page.evaluate(() => document.body.contains(document.getElementById('csp-boot'))));
  await page.close();
});

test('the build wrote a first frame per preset and language, and the worker precaches them', () => {
  const dist = join(root, 'dist');
  const lazy = JSON.parse(readFileSync(join(dist, 'lazy.json'), 'utf8')).files;
  for (let n = 1; n <= 8; n++) {
    for (const lang of ['en', 'zh-TW']) {
      const f = `first/${n}-${lang}.html`;
      assert.ok(existsSync(join(dist, f)) && lazy.includes(f), f);
      assert.match(readFileSync(join(dist, f), 'utf8'), /^<svg [^>]*viewBox="[-\d. ]+"[^>]*>.*<\/svg>$/s, f);
    }
  }
  if (existsSync(join(dist, 'sw.js'))) {
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    assert.ok(sw.includes('"first/1-zh-TW.html"'), 'sw.js precaches the first frames');
  }
});
