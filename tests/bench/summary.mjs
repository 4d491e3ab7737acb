// The page's figures of the performance goals in one table: this project, the peer (React
// Flow) in the same run, the goal, and whether it is met. Reads what size.mjs, browser.mjs and
// versus.mjs wrote to target/bench/; prints, asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const OUT = process.env.BENCH_DIR ?? join(ROOT, 'target/bench');
const read = (f) => (existsSync(join(OUT, f)) ? JSON.parse(readFileSync(join(OUT, f), 'utf8')) : null);
const size = read('size.json');
const browser = read('browser.json');
const versus = read('versus.json');

// One frame at 60 Hz; rAF intervals of a frame scatter a little around it.
const FRAME = 1000 / 60;
const WITHIN = (frames) => frames * FRAME + 0.5;
const ok = (v, goal) => Number.isFinite(v) && v <= goal;
const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)} ms` : '—');
const ms1 = (v) => (Number.isFinite(v) ? `${v.toFixed(1)}` : '—');
const range = (s, f = ms) => (s && Number.isFinite(s.median) ? (s.lo === s.hi ? f(s.median) : `${f(s.median)} (${f(s.lo)}–${f(s.hi)})`) : '—');
const kb = (b) => (Number.isFinite(b) ? `${(b / 1024).toFixed(1)} kB` : '—');

const rows = [];
const add = (figure, page, peer, goal, met) => rows.push([figure, page, peer ?? '', goal, met === undefined ? '' : met ? 'yes' : 'NO']);

// The hand-off to the audit view, as the page's one constant says.
const audit = readFileSync(join(ROOT, 'src/model/audit.rs'), 'utf8');
const limit = (name) => Number((audit.match(new RegExp(`${name}: usize = ([\\d_]+)`)) ?? [])[1]?.replaceAll('_', ''));
const [handNodes, handEdges] = [limit('LARGE_NODES'), limit('LARGE_EDGES')];
add('hand-off to the audit view (nodes / edges)', `> ${handNodes} / > ${handEdges}`, '', '>= 20000 / 40000', handNodes >= 20000 && handEdges >= 40000);

for (const [n, s] of Object.entries(versus?.sizes ?? {})) {
  const p = s.page;
  const q = s.peer;
  const drag = (x) => (x.errors.length && !Number.isFinite(x.median.median) ? x.errors[0] : `${range(x.median, ms1)} / ${range(x.p95, ms1)} ms`);
  const peerReady = q && range(q.ready);
  const peerDrag = q && drag(q);
  if (Number(n) === 1000) {
    const half = q ? q.ready.median / 2 : NaN;
    add(`1,000 nodes: ready`, range(p.ready), peerReady, `<= half the peer's (${ms(half)})`, Number.isFinite(half) ? ok(p.ready.median, half) : undefined);
    add(`1,000 nodes: drag median / p95`, drag(p), peerDrag, 'p95 within one frame', ok(p.p95.median, WITHIN(1)));
  } else if (Number(n) === 3000 || Number(n) === 10000) {
    const frames = Number(n) === 3000 ? 1 : 2;
    const label = Number(n).toLocaleString('en');
    add(`${label} nodes: ready`, p.errors.length && !Number.isFinite(p.ready.median) ? p.errors[0] : range(p.ready), peerReady, 'drawn, not handed off', Number.isFinite(p.ready.median));
    add(`${label} nodes: drag median / p95`, drag(p), peerDrag, `median within ${frames === 1 ? 'one frame' : 'two frames'}`, ok(p.median.median, WITHIN(frames)));
  } else {
    const label = Number(n).toLocaleString('en');
    add(`${label} nodes: ready`, range(p.ready), peerReady, '—');
    add(`${label} nodes: drag median / p95`, drag(p), peerDrag, '—');
  }
}

const t = versus?.throttled ?? {};
if (t.editor) {
  const peer = t.peer?.ms.median;
  const line = (x) => `${range(x.ms)}, ${kb(x.bytes.median)}`;
  add('first verdicts, throttled: the editor', line(t.editor), t.peer && line(t.peer), "<= the peer's bare page", Number.isFinite(peer) ? ok(t.editor.ms.median, peer) : undefined);
  if (t.editorApp) add('  the editor interactive (the app\'s own verdicts)', line(t.editorApp), '', '—');
  if (t.embed) {
    // Met only when the viewer led in every round: a lower median alone is often the scatter.
    // No rounds measured (or an older versus.json): no verdict rather than a "NO".
    const lead = t.viewerLead?.rounds ? t.viewerLead : null;
    const by = lead && (lead.ms.median >= 0 ? `by ${ms(lead.ms.median)}` : `${ms(-lead.ms.median)} later`);
    const led = lead ? `; sooner in ${lead.sooner} of ${lead.rounds} rounds, ${by} at the median` : '';
    const met = lead ? lead.sooner === lead.rounds : undefined;
    add('first verdicts, throttled: ?embed=view', `${line(t.embed)}${led}`, '', 'sooner than the editor, every round', met);
  }
  if (t.embedApp) add('  the viewer interactive', line(t.embedApp), '', '—');
}
if (size) {
  add('dist/: what a first visit loads (gzip)', kb(size.first), '', '<= 200 kB', size.first <= 200 * 1024);
  add('dist/: the page in all, first visit + later (gzip)', `${kb(size.total)} (later: ${kb(size.later)})`, '', '< 347 kB', size.total < 347 * 1024);
}
const big = browser?.evaluate?.[250000];
if (big) {
  const ratio = big.cli ? big.call / big.cli : NaN;
  add('cspRules.evaluate, 250,000 edges, vs the CLI', `${ms(big.call)} (${Number.isFinite(ratio) ? ratio.toFixed(2) : '?'}x of ${ms(big.cli)})`, '', '<= 1.5x native', Number.isFinite(ratio) ? ratio <= 1.5 : undefined);
}

const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i].length), ['figure', 'this project', 'React Flow', 'goal', 'met'][i].length));
const print = (r) => console.log(`  ${r.map((c, i) => c.padEnd(widths[i])).join('  ')}`);
console.log(`== the goals: medians (and ranges) of the rounds of this run${versus ? `, timed by ${versus.driver}` : ''}`);
print(['figure', 'this project', 'React Flow', 'goal', 'met']);
for (const r of rows) print(r);
