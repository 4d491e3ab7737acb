// A stand-in for the app's side of interfaces.md §6.3, to test embed.js on its own: it takes
// messages only from its parent and its `origin` parameters, answers to that origin alone, and
// judges with the real rules module. Everything it is sent is kept in `window.received`; the
// tests post its events themselves (Playwright runs code in the frame). `?silent` answers nothing.
import init, { evaluate, version } from './rules/csp_rules.js';

const params = new URLSearchParams(location.search);
const origins = params.getAll('origin');
window.received = [];
let shown = null;

function answer(m) {
  switch (m.type) {
    case 'evaluate':
      return { type: 'report', id: m.id, report: evaluate(m.scenario) };
    case 'load':
      shown = m.scenario ?? null;
      return { type: 'loaded', id: m.id, summary: shown ? evaluate(shown).summary : null };
    case 'export':
      return { type: 'export', id: m.id, format: m.format, data: JSON.stringify(shown) };
    case 'select':
    case 'set':
    case 'fit':
      return null;
    default:
      return { type: 'error', id: m.id, message: `error: unknown message type ${JSON.stringify(m.type)}` };
  }
}

await init();
addEventListener('message', (e) => {
  window.received.push({ origin: e.origin, fromParent: e.source === parent, data: e.data });
  if (params.has('silent') || e.source !== parent || !origins.includes(e.origin)) return;
  const m = e.data;
  if (!m || m.csp !== 1) return;
  let reply;
  try {
    reply = answer(m);
  } catch (err) {
    reply = { type: 'error', id: m.id, message: err.message };
  }
  if (reply) parent.postMessage({ csp: 1, ...reply }, e.origin);
});
if (!params.has('silent')) for (const o of origins) parent.postMessage({ csp: 1, type: 'ready', version }, o);
