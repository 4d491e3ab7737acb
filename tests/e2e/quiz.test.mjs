// Quiz mode: verdicts hidden on the canvas (data-verdict kept for tests, data-quiz="hidden" on
// the canvas), predictions and rule choices scored against the CLI's report, the verdicts and
// findings revealed by "Check answers"; quiz links for a preset and for a shared scenario.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, appUrl, axeViolations, cli, cliReport, presetFile } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const blockers = (e) => e.findings.filter((f) => f.severity === 'block').map((f) => f.rule);

async function answer(page, id, verdict, rule) {
  await page.check(`[data-quiz-edge="${id}"] input[value="${verdict}"]`);
  if (rule) await page.selectOption(`[data-quiz-edge="${id}"] select`, rule);
}

test('#preset=7&quiz=1 hides the verdicts, then scores right and wrong answers', async () => {
  const report = cliReport(presetFile(7));
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=7&quiz=1'), {
    waitFor: '[data-quiz-panel="open"]',
  });
  // Hidden: no colours or icons on the canvas, no counts, no findings, no verdict in names.
  assert.equal(await page.getAttribute('.canvas-wrap', 'data-quiz'), 'hidden');
  assert.equal(await page.locator('.legend .counts').count(), 0);
  assert.equal(await page.locator('.findings').count(), 0);
  assert.equal(await page.isVisible('[data-edge-id] .verdict-badge path'), false);
  for (const e of report.edges) {
    assert.equal(await page.getAttribute(`[data-edge-id="${e.id}"]`, 'data-verdict'), e.verdict);
    assert.doesNotMatch(await page.getAttribute(`[data-edge-id="${e.id}"]`, 'aria-label'), /Allowed|Blocked/);
  }
  assert.equal(await page.locator('[data-quiz-edge]').count(), report.edges.length);
  assert.deepEqual(await axeViolations(page), []);

  // Every edge right but two: one wrong verdict, one blocked edge with a wrong rule.
  const blocked = report.edges.filter((e) => e.verdict === 'blocked');
  const allowed = report.edges.filter((e) => e.verdict === 'allowed');
  assert.ok(blocked.length >= 1 && allowed.length >= 2);
  const [wrongVerdict] = allowed;
  const [wrongRule] = blocked;
  for (const e of report.edges) {
    if (e === wrongVerdict) {
      await answer(page, e.id, 'blocked', null);
    } else if (e === wrongRule) {
      const offered = await page.$$eval(`[data-quiz-edge="${e.id}"] input`, () => []);
      await page.check(`[data-quiz-edge="${e.id}"] input[value="blocked"]`);
      const options = await page.$$eval(`[data-quiz-edge="${e.id}"] select option`, (os) =>
        os.map((o) => o.value).filter(Boolean),
      );
      // The right rules are among the choices, with distractors.
      for (const r of blockers(e)) assert.ok(options.includes(r), `${r} offered`);
      assert.ok(options.length >= 4, options.join());
      const wrong = options.find((o) => !blockers(e).includes(o));
      await page.selectOption(`[data-quiz-edge="${e.id}"] select`, wrong);
      assert.deepEqual(offered, []);
    } else {
      await answer(page, e.id, e.verdict, e.verdict === 'blocked' ? blockers(e)[0] : null);
    }
  }
  await page.click('button.quiz-check');
  await page.waitForSelector('[data-quiz-panel="checked"]');
  assert.equal(await page.getAttribute('.quiz .score', 'data-score'), String(report.edges.length - 2));
  assert.equal(await page.getAttribute('.quiz .score', 'data-total'), String(report.edges.length));
  assert.equal(await page.textContent('.quiz .score'), `${report.edges.length - 2} of ${report.edges.length} right`);
  for (const e of report.edges) {
    const expected = e === wrongVerdict || e === wrongRule ? 'wrong' : 'right';
    assert.equal(await page.getAttribute(`[data-quiz-edge="${e.id}"]`, 'data-result'), expected, e.id);
    assert.equal(await page.getAttribute(`[data-quiz-edge="${e.id}"] .verdict`, 'data-verdict'), e.verdict);
    const rules = await page.$$eval(`[data-quiz-edge="${e.id}"] li[data-rule]`, (els) =>
      els.map((el) => el.getAttribute('data-rule')),
    );
    assert.deepEqual(rules, e.findings.map((f) => f.rule), e.id);
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await axeViolations(page), [], 'checked quiz, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  // Revealed: the canvas shows verdicts again, the findings are back.
  assert.equal(await page.getAttribute('.canvas-wrap', 'data-quiz'), null);
  assert.equal(await page.locator('.findings').count(), 1);

  // Try again clears the answers and hides the verdicts; leaving ends the quiz.
  await page.click('button.quiz-retry');
  await page.waitForSelector('[data-quiz-panel="open"]');
  assert.equal(await page.locator('[data-quiz-edge] input:checked').count(), 0);
  await page.click('button.quiz-leave');
  await page.waitForFunction(() => !document.querySelector('.quiz'));
  assert.equal(await page.getAttribute('.canvas-wrap', 'data-quiz'), null);
  assertClean();
  await page.close();
});

test('a quiz on a shared scenario in Chinese (#scenario=…&quiz=1), and the quiz link the page makes', async () => {
  const fragment = cli('share', presetFile(8)).trim();
  const report = cliReport(presetFile(8), 'zh-TW');
  const { page, assertClean } = await openPage(browser, appUrl(`/?lang=zh-TW${fragment}&quiz=1`), {
    waitFor: '[data-quiz-panel="open"]',
  });
  assert.match(await page.textContent('.quiz'), /判定結果已隱藏/);
  // "Allowed" for every edge, unanswered rules: right exactly for the allowed ones.
  for (const e of report.edges) await page.check(`[data-quiz-edge="${e.id}"] input[value="allowed"]`);
  await page.click('button.quiz-check');
  await page.waitForSelector('[data-quiz-panel="checked"]');
  const allowed = report.edges.filter((e) => e.verdict === 'allowed').length;
  assert.equal(await page.getAttribute('.quiz .score', 'data-score'), String(allowed));
  // The engine's Chinese explanation is shown for a blocked edge.
  const blocked = report.edges.find((e) => e.verdict === 'blocked');
  assert.ok((await page.textContent(`[data-quiz-edge="${blocked.id}"]`)).includes(blocked.findings[0].message));

  // The trainer's link opens the same diagram as a quiz.
  await page.click('button.quiz-link');
  const link = await page.inputValue('input[name="quiz-link"]');
  assert.match(link, /#scenario=.*&quiz=1$/);
  const shared = await openPage(browser, link, { waitFor: '[data-quiz-panel="open"]' });
  assert.equal(await shared.page.locator('[data-quiz-edge]').count(), report.edges.length);
  shared.assertClean();
  await shared.page.close();

  // The quiz starts from the training panel too, on any diagram.
  await page.click('button.quiz-leave');
  await page.click('.training button.start-quiz');
  await page.waitForSelector('[data-quiz-panel="open"]');
  assertClean();
  await page.close();
});
