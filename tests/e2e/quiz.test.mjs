// Quiz mode: verdicts hidden on the canvas (data-verdict kept for tests, data-quiz="hidden" on
// the canvas), predictions and rule choices scored against the CLI's report, the verdicts and
// findings revealed by "Check answers"; quiz links for a preset and for a shared scenario.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchBrowser, openPage, appUrl, axeViolations, cli, cliReport, presetFile, screenshot } from './helpers.mjs';

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
  // The wrong verdict was given without a rule: checking asks first.
  await page.click('button.quiz-check');
  await page.waitForSelector('.quiz-confirm[data-unanswered="1"]');
  await page.click('button.quiz-check-anyway');
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
  assert.match(link, /#scenario=.*&quiz=1&seed=[0-9a-z]{8}$/);
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

/** The page's visible text, less what the quiz itself offers as choices (its radio labels,
 * the rule lists) and its instructions. */
async function pageTextBesidesChoices(page) {
  return page.evaluate(() => {
    let text = document.body.innerText;
    const skip = document.querySelectorAll('.quiz .choice, .quiz .quiz-rule, .quiz .hint');
    for (const el of skip) text = text.replace(el.innerText, ' ');
    return text;
  });
}

for (const lang of ['en', 'zh-TW']) {
  test(`during a quiz (${lang}) the page gives no verdict or rule of the diagram away, and exports are off`, async () => {
    for (const n of [6, 7]) {
      const report = cliReport(presetFile(n), lang);
      const statements = Object.fromEntries(JSON.parse(cli('rules', '--json', '--lang', lang)).map((r) => [r.id, r.statement]));
      const [, title, description] = cli('presets', '--lang', lang).split('\n').find((l) => l.startsWith(`${n}\t`)).split('\t');
      const { page, assertClean } = await openPage(browser, appUrl(`/?lang=${lang}#preset=${n}&quiz=1`), {
        waitFor: '[data-quiz-panel="open"]',
      });
      const secrets = [title, description, ...report.edges.flatMap((e) => e.findings.flatMap((f) => [f.message, statements[f.rule]]))];
      const counts = lang === 'en' ? [/\d+ allowed/, /\d+ blocked/, /Allowed \(\d/] : [/\d+ 個允許/, /\d+ 個不允許/];
      const words = lang === 'en' ? ['Allowed', 'Blocked'] : ['允許', '封鎖'];
      const check = async (at) => {
        const text = await pageTextBesidesChoices(page);
        for (const s of secrets) assert.ok(!text.includes(s), `${at}: the page says ${JSON.stringify(s)}`);
        for (const c of counts) assert.doesNotMatch(text, c, at);
        for (const w of words) assert.ok(!text.includes(w), `${at}: the page says ${w}`);
      };
      await check(`preset ${n}, open`);
      // Choosing "blocked" opens a rule list: the right rules among others, nothing more.
      await page.check(`[data-quiz-edge="${report.edges[0].id}"] input[value="blocked"]`);
      await page.waitForSelector(`[data-quiz-edge="${report.edges[0].id}"] select`);
      await check(`preset ${n}, a rule list open`);
      // Nothing shows the verdicts: no exports, no share link, no table, no print, no preset marked.
      // Whether a toolbar menu's item is off (aria-disabled), read with its menu open.
      const off = async (menu, item) => {
        await page.click(`button[data-menu="${menu}"]`);
        const v = await page.getAttribute(`[data-menu-wrap="${menu}"] [data-item="${item}"]`, 'aria-disabled');
        await page.keyboard.press('Escape');
        return v;
      };
      for (const item of ['export-svg', 'export-png', 'export-json']) assert.equal(await off('file', item), 'true', item);
      assert.equal(await off('view', 'table'), 'true', 'table');
      assert.equal(await page.isDisabled('button.share-button'), true);
      assert.equal(await page.locator('button.print').count(), 0);
      await page.keyboard.press('t');
      assert.equal(await page.locator('.diagram-table, table').count(), 0, 'T shows no table');
      await page.click('button[data-menu="presets"]');
      assert.equal(await page.locator('[data-menu-wrap="presets"] [aria-current]').count(), 0);
      await page.keyboard.press('Escape');
      // Only checking (or leaving) brings them back.
      await page.click('button.quiz-check');
      await page.click('button.quiz-check-anyway');
      await page.waitForSelector('[data-quiz-panel="checked"]');
      assert.ok((await page.innerText('body')).includes(report.edges.find((e) => e.findings.length).findings[0].message));
      assert.equal(await off('file', 'export-svg'), null);
      assert.equal(await page.isDisabled('button.share-button'), false);
      assert.ok((await page.innerText('.scenario-panel')).includes(title));
      assertClean();
      await page.close();
    }
  });
}

test('questions and edges carry the same numbers, and pointing at one points at the other', async () => {
  const report = cliReport(presetFile(6));
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6&quiz=1&seed=k3f9x2'), {
    waitFor: '[data-quiz-panel="open"]',
  });
  const questions = await page.$$eval('[data-quiz-edge]', (els) =>
    els.map((el) => ({ edge: el.dataset.quizEdge, n: el.dataset.question, shown: el.querySelector('.q-number').textContent })),
  );
  assert.equal(questions.length, report.edges.length);
  assert.deepEqual(questions.map((q) => q.n), questions.map((_, i) => String(i + 1)));
  for (const q of questions) {
    assert.equal(q.shown, q.n);
    assert.equal(await page.textContent(`[data-edge-id="${q.edge}"] .edge-number`), q.n, q.edge);
    assert.match(await page.getAttribute(`[data-edge-id="${q.edge}"]`, 'aria-label'), new RegExp(`^Question ${q.n}: `));
  }
  const pointed = () => page.$$eval('[data-edge-id].pointed', (els) => els.map((e) => e.dataset.edgeId));
  const pointedQuestion = () => page.$$eval('.quiz-item.pointed', (els) => els.map((e) => e.dataset.quizEdge));
  // Hover a question: its edge is raised, and only it; leave it: none.
  const [a, b] = questions;
  await page.hover(`[data-quiz-edge="${b.edge}"] legend`);
  await page.waitForFunction((id) => document.querySelector(`[data-edge-id="${id}"]`).classList.contains('pointed'), b.edge);
  assert.deepEqual(await pointed(), [b.edge]);
  assert.deepEqual(await pointedQuestion(), [b.edge]);
  await screenshot(page, 'training-quiz.png');
  await page.mouse.move(1, 1);
  await page.waitForFunction(() => !document.querySelector('.pointed'));
  // Hover an edge: its question is raised.
  await page.hover(`[data-edge-id="${a.edge}"] .verdict-badge`);
  await page.waitForFunction((id) => document.querySelector(`[data-quiz-edge="${id}"]`).classList.contains('pointed'), a.edge);
  assert.deepEqual(await pointedQuestion(), [a.edge]);
  await page.mouse.move(1, 1);
  await page.waitForFunction(() => !document.querySelector('.pointed'));
  // The keyboard: focus in a question points at its edge, focus on an edge at its question.
  await page.focus(`[data-quiz-edge="${b.edge}"] input[value="allowed"]`);
  await page.waitForFunction((id) => document.querySelector(`[data-edge-id="${id}"].pointed`), b.edge);
  await page.focus(`[data-edge-id="${a.edge}"]`);
  await page.waitForFunction((id) => document.querySelector(`[data-quiz-edge="${id}"].pointed`), a.edge);
  assert.deepEqual(await pointed(), [a.edge]);
  assertClean();
  await page.close();
});

test('a seeded quiz link gives the same order on every load, another seed another order', async () => {
  const order = async (fragment) => {
    const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en${fragment}`), { waitFor: '[data-quiz-panel="open"]' });
    const edges = await page.$$eval('[data-quiz-edge]', (els) => els.map((el) => el.dataset.quizEdge));
    // The rule choices follow the seed too.
    await page.check(`[data-quiz-edge="${edges[0]}"] input[value="blocked"]`);
    const rules = await page.$$eval(`[data-quiz-edge="${edges[0]}"] select option`, (os) => os.map((o) => o.value));
    assertClean();
    await page.close();
    return JSON.stringify([edges, rules]);
  };
  const fileOrder = JSON.stringify(JSON.parse(readFileSync(presetFile(6), 'utf8')).edges.map((e) => e.id));
  assert.equal(JSON.parse(await order('#preset=6&quiz=1'))[0].join(), JSON.parse(fileOrder).join(), 'no seed: the file order');
  const seeded = await order('#preset=6&quiz=1&seed=k3f9x2');
  assert.equal(await order('#preset=6&quiz=1&seed=k3f9x2'), seeded, 'the same link, the same order');
  const others = [];
  for (const seed of ['a1', 'b2', 'c3']) others.push(await order(`#preset=6&quiz=1&seed=${seed}`));
  assert.ok(others.some((o) => JSON.parse(o)[0].join() !== JSON.parse(seeded)[0].join()), 'another seed, another order');

  // The trainer's link carries a seed, and a second link another one.
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6'), { waitFor: '.training' });
  await page.click('.training button.start-quiz');
  await page.click('button.quiz-link');
  const link = await page.inputValue('input[name="quiz-link"]');
  assert.match(link, /#preset=6&quiz=1&seed=[0-9a-z]{8}$/);
  await page.click('button.quiz-new-order');
  await page.waitForFunction((l) => document.querySelector('input[name="quiz-link"]').value !== l, link);
  const fragment = new URL(link).hash;
  assert.equal(await order(fragment), await order(fragment));
  assertClean();
  await page.close();
});

test('checking names the unanswered questions first; the result has the engine\'s reasons, citations and a copy', async () => {
  const report = cliReport(presetFile(7));
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=7&quiz=1&seed=s1'), {
    waitFor: '[data-quiz-panel="open"]',
  });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  const questions = await page.$$eval('[data-quiz-edge]', (els) => els.map((el) => el.dataset.quizEdge));
  const byId = Object.fromEntries(report.edges.map((e) => [e.id, e]));
  // Question 1 answered in full, question 2 blocked without its rule, 3 and 4 not at all.
  await page.check(`[data-quiz-edge="${questions[0]}"] input[value="${byId[questions[0]].verdict}"]`);
  if (byId[questions[0]].verdict === 'blocked') {
    await page.selectOption(`[data-quiz-edge="${questions[0]}"] select`, blockers(byId[questions[0]])[0]);
  }
  await page.check(`[data-quiz-edge="${questions[1]}"] input[value="blocked"]`);
  await page.click('button.quiz-check');
  await page.waitForSelector('.quiz-confirm');
  assert.equal(await page.getAttribute('.quiz-confirm', 'data-unanswered'), '3');
  assert.equal(await page.textContent('.quiz-confirm p'), '3 of 4 unanswered — check anyway?');
  assert.deepEqual(await page.$$eval('.quiz-confirm li', (els) => els.map((e) => e.textContent)), [
    'Question 2: which rule?',
    'Question 3',
    'Question 4',
  ]);
  assert.ok(await page.evaluate(() => document.activeElement?.id === 'quiz-confirm-text'), 'the question has the focus');
  assert.deepEqual(await axeViolations(page), []);
  // A named question is one click away; "Keep answering" goes back.
  await page.click('.quiz-confirm li:nth-child(2) button');
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-question]')?.dataset.question), '3');
  await page.click('button.quiz-keep-answering');
  await page.waitForFunction(() => !document.querySelector('.quiz-confirm'));
  assert.equal(await page.getAttribute('.quiz', 'data-quiz-panel'), 'open');
  await page.click('button.quiz-check');
  await page.click('button.quiz-check-anyway');
  await page.waitForSelector('[data-quiz-panel="checked"]');
  assert.equal(await page.getAttribute('.quiz .score', 'data-score'), '1');
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('score')), 'the score has the focus');
  for (const id of questions) {
    const e = byId[id];
    const item = `[data-quiz-edge="${id}"]`;
    assert.equal(await page.getAttribute(`${item} .quiz-answer .verdict`, 'data-verdict'), e.verdict);
    for (const f of e.findings) assert.ok((await page.textContent(item)).includes(f.message), `${id}: ${f.rule}`);
  }
  // The learner keeps the result as text: the scenario, the name, the score, the date, the link.
  await page.fill('input[name="quiz-name"]', 'Ana Pereira');
  await page.click('button.quiz-copy');
  await page.waitForFunction(() => document.querySelector('.quiz-keep [role=status]')?.textContent.length > 0);
  const text = await page.inputValue('textarea.quiz-result-text');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  const lines = text.split('\n');
  assert.deepEqual(lines.slice(0, 4), [
    'CSP Scenario Explorer — quiz result',
    'Scenario: 7. A customer in another region',
    'Name: Ana Pereira',
    'Score: 1 of 4 right',
  ]);
  assert.match(lines[4], /^Date: \d{4}-\d\d-\d\d \d\d:\d\d$/);
  assert.match(lines[5], /^Link: http:\/\/127\.0\.0\.1:\d+\/\?lang=en#preset=7&quiz=1&seed=s1$/);
  assert.match(lines[6], /^1\. “.+” sells to “.+”: (Allowed|Blocked, [A-Z_.]+) — right$/);
  assert.match(lines[7], /^2\. .*: Blocked — wrong \(the rules say: /);
  assert.match(lines[8], /^3\. .*: no answer — wrong \(the rules say: (Allowed|Blocked, [A-Z_.]+)\)$/);
  assert.equal(lines.length, 10);
  assertClean();
  await page.close();
});
