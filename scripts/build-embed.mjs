// Trunk build hook (Trunk.toml): adds what partner pages embed (interfaces.md §6) to the build,
// so one `trunk build` gives every host all of it:
//   rules/csp_rules.js + csp_rules_bg.wasm   the rules-only ES module, built from rules-wasm/
//                                             (cargo, wasm-bindgen --target web, wasm-opt)
//   embed.js                                  the loader script
//   embed-demo.html, .js, .css                the demo page of all three ways in
// Runs at trunk's `build` stage, beside the app's own cargo build (cargo takes turns on the
// target folder), so every `post_build` hook sees these files.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { minify } from 'terser';

const root = resolve(new URL('..', import.meta.url).pathname);
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('error: build-embed: TRUNK_STAGING_DIR is not set (run by trunk as a build hook)');
  process.exit(2);
}
const release = process.env.TRUNK_PROFILE === 'release';
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

const meta = JSON.parse(
  execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: root, encoding: 'utf8' }),
);
const crate = meta.packages.find((p) => p.name === 'csp-rules-wasm');
const profile = release ? 'release' : 'debug';
const built = join(meta.target_directory, 'wasm32-unknown-unknown', profile, 'csp_rules_wasm.wasm');

run('cargo', [
  'build',
  '--locked',
  '-p',
  'csp-rules-wasm',
  '--lib',
  '--features',
  'wasm',
  '--target',
  'wasm32-unknown-unknown',
  ...(release ? ['--release'] : []),
]);
const out = join(staging, 'rules');
mkdirSync(out, { recursive: true });
run('wasm-bindgen', ['--target', 'web', '--out-dir', out, '--out-name', 'csp_rules', built]);
const wasm = join(out, 'csp_rules_bg.wasm');
// Types of the raw wasm exports, which no caller imports.
rmSync(join(out, 'csp_rules_bg.wasm.d.ts'), { force: true });
if (release) {
  // The page's settings (index.html): -Oz to a fixed point; memory starts zeroed; the low
  // 1 kB is never touched (Rust's stack grows down from 1 MiB). That takes 10-30 s, so the
  // result is kept by the hash of its input and flags: a second build (the sub-path one) of
  // the same code reuses it.
  const flags = ['-Oz', '--converge', '--zero-filled-memory', '--low-memory-unused', '--strip-producers', '--strip-target-features'];
  const key = createHash('sha256').update(readFileSync(wasm)).update(flags.join(' ')).digest('hex');
  const cache = join(meta.target_directory, 'embed-wasm-opt');
  const kept = join(cache, `${key}.wasm`);
  if (!existsSync(kept)) {
    mkdirSync(cache, { recursive: true });
    run('wasm-opt', [...flags, wasm, '-o', `${kept}.part`]);
    renameSync(`${kept}.part`, kept);
  }
  copyFileSync(kept, wasm);
}

// `version` is a plain string, as `cspRules.version`; wasm-bindgen exports only functions.
const glue = join(out, 'csp_rules.js');
let js = `${readFileSync(glue, 'utf8')}\n/** The engine's version. */\nexport const version = ${JSON.stringify(crate.version)};\n`;
if (release) {
  // Property names are kept, so the wasm's imports and exports keep their names.
  js = (await minify(js, { module: true, compress: true, mangle: true })).code;
}
writeFileSync(glue, js);
// wasm-bindgen writes a typed argument as required; the language may be left out.
const types = join(out, 'csp_rules.d.ts');
const declared = readFileSync(types, 'utf8').replaceAll('lang: Lang)', 'lang?: Lang)');
writeFileSync(types, `${declared}\n/** The engine's version. */\nexport const version: string;\n`);

for (const f of ['embed.js', 'embed-demo.html', 'embed-demo.js', 'embed-demo.css']) {
  copyFileSync(join(root, 'static', f), join(staging, f));
}
