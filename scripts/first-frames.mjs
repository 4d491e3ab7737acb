// Post-build step (run by scripts/post-build.mjs before the precache list, which lists and
// hashes its files): the first frame of every guide scenario in both languages, prerendered
// into DIR/first/N-LANG.html by the page's own canvas components (first-frame/, a small
// native binary with yew's `ssr` feature), for static/boot.js to show until the app starts.
//   node scripts/first-frames.mjs [DIR]     DIR defaults to trunk's TRUNK_STAGING_DIR
// The binary is built in cargo's dev profile: a few seconds when only the page changed.
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('error: first-frames: give the built folder (node scripts/first-frames.mjs DIR) or run as a trunk hook');
  process.exit(2);
}
const start = Date.now();
try {
  // Not --offline: on a first build the server renderer's few crates may not be fetched yet.
  execFileSync('cargo', ['run', '-q', '-p', 'csp-first-frame', '--', resolve(dir)], { cwd: ROOT, stdio: 'inherit' });
} catch (err) {
  console.error(`error: first-frames: cargo run -p csp-first-frame failed (${err.status ?? err.message})`);
  process.exit(1);
}
console.log(`first-frames: built and ran csp-first-frame in ${((Date.now() - start) / 1000).toFixed(1)} s`);
