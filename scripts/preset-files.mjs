// Post-build step (run by scripts/post-build.mjs before the precache list, which hashes
// index.html): names the guide's files of presets/ (the ones src/io/library.rs fetches when a
// guide scenario is first opened) on index.html's <meta name="csp-explorer-app">, as
// `data-presets`, so static/boot.js can fetch the ones the address names (`#preset=N`) beside
// the wasm, instead of one round trip after the app has started.
//   node scripts/preset-files.mjs [DIR]     DIR defaults to trunk's TRUNK_STAGING_DIR
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyFiles } from './precache.mjs';

function die(message) {
  console.error(`error: preset-files: ${message}`);
  process.exit(2);
}

/** `html` with `files` named on its app tag (replacing any earlier list). */
export function withPresetFiles(html, files) {
  const found = (html.match(/<meta\b[^>]*>/gi) ?? []).find((t) => /\sname=("?)csp-explorer-app\1[\s>]/i.test(t));
  if (!found) return null;
  const bare = found.replace(/\sdata-presets=("[^"]*"|[^\s>]*)/i, '');
  return html.replace(found, bare.replace(/\s*\/?>$/, ` data-presets="${files.join(' ')}">`));
}

function main() {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) die('give the built folder (node scripts/preset-files.mjs DIR) or run as a trunk hook');
  const index = join(dir, 'index.html');
  const files = lazyFiles(dir).filter((f) => f.startsWith('presets/'));
  if (files.some((f) => /[\s"'<>&]/.test(f))) die('a file of presets/ has a space, quote or markup character in its name');
  const html = withPresetFiles(readFileSync(index, 'utf8'), files);
  if (html === null) die('index.html has no <meta name="csp-explorer-app"> (Trunk.toml pattern_script)');
  writeFileSync(index, html);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
