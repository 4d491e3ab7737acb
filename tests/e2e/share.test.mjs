// Share links: links made by `csp-rules share` open to the same verdicts the CLI gives;
// the page's "Copy share link" makes links that reopen the same diagram; a broken link shows
// its error and the page keeps working.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser,
  openPage,
  appUrl,
  cli,
  cliReport,
  pageNodes,
  pageVerdicts,
  presetFile,
  reportVerdicts,
  scenarioFile,
  waitVerdict,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// A scenario written by hand: no positions, an unsigned reseller, a cross-region sale.
const HAND_WRITTEN = {
  version: 1,
  title: 'Hand-written <b>not markup</b>',
  as_of: '2021-03-01',
  nodes: [
    { id: 'ms', kind: 'microsoft' },
    { id: 'dist', kind: 'indirect_provider', name: '<img src=x onerror=1>', region: 'europe' },
    { id: 'res', kind: 'indirect_reseller', region: 'europe', mpa_signed: false },
    { id: 'res2', kind: 'indirect_reseller', region: 'europe' },
    { id: 'cust', kind: 'customer', region: 'europe' },
    { id: 'far', kind: 'customer', region: 'japan' },
  ],
  edges: [
    { id: 'a', from: 'ms', to: 'dist', kind: 'sells_to' },
    { id: 'b', from: 'dist', to: 'res', kind: 'sells_to' },
    { id: 'c', from: 'res', to: 'cust', kind: 'sells_to' },
    { id: 'd', from: 'dist', to: 'res2', kind: 'sells_to' },
    { id: 'e', from: 'res2', to: 'far', kind: 'sells_to' },
    { id: 'f', from: 'res2', to: 'cust', kind: 'manages' },
  ],
};

test('a link made by `csp-rules share` opens the diagram with the CLI\'s verdicts', async () => {
  for (const file of [scenarioFile(HAND_WRITTEN), presetFile(7)]) {
    const fragment = cli('share', file).trim();
    assert.match(fragment, /^#scenario=1\.c\./);
    const expected = reportVerdicts(cliReport(file));
    const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en${fragment}`), {
      waitFor: '[data-edge-id][data-verdict]',
    });
    assert.deepEqual(await pageVerdicts(page), expected, file);
    assertClean();
    await page.close();
  }
});

test('names are shown as text, never as markup', async () => {
  const fragment = cli('share', scenarioFile(HAND_WRITTEN)).trim();
  const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en${fragment}`), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('b').count(), 0);
  assert.equal(await page.textContent('[data-node-id="dist"] .label'), '<img src=x onerror=1>');
  assert.equal(await page.inputValue('input[name="title"]'), 'Hand-written <b>not markup</b>');
  assertClean();
  await page.close();
});

test('"Copy share link" gives a link that reopens the same diagram after edits', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=2'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  // An edit first, so the link carries more than the preset.
  await page.locator('[data-node-id="fabrikam"] .glyph').click();
  await page.selectOption('[data-inspector="fabrikam"] select[name="region"]', 'japan');
  await page.waitForSelector('[data-edge-id][data-verdict="blocked"]');
  const verdicts = await pageVerdicts(page);
  const nodes = await pageNodes(page);

  await page.click('button.share-button');
  await page.waitForSelector('.share-status:not(:empty)');
  const link = await page.inputValue('input.share-url');
  assert.ok(link.startsWith(appUrl('/?lang=en#scenario=1.')), link);
  assert.equal(await page.locator('[data-warning="long-link"]').count(), 0);

  const again = await openPage(browser, link, { waitFor: '[data-edge-id][data-verdict]' });
  assert.deepEqual(await pageVerdicts(again.page), verdicts);
  assert.deepEqual(await pageNodes(again.page), nodes);
  again.assertClean();
  await again.page.close();
  assertClean();
  await page.close();
});

test('a very large diagram gets a warning that its link may be cut off', async () => {
  const nodes = [{ id: 'ms', kind: 'microsoft' }];
  const edges = [];
  for (let i = 0; i < 400; i++) {
    nodes.push({ id: `customer-with-a-long-id-${i}`, kind: 'customer', region: `region-${(i * 7919) % 1000}`, name: `Customer ${i * 31337}` });
  }
  const fragment = cli('share', scenarioFile({ version: 1, nodes, edges })).trim();
  const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en${fragment}`), {
    waitFor: '[data-node-id="ms"]',
  });
  await page.click('button.share-button');
  await page.waitForSelector('[data-warning="long-link"]');
  assert.match(await page.textContent('[data-warning="long-link"]'), /8000/);
  assertClean();
  await page.close();
});

test('a broken link shows its one-line error; the page keeps working', async () => {
  for (const [fragment, message] of [
    ['#scenario=garbage', /^error: input: not a scenario share link/],
    ['#scenario=2.z.AAAA', /newer version/],
  ]) {
    const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en${fragment}`));
    await page.waitForSelector('[data-notice="open"]');
    assert.match(await page.textContent('[data-notice="open"] .error-line'), message);
    assert.deepEqual(await pageNodes(page), []);
    await page.click('.palette button[data-kind="microsoft"]');
    await page.waitForSelector('[data-node-id="ms"]');
    await page.click('[data-notice="open"] button');
    assert.equal(await page.locator('[data-notice="open"]').count(), 0);
    assertClean();
    await page.close();
  }
  // A link whose scenario is invalid names the field, as the CLI does.
  const bad = Buffer.from(JSON.stringify({ version: 1, nodes: [{ id: 'x', kind: 'customer' }] })).toString('base64url');
  const { page, assertClean } = await openPage(browser, appUrl(`/?lang=zh-TW#scenario=1.j.${bad}`));
  await page.waitForSelector('[data-notice="open"]');
  assert.equal(
    await page.textContent('[data-notice="open"] .error-line'),
    'error: nodes[0].region：除了 Microsoft 之外，每個節點都必須有地區',
  );
  assertClean();
  await page.close();
});

test('opening a share link after a preset replaces the diagram in the same page', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=1'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  const fragment = cli('share', scenarioFile(HAND_WRITTEN)).trim();
  await page.goto(appUrl(`/?lang=en${fragment}`));
  await waitVerdict(page, 'f', reportVerdicts(cliReport(scenarioFile(HAND_WRITTEN))).f);
  assert.deepEqual(await pageNodes(page), HAND_WRITTEN.nodes.map((n) => n.id));
  assertClean();
  await page.close();
});
