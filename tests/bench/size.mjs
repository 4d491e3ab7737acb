// Size figures for scripts/bench.sh: every file of dist/ the page loads, gzip -9, against the
// 200 kB target; what embedding pages load (the rules-only module against its 90 kB target, and
// the loader); and what each wasm is made of (its code and data sections), so a change in size
// can be placed. Prints numbers; asserts nothing.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const DIST = resolve(new URL('../../dist', import.meta.url).pathname);
// `gzip -9`, the command (its deflate gives ~2% less than zlib's on the wasm).
const gz = (bytes) => execFileSync('gzip', ['-9c'], { input: bytes, maxBuffer: 64 << 20 }).length;
const row = (name, raw, zipped, note = '') =>
  console.log(`  ${name.padEnd(44)} ${String(raw).padStart(8)} B raw ${String(zipped).padStart(8)} B gzip${note}`);
const total = (name, zipped, note) => console.log(`  ${name.padEnd(44)} ${''.padStart(8)}       ${String(zipped).padStart(8)} B gzip   ${note}`);

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
  for (const [name, body] of Object.entries(sizes)) row(`  of ${file}: ${name}`, body.length, gz(body));
}

// What index.html loads, and index.html itself: the app (wasm + its JS glue), the loader, the
// stylesheets. Left out, as the target does: the favicon and icons, the service worker (fetched
// after the app has started) and nomodule.js (which only browsers without modules fetch).
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const loaded = [...html.matchAll(/(?:href|src|data-js|data-wasm)="?([^"\s>]+\.(?:wasm|js|css))/g)].map((m) =>
  m[1].replace(/^.*\//, ''),
);
const page = [...new Set(loaded)].filter((f) => !f.startsWith('nomodule-')).sort();
console.log('  the page');
total('dist/ the page loads (wasm + js + css + html)', files([...page, 'index.html']), '(target <= 204800)');
for (const f of page.filter((f) => f.endsWith('.wasm'))) sections(f);

console.log('  embedding (interfaces.md §6)');
const module = ['rules/csp_rules_bg.wasm', 'rules/csp_rules.js'];
const moduleTotal = files(module);
total('the rules-only module (wasm + js)', moduleTotal, `(wasm target <= 92160: ${gz(readFileSync(join(DIST, module[0])))})`);
sections(module[0]);
files(['embed.js']);
