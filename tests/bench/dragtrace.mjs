// What fills a drag's long frames: the drag of tests/bench/drive.mjs and the peer's drag.mjs
// (navigation, 100 nodes on screen, then a node near the middle dragged 180 × 120 px in 60
// pointer moves, rAF intervals recorded), with a Chromium trace around the drag. Every
// interval over 17 ms is listed with the renderer main thread's work in it (its tasks, by
// the trace's event names, garbage collection apart) and the compositor's, and the raster of
// the press and of the drop (tiles, ms). Numbers only.
//   node tests/bench/dragtrace.mjs [n=1000] [rounds=3] [settle_ms=0] [dist]
// `settle_ms` waits after ready before the press (drive.mjs waits 500, the peer's harness 0);
// DRAG_CSS=… adds a style sheet first.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dragFrames, serve } from './drive.mjs';
import { SOURCE } from './peer.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const [n = 1000, rounds = 3, settle = 0] = process.argv.slice(2, 5).map(Number);
const dist = process.argv[5] ?? join(ROOT, 'dist');
const OUT = join(ROOT, 'target/bench');
mkdirSync(OUT, { recursive: true });
if (!SOURCE) throw new Error('dragtrace: needs the peer folder for its scenario.mjs');
const fragment = execFileSync('node', [join(SOURCE, 'scenario.mjs'), String(n)], { encoding: 'utf8', maxBuffer: 64 << 20 });

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame', 'blink.user_timing', 'v8.execute',
  'disabled-by-default-v8.gc', 'toplevel', 'cc', 'viz', ...(process.env.DRAG_INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking', 'blink.invalidation'] : [])].join(',');

async function round(site, k) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${site.url}index.html?lang=en${fragment}`);
    await page.waitForFunction(() => document.querySelectorAll('[data-node-id]').length >= 100, null, { timeout: 60_000 });
    if (settle) await page.waitForTimeout(settle);
    // DRAG_CSS: a style sheet added before the drag (to try a change without a build).
    if (process.env.DRAG_CSS) {
      await page.evaluate((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }, process.env.DRAG_CSS);
    }
    const box = await page.evaluate(() => {
      const els = [...document.querySelectorAll('[data-node-id]')].map((e) => e.getBoundingClientRect())
        .filter((r) => r.width > 2 && r.x > 100 && r.y > 100 && r.x < 1400 && r.y < 900);
      const r = els[Math.floor(els.length / 2)];
      return r && { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    const path = join(OUT, `dragtrace-${k}.json`);
    await browser.startTracing(page, { path, categories: CATEGORIES.split(',') });
    const frames = await dragFrames(page, box, { mark: true });
    await browser.stopTracing();
    return { frames, trace: JSON.parse(readFileSync(path, 'utf8')) };
  } finally {
    await browser.close();
  }
}

/** The long intervals, each with what the renderer's main thread and compositor did. */
function analyse({ frames, trace }) {
  const events = trace.traceEvents ?? trace;
  const names = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  const marks = events.filter((e) => e.name === 'bench-frame' && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b'))
    .map((e) => e.ts).sort((a, b) => a - b);
  const mark = events.find((e) => e.name === 'bench-frame');
  const main = mark && `${mark.pid}:${mark.tid}`;
  const renderer = mark?.pid;
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const on = (thread) => complete.filter((e) => `${e.pid}:${e.tid}` === thread);
  const mainEvents = on(main);
  const tasks = mainEvents.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  const compositor = [...names].find(([key, name]) => key.startsWith(`${renderer}:`) && name === 'Compositor')?.[0];
  const compTasks = compositor ? on(compositor).filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') : [];
  const GC = new Set(['MinorGC', 'MajorGC', 'V8.GCIncrementalMarking', 'V8.GCFinalizeMC', 'V8.GC_MC_BACKGROUND_MARKING']);
  const gc = mainEvents.filter((e) => GC.has(e.name));
  const interesting = /^(FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|UpdateLayer|Commit|MinorGC|MajorGC|ParseHTML|v8\.compile|v8\.callFunction|HitTest|ScheduleStyleRecalculation|IntersectionObserverController::computeIntersections|ResizeObserver|V8\.GC_MC_INCREMENTAL|V8\.GC_SCAVENGER|BlinkGC\.AtomicPhase)/;
  const within = (list, a, b) => list.filter((e) => e.ts < b && e.ts + e.dur > a);
  const overlap = (e, a, b) => Math.max(0, Math.min(b, e.ts + e.dur) - Math.max(a, e.ts)) / 1000;
  // A thread's busy time in [a, b]: the union of its complete events (nested ones counted once).
  const byThread = new Map();
  for (const e of complete) {
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const busyIn = (list, a, b) => {
    let total = 0;
    let reach = a;
    for (const e of list) {
      if (e.ts >= b) break;
      const [s, t] = [Math.max(e.ts, reach), Math.min(e.ts + e.dur, b)];
      if (t > s) {
        total += t - s;
        reach = t;
      }
    }
    return total / 1000;
  };
  for (const list of byThread.values()) list.sort((x, y) => x.ts - y.ts);
  const dispatched = events.filter((e) => e.name === 'EventDispatch' && `${e.pid}:${e.tid}` === main);
  const long = [];
  for (let i = 1; i < marks.length; i++) {
    const [a, b] = [marks[i - 1], marks[i]];
    const ms = (b - a) / 1000;
    if (ms <= 17) continue;
    if (ms < 20) { long.push({ frame: i, ms, short: true }); continue; }
    const byName = new Map();
    for (const e of within(mainEvents, a, b)) {
      if (!interesting.test(e.name)) continue;
      byName.set(e.name, (byName.get(e.name) ?? 0) + overlap(e, a, b));
    }
    const threads = [...byThread].map(([key, list]) => [names.get(key) ?? key, busyIn(list, a, b)])
      .filter(([, v]) => v >= 1).sort((x, y) => y[1] - x[1]).slice(0, 5)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
    const inputs = [...new Set(within(dispatched, a, b).map((e) => e.args?.data?.type).filter((t) => /pointer(down|up)|mouse(down|up)/.test(t ?? '')))].join(' ');
    const moves = within(dispatched, a, b).filter((e) => e.args?.data?.type === 'pointermove').length;
    const gcMs = within(gc, a, b).reduce((s, e) => s + overlap(e, a, b), 0);
    const top = [...byName].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
    long.push({ frame: i, ms, threads, inputs, moves, gcMs, top });
  }
  // The tiles rasterized for the press (until 300 ms after it) and for the drop (400 ms).
  const rasters = events.filter((e) => e.ph === 'X' && e.name === 'RasterTask');
  const at = (type) => dispatched.find((e) => e.args?.data?.type === type)?.ts;
  const raster = (from, span) => {
    const l = from === undefined ? [] : rasters.filter((e) => e.ts >= from && e.ts < from + span);
    return `${l.length} tiles ${(l.reduce((s, e) => s + e.dur, 0) / 1000).toFixed(0)} ms`;
  };
  const tiles = `press ${raster(at('pointerdown'), 300e3)}, drop ${raster(at('pointerup'), 400e3)}`;
  const sorted = frames.slice(2).sort((a, b) => a - b);
  const q = (x) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * x))];
  return { count: sorted.length, median: q(0.5), p95: q(0.95), max: sorted.at(-1), marks: marks.length, long, tiles };
}

const site = await serve(dist);
try {
  for (let k = 1; k <= rounds; k++) {
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const r = analyse(await round(site, k));
    console.log(`round ${k} (load ${load}): ${r.count} intervals, median ${r.median.toFixed(1)} p95 ${r.p95.toFixed(1)} max ${r.max.toFixed(1)} ms; ${r.long.length} over 17 ms`);
    const short = r.long.filter((f) => f.short);
    console.log(`  raster: ${r.tiles}`);
    if (short.length) console.log(`  17-20 ms: ${short.map((f) => `#${f.frame} ${f.ms.toFixed(1)}`).join(', ')}`);
    for (const f of r.long.filter((f) => !f.short)) {
      console.log(`  #${String(f.frame).padStart(3)} ${f.ms.toFixed(1).padStart(6)} ms [${f.inputs}${f.inputs ? ' ' : ''}${f.moves} moves] threads: ${f.threads}; GC ${f.gcMs.toFixed(1)}`);
      console.log(`        main: ${f.top}`);
    }
  }
} finally {
  await site.close();
}
if (!existsSync(dist)) console.error(`no ${dist}`);
