// Starts the wasm app from a file, not trunk's inline loader, so the CSP needs no 'unsafe-inline'.
// The <script> tag comes from `pattern_script` in Trunk.toml and carries the hashed file names.
const tag = document.querySelector('script[data-wasm]');
const { default: init } = await import(tag.dataset.js);
const wasm = await init({ module_or_path: tag.dataset.wasm });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
