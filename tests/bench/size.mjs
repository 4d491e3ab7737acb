// Size figures for scripts/bench.sh: every file of dist/ the page loads, gzip -9, against the
// 200 kB target, and what the wasm is made of (its code and data sections), so a change in
// size can be placed. Prints numbers; asserts nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const DIST = resolve(new URL('../../dist', import.meta.url).pathname);
// `gzip -9`, the command (its deflate gives ~2% less than zlib's on the wasm).
const gz = (bytes) => execFileSync('gzip', ['-9c'], { input: bytes, maxBuffer: 64 << 20 }).length;
const row = (name, raw, zipped, note = '') =>
  console.log(`  ${name.padEnd(44)} ${String(raw).padStart(8)} B raw ${String(zipped).padStart(8)} B gzip${note}`);

// Every file of dist/ the page loads: the app (wasm + its JS glue), the loader, the stylesheets
// and the HTML (the favicon is left out, as the target does; so are the service worker, fetched
// after the app has started, and nomodule.js, which only browsers without modules fetch).
const files = readdirSync(DIST)
  .filter((f) => /\.(wasm|js|css|html)$/.test(f) && f !== 'sw.js' && !f.startsWith('nomodule-'))
  .sort();
let total = 0;
for (const f of files) {
  const bytes = readFileSync(join(DIST, f));
  const z = gz(bytes);
  total += z;
  row(`dist/${f}`, statSync(join(DIST, f)).size, z);
}
console.log(`  ${'dist/ total (wasm + js + css + html)'.padEnd(44)} ${''.padStart(8)}       ${String(total).padStart(8)} B gzip   (target <= 204800)`);

// A module is a header then sections: id (1 byte), size (LEB128), body.
const wasm = files.find((f) => f.endsWith('.wasm'));
if (wasm) {
  const bytes = readFileSync(join(DIST, wasm));
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
  for (const [name, body] of Object.entries(sizes)) row(`  of the wasm: ${name}`, body.length, gz(body));
}
