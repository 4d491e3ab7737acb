// Trunk post-build hook (Trunk.toml): minifies the JavaScript of a release build in trunk's
// staging folder. Trunk's own `minify` does HTML and CSS, but its JS minifier stops at the
// wasm-bindgen glue's `export default` (the "Failed to minify JS" warning in the build log)
// and leaves it as written: 57 kB (9.3 kB gzip; 7.3 kB minified here). Property names are never mangled, so the
// wasm's imports and exports keep their names.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('error: minify-js: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
  process.exit(2);
}
if (process.env.TRUNK_PROFILE === 'release') {
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const path = join(dir, f);
    // nomodule.js is a classic script for old browsers, not a module.
    const module = !f.startsWith('nomodule-');
    const { code } = await minify(readFileSync(path, 'utf8'), { module, compress: true, mangle: true });
    writeFileSync(path, code);
  }
}
