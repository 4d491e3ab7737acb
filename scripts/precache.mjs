// Post-build step (run last by scripts/post-build.mjs, or by hand on a built folder):
//   node scripts/precache.mjs [DIR]     DIR defaults to trunk's TRUNK_STAGING_DIR
// Writes into DIR:
// - sw.js: static/sw.js with this build's precache list, which is index.html, every file it
//   names (the hashed app, its loaders and stylesheets, the manifest), the manifest's icons and
//   the files the app fetches when first needed (presets/: the guide's scenarios and
//   walkthroughs; first/: their first frames, which static/boot.js shows while the app loads),
//   so a guide scenario opens offline too.
// - lazy.json: that last list alone, for the size benchmark.
//   Nothing else: rules/ and embed.js are for other sites' pages, which the worker never
//   serves, and version.json is for hosts to read fresh. With CSP_EXPLORER_SW=off in the
//   environment it writes no sw.js (the page then unregisters one an earlier build left).
// - version.json: the app's version, the version and guide date of its rules engine (asked
//   of the engine itself), and the build's ID (a hash of the precached files).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
function die(message) {
  console.error(`error: precache: ${message}`);
  process.exit(2);
}

// Trunk names a file it hashes `name-<hash>.ext` (the wasm `…_bg.wasm`), the u64 hash in hex
// without leading zeros: 8 to 16 digits (a shorter one has odds of 2^-32).
export const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z0-9]+$/;

/** The files of the built folder `dir` that the app is made of, index.html first. */
export function appFiles(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  // The page's <base>: "./" (one build for any folder) or trunk's --public-url.
  const base = attributes(html.match(/<base\b[^>]*>/i)?.[0] ?? '').href ?? './';
  const root = new URL(base, 'http://dist.invalid/');
  const files = new Set(['index.html']);
  const add = (ref, from) => {
    const url = new URL(ref, from);
    if (!url.href.startsWith(root.href)) return; // another host, data:, or outside the app
    const file = decodeURIComponent(url.pathname.slice(root.pathname.length));
    if (!file || file.endsWith('/')) return;
    if (!existsSync(join(dir, file))) die(`index.html names ${file}, which the build did not write`);
    files.add(file);
  };
  for (const tag of html.match(/<(link|script|meta|img)\b[^>]*>/gi) ?? []) {
    const attrs = attributes(tag);
    for (const name of ['href', 'src', 'data-js', 'data-wasm']) if (attrs[name]) add(attrs[name], root);
  }
  for (const file of [...files].filter((f) => f.endsWith('.webmanifest'))) {
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (err) {
      die(`${file}: ${err.message}`);
    }
    for (const icon of manifest.icons ?? []) add(icon.src, new URL(file, root));
  }
  return [...files];
}

/** The files the app fetches only when first needed (the guide's scenarios and walkthroughs,
 * src/io/library.rs, and their first frames, static/boot.js): everything under presets/ and
 * first/, sorted. */
export function lazyFiles(dir) {
  const out = [];
  const walk = (rel) => {
    const full = join(dir, rel);
    if (!existsSync(full)) return;
    for (const entry of readdirSync(full, { withFileTypes: true })) {
      const path = posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk('presets');
  walk('first');
  return out.sort();
}

// The attributes of one start tag, quoted or (as trunk's minifier writes them) not.
function attributes(tag) {
  const out = {};
  for (const m of tag.matchAll(/\s([a-z][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/gi)) {
    out[m[1].toLowerCase()] = (m[2] ?? m[3] ?? m[4] ?? '').replaceAll('&amp;', '&');
  }
  return out;
}

function buildId(dir, files) {
  const hash = createHash('sha256');
  for (const f of [...files].sort()) hash.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

function run(cmd, args) {
  try {
    return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch (err) {
    die(`${cmd} ${args.join(' ')}: ${err.message.split('\n')[0]}`);
  }
}

function versions() {
  const meta = JSON.parse(run('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline']));
  const app = meta.packages.find((p) => p.name === 'csp-explorer');
  if (!app) die('cargo metadata lists no csp-explorer package');
  const engine = JSON.parse(run('cargo', ['run', '-q', '--offline', '-p', 'csp-rules', '--example', 'version']));
  return { version: app.version, engine: engine.engine, guide: engine.guide };
}

function main() {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) die('give the built folder (node scripts/precache.mjs DIR) or run as a trunk hook');
  const lazy = lazyFiles(dir);
  if (!lazy.length) die('the build wrote no presets/ (index.html copies rules/presets there)');
  const files = [...appFiles(dir), ...lazy];
  // What a first visit does not load, for the size benchmark (tests/bench/size.mjs).
  writeFileSync(join(dir, 'lazy.json'), `${JSON.stringify({ files: lazy }, null, 2)}\n`);
  const build = buildId(dir, files);
  const bytes = files.reduce((n, f) => n + readFileSync(join(dir, f)).length, 0);
  const sw = join(dir, 'sw.js');
  if (process.env.CSP_EXPLORER_SW === 'off') {
    rmSync(sw, { force: true });
    console.log('precache: CSP_EXPLORER_SW=off: no service worker');
  } else {
    const template = readFileSync(join(ROOT, 'static/sw.js'), 'utf8');
    const line = /^const PRECACHE = .*$/m;
    if (!line.test(template)) die('static/sw.js has no `const PRECACHE = …` line to fill in');
    const precache = { build, index: 'index.html', files, hashed: files.filter((f) => HASHED.test(posix.basename(f))) };
    writeFileSync(sw, template.replace(line, () => `const PRECACHE = ${JSON.stringify(precache)};`));
    console.log(`precache: sw.js lists ${files.length} files, ${Math.round(bytes / 1024)} kB, build ${build}`);
  }
  writeFileSync(join(dir, 'version.json'), `${JSON.stringify({ ...versions(), build }, null, 2)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
