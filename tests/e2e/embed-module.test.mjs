// The rules-only module (interfaces.md §6.1) as a partner page uses it: copied into a host
// page's own site on another origin (http://localhost:…) and imported there. Its answers equal
// the CLI's byte for byte as JSON, and equal window.cspRules' in the app, on every preset and
// on generated scenarios, in both languages; its errors are the CLI's error line.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  launchBrowser,
  openPage,
  appUrl,
  hostUrl,
  cli,
  cliError,
  presetFile,
  scenarioFile,
} from './helpers.mjs';
import { generatedScenario } from './generate.mjs';

const LANGS = ['en', 'zh-TW'];
const GENERATED = 40;

let browser;
let host;
let app;
before(async () => {
  browser = await launchBrowser();
  // Only the two servers of the test bed: the host page's and the app's.
  host = await openPage(browser, hostUrl('/module.html'), { waitFor: null, hosts: ['localhost'] });
  await host.page.waitForFunction(() => window.hostRules !== undefined, null, { timeout: 15_000 });
  app = await openPage(browser, appUrl('/'));
  await app.page.waitForFunction(() => window.cspRules !== undefined);
});
after(async () => {
  host?.assertClean();
  app?.assertClean();
  await browser?.close();
});

/**
 * Calls `name(...args)` of the module (`module`) or of window.cspRules (`page`); returns
 * { json } (the answer as JSON text) or { error } (the thrown Error's message). A `@LONE@` in a
 * string argument becomes a lone surrogate there, in the page (the way in would replace it).
 */
function call(where, name, ...args) {
  const { page } = where === 'module' ? host : app;
  return page.evaluate(
    ([where, name, args]) => {
      const api = where === 'module' ? window.hostRules : window.cspRules;
      const lone = (v) =>
        typeof v === 'string'
          ? v.replaceAll('@LONE@', '\ud800')
          : v && typeof v === 'object'
            ? JSON.parse(JSON.stringify(v), (_, x) => (typeof x === 'string' ? lone(x) : x))
            : v;
      try {
        return { json: JSON.stringify(api[name](...args.map(lone))) };
      } catch (e) {
        return { error: e instanceof Error ? e.message : `not an Error: ${e}` };
      }
    },
    [where, name, args],
  );
}

/** The CLI's report for a file, as the JSON text JSON.stringify gives its parsed output. */
const cliJson = (file, lang) => JSON.stringify(JSON.parse(cli('check', '--lang', lang, file)));

/** The CLI's error line without its line and column, as a caller that gave an object sees it. */
const positionless = (line) => line.replace(/ \(line \d+, column \d+\)|（第 \d+ 行第 \d+ 欄）/, '');

test('the module self-hosted on another origin gives the CLI report for every preset, object or text, in both languages', async () => {
  for (let n = 1; n <= 8; n++) {
    const file = presetFile(n);
    const text = readFileSync(file, 'utf8');
    for (const lang of LANGS) {
      const want = cliJson(file, lang);
      assert.equal((await call('module', 'evaluate', JSON.parse(text), lang)).json, want, `preset ${n} ${lang}`);
      assert.equal((await call('module', 'evaluate', text, lang)).json, want, `preset ${n} ${lang}, as text`);
    }
    // English is the default, as for the CLI.
    assert.equal((await call('module', 'evaluate', text)).json, cliJson(file, 'en'), `preset ${n}`);
  }
});

test('on generated scenarios the module, window.cspRules and the CLI agree byte for byte', async () => {
  let blocked = 0;
  for (let seed = 1; seed <= GENERATED; seed++) {
    const scenario = generatedScenario(seed);
    const file = scenarioFile(scenario);
    for (const lang of LANGS) {
      const want = cliJson(file, lang);
      assert.equal((await call('module', 'evaluate', scenario, lang)).json, want, `scenario ${seed} ${lang}`);
      assert.equal((await call('page', 'evaluate', scenario, lang)).json, want, `scenario ${seed} ${lang} (page)`);
    }
    blocked += JSON.parse(cliJson(file, 'en')).summary.blocked;
    assert.equal((await call('module', 'share', scenario)).json, JSON.stringify(cli('share', file).trim()), `share ${seed}`);
  }
  // The generator reaches the rules that block, not only the happy path.
  assert.ok(blocked > GENERATED, `only ${blocked} blocked edges in ${GENERATED} scenarios`);
});

test('bad text gets exactly the CLI error line, from the module and from window.cspRules', async () => {
  const texts = [
    '{"version":1,"nodes":[{"id":"x","kind":"customer"}]}',
    '{"version":2}',
    '{\n  "version": 1,\n  nodes: []\n}',
    '',
    '[1,2]',
    'null',
    '{"version":1,"colour":"red"}',
    '{"version":1.5}',
    '{"version":1,"nodes":[{"id":"a","kind":"alien","region":"europe"}]}',
    '{"version":1,"nodes":[{"id":"a b","kind":"customer","region":"europe"}]}',
    '{"version":1,"nodes":[{"id":"a","kind":"customer","region":"europe"}],"edges":[{"id":"e","from":"a","to":"zz","kind":"sells_to"}]}',
    '{"version":1,"as_of":"2020-02-30"}',
    '{"version":1,"title":"\\ud800"}',
  ];
  for (const text of texts) {
    const file = scenarioFile(text);
    for (const lang of LANGS) {
      const want = cliError('check', '--lang', lang, file);
      assert.match(want, /^error: /);
      assert.deepEqual(await call('module', 'evaluate', text, lang), { error: want }, `${text} ${lang}`);
      assert.deepEqual(await call('page', 'evaluate', text, lang), { error: want }, `${text} ${lang} (page)`);
    }
    assert.deepEqual(await call('module', 'share', text), { error: cliError('share', file) }, `share ${text}`);
  }
  // A byte-order mark is read as the CLI reads it.
  const bom = `\ufeff${readFileSync(presetFile(1), 'utf8')}`;
  assert.equal((await call('module', 'evaluate', bom)).json, cliJson(scenarioFile(bom), 'en'));
});

test('an object\'s error names the field path and never a line and column the caller never saw', async () => {
  const objects = [
    { version: 1, nodes: [{ id: 'x', kind: 'customer' }] },
    { version: 1, nodes: [{ id: 'a', kind: 'alien', region: 'europe' }] },
    { version: 1, colour: 'red' },
    { version: 1.5 },
    { version: 1, nodes: [{ id: 'a', kind: 'customer', region: 'europe', x: 'left' }] },
    { version: 1, edges: [{ id: 'e', from: 'a', to: 'b', kind: 'sells_to', extra: [1, 2] }] },
    [1, 2],
    null,
    42,
  ];
  for (const obj of objects) {
    const file = scenarioFile(obj);
    for (const lang of LANGS) {
      const want = positionless(cliError('check', '--lang', lang, file));
      for (const where of ['module', 'page']) {
        const { error } = await call(where, 'evaluate', obj, lang);
        assert.equal(error, want, `${JSON.stringify(obj)} ${lang} (${where})`);
        assert.doesNotMatch(error, /line \d|column \d|第 \d+ 行/);
      }
    }
  }
  // A syntax error in the text the object was written to (here its lone surrogate) is placed
  // by path too.
  for (const where of ['module', 'page']) {
    const { error } = await call(where, 'evaluate', { version: 1, nodes: [{ id: 'a', kind: 'customer', region: 'europe', name: 'x@LONE@' }] });
    assert.equal(error, 'error: nodes[0].name: not valid JSON: unexpected end of hex escape', where);
  }
});

test('a lone surrogate in a JS string is refused as the same data as an object is, never judged as U+FFFD', async () => {
  const base = { version: 1, nodes: [{ id: 'a', kind: 'customer', region: 'europe' }] };
  const withName = (name) => ({ ...base, nodes: [{ ...base.nodes[0], name }] });
  for (const where of ['module', 'page']) {
    const text = await call(where, 'evaluate', JSON.stringify(withName('x@LONE@')));
    const object = await call(where, 'evaluate', withName('x@LONE@'));
    assert.equal(text.json, undefined, `${where}: a lone surrogate in text was judged`);
    // The text meets the same check as the object: the CLI's answer for the text
    // JSON.stringify writes for that object, placed by line and column for text, by path for
    // the object.
    const cliLine = cliError('check', scenarioFile(JSON.stringify(withName('x\ud800'))));
    assert.equal(text.error, cliLine, where);
    assert.equal(object.error, 'error: nodes[0].name: not valid JSON: unexpected end of hex escape', where);
    assert.equal(cliLine.replace(/^error: line 1, column \d+: /, ''), object.error.replace(/^error: nodes\[0\]\.name: /, ''));
    // Outside a string it stays invalid JSON where it stands.
    const between = await call(where, 'evaluate', '{"version":1,"title":"t"@LONE@}');
    assert.equal(between.error, cliError('check', scenarioFile('{"version":1,"title":"t"\ufffd}')), where);
    // A real U+FFFD and a well-formed pair are text like any other.
    for (const name of ['x\ufffd', 'x😀']) {
      const want = cliJson(scenarioFile(withName(name)), 'en');
      assert.equal((await call(where, 'evaluate', JSON.stringify(withName(name)))).json, want, `${where} ${name}`);
      assert.equal((await call(where, 'evaluate', withName(name))).json, want, `${where} ${name} object`);
    }
  }
});

test('rules(), share() and version answer as the CLI does; a language that is not en or zh-TW is refused', async () => {
  for (const lang of LANGS) {
    const want = JSON.stringify(JSON.parse(cli('rules', '--json', '--lang', lang)));
    assert.equal((await call('module', 'rules', lang)).json, want, lang);
    assert.equal((await call('page', 'rules', lang)).json, want, `${lang} (page)`);
  }
  assert.equal((await call('module', 'rules')).json, JSON.stringify(JSON.parse(cli('rules', '--json'))));
  const file = presetFile(6);
  const link = JSON.stringify(cli('share', file).trim());
  assert.equal((await call('module', 'share', readFileSync(file, 'utf8'))).json, link);
  assert.equal((await call('page', 'share', JSON.parse(readFileSync(file, 'utf8')))).json, link);
  const version = await host.page.evaluate(() => window.hostRules.version);
  assert.equal(`csp-rules ${version}`, cli('--version').trim());
  assert.equal(version, await app.page.evaluate(() => window.cspRules.version));
  for (const where of ['module', 'page']) {
    assert.deepEqual(await call(where, 'evaluate', {}, 'fr'), { error: 'error: unknown language "fr"; use en or zh-TW' });
    assert.deepEqual(await call(where, 'rules', 7), { error: 'error: unknown language (not a string); use en or zh-TW' });
    assert.equal((await call(where, 'rules', 'ZH-tw')).json, JSON.stringify(JSON.parse(cli('rules', '--json', '--lang', 'zh-TW'))));
  }
});

test('the module fetches only its own two files, from the host page\'s own origin', async () => {
  const requests = await host.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  const origin = new URL(hostUrl('/')).origin;
  assert.deepEqual(
    requests.filter((u) => u.includes('/rules/')).map((u) => u.replace(origin, '')).sort(),
    ['/rules/csp_rules.js', '/rules/csp_rules_bg.wasm'],
  );
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), []);
});
