// Hosting (README "Hosting"): the one build copied into a sub-folder, /a/b/, of a site served
// by the plain static server and by nginx with deploy/nginx/ as shipped; the headers and
// encodings nginx sends; the _headers file for hosts that read one; frame-ancestors as the
// documented option.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
  launchBrowser,
  openPage,
  siteUrl,
  hostUrl,
  cliReport,
  pageVerdicts,
  presetFile,
  reportVerdicts,
  root,
} from './helpers.mjs';
import { startNginx } from './servers.mjs';
import { HASHED } from '../../scripts/precache.mjs';

const DIST = join(root, 'dist');
const IMMUTABLE = 'public, max-age=31536000, immutable';
const TYPES = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  wasm: 'application/wasm',
  json: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
};
// Worth compressing (nginx: gzip_types, brotli_types; text/html always).
const COMPRESSED = new Set(['html', 'css', 'js', 'wasm', 'json', 'webmanifest', 'svg']);
// servers.mjs drops the brotli lines where the module is not installed.
const BROTLI = existsSync('/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so');

// The CSP of index.html's <meta>, which every header copy must equal.
const metaCsp = readFileSync(join(DIST, 'index.html'), 'utf8').match(
  /<meta content="([^"]+)" http-equiv=Content-Security-Policy>|<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/,
);
const CSP = metaCsp && (metaCsp[1] ?? metaCsp[2]);

/** Every file of the built dist/, as paths relative to it. */
function distFiles(dir = DIST, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? distFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** GET `url` with `Accept-Encoding: encoding`: { status, headers, body (as sent) }. */
function get(url, encoding) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded({ headers, body }) {
  switch (headers['content-encoding']) {
    case 'br':
      return brotliDecompressSync(body);
    case 'gzip':
      return gunzipSync(body);
    default:
      return body;
  }
}

const ext = (file) => file.split('.').pop();

let browser; // helpers.mjs closes it after the last test
before(async () => {
  browser = await launchBrowser();
});

test('the page carries a Content-Security-Policy to compare the servers with', () => {
  assert.ok(CSP?.includes("script-src 'self' 'wasm-unsafe-eval'"), `no CSP found in dist/index.html: ${CSP}`);
});

test('nginx sends every file of dist/ with its type, caching, CSP and nosniff, compressed as configured', async (t) => {
  const base = siteUrl('nginx', '/a/b/');
  if (!base) return t.skip('nginx is not installed (bash scripts/setup.sh --chromium)');
  const files = distFiles().filter((f) => f !== '_headers' && TYPES[ext(f)]);
  for (const want of ['index.html', 'sw.js', 'version.json', 'manifest.webmanifest']) assert.ok(files.includes(want), want);
  assert.ok(files.some((f) => f.endsWith('.wasm')), 'a wasm');
  const seen = {};
  for (const file of files) {
    const bytes = readFileSync(join(DIST, file));
    const kind = ext(file);
    const compress = COMPRESSED.has(kind) && bytes.length >= 256;
    for (const encoding of ['br, gzip', 'gzip', 'identity']) {
      const res = await get(new URL(file, base), encoding);
      const where = `${file} (Accept-Encoding: ${encoding})`;
      assert.equal(res.status, 200, where);
      assert.equal(res.headers['content-type'], TYPES[kind], where);
      assert.equal(res.headers['cache-control'], HASHED.test(file) ? IMMUTABLE : 'no-cache', where);
      assert.equal(res.headers['content-security-policy'], CSP, where);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', where);
      // Only the rules-only module may be read by pages of other origins.
      assert.equal(res.headers['access-control-allow-origin'], file.startsWith('rules/') ? '*' : undefined, where);
      const expected = !compress || encoding === 'identity' ? undefined : encoding === 'gzip' || !BROTLI ? 'gzip' : 'br';
      assert.equal(res.headers['content-encoding'], expected, where);
      if (compress) assert.match(res.headers.vary ?? '', /Accept-Encoding/i, where);
      assert.ok(decoded(res).equals(bytes), `${where}: the body is not the file`);
      if (expected) seen[`${kind} ${expected}`] = `${bytes.length} → ${res.body.length} B`;
    }
  }
  // The folder itself is index.html, not cached either; without its slash it redirects.
  const folder = await get(base, 'gzip');
  assert.equal(folder.headers['cache-control'], 'no-cache');
  assert.ok(decoded(folder).equals(readFileSync(join(DIST, 'index.html'))));
  const bare = await get(base.replace(/\/$/, ''), 'gzip');
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.location, new URL(base).pathname);
  t.diagnostic(`nginx encodings: ${JSON.stringify(seen)}`);
});

// The splat (*) of _headers matches any characters, "/" included (Cloudflare Pages, Netlify).
function headersRules() {
  const rules = [];
  for (const line of readFileSync(join(root, 'deploy/_headers'), 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      rules.push({ path: line.trim(), pattern, headers: [] });
    } else {
      const [, name, value] = line.trim().match(/^([\w-]+):\s*(.*)$/) ?? [];
      assert.ok(name && rules.length, `deploy/_headers: cannot read "${line}"`);
      rules.at(-1).headers.push([name.toLowerCase(), value]);
    }
  }
  return rules;
}

test('a hashed name is recognised when trunk\'s hash has leading zeros, and a fixed name is not', () => {
  for (const name of ['app-5eb41a4ce5d1d25.css', 'csp-explorer-0123456789abcdef_bg.wasm', 'boot-9abcdef0.js']) assert.match(name, HASHED);
  for (const name of ['icon-192.png', 'embed-demo.html', 'sw.js', 'version.json', 'csp_rules_bg.wasm']) assert.doesNotMatch(name, HASHED);
});

test('_headers (copied into dist/) gives each file of dist/ one Cache-Control, hashed ones immutable, and the CSP', () => {
  assert.equal(readFileSync(join(DIST, '_headers'), 'utf8'), readFileSync(join(root, 'deploy/_headers'), 'utf8'));
  const rules = headersRules();
  const paths = ['/', ...distFiles().filter((f) => f !== '_headers').map((f) => `/${f}`)];
  for (const path of paths) {
    const headers = {};
    for (const rule of rules.filter((r) => r.pattern.test(path))) {
      for (const [name, value] of rule.headers) {
        // Hosts join two values of one header with a comma: "no-cache, public, …".
        assert.equal(headers[name], undefined, `${path}: ${name} set twice (second by ${rule.path})`);
        headers[name] = value;
      }
    }
    const file = path === '/' ? 'index.html' : path;
    assert.equal(headers['cache-control'], HASHED.test(file) ? IMMUTABLE : 'no-cache', path);
    assert.equal(headers['content-security-policy'], CSP, path);
    assert.equal(headers['x-content-type-options'], 'nosniff', path);
    assert.equal(headers['access-control-allow-origin'], path.startsWith('/rules/') ? '*' : undefined, path);
    if (path.endsWith('.webmanifest')) assert.equal(headers['content-type'], 'application/manifest+json', path);
  }
});

/** Opens `url` (with #preset=6) and checks the CLI's verdicts and that every request stayed in /a/b/. */
async function openPreset6(t, url) {
  const { page, assertClean } = await openPage(browser, url, { waitFor: '[data-edge-id]' });
  const want = reportVerdicts(cliReport(presetFile(6)));
  await page.waitForFunction((n) => document.querySelectorAll('[data-edge-id]').length === n, Object.keys(want).length);
  assert.deepEqual(await pageVerdicts(page), want);
  const folder = new URL('/a/b/', url).href;
  const outside = await page.evaluate(
    (folder) => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith(folder)),
    folder,
  );
  assert.deepEqual(outside, [], 'requests outside the app folder');
  assertClean();
  return page;
}

for (const server of ['plain', 'nginx']) {
  test(`dist/ copied into /a/b/ behind the ${server} server opens preset 6 with the CLI's verdicts`, async (t) => {
    const url = siteUrl(server, '/a/b/#preset=6');
    if (!url) return t.skip(`no ${server} server (nginx: bash scripts/setup.sh --chromium)`);
    const page = await openPreset6(t, url);
    const wasm = await page.evaluate(() => {
      const e = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
      return e && { transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize };
    });
    assert.ok(wasm, 'the wasm was loaded');
    if (server === 'nginx') {
      assert.ok(wasm.encoded < wasm.decoded / 2, `the wasm came compressed: ${JSON.stringify(wasm)}`);
    }
    t.diagnostic(`${server}: wasm ${wasm.encoded} B on the wire for ${wasm.decoded} B`);
    await page.close();
    // The folder without its slash (servers redirect) and index.html itself, in Chinese.
    const zh = await openPreset6(t, siteUrl(server, '/a/b/index.html?lang=zh-TW#preset=6'));
    assert.equal(await zh.evaluate(() => document.documentElement.lang), 'zh-TW');
    await zh.close();
    const bare = await openPreset6(t, siteUrl(server, '/a/b#preset=6'));
    assert.equal(new URL(bare.url()).pathname, '/a/b/');
    await bare.close();
  });
}

let framed;
after(() => framed?.stop());

test('frame-ancestors, the documented option of deploy/nginx/, stops other sites from framing the app', async (t) => {
  if (!siteUrl('nginx')) return t.skip('nginx is not installed (bash scripts/setup.sh --chromium)');
  const site = process.env.E2E_SITE;
  // As csp-explorer.conf says: append frame-ancestors to all three Content-Security-Policy lines.
  let edited = 0;
  framed = await startNginx(site, join(root, 'tests/e2e/out/nginx-frame-ancestors'), {
    edit: (name, text) =>
      name !== 'csp-explorer.conf'
        ? text
        : text.replace(/(add_header Content-Security-Policy ".*?form-action 'none')(" always;)/g, (_, csp, end) => {
            edited++;
            return `${csp}; frame-ancestors 'self'${end}`;
          }),
  });
  assert.equal(edited, 3, 'the three Content-Security-Policy lines of csp-explorer.conf');
  // A page of another origin (the plain server's port) framing the app behind each nginx.
  let hosts = 0;
  const hostPage = (app) => {
    const name = `host-${++hosts}.html`;
    writeFileSync(join(site, name), `<!doctype html><title>host</title><iframe src="${app}" width="900" height="600"></iframe>`);
    return siteUrl('plain', `/${name}`);
  };
  // true when the app shows in the frame, false when Chromium refuses to frame it.
  const appIn = async (app) => {
    const page = await browser.context.newPage();
    const refused = new Promise((resolve) =>
      // Chromium 156: "Framing '…' violates … "frame-ancestors 'self'". The request has been blocked."
      page.on('console', (msg) => /frame-ancestors/.test(msg.text()) && /blocked|refused/i.test(msg.text()) && resolve(false)),
    );
    await page.goto(hostPage(app));
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const shown = frame.waitForSelector('[data-edge-id]', { state: 'attached', timeout: 15_000 }).then(() => true);
    const outcome = await Promise.race([shown, refused]);
    await page.close();
    return outcome;
  };
  assert.equal(await appIn(siteUrl('nginx', '/a/b/#preset=6')), true, 'the shipped config lets any site frame the app');
  assert.equal(await appIn(new URL('/a/b/#preset=6', framed.url).href), false, "frame-ancestors 'self' keeps other sites out");
});

test('a page of another origin imports the rules module straight from nginx (CORS on rules/), not from a host that sends no CORS', async (t) => {
  const nginx = siteUrl('nginx', '/a/b/rules/');
  if (!nginx) return t.skip('nginx is not installed (bash scripts/setup.sh --chromium)');
  const open = async (from) => {
    const opened = await openPage(browser, hostUrl(`/module-cors.html?from=${encodeURIComponent(from)}`), { waitFor: null, hosts: ['localhost', '127.0.0.1'] });
    await opened.page.waitForFunction(() => window.remoteError !== undefined, null, { timeout: 15_000 });
    return opened;
  };
  const ok = await open(nginx);
  assert.equal(await ok.page.evaluate(() => window.remoteError), null);
  const scenario = JSON.parse(readFileSync(presetFile(6), 'utf8'));
  const report = await ok.page.evaluate((s) => JSON.stringify(window.remoteRules.evaluate(s)), scenario);
  assert.equal(report, JSON.stringify(cliReport(presetFile(6))));
  ok.assertClean();
  await ok.page.close();
  // The plain server sends no CORS header: the browser refuses the module to the page.
  const refused = await open(siteUrl('plain', '/a/b/rules/'));
  assert.match(await refused.page.evaluate(() => window.remoteError), /TypeError|import/i);
  await refused.page.close();
});
