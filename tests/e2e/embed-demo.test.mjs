// dist/embed-demo.html: the three ways in (module, iframe, loader) on one page of the build,
// in both languages, under the same Content-Security-Policy as the app.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser,
  openPage,
  appUrl,
  cli,
  cliError,
  cliReport,
  reportVerdicts,
  scenarioFile,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The verdicts the demo's report table shows, by edge. */
const tableVerdicts = (page) =>
  page.$$eval('#report tbody tr', (rows) => Object.fromEntries(rows.map((r) => [r.querySelector('th').textContent, r.dataset.verdict])));

test('the demo judges its editable scenario with the module as the CLI does, and shows the iframe and the loader', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/embed-demo.html?lang=en'), { waitFor: '#report:not([hidden])' });
  const text = await page.inputValue('#scenario');
  const file = scenarioFile(text);
  const report = cliReport(file);
  assert.deepEqual(await tableVerdicts(page), reportVerdicts(report));
  assert.equal(await page.textContent('#module-status'), `${report.summary.allowed} allowed, ${report.summary.blocked} blocked`);
  assert.equal(await page.getAttribute('#share-link', 'href'), `index.html?lang=en${cli('share', file).trim()}`);

  // An edit is judged again; a broken file shows the CLI's error line.
  const broken = text.replace('"indirect_reseller"', '"reseller"');
  await page.fill('#scenario', broken);
  await page.waitForFunction(() => document.getElementById('report').hidden);
  assert.equal(await page.textContent('#module-status'), cliError('check', scenarioFile(broken)));

  const frames = await page.$$eval('iframe', (fs) => fs.map((f) => new URL(f.src).pathname + new URL(f.src).search + new URL(f.src).hash));
  const origin = new URL(appUrl('/')).origin;
  assert.deepEqual(frames, ['/index.html?embed=view#preset=6', `/index.html?embed=view&lang=en&origin=${encodeURIComponent(origin)}#preset=7`]);
  assertClean();
});

test('in Chinese the demo, its report and the loader\'s embed are in Chinese', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/embed-demo.html?lang=zh-TW'), { waitFor: '#report:not([hidden])' });
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-TW');
  assert.equal(await page.textContent('h1'), '將 CSP 情境探索工具嵌入您的網頁');
  const report = cliReport(scenarioFile(await page.inputValue('#scenario')), 'zh-TW');
  const findings = await page.$$eval('#report tbody td:last-child', (tds) => tds.map((td) => td.textContent).filter(Boolean));
  assert.deepEqual(findings, report.edges.filter((e) => e.findings.length).map((e) => e.findings.map((f) => `${f.rule}: ${f.message}`).join('\n')));
  // The loader's frame is asked for Chinese; the plain iframe is as written (the browser's).
  const srcs = await page.$$eval('iframe', (fs) => fs.map((f) => new URL(f.src).searchParams.get('lang')));
  assert.deepEqual(srcs, [null, 'zh-TW']);
  assertClean();
});
