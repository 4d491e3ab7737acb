import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, appUrl, subPathUrl } from './helpers.mjs';

let browser; // helpers.mjs closes it after the last test
before(async () => {
  browser = await launchBrowser();
});

async function checkHeading(url) {
  const { page, assertClean } = await openPage(browser, url);
  assert.equal(await page.textContent('h1'), 'CSP Scenario Explorer');
  assertClean();
  await page.close();
}

test('the page at / renders its heading, with no error and no off-host request', async () => {
  await checkHeading(appUrl('/'));
});

test('the sub-path build renders the same under its public URL', async (t) => {
  const url = subPathUrl('/');
  if (!url) return t.skip('no sub-path build (E2E_SUB_ROOT unset)');
  await checkHeading(url);
});
