// Size figures for scripts/bench.sh, every file gzip -9: what a first visit loads (index.html
// and every file it names) against the 200 kB target; what the page fetches later, when first
// needed (the files `lazy.json` lists); their total against the 347 kB the page once was;
// what embedding pages load (the rules-only module against its 90 kB target, and the
// loader); and what each wasm is made of (its code and data sections), so a change in size
// can be placed. Prints numbers and writes them to target/bench/size.json; asserts nothing.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const DIST = join(ROOT, 'dist');
const OUT = process.env.BENCH_DIR ?? join(ROOT, 'target/bench');
// `gzip -9`, the command (its deflate gives ~2% less than zlib's on the wasm).
const gz = (bytes) => execFileSync('gzip', ['-9c'], { input: bytes, maxBuffer: 64 << 20 }).length;
const row = (name, raw, zipped, note = '') =>
  console.log(`  ${name.padEnd(48)} ${String(raw).padStart(8)} B raw ${String(zipped).padStart(8)} B gzip${note}`);
const total = (name, zipped, note) => console.log(`  ${name.padEnd(48)} ${''.padStart(8)}       ${String(zipped).padStart(8)} B gzip   ${note}`);

/** Prints each file's row; returns the gzip total. */
function files(list) {
  let sum = 0;
  for (const f of list) {
    const bytes = readFileSync(join(DIST, f));
    const z = gz(bytes);
    sum += z;
    row(`dist/${f}`, statSync(join(DIST, f)).size, z);
  }
  return sum;
}

/** A module is a header then sections: id (1 byte), size (LEB128), body. */
function sections(file) {
  const bytes = readFileSync(join(DIST, file));
  const names = { 2: 'imports', 10: 'code (functions)', 11: 'data (texts, tables)' };
  const sizes = {};
  let i = 8;
  while (i < bytes.length) {
    const id = bytes[i++];
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[i++];
      size += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
    }
    const name = names[id] ?? 'other sections';
    sizes[name] = Buffer.concat([sizes[name] ?? Buffer.alloc(0), bytes.subarray(i, i + size)]);
    i += size;
  }
  const out = {};
  for (const [name, body] of Object.entries(sizes)) {
    out[name] = gz(body);
    row(`  of ${file}: ${name}`, body.length, out[name]);
  }
  return out;
}

// What index.html loads, and index.html itself: the app (wasm + its JS glue), the loader, the
// stylesheets. Left out, as the target does: the favicon and icons, the service worker (fetched
// after the app has started) and nomodule.js (which only browsers without modules fetch).
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const loaded = [...html.matchAll(/(?:href|src|data-js|data-wasm)="?([^"\s>]+\.(?:wasm|js|css))/g)].map((m) =>
  m[1].replace(/^.*\//, ''),
);
const page = [...new Set(loaded)].filter((f) => !f.startsWith('nomodule-')).sort();
const figures = {};
console.log('  a first visit: index.html and what it names');
figures.first = files([...page, 'index.html']);
total('what a first visit loads (wasm + js + css + html)', figures.first, '(target <= 204800)');
for (const f of page.filter((f) => f.endsWith('.wasm'))) figures.sections = sections(f);

// The files the page fetches only when first needed (another language, training, the
// audit…), as the build lists them for the service worker too.
const lazyList = join(DIST, 'lazy.json');
const lazy = existsSync(lazyList) ? JSON.parse(readFileSync(lazyList, 'utf8')).files ?? [] : [];
console.log('  later, when first needed');
figures.later = lazy.length ? files(lazy) : 0;
if (!lazy.length) console.log('  (nothing: the first visit loads it all)');
figures.total = figures.first + figures.later;
total('the page in all (first visit + later)', figures.total, '(target < 347 kB = 355328)');

console.log('  embedding (interfaces.md §6)');
const module = ['rules/csp_rules_bg.wasm', 'rules/csp_rules.js'];
figures.module = files(module);
figures.moduleWasm = gz(readFileSync(join(DIST, module[0])));
total('the rules-only module (wasm + js)', figures.module, `(wasm target <= 92160: ${figures.moduleWasm})`);
sections(module[0]);
figures.loader = files(['embed.js']);
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'size.json'), JSON.stringify(figures, null, 2));
