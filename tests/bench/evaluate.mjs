// `window.cspRules.evaluate(object)` against the CLI, in CPU time, for one or several builds
// of the page taken in turns (so a busy machine weighs on each alike). Prints numbers; asserts
// nothing.
//
// usage: node tests/bench/evaluate.mjs NETWORK.json CLI_BIN ROUNDS BUILD...
//   BUILD: a dist/ folder, or module:DIR, a build of the rules-only module (rules/csp_rules.js
//   and its wasm) imported into the page of the first dist/ folder given.
//
// Each round runs, for every build in turn, the CLI's `check` of the file once (user + system
// CPU time of the child) and three `evaluate` calls in a page of that build; a call's CPU time
// is the renderer main thread's (Chromium's `ThreadTime` metric, DevTools protocol) before and
// after it. Apart from the call, the page times what the boundary does in JavaScript
// (`JSON.stringify` of the object, `JSON.parse` of a report of the same size) so the rest, the
// engine in the wasm and the copies in and out of it, can be told apart; and one more call
// per build is sampled by the profiler (wasm, JavaScript, garbage collection). Medians at the end.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, readdirSync, readFileSync, openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

const [network, cliBin, roundsArg, ...dists] = process.argv.slice(2);
if (!network || !cliBin || !dists.length) {
  console.error('usage: node tests/bench/evaluate.mjs NETWORK.json CLI_BIN ROUNDS BUILD... (BUILD: DIST_DIR or module:DIR)');
  process.exit(2);
}
const rounds = Number(roundsArg) || 5;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const freePort = () => new Promise((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); });
});
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[(s.length - 1) >> 1]; };

/** The CLI's CPU time (ms) for one `check` of the file, its report thrown away. */
function cli() {
  return new Promise((ok, fail) => {
    const out = openSync('/dev/null', 'w');
    const child = spawn('/usr/bin/time', ['-f', '%U %S', resolve(cliBin), 'check', resolve(network)],
      { stdio: ['ignore', out, 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => {
      closeSync(out);
      const m = err.trim().split('\n').pop().match(/^([\d.]+) ([\d.]+)$/);
      if (code !== 0 || !m) fail(new Error(`cli failed: ${err}`));
      else ok((Number(m[1]) + Number(m[2])) * 1e3);
    });
  });
}

/** A CPU profile's samples by where they ran: the wasm, the browser's TextDecoder, other
 * JavaScript (the glue and the builtins it calls: JSON.stringify, JSON.parse, encodeInto), the
 * garbage collector. Milliseconds. */
function split(profile) {
  const at = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = {};
  profile.samples.forEach((id, i) => {
    const { functionName: name, url } = at.get(id).callFrame;
    let k = null;
    if (url.endsWith('.wasm') || name.startsWith('wasm-function')) k = 'wasm';
    else if (name === '(garbage collector)') k = 'gc';
    else if (name === 'decode') k = 'decode';
    else if (!name.startsWith('(')) k = 'js';
    if (k) out[k] = (out[k] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1e3;
  });
  out.js = (out.js ?? 0) + (out.decode ?? 0);
  return out;
}

const servers = [];
const sites = [];
const profile = mkdtempSync(join(tmpdir(), 'csp-bench-profile-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: ARGS, serviceWorkers: 'block' });
  const builds = [];
  for (const dist of dists) {
    // `module:DIR` is a build of the rules-only module alone, imported into the first page build.
    const module = dist.startsWith('module:') ? dist.slice(7) : null;
    const pageDist = module ? dists.find((d) => !d.startsWith('module:')) : dist;
    const site = mkdtempSync(join(tmpdir(), 'csp-bench-'));
    sites.push(site);
    for (const f of readdirSync(pageDist)) symlinkSync(resolve(pageDist, f), join(site, f));
    if (module) symlinkSync(resolve(module), join(site, 'module'));
    symlinkSync(resolve(dirname(network)), join(site, 'data'));
    const port = await freePort();
    servers.push(spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', String(port)], { cwd: site, stdio: 'ignore' }));
    for (let i = 0; i < 50; i++) {
      try { await fetch(`http://127.0.0.1:${port}/`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.cspRules && typeof window.cspRules.evaluate === 'function');
    if (module) {
      await page.evaluate(async () => {
        const m = await import('/module/csp_rules.js');
        await m.default();
        window.cspRules = m;
      });
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    // The file once per page, kept as text; a warm-up call so the engine's code is optimised.
    await page.evaluate(async (url) => {
      window.benchText = await (await fetch(url)).text();
      window.cspRules.evaluate(JSON.parse(window.benchText));
    }, `/data/${basename(network)}`);
    builds.push({ dist, page, cdp, calls: [], walls: [], clis: [], stringify: [], parse: [] });
  }
  const threadTime = async (cdp) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1e3;

  for (let r = 0; r < rounds; r++) {
    for (const b of builds) {
      b.clis.push(await cli());
      for (let i = 0; i < 3; i++) {
        await b.page.evaluate(() => { window.benchScenario = JSON.parse(window.benchText); });
        const t0 = await threadTime(b.cdp);
        const wall = await b.page.evaluate(() => {
          const t = performance.now();
          window.benchReport = window.cspRules.evaluate(window.benchScenario);
          return performance.now() - t;
        });
        const t1 = await threadTime(b.cdp);
        b.calls.push(t1 - t0);
        b.walls.push(wall);
      }
      // What the boundary's two JSON steps cost in JavaScript at this size.
      const split = await b.page.evaluate(() => {
        let t = performance.now();
        JSON.stringify(window.benchScenario);
        const stringify = performance.now() - t;
        const text = JSON.stringify(window.benchReport);
        t = performance.now();
        JSON.parse(text);
        return { stringify, parse: performance.now() - t };
      });
      b.stringify.push(split.stringify);
      b.parse.push(split.parse);
      await b.page.evaluate(() => { window.benchReport = null; window.benchScenario = null; });
    }
  }
  // One more call per build under the sampling profiler: where its time goes.
  for (const b of builds) {
    await b.page.evaluate(() => { window.benchScenario = JSON.parse(window.benchText); });
    await b.cdp.send('Profiler.enable');
    await b.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await b.cdp.send('Profiler.start');
    await b.page.evaluate(() => { window.benchReport = window.cspRules.evaluate(window.benchScenario); });
    b.split = split((await b.cdp.send('Profiler.stop')).profile);
    await b.page.evaluate(() => { window.benchReport = null; window.benchScenario = null; });
  }
  console.log(`== evaluate(object) vs the CLI, ${basename(network)}, ${rounds} rounds (load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`);
  for (const b of builds) {
    const call = median(b.calls);
    const native = median(b.clis);
    console.log(`  ${b.dist}`);
    console.log(`    evaluate CPU ${call.toFixed(0)} ms (${Math.min(...b.calls).toFixed(0)}–${Math.max(...b.calls).toFixed(0)}), wall ${median(b.walls).toFixed(0)} ms; CLI CPU ${native.toFixed(0)} ms (${Math.min(...b.clis).toFixed(0)}–${Math.max(...b.clis).toFixed(0)}); ratio ${(call / native).toFixed(2)}x (per-round medians: ${b.clis.map((c, i) => (median(b.calls.slice(3 * i, 3 * i + 3)) / c).toFixed(2)).join(' ')})`);
    // Shares, not times: the profiler slows the call it samples.
    const all = (b.split.wasm ?? 0) + b.split.js + (b.split.gc ?? 0);
    const pc = (k) => `${Math.round((100 * (b.split[k] ?? 0)) / all)}%`;
    console.log(`    one call, sampled: in the wasm ${pc('wasm')}; JavaScript ${pc('js')} (of it decoding the report's UTF-8 ${pc('decode')}); garbage collection ${pc('gc')}`);
    console.log(`    of it in JavaScript: JSON.stringify of the object ${median(b.stringify).toFixed(0)} ms, JSON.parse of the report ${median(b.parse).toFixed(0)} ms`);
  }
} finally {
  await context?.close();
  for (const s of servers) s.kill();
  for (const s of sites) rmSync(s, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
