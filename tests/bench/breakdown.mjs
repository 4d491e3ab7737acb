// Where the page's wasm goes, by crate and by room: the code section's function bodies grouped
// by the name each carries, and the data section's largest runs of text. Reads the module
// wasm-bindgen writes before wasm-opt (target/wasm-bindgen/release/, kept by every trunk
// build), the one that still has its name section, so shares are of that build: wasm-opt
// shrinks the code by about a tenth, fairly evenly. Prints numbers; asserts nothing.
//   node tests/bench/breakdown.mjs [module.wasm] [rows]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const file = process.argv[2] ?? resolve(ROOT, 'target/wasm-bindgen/release/csp-explorer_bg.wasm');
const rows = Number(process.argv[3] ?? 40);
const bytes = readFileSync(file);

let at = 0;
const leb = () => {
  let n = 0;
  for (let shift = 0; ; shift += 7) {
    const b = bytes[at++];
    n += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return n;
  }
};
const text = () => {
  const n = leb();
  const s = bytes.toString('utf8', at, at + n);
  at += n;
  return s;
};

let imported = 0;
const bodies = [];
const names = new Map();
let data = [];
at = 8;
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id === 2) {
    for (let n = leb(); n > 0; n--) {
      text();
      text();
      const kind = bytes[at++];
      if (kind === 0) (imported++, leb());
      else if (kind === 1) (at++, bytes[at++] ? (leb(), leb()) : leb());
      else if (kind === 2) (bytes[at++] ? (leb(), leb()) : leb());
      else at += 2;
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const start = at;
      const len = leb();
      at += len;
      bodies.push(at - start);
    }
  } else if (id === 11) {
    data = [bytes.subarray(at, end)];
  } else if (id === 0 && text() === 'name') {
    while (at < end) {
      const sub = bytes[at++];
      const subSize = leb();
      const subEnd = at + subSize;
      if (sub === 1) for (let n = leb(); n > 0; n--) names.set(leb(), text());
      at = subEnd;
    }
  }
  at = end;
}
if (!names.size) {
  console.error(`${file}: no name section (wasm-opt strips it; use the module wasm-bindgen writes)`);
  process.exit(2);
}

/** The bucket a function's name belongs to: its crate, the page's and engine's by module. */
function bucket(name) {
  if (/serde_core::de::Deserialize for|serde_core::ser::Serialize for|::__Visitor|::__Field/.test(name)) {
    const owner = name.match(/(csp_explorer|csp_rules_wasm|csp_rules)::/)?.[1];
    return owner ? `serde, derived for ${owner}'s types` : 'serde, derived for library types';
  }
  if (/^<yew::html::component::lifecycle::CompStateInner<COMP>/.test(name)) return 'yew, per component (views, monomorphized)';
  let self = name;
  if (self.startsWith('<')) {
    self = self.slice(1).replace(/^&(mut )?/, '');
  }
  const path = self.split(/::|<| /)[0].replace(/\[[0-9a-f]+\]$/, '');
  const seg = self.split('::');
  if (path === 'csp_explorer') return `page: ${seg[1]?.replace(/[<>].*/, '')}`;
  if (path === 'csp_rules') return `engine: ${seg[1]?.replace(/[<>].*/, '')}`;
  if (path === 'core' && seg[1]?.startsWith('fmt')) return 'core::fmt';
  if (['core', 'alloc', 'std'].includes(path)) return 'core/alloc/std (but fmt)';
  if (/^(dlmalloc|talc)/.test(path)) return 'allocator';
  if (/^(serde|serde_core|serde_json|serde_wasm_bindgen)$/.test(path)) return path;
  if (/^(wasm_bindgen|js_sys|web_sys|wasm_bindgen_futures|gloo)/.test(path)) return 'wasm-bindgen, js-sys, web-sys, gloo';
  if (/^(yew|implicit_clone|prokio)/.test(path)) return 'yew runtime';
  if (/^(csp_rules_wasm)$/.test(path)) return 'csp_rules_wasm (JS boundary)';
  return path || '(unnamed)';
}

const byBucket = new Map();
let code = 0;
bodies.forEach((size, i) => {
  code += size;
  const b = bucket(names.get(i + imported) ?? '');
  byBucket.set(b, (byBucket.get(b) ?? 0) + size);
});
const pct = (n, of) => `${((100 * n) / of).toFixed(1).padStart(5)}%`;
console.log(`${file}\n  code section: ${bodies.length} functions, ${code} B raw`);
for (const [b, size] of [...byBucket].sort((a, z) => z[1] - a[1]).slice(0, rows)) {
  console.log(`  ${String(size).padStart(9)} B ${pct(size, code)}  ${b}`);
}

// The data section: how much of it is text, and how much of that Chinese.
if (data.length) {
  const seg = data[0];
  const runs = [];
  let start = -1;
  for (let i = 0; i <= seg.length; i++) {
    const printable = i < seg.length && (seg[i] >= 0x20 || seg[i] === 0x0a || seg[i] === 0x09);
    if (printable && start < 0) start = i;
    if (!printable && start >= 0) {
      if (i - start >= 16) runs.push([start, i - start]);
      start = -1;
    }
  }
  const inText = runs.reduce((n, [, len]) => n + len, 0);
  // Chinese is three bytes a character in UTF-8; English is ASCII.
  const wide = seg.reduce((n, b) => n + (b >= 0x80 ? 1 : 0), 0);
  console.log(`  data section: ${seg.length} B raw; ${inText} B in runs of text (${pct(inText, seg.length)}), ${wide} B of them non-ASCII (the Chinese texts)`);
}
