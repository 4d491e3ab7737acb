// Trunk post-build hook (Trunk.toml): the steps that must run one after another on trunk's
// staging folder. Trunk starts all hooks of a stage at the same time, so they are one hook:
// the guide's file names go onto index.html and its first frames are prerendered (first/)
// before the precache list, which comes last, over the files as they will be served.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
for (const step of ['minify-js.mjs', 'preset-files.mjs', 'first-frames.mjs', 'precache.mjs']) {
  try {
    execFileSync(process.execPath, [join(here, step)], { stdio: 'inherit' });
  } catch (err) {
    console.error(`error: post-build: scripts/${step} failed`);
    process.exit(err.status || 1);
  }
}
