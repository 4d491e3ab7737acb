// This project's page beside the peer (React Flow, tests/bench/peer.mjs) in one run, measured
// the same way by tests/bench/drive.mjs:
// - the editor drawing a tiered network of n nodes (one Microsoft, n/100 providers, n/10
//   resellers, customers with two sellers each): ready time and drag frame intervals;
// - first verdicts of a cold load on a throttled network: the full editor, the embedded viewer
//   (`?embed=view`) and the peer's bare page (100 nodes). The page's first verdicts are its
//   first frame's (`data-first-verdict`, README "Performance") or the app's, whichever comes
//   first; when the app itself shows them (`data-verdict`: interactive) is printed beside.
// Rounds alternate between the two pages. Prints every figure and writes them to
// target/bench/versus.json for tests/bench/summary.mjs. Asserts nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { preparePeer } from './peer.mjs';
import { measurer, serve, shareLink, summary } from './drive.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
// Absolute: the peer's harness runs in its own folder and writes here.
const OUT = resolve(process.env.BENCH_DIR ?? join(ROOT, 'target/bench'));
const SIZES = (process.env.BENCH_SIZES ?? '100 1000 3000 10000').split(/\s+/).filter(Boolean).map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// The peer takes minutes per round past this size; once is enough to place it.
const PEER_ONE_ROUND_FROM = 10_000;
mkdirSync(OUT, { recursive: true });

/**
 * The same shape of network when the peer is not there to give its own: the tiers in rows,
 * wrapped every `wide` nodes; one reseller in seven has not signed the MPA.
 */
function tiered(n) {
  const providers = Math.max(1, Math.round(n / 100));
  const resellers = Math.max(1, Math.round(n / 10));
  const customers = Math.max(0, n - 1 - providers - resellers);
  const nodes = [{ id: 'ms', kind: 'microsoft', name: 'Microsoft', x: 0, y: 0 }];
  const edges = [];
  const tier = (count, prefix, kind, label, top, gap, extra = () => ({})) => {
    const wide = 200;
    for (let i = 0; i < count; i++) {
      const row = Math.floor(i / wide);
      nodes.push({ id: `${prefix}${i}`, kind, name: `${label} ${i}`, region: 'europe', x: (i % wide) * gap, y: top + row * 160, ...extra(i) });
    }
  };
  tier(providers, 'p', 'indirect_provider', 'Provider', 160, 180);
  tier(resellers, 'r', 'indirect_reseller', 'Reseller', 160 * (2 + Math.ceil(providers / 200)), 120, (i) => (i % 7 ? {} : { mpa_signed: false }));
  tier(customers, 'c', 'customer', 'Customer', 160 * (3 + Math.ceil(providers / 200) + Math.ceil(resellers / 200)), 90);
  const link = (from, to) => edges.push({ id: `e${edges.length}`, from, to, kind: 'sells_to' });
  for (let p = 0; p < providers; p++) link('ms', `p${p}`);
  for (let r = 0; r < resellers; r++) link(`p${r % providers}`, `r${r}`);
  for (let c = 0; c < customers; c++) {
    link(`r${c % resellers}`, `c${c}`);
    if (resellers > 1) link(`r${(c * 7 + 1) % resellers}`, `c${c}`);
  }
  return { version: 1, title: `Benchmark: ${n} nodes`, nodes, edges };
}

const fmt = (v, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '—');
function line(what, r) {
  if (r.error) return `  ${what.padEnd(34)} ${r.error}`;
  return `  ${what.padEnd(34)} ready ${fmt(r.ready).padStart(6)} ms   drag median ${fmt(r.median, 1).padStart(5)}  p95 ${fmt(r.p95, 1).padStart(6)}  max ${fmt(r.max, 1).padStart(6)} ms   (${r.nodes} nodes drawn)`;
}

const peer = preparePeer(OUT);
const { name: driver, readyAndDrag, throttledLoad } = measurer(peer?.dir, OUT);
const site = await serve(join(ROOT, 'dist'));
const peerSite = peer && (await serve(peer.dist));
const results = { peer: Boolean(peer), driver, sizes: {}, throttled: {} };
try {
  console.log(`== editor beside ${peer ? 'React Flow 12 (the peer)' : 'nothing: ../shared/bench/reactflow is not there'}, ${ROUNDS} rounds, timed by ${driver}`);
  for (const n of SIZES) {
    const scenario = peer ? peer.scenario(n) : tiered(n);
    const url = `${site.url}index.html?lang=en${shareLink(JSON.stringify(scenario))}`;
    const runs = { page: [], peer: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      if (peer && (round === 1 || n < PEER_ONE_ROUND_FROM)) {
        const r = await readyAndDrag(`${peerSite.url}index.html?n=${n}`, '.react-flow__node', { timeout: 180_000 });
        runs.peer.push(r);
        console.log(line(`n=${n} round ${round} React Flow`, r));
      }
      const r = await readyAndDrag(url, '[data-node-id]');
      runs.page.push(r);
      console.log(line(`n=${n} round ${round} this page`, r));
    }
    const sum = (rs) => ({
      ready: summary(rs.map((r) => r.ready)),
      median: summary(rs.map((r) => r.median)),
      p95: summary(rs.map((r) => r.p95)),
      errors: rs.filter((r) => r.error).map((r) => r.error),
    });
    results.sizes[n] = { page: sum(runs.page), peer: peer ? sum(runs.peer) : null };
  }

  console.log('== first verdicts, cold load on a throttled network (150 ms RTT, 1.6 Mbit/s, gzip)');
  const gz = await serve(join(ROOT, 'dist'), { gzip: true });
  const peerGz = peer && (await serve(peer.dist, { gzip: true }));
  // First verdicts: the app's (`data-verdict`) or its first frame's, prerendered at build time
  // and shown by boot.js before the wasm has arrived (`data-first-verdict`). Beside them, in
  // loads of their own, when the app itself has drawn them, i.e. is interactive.
  const FIRST = '[data-verdict], [data-first-verdict]';
  const loads = {
    editor: [`${gz.url}index.html?lang=en#preset=1`, FIRST],
    editorApp: [`${gz.url}index.html?lang=en#preset=1`, '[data-verdict]'],
    embed: [`${gz.url}index.html?lang=en&embed=view#preset=1`, FIRST],
    embedApp: [`${gz.url}index.html?lang=en&embed=view#preset=1`, '[data-verdict]'],
    ...(peer ? { peer: [`${peerGz.url}index.html?n=100`, '.react-flow__edge'] } : {}),
  };
  const names = {
    editor: 'this page, the editor (#preset=1)',
    editorApp: '  the editor interactive',
    embed: 'this page, ?embed=view (#preset=1)',
    embedApp: '  the viewer interactive',
    peer: 'React Flow, bare page (100 nodes)',
  };
  const got = Object.fromEntries(Object.keys(loads).map((k) => [k, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [key, [url, sel]] of Object.entries(loads)) {
      const r = await throttledLoad(url, sel);
      got[key].push(r);
      console.log(`  ${`${names[key]}`.padEnd(40)} ${r.error ?? `${fmt(r.ms).padStart(6)} ms  ${String(r.bytes).padStart(8)} B`}`);
    }
  }
  for (const [key, rs] of Object.entries(got)) {
    results.throttled[key] = { ms: summary(rs.map((r) => r.ms)), bytes: summary(rs.map((r) => r.bytes)) };
  }
  // The viewer against the editor round by round (ms it came sooner): both show the same
  // prerendered frame, so medians a few ms apart are the rounds' scatter, not a lead.
  const lead = got.editor.map((e, i) => e.ms - got.embed[i]?.ms).filter(Number.isFinite);
  results.throttled.viewerLead = { rounds: lead.length, sooner: lead.filter((d) => d > 0).length, ms: summary(lead) };
  await gz.close();
  await peerGz?.close();
} finally {
  await site.close();
  await peerSite?.close();
}
writeFileSync(join(OUT, 'versus.json'), JSON.stringify(results, null, 2));
