// What the page prints, in real print media and as a real PDF: the handout (title in the
// page's language, the diagram with its legend, every finding with its linked citation and the
// address printed), the walkthrough (every step with its diagram) and the quiz worksheet
// (numbered edges, blank answers, the answer key on a page of its own), none with a form
// control; the browser's own print command during a quiz prints the worksheet without answers.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, appUrl, cli, cliReport, presetFile, root, screenshot } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const walkthrough = (n) => JSON.parse(readFileSync(join(root, `rules/presets/walkthroughs/${n}.json`), 'utf8'));
const presetTitle = (n, lang) => cli('presets', '--lang', lang).split('\n').find((l) => l.startsWith(`${n}\t`)).split('\t')[1];

/**
 * Clicks a print button and waits for what it prints. The page's call to `window.print()` is
 * counted instead of opening the browser's dialog (headless, a print it starts never ends and
 * `page.pdf` then refuses); `page.pdf` below is the real print.
 */
async function printed(page, button, kind) {
  await page.evaluate(() => {
    window.__prints = 0;
    window.print = () => {
      window.__prints += 1;
    };
  });
  await page.click(button);
  await page.waitForSelector(`.print-doc[data-print="${kind}"]`, { state: 'attached' });
  assert.equal(await page.evaluate(() => window.__prints), 1, 'the browser is asked to print once');
}

/** Under print media: the form controls, menus and buttons still shown (none, as it should be). */
async function controlsInPrint(page) {
  await page.emulateMedia({ media: 'print' });
  const shown = await page.$$eval('input, select, textarea, button, [role=menu], [role=dialog]', (els) =>
    els.filter((el) => el.checkVisibility()).map((el) => el.outerHTML.slice(0, 80)),
  );
  return shown;
}

/** The PDF the page prints, kept under tests/e2e/out/, and how many pages it has. */
async function pdf(page, name) {
  const bytes = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(root, 'tests/e2e/out', `${name}.pdf`), bytes);
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  return (bytes.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}

for (const lang of ['en', 'zh-TW']) {
  test(`the printed handout (${lang}): its title, the diagram, the legend, the findings with linked citations, no controls`, async () => {
    const report = cliReport(presetFile(7), lang);
    const { page, assertClean } = await openPage(browser, appUrl(`/?lang=${lang}#preset=7`), {
      waitFor: '[data-edge-id][data-verdict]',
    });
    await printed(page, '.training button.print', 'handout');
    assert.deepEqual(await controlsInPrint(page), []);
    assert.equal(await page.textContent('.print-doc h1'), presetTitle(7, lang));
    for (const hidden of ['header.top', '.stage', '.training', '.findings']) {
      assert.equal(await page.isVisible(hidden), false, hidden);
    }
    const box = await page.locator('.print-doc .print-picture svg').boundingBox();
    assert.ok(box.width > 500, `the diagram fills the page's width: ${JSON.stringify(box)}`);
    const counts = `${lang === 'en' ? 'Allowed' : '允許'} (${report.summary.allowed})`;
    assert.ok((await page.textContent('.print-picture svg')).includes(counts), 'the legend');
    const text = await page.textContent('.print-doc');
    const rules = JSON.parse(cli('rules', '--json', '--lang', lang));
    for (const f of report.edges.flatMap((e) => e.findings)) {
      assert.ok(text.includes(f.message), f.rule);
      const link = page.locator(`.print-doc li[data-rule="${f.rule}"] a.cite-link`).first();
      assert.equal(await link.getAttribute('href'), rules.find((r) => r.id === f.rule).link);
      const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
      assert.ok(after.includes(f.link), `the address is printed: ${after}`);
    }
    assert.ok((await pdf(page, `handout-${lang}`)) >= 1);
    assertClean();
    await page.close();
  });
}

test('the printed walkthrough: every step with its diagram as the step leaves it, and no controls', async () => {
  const w = walkthrough(6);
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6&step=2'), {
    waitFor: '.walkthrough[data-step="2"]',
  });
  await printed(page, '.walkthrough button.print-walkthrough', 'walkthrough');
  assert.deepEqual(await controlsInPrint(page), []);
  const steps = await page.$$eval('.print-doc .print-step', (els) =>
    els.map((el) => ({ title: el.querySelector('h2').textContent, pictures: el.querySelectorAll('svg').length, edges: el.querySelectorAll('svg title').length })),
  );
  assert.equal(steps.length, w.steps.length);
  for (const [i, step] of w.steps.entries()) {
    assert.equal(steps[i].title, `Step ${i + 1} of ${w.steps.length}: ${step.title.en}`);
    assert.equal(steps[i].pictures, 1, `step ${i + 1}`);
  }
  // Step 4 removes Contoso → Tailspin Toys: its picture no longer has it, step 3's has.
  const relations = (k) => page.$$eval(`.print-step[data-step="${k}"] svg g > title`, (els) => els.map((e) => e.textContent));
  assert.ok((await relations(3)).some((t) => t.startsWith('“Contoso Distribution” sells to “Tailspin Toys”')));
  assert.ok(!(await relations(4)).some((t) => t.startsWith('“Contoso Distribution” sells to “Tailspin Toys”')));
  assert.ok((await pdf(page, 'walkthrough-6')) >= 3);
  assertClean();
  await page.close();
});

test('the printed quiz worksheet: numbered edges and blank answers, the answer key on a page of its own', async () => {
  const report = cliReport(presetFile(7));
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=7'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  await printed(page, '.training button.print-worksheet', 'worksheet-key');
  assert.deepEqual(await controlsInPrint(page), []);
  await screenshot(page, 'training-worksheet.png', { fullPage: true });
  const questions = await page.$$eval('.print-doc .print-questions li', (els) => els.map((el) => el.dataset.question));
  assert.deepEqual(questions, report.edges.map((_, i) => String(i + 1)));
  const sheet = await page.evaluate(() => {
    const doc = document.querySelector('.print-doc').cloneNode(true);
    doc.querySelector('.answer-key')?.remove();
    return { text: doc.textContent, svg: doc.querySelector('svg').outerHTML };
  });
  for (let n = 1; n <= report.edges.length; n++) assert.ok(sheet.svg.includes(`>${n}</text>`), `edge ${n} numbered`);
  // The sheet gives nothing away: no verdict colour, no finding, no guide scenario's title.
  assert.ok(!sheet.svg.includes('#c21d2c') && !sheet.svg.includes('#1a7f37'), 'no verdict colours');
  for (const f of report.edges.flatMap((e) => e.findings)) assert.ok(!sheet.text.includes(f.message), f.rule);
  assert.ok(!sheet.text.includes(presetTitle(7, 'en')));
  // The key: each answer and the engine's reasons, from a new page on.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.answer-key')).breakBefore), 'page');
  const key = await page.textContent('.answer-key');
  for (const f of report.edges.flatMap((e) => e.findings)) assert.ok(key.includes(f.message), f.rule);
  const pages = await pdf(page, 'worksheet-7');
  // What the button asked for is what the browser printed (its beforeprint didn't swap it).
  assert.equal(await page.getAttribute('.print-doc', 'data-print'), 'worksheet-key');
  assert.ok(pages >= 2, `${pages} pages`);
  assertClean();
  await page.close();
});

test('the browser\'s own print command: the handout, or during a quiz the worksheet without its answers', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=7&quiz=1'), {
    waitFor: '[data-quiz-panel="open"]',
  });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForSelector('.print-doc[data-print="worksheet"]', { state: 'attached' });
  assert.equal(await page.locator('.answer-key').count(), 0);
  assert.deepEqual(await controlsInPrint(page), []);
  await page.emulateMedia({ media: 'screen' });
  await page.click('button.quiz-leave');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForSelector('.print-doc[data-print="handout"]', { state: 'attached' });
  assert.equal(await page.isVisible('.print-doc'), false, 'nothing of it on screen');
  assertClean();
  await page.close();
});

test('a long findings list: on screen the entries far below the view are skipped, on paper every one is there', async () => {
  // Thirty resellers that have not signed the MPA, each sold to by the provider: thirty entries.
  const resellers = Array.from({ length: 30 }, (_, i) => ({
    id: `r${i}`, kind: 'indirect_reseller', name: `Reseller ${i}`, region: 'europe', mpa_signed: false, x: i * 120, y: 300,
  }));
  const scenario = {
    version: 1,
    nodes: [
      { id: 'ms', kind: 'microsoft', name: 'Microsoft', x: 1800, y: 0 },
      { id: 'p', kind: 'indirect_provider', name: 'Provider', region: 'europe', x: 1800, y: 150 },
      ...resellers,
    ],
    edges: [
      { id: 'e-ms', from: 'ms', to: 'p', kind: 'sells_to' },
      ...resellers.map((r) => ({ id: `e-${r.id}`, from: 'p', to: r.id, kind: 'sells_to' })),
    ],
  };
  const file = join(root, 'tests/e2e/out', 'print-long-list.json');
  writeFileSync(file, JSON.stringify(scenario));
  const withFindings = JSON.parse(cli('check', file)).edges.filter((e) => e.findings.length).length;
  assert.ok(withFindings >= 30, `${withFindings} edges with findings`);
  const link = cli('share', file).trim();
  const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en${link}`), { waitFor: '.finding-entries > li.edge-entry' });
  const entries = '.finding-entries > li.edge-entry';
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length >= 30, entries);
  // Whether each entry's contents are rendered (false: skipped by `content-visibility: auto`).
  const rendered = () =>
    page.$$eval(`${entries} > ul.rules`, (uls) => uls.map((ul) => ul.checkVisibility({ contentVisibilityAuto: true })));
  const screen = await rendered();
  assert.ok(screen[0], 'the first entry is rendered');
  assert.ok(screen.filter((r) => !r).length > 0, `entries out of view are skipped: ${screen.join(' ')}`);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await rendered(), screen.map(() => true), 'printed, every entry is rendered');
  assert.ok((await pdf(page, 'long-list')) >= 2);
  await page.emulateMedia({ media: 'screen' });
  assertClean();
  await page.close();
});
