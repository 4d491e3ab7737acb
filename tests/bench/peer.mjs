// The peer for the benchmark: React Flow drawing the same network, from the workspace's
// shared folder (../shared/bench/reactflow, beside the repository) when it is there. It is
// not part of the project and nothing of it is copied into it: its folder is copied to
// target/bench/peer, installed with `npm ci` and built with its own esbuild, once per
// version of its files. Without the folder, the benchmark runs without the peer.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
// Beside the repository; from a git worktree one level further down, beside its main checkout.
export const SOURCE =
  process.env.BENCH_PEER ??
  ['..', '../..'].map((up) => resolve(ROOT, up, 'shared/bench/reactflow')).find((d) => existsSync(join(d, 'app.jsx')));

/** Builds the peer if needed; returns { dir, dist, scenario(n) } or null when absent. */
export function preparePeer(out) {
  if (!SOURCE || !existsSync(join(SOURCE, 'app.jsx'))) return null;
  const files = readdirSync(SOURCE).filter((f) => !f.startsWith('.')).sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(readFileSync(join(SOURCE, f)));
  const key = hash.digest('hex').slice(0, 16);
  const dir = join(out, 'peer');
  const stamp = join(dir, '.built');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== key) {
    rmSync(dir, { recursive: true, force: true });
    cpSync(SOURCE, dir, { recursive: true });
    // The shared folder may be read-only, and cpSync keeps the modes.
    for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o755);
    const run = (cmd, args) => execFileSync(cmd, args, { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    run('npm', ['ci', '--no-audit', '--no-fund']);
    run(join(dir, 'node_modules/.bin/esbuild'), ['app.jsx', '--bundle', '--minify', '--outdir=dist',
      '--jsx=automatic', '--define:process.env.NODE_ENV="production"', '--log-level=warning']);
    cpSync(join(dir, 'index.html'), join(dir, 'dist/index.html'));
    writeFileSync(stamp, key);
  }
  return {
    dir,
    dist: join(dir, 'dist'),
    /** The peer's network of `n` nodes as a scenario (its own generator's fragment, decoded). */
    scenario(n) {
      const fragment = execFileSync('node', [join(dir, 'scenario.mjs'), String(n)], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const m = fragment.match(/^#scenario=1\.j\.([A-Za-z0-9_-]*)$/);
      if (!m) throw new Error(`peer: scenario.mjs ${n} printed no #scenario=1.j.… fragment`);
      return JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8'));
    },
  };
}
