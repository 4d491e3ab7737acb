// The network audit: a generated 5,000-edge network opened through the audit's file input is
// judged without being drawn; its counts equal `csp-rules check --summary`; filters, search and
// paging narrow the table; "show in diagram" draws one party's neighbourhood with the CLI's
// verdicts.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  launchBrowser,
  openPage,
  appUrl,
  axeViolations,
  cli,
  cliReport,
  pageNodes,
  pageVerdicts,
  presetFile,
  reportVerdicts,
  root,
  waitVerdict,
} from './helpers.mjs';

let browser;
let page;
let assertClean;
let dir;
let file;
let report;
let steps;

before(async () => {
  execFileSync('cargo', ['build', '-q', '--release', '-p', 'csp-rules', '--example', 'network'], { cwd: root, stdio: 'inherit' });
  dir = mkdtempSync(join(tmpdir(), 'csp-audit-'));
  file = join(dir, 'network-5000.json');
  writeFileSync(file, execFileSync(join(root, 'target/release/examples/network'), ['5000'], { maxBuffer: 64 << 20 }));
  report = JSON.parse(cli('check', file));
  browser = await launchBrowser();
  ({ page, assertClean } = await openPage(browser, appUrl('/?lang=en')));
  // Every progress step the view shows, in order, with its text.
  await page.evaluate(() => {
    window.auditSteps = [];
    new MutationObserver(() => {
      const el = document.querySelector('[data-audit-busy]');
      const last = window.auditSteps.at(-1);
      if (el && last?.[0] !== el.dataset.auditBusy) window.auditSteps.push([el.dataset.auditBusy, el.textContent]);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.setInputFiles('input[data-audit-file]', file);
  await page.waitForSelector('[data-audit-count="allowed"]', { timeout: 60_000 });
  steps = await page.evaluate(() => window.auditSteps);
});
after(async () => {
  assertClean?.();
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const count = (sel) => page.$eval(sel, (el) => Number(el.querySelector('td').textContent));
const matching = () => page.$eval('[data-audit-matching]', (el) => Number(el.dataset.auditMatching));
const rows = () => page.$$eval('tr[data-audit-edge]', (els) => els.map((el) => [el.dataset.auditEdge, el.dataset.verdict]));

test('progress: reading, checking, then judging, each shown before it runs', () => {
  assert.deepEqual(steps.map(([n]) => n), ['1', '2', '3']);
  assert.match(steps[0][1], /^Reading network-5000\.json…$/);
  assert.match(steps[1][1], /^Checking network-5000\.json…$/);
  assert.equal(steps[2][1], `Judging ${report.edges.length.toLocaleString('en')} relationships…`);
});

test('counts by verdict and by rule equal csp-rules check --summary; nothing is drawn', async () => {
  const summary = cli('check', '--summary', file).trim().split('\n').map((l) => l.split('\t'));
  assert.equal(await count('[data-audit-count="allowed"]'), report.summary.allowed);
  assert.equal(await count('[data-audit-count="blocked"]'), report.summary.blocked);
  for (const [key, n] of summary) {
    if (key === 'allowed' || key === 'blocked') continue;
    assert.equal(await count(`[data-audit-rule="${key}"]`), Number(n), key);
  }
  assert.equal(await page.locator('[data-edge-id]').count(), 0, 'the network is not drawn');
  assert.deepEqual(await axeViolations(page), []);
});

test('the table pages through every edge with the CLI verdicts', async () => {
  assert.equal(await matching(), report.edges.length);
  const first = await rows();
  assert.equal(first.length, 50);
  assert.deepEqual(first, report.edges.slice(0, 50).map((e) => [e.id, e.verdict]));
  await page.click('[data-audit-page="next"]');
  assert.deepEqual(await rows(), report.edges.slice(50, 100).map((e) => [e.id, e.verdict]));
  await page.click('[data-audit-page="prev"]');
  assert.equal((await rows())[0][0], report.edges[0].id);
});

test('verdict, rule, kind and region filters and the search narrow the table', async () => {
  await page.selectOption('select[name="audit-verdict"]', 'blocked');
  assert.equal(await matching(), report.summary.blocked);
  assert.ok((await rows()).every(([, v]) => v === 'blocked'));
  const rule = 'REGION.CUSTOMER_SAME_REGION';
  await page.selectOption('select[name="audit-rule"]', rule);
  const expected = report.edges.filter((e) => e.verdict === 'blocked' && e.findings.some((f) => f.rule === rule));
  assert.equal(await matching(), expected.length);
  await page.selectOption('select[name="audit-verdict"]', '');
  await page.selectOption('select[name="audit-rule"]', '');
  await page.selectOption('select[name="audit-region"]', 'japan');
  assert.ok((await matching()) > 0 && (await matching()) < report.edges.length);
  await page.selectOption('select[name="audit-region"]', '');
  const scenario = JSON.parse(execFileSync(join(root, 'target/release/examples/network'), ['5000'], { maxBuffer: 64 << 20 }));
  const direct = new Set(scenario.nodes.filter((n) => n.kind === 'direct_bill_partner').map((n) => n.id));
  await page.selectOption('select[name="audit-kind"]', 'direct_bill_partner');
  assert.equal(await matching(), scenario.edges.filter((e) => direct.has(e.from) || direct.has(e.to)).length);
  await page.selectOption('select[name="audit-kind"]', '');
  await page.fill('input[name="audit-search"]', 'e4999');
  assert.deepEqual((await rows()).map(([id]) => id), ['e4999']);
  await page.fill('input[name="audit-search"]', '');
  assert.equal(await matching(), report.edges.length);
});

test('"show in diagram" draws a reseller\'s neighbourhood with the CLI\'s verdicts', async () => {
  const scenario = JSON.parse(execFileSync(join(root, 'target/release/examples/network'), ['5000'], { maxBuffer: 64 << 20 }));
  const reseller = scenario.nodes.find((n) => n.kind === 'indirect_reseller');
  await page.fill('input[name="audit-search"]', reseller.id);
  await page.click(`button[data-audit-show="${reseller.id}"] >> nth=0`);
  await page.waitForSelector(`[data-node-id="${reseller.id}"]`);
  const verdicts = new Map(report.edges.map((e) => [e.id, e.verdict]));
  const touching = scenario.edges.filter((e) => e.from === reseller.id || e.to === reseller.id).map((e) => e.id);
  const drawn = await page.$$eval('[data-edge-id]', (els) => els.map((el) => [el.dataset.edgeId, el.dataset.verdict]));
  const ids = drawn.map(([id]) => id);
  for (const id of touching) assert.ok(ids.includes(id), `edge ${id} is drawn`);
  for (const [id, verdict] of drawn) assert.equal(verdict, verdicts.get(id), `edge ${id}`);
});

test('a network over the limits (40,000 edges) opened by a link goes to the audit view, not the canvas', async () => {
  const big = join(dir, 'network-41000.json');
  writeFileSync(big, execFileSync(join(root, 'target/release/examples/network'), ['41000'], { maxBuffer: 64 << 20 }));
  const summary = Object.fromEntries(cli('check', '--summary', big).trim().split('\n').map((l) => l.split('\t')).map(([k, v]) => [k, Number(v)]));
  const fragment = cli('share', big).trim();
  const { page: linked, assertClean: clean } = await openPage(browser, appUrl(`/?lang=en${fragment}`));
  await linked.waitForSelector('[data-audit-count="allowed"]', { timeout: 60_000 });
  const n = (sel) => linked.$eval(sel, (el) => Number(el.querySelector('td').textContent));
  assert.equal(await n('[data-audit-count="allowed"]'), summary.allowed);
  assert.equal(await n('[data-audit-count="blocked"]'), summary.blocked);
  // Not drawn: the canvas keeps the diagram that was there (none of the network's edges).
  assert.equal(await linked.locator('[data-audit-note="opened"]').count(), 1);
  const drawn = await linked.$$eval('[data-edge-id]', (els) => els.length);
  assert.ok(drawn < summary.allowed + summary.blocked, `${drawn} edges drawn`);
  await linked.close();
  clean();
});

test('"show in diagram" judges the slice as the whole network: scenario 6\'s shared tenant stays blocked', async () => {
  // The purchase into the tenant of a reseller its own provider supplies: its neighbourhood
  // without that reseller (the page's own, before the engine's slice) showed it allowed.
  const six = presetFile(6);
  const whole = reportVerdicts(cliReport(six));
  assert.equal(whole.e4, 'blocked');
  const { page: p, assertClean: clean } = await openPage(browser, appUrl('/?lang=en'));
  await p.setInputFiles('input[data-audit-file]', six);
  await p.waitForSelector('[data-audit-count="allowed"]');
  await p.click('tr[data-audit-edge="e4"] button[data-audit-show="tailspin-buy"]');
  await p.waitForSelector('[data-node-id="tailspin-buy"]');
  // The reseller that shares the customer's tenant is drawn, and every drawn edge is judged as
  // in the whole network.
  assert.ok((await pageNodes(p)).includes('tailspin'));
  await waitVerdict(p, 'e4', 'blocked');
  const drawn = await pageVerdicts(p);
  for (const [id, verdict] of Object.entries(drawn)) assert.equal(verdict, whole[id], `edge ${id}`);
  await p.close();
  clean();
});
