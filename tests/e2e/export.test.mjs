// Pictures for slides and articles: the exported SVG and PNG hold the diagram alone (no
// handles, selection or hover), whole names, light or dark as asked whatever the viewer's
// system says, nothing from elsewhere, the legend and the findings as chosen, a file name of
// whole words; the SVG carries the scenario, and Import opens it again.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  launchBrowser,
  openPage,
  appUrl,
  axeViolations,
  clickNode,
  cliReport,
  pageVerdicts,
  pickMenu,
  presetFile,
  root,
  savedDiagram,
  scenarioFile,
  screenshot,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Exports the picture with the dialog's choices; returns the download's name and bytes. */
async function exportPicture(page, format, { theme = 'light', legend = true, caption = false } = {}) {
  await pickMenu(page, 'file', `export-${format}`);
  await page.waitForSelector('.export-dialog');
  await page.check(`.export-dialog input[name="export-format"][value="${format}"]`);
  await page.check(`.export-dialog input[name="export-theme"][value="${theme}"]`);
  await page.setChecked('.export-dialog input[name="export-legend"]', legend);
  await page.setChecked('.export-dialog input[name="export-caption"]', caption);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.export-dialog button[data-action="export-picture"]')]);
  await page.waitForFunction(() => !document.querySelector('.export-dialog'));
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

const LONG = 'Contoso Distribution Europe, the largest distributor of the Nordics';

test('an exported SVG is the diagram alone: no handles, no OS theme, no cut names, nothing from elsewhere', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  // A long name, which the canvas cuts with "…"; a node selected and one hovered.
  await clickNode(page, 'contoso');
  await page.fill('[data-inspector] input[name="name"]', LONG);
  await page.waitForFunction(() => document.querySelector('[data-node-id="contoso"] .label').textContent.includes('…'));
  await page.hover('[data-node-id="wingtip"] .glyph');
  await page.emulateMedia({ colorScheme: 'dark' });
  await pickMenu(page, 'file', 'export-svg');
  await page.waitForSelector('.export-dialog');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'training-export.png');
  await page.keyboard.press('Escape');
  const svg = await exportPicture(page, 'svg');
  assert.equal(svg.name, 'An-indirect-reseller-buying-as-an-end-customer-from-its-own.svg', 'whole words of the title');
  const text = svg.bytes.toString('utf8');
  for (const absent of ['prefers-color-scheme', '…', 'handle', '<style', 'href', 'url(', '@import', '<image', 'selected', 'hover']) {
    assert.ok(!text.includes(absent), `the picture holds ${absent}`);
  }
  // Light by default, though the system asks for dark.
  assert.match(text, /data-theme="light"/);
  assert.match(text, /<rect width="\d+" height="\d+" fill="#fbfcfd"\/>/);
  // Read in a blank page: no handle element, the long name whole (across its lines), the legend.
  const blank = await browser.context.newPage();
  const seen = await blank.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const groups = [...doc.querySelectorAll('g[transform^="translate"] > g')].map((g) =>
      [...g.querySelectorAll(':scope > text')].map((x) => x.textContent).join(' '),
    );
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      handles: doc.querySelectorAll('[data-handle], .handle, .handle-dot').length,
      classes: doc.querySelectorAll('[class]').length,
      groups,
      texts: [...doc.querySelectorAll('text')].map((x) => x.textContent),
    };
  }, text);
  await blank.close();
  assert.equal(seen.error, null);
  assert.equal(seen.handles, 0);
  assert.equal(seen.classes, 0, 'colours as attributes, not classes a stylesheet would style');
  assert.ok(seen.groups.some((g) => g.startsWith(LONG)), JSON.stringify(seen.groups));
  const counts = cliReport(presetFile(6)).summary;
  assert.ok(seen.texts.includes(`Allowed (${counts.allowed})`) && seen.texts.includes(`Blocked (${counts.blocked})`));
  assertClean();
  await page.close();
});

test('picture options: dark on request, with or without the legend and the findings, PNG at twice the size', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=zh-TW#preset=7'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  const report = cliReport(presetFile(7), 'zh-TW');
  const dark = (await exportPicture(page, 'svg', { theme: 'dark', legend: false, caption: true })).bytes.toString('utf8');
  assert.match(dark, /data-theme="dark"/);
  assert.match(dark, /fill="#0f141a"/);
  assert.ok(!dark.includes('允許 ('), 'no legend');
  const blocked = report.edges.find((e) => e.verdict === 'blocked');
  // The caption's lines, wrapped where they must be: every word of the findings is there.
  const entities = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };
  const words = (t) =>
    t
      .replace(/<[^>]+>/g, '')
      .replace(/&(lt|gt|amp|quot|apos);/g, (e) => entities[e])
      .replace(/\s+/g, '');
  assert.ok(words(dark).includes(words(blocked.findings[0].message)), 'the findings caption, in Chinese');
  const plain = (await exportPicture(page, 'svg')).bytes.toString('utf8');
  assert.ok(plain.includes(`允許 (${report.summary.allowed})`) && !words(plain).includes(words(blocked.findings[0].message)));
  const width = Number(/<svg [^>]*width="(\d+)"/.exec(plain)[1]);
  const height = Number(/<svg [^>]*height="(\d+)"/.exec(plain)[1]);
  const png = await exportPicture(page, 'png');
  assert.match(png.name, /^不同地區的客戶|\.png$/);
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], [width * 2, height * 2], '2×');
  assertClean();
  await page.close();
});

test('an exported SVG imports back to the same scenario; a damaged one gets the parser\'s error line', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=5'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  await clickNode(page, 'litware');
  await page.fill('[data-inspector] input[name="name"]', 'Litware <&> "Süd" ]]> 中文');
  const { scenario: before } = await savedDiagram(page);
  const svg = await exportPicture(page, 'svg');
  const file = join(root, 'tests/e2e/out', svg.name);
  writeFileSync(file, svg.bytes);
  // Another diagram, then the picture imported: the same scenario, the same verdicts.
  await page.goto(appUrl('/?lang=en#preset=1'));
  await page.waitForSelector('[data-node-id="northwind"]');
  await page.setInputFiles('input.file-input', file);
  await page.waitForSelector('[data-node-id="adatum-self"]');
  await page.waitForFunction(() => document.documentElement.dataset.autosave !== 'pending');
  const { scenario: after } = await savedDiagram(page);
  assert.deepEqual(after, before);
  assert.deepEqual(await pageVerdicts(page), Object.fromEntries(cliReport(scenarioFile(before)).edges.map((e) => [e.id, e.verdict])));

  // Damaged inside: the engine's own line, placed in the picture's text.
  const text = svg.bytes.toString('utf8');
  const bad = text.replace('"kind":"direct_bill_partner"', '"kind":"direct_partner"');
  const at = bad.indexOf('"direct_partner"');
  const line = bad.slice(0, at).split('\n').length;
  // The parser places the error just after the bad value, its column counted in bytes.
  const column = Buffer.byteLength(bad.slice(bad.lastIndexOf('\n', at) + 1, at + '"direct_partner"'.length));
  writeFileSync(file, bad);
  await page.setInputFiles('input.file-input', file);
  await page.waitForSelector('[data-notice="import"]');
  const notice = await page.textContent('[data-notice="import"]');
  assert.match(notice, new RegExp(`error: nodes\\[1\\]\\.kind \\(line ${line}, column ${column}\\): unknown variant \`direct_partner\``));
  // Any other picture holds no scenario.
  writeFileSync(file, '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>');
  await page.setInputFiles('input.file-input', file);
  await page.waitForFunction(() => document.querySelector('[data-notice="import"]')?.textContent.includes('holds no scenario'));
  assert.ok(await page.isVisible('[data-node-id="adatum-self"]'), 'the diagram is kept');
  assertClean();
  await page.close();
});
