// The guide's eight walkthroughs, played end to end from their own files
// (rules/presets/walkthroughs/N.json), in English and in Chinese: each step's title and text,
// its highlight, the change it waits for — made in the editor as a learner would in English,
// by "Show me" in Chinese — and every verdict it points at, on the canvas's data-verdict.
// Then resuming: #preset=6&step=3, a later step's diagram, the remembered step, the keys.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  launchBrowser,
  openPage,
  appUrl,
  axeViolations,
  clickEdge,
  clickNode,
  pageVerdicts,
  presetFile,
  root,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const walkthrough = (n) => JSON.parse(readFileSync(join(root, `rules/presets/walkthroughs/${n}.json`), 'utf8'));
const preset = (n) => JSON.parse(readFileSync(presetFile(n), 'utf8'));
const progress = { en: (k, n) => `Step ${k} of ${n}`, 'zh-TW': (k, n) => `第 ${k} 步，共 ${n} 步` };

async function edgeIds(page) {
  return page.$$eval('[data-edge-id]', (els) => els.map((el) => el.getAttribute('data-edge-id')));
}

/** Makes a step's change in the editor, as a learner would. */
async function doInEditor(page, action, scenario) {
  switch (action.type) {
    case 'set_flag':
      await clickNode(page, action.node);
      await page.waitForSelector(`[data-inspector="${action.node}"]`);
      await page.setChecked(`[data-inspector] input[name="${action.flag}"]`, action.value);
      break;
    case 'set_region':
      await clickNode(page, action.node);
      await page.waitForSelector(`[data-inspector="${action.node}"]`);
      await page.selectOption('[data-inspector] select[name="region"]', action.region);
      break;
    case 'set_tenant':
      await clickNode(page, action.node);
      await page.waitForSelector(`[data-inspector="${action.node}"]`);
      await page.fill('[data-inspector] input[name="tenant"]', `${action.node}-own`);
      break;
    case 'connect':
      // The inspector's "add a relationship": the keyboard way to draw an edge.
      await clickNode(page, action.from);
      await page.waitForSelector(`[data-inspector="${action.from}"]`);
      await page.selectOption('[data-inspector] select[name="new-edge-kind"]', action.kind);
      await page.selectOption('[data-inspector] select[name="new-edge-target"]', action.to);
      await page.click('[data-inspector] .add-relation button');
      break;
    case 'disconnect':
    case 'remove_edge': {
      const id =
        action.edge ??
        scenario.edges.find((e) => e.from === action.from && e.to === action.to && e.kind === action.kind)?.id;
      assert.ok(id, `no edge for ${JSON.stringify(action)}`);
      await clickEdge(page, id);
      await page.waitForSelector(`[data-edge-panel="${id}"]`);
      await page.click('[data-edge-panel] button.danger');
      break;
    }
    default:
      throw new Error(`no editor gesture for ${action.type}`);
  }
}

/** Plays walkthrough `n` in `lang`, by the editor or by "Show me". */
async function play(n, lang, byEditor) {
  const w = walkthrough(n);
  const scenario = preset(n);
  const { page, assertClean } = await openPage(browser, appUrl(`/?lang=${lang}#preset=${n}`), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  await page.click('.training button.start-walkthrough');
  const drawnAll = [];
  for (const [i, step] of w.steps.entries()) {
    const k = i + 1;
    const at = `walkthrough ${n} (${lang}), step ${k}`;
    await page.waitForSelector(`.walkthrough[data-step="${k}"]`);
    assert.ok(page.url().endsWith(`#preset=${n}&step=${k}`), `${at}: ${page.url()}`);
    assert.equal(await page.textContent('.walkthrough .progress'), progress[lang](k, w.steps.length), at);
    assert.equal(await page.textContent('.walkthrough .step-title'), step.title[lang], at);
    assert.equal(await page.textContent('.walkthrough .step-text'), step.text[lang], at);
    // Screen readers: the step text has the focus.
    assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('tour-step')), `${at}: focus`);
    for (const id of step.highlight.nodes) {
      assert.match(await page.getAttribute(`[data-node-id="${id}"]`, 'class'), /\blit\b/, `${at}: ${id}`);
    }
    const dim = await page.$$eval('[data-node-id].dim', (els) => els.map((e) => e.getAttribute('data-node-id')));
    assert.ok(dim.every((id) => !step.highlight.nodes.includes(id)), `${at}: dimmed ${dim}`);

    const before = await edgeIds(page);
    if (step.action) {
      await page.waitForSelector('.walkthrough[data-ready="false"]');
      assert.equal(await page.isDisabled('.walkthrough button.tour-next'), true, `${at}: Next waits`);
      assert.ok((await page.textContent('.tour-action .instruction')).length > 0, at);
      if (byEditor) await doInEditor(page, step.action, scenario);
      else await page.click('.walkthrough button.show-me');
      await page.waitForSelector('.walkthrough[data-ready="true"]');
    }
    drawnAll.push(...(await edgeIds(page)).filter((id) => !before.includes(id)));
    const shown = await page.$$eval('.walkthrough li.expect', (els) =>
      els.map((el) => ({
        edge: el.getAttribute('data-expect-edge'),
        met: el.getAttribute('data-met'),
        rules: [...el.querySelectorAll('li[data-rule]')].map((r) => r.getAttribute('data-rule')),
      })),
    );
    assert.equal(shown.length, step.expect.length, at);
    const verdicts = await pageVerdicts(page);
    for (const [j, x] of step.expect.entries()) {
      // An edge named by its ends is the one the learner drew in this walkthrough.
      const id = typeof x.edge === 'string' ? x.edge : shown[j].edge;
      if (typeof x.edge !== 'string') assert.ok(drawnAll.includes(id), `${at}: ${id} was drawn`);
      assert.equal(shown[j].edge, id, at);
      assert.equal(verdicts[id], x.verdict, `${at}: ${id} on the canvas`);
      assert.equal(shown[j].met, 'true', `${at}: ${id} met`);
      assert.deepEqual([...shown[j].rules].sort(), [...x.rules].sort(), `${at}: ${id} rules`);
    }
    if (k < w.steps.length) await page.click('.walkthrough button.tour-next');
    else await page.click('.walkthrough button.tour-finish');
  }
  await page.waitForFunction(() => !document.querySelector('.walkthrough'));
  assert.ok(page.url().endsWith(`#preset=${n}`), page.url());
  assert.equal(await page.evaluate(() => localStorage.getItem('csp-explorer/walkthrough')), null);
  assert.equal(await page.locator('[data-node-id].dim, [data-edge-id].dim').count(), 0);
  assertClean();
  await page.close();
}

for (let n = 1; n <= 8; n++) {
  test(`walkthrough ${n} in English, each change made in the editor`, () => play(n, 'en', true));
  test(`walkthrough ${n} in Chinese, each change by "Show me"`, () => play(n, 'zh-TW', false));
}

test('#preset=6&step=3 resumes at step 3; later steps rebuild their diagram; keys and storage', async () => {
  const w = walkthrough(6);
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6&step=3'), {
    waitFor: '.walkthrough[data-step="3"]',
  });
  assert.equal(await page.textContent('.walkthrough .step-title'), w.steps[2].title.en);
  assert.deepEqual(await pageVerdicts(page), { e1: 'allowed', e2: 'allowed', e3: 'allowed', e4: 'blocked', e5: 'allowed', e6: 'allowed' });
  assert.deepEqual(await axeViolations(page), []);

  // Step 5 arrives with step 4's change made: Contoso → Tailspin is gone (option 2), so the
  // purchase e4 down Contoso's chain is allowed; step 5 waits for Relecloud → Tailspin.
  await page.goto(appUrl('/?lang=en#preset=6&step=5'));
  await page.waitForSelector('.walkthrough[data-step="5"]');
  await page.waitForFunction(() => !document.querySelector('[data-edge-id="e2"]'));
  assert.equal((await pageVerdicts(page)).e4, 'allowed');
  assert.equal(await page.getAttribute('.walkthrough', 'data-ready'), 'false');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await axeViolations(page), [], 'a step waiting for its change, dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Keys in the panel: ← back (rebuilding step 4's diagram), → on, Esc leaves.
  await page.focus('.walkthrough .tour-step');
  await page.keyboard.press('ArrowLeft');
  await page.waitForSelector('.walkthrough[data-step="4"]');
  await page.waitForSelector('[data-edge-id="e2"]');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(100);
  assert.equal(await page.getAttribute('.walkthrough', 'data-step'), '4', 'step 4 waits for its change');
  await page.click('.walkthrough button.show-me');
  await page.waitForSelector('.walkthrough[data-ready="true"]');
  await page.focus('.walkthrough .tour-step');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('.walkthrough[data-step="5"]');
  assert.equal(await page.evaluate(() => localStorage.getItem('csp-explorer/walkthrough')), '6:5');
  // The language switch keeps the step and the diagram.
  const verdicts = await pageVerdicts(page);
  await page.click('.lang-switch button[data-lang="zh-TW"]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-TW');
  assert.equal(await page.textContent('.walkthrough .step-title'), w.steps[4].title['zh-TW']);
  assert.ok(page.url().endsWith('?lang=zh-TW#preset=6&step=5'), page.url());
  assert.deepEqual(await pageVerdicts(page), verdicts);
  await page.focus('.walkthrough .tour-step');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.walkthrough'));
  assert.ok(page.url().endsWith('#preset=6'), page.url());

  // Opened again later: the remembered step is offered.
  await page.goto(appUrl('/?lang=zh-TW#preset=6'));
  await page.waitForSelector('.training button.resume-walkthrough');
  assert.equal(await page.textContent('.training button.resume-walkthrough'), '從第 5 步繼續');
  await page.click('.training button.resume-walkthrough');
  await page.waitForSelector('.walkthrough[data-step="5"]');
  assert.equal(await page.textContent('.walkthrough .step-title'), w.steps[4].title['zh-TW']);

  // A step past the end is the last; a bad one is ignored and the diagram is kept.
  await page.goto(appUrl('/?lang=en#preset=6&step=99'));
  await page.waitForSelector(`.walkthrough[data-step="${w.steps.length}"]`);
  await page.goto(appUrl('/?lang=en#preset=6&step=x'));
  await page.waitForFunction(() => !document.querySelector('.walkthrough'));
  assert.ok((await pageVerdicts(page)).e4);
  assertClean();
  await page.close();
});

test('starting a walkthrough keeps the learner\'s own diagram aside, and brings it back', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=1'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  await clickNode(page, 'litware');
  await page.setChecked('[data-inspector] input[name="mpa_signed"]', false);
  await page.waitForSelector('[data-edge-id="e4"][data-verdict="blocked"]');
  await page.click('.training button.start-walkthrough');
  await page.waitForSelector('.walkthrough[data-step="1"]');
  await page.waitForSelector('[data-edge-id="e4"][data-verdict="allowed"]');
  await page.click('.walkthrough button.tour-next');
  await page.waitForSelector('.walkthrough[data-step="2"]');
  await page.click('.walkthrough button.restore-diagram');
  await page.waitForFunction(() => !document.querySelector('.walkthrough'));
  await page.waitForSelector('[data-edge-id="e4"][data-verdict="blocked"]');
  assert.ok(page.url().endsWith('#preset=1'), page.url());
  // Leaving the walkthrough keeps the own diagram within reach from the training panel.
  await page.click('.training button.start-walkthrough');
  await page.waitForSelector('.walkthrough[data-step="1"]');
  await page.click('.walkthrough button.tour-leave');
  await page.click('.training button.restore-diagram');
  await page.waitForSelector('[data-edge-id="e4"][data-verdict="blocked"]');
  assert.equal(await page.locator('button.restore-diagram').count(), 0);
  // Untouched, there is nothing to go back to.
  await page.goto(appUrl('/?lang=en#preset=2'));
  await page.click('.training button.start-walkthrough');
  await page.waitForSelector('.walkthrough[data-step="1"]');
  assert.equal(await page.locator('button.restore-diagram').count(), 0);
  assertClean();
  await page.close();
});

test('importing a file during a walkthrough ends the walkthrough on the imported diagram', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6&step=3'), {
    waitFor: '.walkthrough[data-step="3"]',
  });
  assert.ok((await page.locator('.canvas-wrap.touring').count()) === 1, 'the step dims and lights the canvas');
  await page.setInputFiles('input.file-input', presetFile(2));
  await page.waitForSelector('[data-node-id="fabrikam"]');
  // The diagram is the file's: no walkthrough over it, nothing lit or dimmed, no step to resume.
  assert.equal(await page.locator('.walkthrough').count(), 0);
  assert.equal(await page.locator('.canvas-wrap.touring').count(), 0);
  assert.equal(await page.locator('[data-node-id].dim, [data-edge-id].dim, [data-node-id].lit').count(), 0);
  const file = JSON.parse(readFileSync(presetFile(2), 'utf8'));
  assert.deepEqual(
    await page.$$eval('[data-edge-id]', (els) => els.map((e) => e.getAttribute('data-edge-id'))),
    file.edges.map((e) => e.id),
  );
  assert.equal(await page.locator('.training button.restore-diagram').count(), 0);
  assert.ok(!new URL(page.url()).hash.includes('preset'), `the address names the file: ${page.url()}`);
  // Nothing is lost: Undo brings the walkthrough's diagram back.
  await page.click('button[data-action="undo"]');
  await page.waitForFunction(() => !document.querySelector('[data-node-id="fabrikam"]'));
  assertClean();
  await page.close();
});

test('the printed handout shows the diagram and its findings, without the controls', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=7'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.toolbar', '.palette', '.lang-switch', '.training']) {
    assert.equal(await page.isVisible(hidden), false, hidden);
  }
  for (const shown of ['svg.canvas', '.findings', '[data-finding-edge="e4"]', '.legend', '.scenario-panel .preset-title']) {
    assert.equal(await page.isVisible(shown), true, shown);
  }
  const box = await page.locator('.canvas-wrap').boundingBox();
  assert.ok(box.width > 300 && box.height > 300, JSON.stringify(box));
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.isVisible('.toolbar'), true);
  // Before printing the diagram is fitted to the printed canvas; after, back to the screen.
  const screen = await page.getAttribute('g.viewport', 'transform');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction((t) => document.querySelector('g.viewport').getAttribute('transform') !== t, screen);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForFunction((t) => document.querySelector('g.viewport').getAttribute('transform') === t, screen);
  assertClean();
  await page.close();
});
