// Browser figures for scripts/bench.sh: window.cspRules.evaluate on the large synthetic network,
// and (when the page supports them) render and drag timings. Prints numbers; asserts nothing.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const BENCH = process.env.BENCH_DIR ?? join(ROOT, 'target/bench');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const freePort = () => new Promise((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); });
});

// The build's URLs are relative, so its files are served at the root, the networks under /data/.
const site = mkdtempSync(join(tmpdir(), 'csp-bench-'));
for (const f of readdirSync(join(ROOT, 'dist'))) symlinkSync(join(ROOT, 'dist', f), join(site, f));
// The benchmark hook is not part of the app: served beside it and added to the page only here.
symlinkSync(join(ROOT, 'static/bench.js'), join(site, 'bench.js'));
symlinkSync(resolve(BENCH), join(site, 'data'));
const port = await freePort();
const server = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', String(port)], { cwd: site, stdio: 'ignore' });
const profile = mkdtempSync(join(tmpdir(), 'csp-bench-profile-'));
// What tests/bench/summary.mjs reads.
const results = { evaluate: {}, page: null };
let context;
try {
  for (let i = 0; i < 50; i++) {
    try { await fetch(`http://127.0.0.1:${port}/`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  // No service worker: its install, fetching the app again in the background, is not measured.
  context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: ARGS, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.cspRules && typeof window.cspRules.evaluate === 'function');

  console.log('== rules in Chromium through window.cspRules.evaluate(scenario object)');
  for (const edges of [25000, 250000]) {
    const file = `data/network-${edges}.json`;
    if (!existsSync(join(BENCH, `network-${edges}.json`))) continue;
    // The call itself (what a partner page pays for a scenario it holds), and apart from it
    // the JSON.parse of the file's text into that object.
    const { call, parse } = await page.evaluate(async (url) => {
      const text = await (await fetch(url)).text();
      const median = (xs) => xs.sort((a, b) => a - b)[1];
      const calls = [];
      const parses = [];
      for (let i = 0; i < 3; i++) {
        let t0 = performance.now();
        const scenario = JSON.parse(text);
        parses.push(performance.now() - t0);
        t0 = performance.now();
        const report = window.cspRules.evaluate(scenario);
        calls.push(performance.now() - t0);
        if (!report.edges.length) throw new Error('empty report');
      }
      return { call: median(calls), parse: median(parses) };
    }, `/${file}`);
    const cli = Number(process.env[`BENCH_CLI_MS_${edges}`]);
    const ratio = cli > 0 ? `   (${(call / cli).toFixed(2)}x the CLI's ${cli} ms; target <= 1.5x)` : '';
    results.evaluate[edges] = { call, parse, cli: cli > 0 ? cli : null };
    console.log(`  ${`${edges.toLocaleString('en')} edges`.padEnd(44)} ${String(Math.round(call)).padStart(6)} ms${ratio}`);
    console.log(`  ${`  + JSON.parse of the file's text`.padEnd(44)} ${String(Math.round(parse)).padStart(6)} ms`);
  }

  // Page figures from the benchmark hook (static/bench.js, window.cspBench), added to the page
  // as a same-origin module, which the page's Content-Security-Policy allows.
  await page.addScriptTag({ url: '/bench.js', type: 'module' });
  const hasHook = await page.waitForFunction(() => typeof window.cspBench === 'object').then(() => true, () => false);
  if (hasHook) {
    const figures = await page.evaluate(() => window.cspBench.run());
    results.page = figures;
    console.log('== page');
    for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(44)} ${value}`);
  }
  writeFileSync(join(BENCH, 'browser.json'), JSON.stringify(results, null, 2));
} finally {
  await context?.close();
  server.kill();
  rmSync(site, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
