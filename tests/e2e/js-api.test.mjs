// window.cspRules (interfaces.md §4): evaluate gives the CLI's report, bad input throws the
// CLI's error line, rules() is the catalogue, version is the app's.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  launchBrowser,
  openPage,
  appUrl,
  cli,
  cliError,
  cliReport,
  presetFile,
  scenarioFile,
} from './helpers.mjs';

let browser;
let page;
let assertClean;
before(async () => {
  browser = await launchBrowser();
  ({ page, assertClean } = await openPage(browser, appUrl('/?lang=zh-TW')));
  await page.waitForFunction(() => window.cspRules !== undefined);
});
after(async () => {
  assertClean?.();
  await browser?.close();
});

/** Calls cspRules.evaluate in the page; returns { report } or { error }. */
function evaluate(scenario, lang) {
  return page.evaluate(
    ([s, l]) => {
      try {
        return { report: window.cspRules.evaluate(s, l) };
      } catch (e) {
        return { error: e instanceof Error ? e.message : `not an Error: ${e}` };
      }
    },
    [scenario, lang],
  );
}

test('evaluate(scenario) returns exactly the CLI report, for every preset, in both languages', async () => {
  for (let n = 1; n <= 8; n++) {
    const file = presetFile(n);
    const scenario = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual((await evaluate(scenario)).report, cliReport(file), `preset ${n}`);
    assert.deepEqual((await evaluate(scenario, 'zh-TW')).report, cliReport(file, 'zh-TW'), `preset ${n} zh-TW`);
  }
  // JSON text is accepted too.
  const text = readFileSync(presetFile(3), 'utf8');
  assert.deepEqual((await evaluate(text)).report, cliReport(presetFile(3)));
});

test('bad input throws an Error with the CLI\'s error line', async () => {
  for (const bad of [
    { version: 1, nodes: [{ id: 'x', kind: 'customer' }] },
    { version: 2 },
    { version: 1, nodes: [{ id: 'a b', kind: 'customer', region: 'europe' }] },
    { version: 1, nodes: [{ id: 'a', kind: 'customer', region: 'europe' }], edges: [{ id: 'e', from: 'a', to: 'zz', kind: 'sells_to' }] },
    { version: 1, as_of: '2020-02-30' },
  ]) {
    const { error } = await evaluate(bad);
    assert.equal(error, cliError('check', scenarioFile(bad)), JSON.stringify(bad));
  }
  // Shape errors name the field; everything starts with "error:".
  const shape = await evaluate({ version: 1, nodes: [{ id: 'a', kind: 'alien', region: 'europe' }] });
  assert.match(shape.error, /^error: nodes\[0\]\.kind: unknown variant `alien`/);
  const unknown = await evaluate({ version: 1, colour: 'red' });
  assert.match(unknown.error, /^error: colour: unknown field `colour`/);
  const missing = await evaluate({ version: 1, nodes: [{ id: 'a', region: 'europe' }] });
  assert.equal(missing.error, 'error: nodes[0].kind: required field is missing');
  for (const junk of [undefined, null, 42, 'not json', [1, 2]]) {
    const { error } = await evaluate(junk);
    assert.match(error, /^error: /, String(junk));
  }
  const zh = await evaluate({ version: 1, nodes: [{ id: 'x', kind: 'customer' }] }, 'zh-TW');
  assert.equal(zh.error, 'error: nodes[0].region：除了 Microsoft 之外，每個節點都必須有地區');
});

test('rules() is the catalogue with IDs and statements; version is the app version', async () => {
  const rules = await page.evaluate(() => window.cspRules.rules());
  const ids = cli('rules')
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/)[0]);
  assert.deepEqual(rules.map((r) => r.id), ids);
  assert.ok(rules.every((r) => typeof r.statement === 'string' && r.statement.length > 0));
  const zh = await page.evaluate(() => window.cspRules.rules('zh-TW'));
  assert.ok(zh.find((r) => r.id === 'MPA.REQUIRED').statement.includes('Microsoft 合作夥伴合約（MPA）'));
  const version = await page.evaluate(() => window.cspRules.version);
  assert.equal(`csp-rules ${version}`, cli('--version').trim());
  // The API object can't be broken by another script.
  const frozen = await page.evaluate(() => {
    'use strict';
    try {
      window.cspRules.version = 'x';
    } catch {
      return true;
    }
    return window.cspRules.version !== 'x';
  });
  assert.ok(frozen);
});
