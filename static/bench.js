// window.cspBench.run(): the page figures that scripts/bench.sh prints (README "Performance").
// It only drives the page the way a user or a share link would: it opens a deterministic
// 1,000-node, 2,000-edge diagram through a `#scenario=1.j.…` fragment, drags one node over 60
// animation frames with pointer events, then deletes one relationship with the Delete key.
// Each figure is script + DOM update + style and layout (forced by reading a box), measured
// with performance.now(); paint runs on the compositor and is not included. Numbers only:
// nothing here asserts, and nothing runs until run() is called.

const NODES = 1000;
const EDGES = 2000;
const REGIONS = ['europe', 'united_states', 'asia_pacific', 'japan'];

/** A diagram shaped like a distributor's network, the same on every run. */
export function benchDiagram() {
  let seed = 0x2545f491;
  const rand = (n) => {
    seed ^= seed << 13; seed >>>= 0;
    seed ^= seed >>> 17;
    seed ^= seed << 5; seed >>>= 0;
    return seed % n;
  };
  const nodes = [{ id: 'ms', kind: 'microsoft', x: 2000, y: 0 }];
  const edges = [];
  const edge = (from, to, kind = 'sells_to') => edges.push({ id: `e${edges.length}`, from, to, kind });
  const providers = [];
  for (let i = 0; i < 20; i++) {
    const id = `p${i}`;
    providers.push(id);
    nodes.push({ id, kind: 'indirect_provider', name: `Provider ${i}`, region: REGIONS[i % 4], x: i * 200, y: 200 });
    edge('ms', id);
  }
  const resellers = [];
  for (let i = 0; i < 179; i++) {
    const id = `r${i}`;
    const p = i % 20;
    resellers.push([id, REGIONS[p % 4]]);
    const n = { id, kind: 'indirect_reseller', region: REGIONS[p % 4], x: (i % 45) * 90, y: 400 + Math.floor(i / 45) * 120 };
    if (rand(20) === 0) n.mpa_signed = false;
    nodes.push(n);
    edge(providers[p], id);
  }
  for (let i = 0; nodes.length < NODES; i++) {
    const id = `c${i}`;
    const [seller, region] = resellers[i % resellers.length];
    nodes.push({ id, kind: 'customer', region: rand(10) === 0 ? REGIONS[rand(4)] : region, x: (i % 50) * 80, y: 1000 + Math.floor(i / 50) * 100 });
    edge(seller, id);
  }
  const customers = nodes.filter((n) => n.kind === 'customer').map((n) => n.id);
  for (let i = 0; edges.length < EDGES; i++) {
    const [seller] = resellers[rand(resellers.length)];
    edge(seller, customers[i % customers.length], i % 4 === 3 ? 'manages' : 'sells_to');
  }
  return { version: 1, title: 'Benchmark: 1,000 nodes, 2,000 edges', nodes, edges };
}

/** Yields to queued tasks (yew renders from a microtask); MessageChannel avoids timer clamps. */
function yieldTask() {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Waits (yielding microtasks, then tasks) until `done()` holds; false after `limit` tries. */
async function until(done, limit = 2000) {
  for (let i = 0; i < 8; i++) {
    if (done()) return true;
    await Promise.resolve();
  }
  for (let i = 0; i < limit; i++) {
    if (done()) return true;
    await yieldTask();
  }
  return done();
}

const layout = (el) => el.getBoundingClientRect();

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
}

function p95(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] : NaN;
}

const ms = (v) => `${v.toFixed(1)} ms`;

function pointer(type, target, x, y) {
  target.dispatchEvent(new PointerEvent(type, {
    bubbles: true, cancelable: true, composed: true, pointerId: 1, pointerType: 'mouse',
    isPrimary: true, button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX: x, clientY: y,
  }));
}

async function run() {
  const scenario = benchDiagram();
  const text = JSON.stringify(scenario);
  const b64 = btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const count = (sel) => document.querySelectorAll(sel).length;

  // 1. Render: from the fragment change to every node and edge in the DOM, laid out.
  const t0 = performance.now();
  location.hash = `#scenario=1.j.${b64}`;
  const rendered = await until(() => count('[data-node-id]') === NODES && count('[data-edge-id]') === EDGES);
  const svg = document.querySelector('svg.canvas');
  layout(svg);
  const render = performance.now() - t0;
  if (!rendered) throw new Error(`cspBench: the diagram did not render (${count('[data-node-id]')} nodes)`);
  const drawn = `${count('[data-node-id]')} nodes, ${count('[data-edge-id]')} edges`;
  await frame();
  await frame();

  // 2. Drag one node over 60 frames: time from the pointer event to the moved node laid out.
  const node = document.querySelector('[data-node-id="r90"]');
  const glyph = node.querySelector('.glyph') ?? node;
  const box = glyph.getBoundingClientRect();
  const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
  pointer('pointerdown', glyph, x0, y0);
  await until(() => node.getAttribute('aria-pressed') === 'true');
  await frame();
  const drag = [];
  const intervals = [];
  let last = performance.now();
  // The node keeps its place while dragged; its copy on the drag layer moves (placed by a
  // transform in full detail, by its outline's coordinates zoomed out).
  const where = () => {
    const copy = document.querySelector('[data-drag-copy="r90"]');
    return copy && (copy.getAttribute('transform') ?? copy.getAttribute('d'));
  };
  for (let i = 1; i <= 60; i++) {
    const stamp = await frame();
    intervals.push(stamp - last);
    last = stamp;
    const before = where();
    const t = performance.now();
    pointer('pointermove', svg, x0 + i * 3, y0 + i * 2);
    await until(() => where() !== before, 200);
    layout(document.querySelector('[data-drag-copy="r90"]') ?? node);
    drag.push(performance.now() - t);
  }
  pointer('pointerup', svg, x0 + 180, y0 + 120);
  await frame();

  // 3. Edit: select an edge, press Delete; time until the engine's new verdicts are drawn
  //    (the edge gone and the legend's counts updated), laid out.
  const edits = [];
  for (const id of ['e700', 'e1500', 'e1900']) {
    const el = document.querySelector(`[data-edge-id="${id}"]`);
    if (!el) continue;
    el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerId: 1, button: 0, isPrimary: true }));
    await until(() => el.getAttribute('aria-pressed') === 'true');
    await frame();
    const counts = document.querySelector('[data-allowed]');
    const total = () => Number(counts?.dataset.allowed ?? 0) + Number(counts?.dataset.blocked ?? 0);
    const before = total();
    const t = performance.now();
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true, cancelable: true }));
    await until(() => !document.querySelector(`[data-edge-id="${id}"]`) && total() === before - 1);
    layout(svg);
    edits.push(performance.now() - t);
    await frame();
  }

  return {
    'diagram': drawn,
    'render (fragment -> laid out)': `${ms(render)}   (target: renders)`,
    'drag frame work, median': `${ms(median(drag))}   (target <= 16 ms)`,
    'drag frame work, p95': ms(p95(drag)),
    'drag frame interval (rAF, paint included), median': ms(median(intervals)),
    'edit -> re-evaluate -> repaint, median': `${ms(median(edits))}   (target <= 16 ms)`,
  };
}

window.cspBench = Object.freeze({ run });
