// Imports the rules module from `?from=` (a rules/ folder on another origin) and runs its
// init, which fetches the wasm from there too: `window.remoteRules`, or `window.remoteError`
// where the host does not allow it.
const from = new URLSearchParams(location.search).get('from');
try {
  const rules = await import(new URL('csp_rules.js', from).href);
  await rules.default();
  window.remoteRules = { evaluate: rules.evaluate, version: rules.version };
  window.remoteError = null;
} catch (e) {
  window.remoteError = String(e);
}
