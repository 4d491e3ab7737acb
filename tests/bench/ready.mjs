// Where the editor's "ready" goes at n nodes (versus.mjs's figure: navigation to 100 nodes on
// screen), from a Chromium trace of each load: the renderer main thread's slices between the
// navigation and the animation frame at which 100 `[data-node-id]` are there, as CPU time
// (each slice's thread time less its children's) by name, and when the page's milestones came.
// Builds are loaded in turns, so a busy machine weighs on each alike. Prints numbers; asserts
// nothing.
//   node tests/bench/ready.mjs [N] [ROUNDS] [DIST...]   (default: 1000 3 dist)
// N's network is the peer's (../shared/bench/reactflow/scenario.mjs, so it must be there);
// TRACE_OUT=FILE keeps the last load's raw trace.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CLI, serve, shareLink } from './drive.mjs';
import { SOURCE } from './peer.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const [nArg, roundsArg, ...distArgs] = process.argv.slice(2);
const n = Number(nArg ?? 1000);
const rounds = Number(roundsArg ?? 3);
const dists = (distArgs.length ? distArgs : ['dist']).map((d) => resolve(d));
const OUT = join(ROOT, 'target/bench');
mkdirSync(OUT, { recursive: true });
if (!SOURCE || !existsSync(join(SOURCE, 'scenario.mjs'))) {
  console.error('ready.mjs: needs the peer\'s scenario.mjs (../shared/bench/reactflow)');
  process.exit(2);
}
// Loaded as versus.mjs loads it: the link `csp-rules share` writes (compressed), not the peer's
// plain `1.j.` fragment, whose 266 kB (at 1,000 nodes) the browser's navigation alone takes
// about 0.1 s to pass on.
const plain = execFileSync('node', [join(SOURCE, 'scenario.mjs'), String(n)], { encoding: 'utf8', maxBuffer: 64 << 20 });
const fragment = existsSync(CLI)
  ? shareLink(execFileSync(CLI, ['share', '--decode', '-'], { input: plain, maxBuffer: 64 << 20 }))
  : plain;

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing',
  'loading', 'v8', 'v8.execute', 'toplevel', 'blink', 'cc', 'v8.wasm', 'disabled-by-default-v8.compile'];

function watch({ selector, count }) {
  const check = () => {
    if (document.querySelectorAll(selector).length >= count) {
      performance.mark('bench:ready');
      window.__benchReady = performance.now();
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** One load, traced: { wall, marks, self, tasks } (ms). */
async function load(url) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.addInitScript(watch, { selector: '[data-node-id]', count: 100 });
    await browser.startTracing(page, { categories: CATEGORIES });
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: 60_000, polling: 'raf' });
    const wall = Date.now() - t0;
    await page.waitForTimeout(300);
    const raw = await browser.stopTracing();
    if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, raw);
    const trace = JSON.parse(raw.toString('utf8'));
    return { wall, ...analyse(trace.traceEvents ?? trace) };
  } finally {
    await browser.close();
  }
}

/** The main thread of the renderer that drew the page: the one with the `bench:ready` mark. */
function analyse(events) {
  const ready = events.find((e) => e.name === 'bench:ready');
  if (!ready) throw new Error('no bench:ready mark in the trace');
  const { pid, tid } = ready;
  const own = events.filter((e) => e.pid === pid && e.tid === tid);
  const nav = own.find((e) => e.name === 'navigationStart') ?? events.find((e) => e.name === 'navigationStart' && e.pid === pid);
  const t0 = nav ? nav.ts : Math.min(...own.filter((e) => e.ph === 'X').map((e) => e.ts));
  const at = (e) => (e.ts - t0) / 1e3;
  const marks = {};
  for (const e of own) {
    if (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.cat?.includes('user_timing')) {
      if (/^(bench:|csp-explorer:|firstContentfulPaint|domContentLoadedEventEnd|loadEventEnd|firstMeaningfulPaint)/.test(e.name) && !(e.name in marks)) marks[e.name] = at(e);
    }
  }
  // Complete slices (and B/E pairs) before the ready mark, nested by time.
  const slices = [];
  const open = [];
  for (const e of own) {
    if (e.ph === 'X' && e.dur !== undefined) slices.push({ name: e.name, ts: e.ts, end: e.ts + e.dur, cpu: e.tdur ?? e.dur, args: e.args });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) slices.push({ name: b.name, ts: b.ts, end: e.ts, cpu: e.tts !== undefined && b.tts !== undefined ? e.tts - b.tts : e.ts - b.ts, args: b.args });
    }
  }
  slices.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const self = new Map();
  const stack = [];
  const tasks = [];
  for (const s of slices) {
    if (s.ts > ready.ts) break;
    while (stack.length && stack.at(-1).end <= s.ts) stack.pop();
    const parent = stack.at(-1);
    s.self = s.cpu;
    if (parent) parent.self -= s.cpu;
    else tasks.push(s);
    stack.push(s);
  }
  for (const s of slices) {
    if (s.ts > ready.ts || s.self === undefined) continue;
    const name = s.name === 'FunctionCall' || s.name === 'EvaluateScript' ? `${s.name} ${(s.args?.data?.url ?? '').split('/').pop().slice(0, 24)}` : s.name;
    self.set(name, (self.get(name) ?? 0) + s.self / 1e3);
  }
  const long = tasks.filter((t) => t.end - t.ts > 8e3).map((t) => ({ at: (t.ts - t0) / 1e3, wall: (t.end - t.ts) / 1e3, cpu: t.cpu / 1e3 }));
  const cpu = tasks.reduce((a, t) => a + t.cpu, 0) / 1e3;
  return { marks, self, long, cpu, ready: at(ready) };
}

const sites = [];
for (const d of dists) sites.push(await serve(d));
const all = dists.map(() => []);
try {
  for (let r = 1; r <= rounds; r++) {
    for (let i = 0; i < dists.length; i++) {
      const res = await load(`${sites[i].url}index.html?lang=en${fragment}`);
      all[i].push(res);
      const marks = Object.entries(res.marks).map(([k, v]) => `${k.replace('csp-explorer:', '')} ${v.toFixed(0)}`).join(', ');
      console.log(`round ${r} ${dists[i]}: wall ${res.wall} ms, ready mark ${res.ready.toFixed(0)} ms, main-thread CPU to ready ${res.cpu.toFixed(0)} ms; ${marks}`);
      for (const t of res.long) console.log(`   task at ${t.at.toFixed(0)} ms: wall ${t.wall.toFixed(0)}, CPU ${t.cpu.toFixed(0)} ms`);
    }
  }
} finally {
  for (const s of sites) await s.close();
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[(s.length - 1) >> 1]; };
for (let i = 0; i < dists.length; i++) {
  console.log(`== ${dists[i]}: medians of ${rounds}: wall ${median(all[i].map((r) => r.wall))} ms, CPU to ready ${median(all[i].map((r) => r.cpu)).toFixed(0)} ms; self CPU by slice:`);
  const names = new Set(all[i].flatMap((r) => [...r.self.keys()]));
  const rows = [...names].map((k) => [k, median(all[i].map((r) => r.self.get(k) ?? 0))]).sort((a, b) => b[1] - a[1]).slice(0, 22);
  for (const [k, v] of rows) if (v >= 0.5) console.log(`   ${v.toFixed(1).padStart(7)} ms  ${k}`);
}
writeFileSync(join(OUT, 'ready.json'), JSON.stringify(all.map((rs) => rs.map((r) => ({ ...r, self: Object.fromEntries(r.self) }))), null, 1));
