// The guide's eight walkthroughs, played end to end from their own files
// (rules/presets/walkthroughs/N.json), in English and in Chinese: each step's title and text,
// its highlight, the change it waits for — made in the editor as a learner would in English,
// by "Show me" in Chinese — and every verdict it points at, on the canvas's data-verdict.
// Then resuming: #preset=6&step=3, a later step's diagram, the remembered step, the keys.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  launchBrowser,
  openPage,
  appUrl,
  axeViolations,
  cli,
  clickEdge,
  clickNode,
  pageVerdicts,
  presetFile,
  root,
  screenshot,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const walkthrough = (n) => JSON.parse(readFileSync(join(root, `rules/presets/walkthroughs/${n}.json`), 'utf8'));
/** Every walkthrough there is, by its preset's number. */
const WALKTHROUGHS = readdirSync(join(root, 'rules/presets/walkthroughs'))
  .map((f) => f.match(/^(\d+)\.json$/)?.[1])
  .filter(Boolean)
  .map(Number)
  .sort((a, b) => a - b);
const preset = (n) => JSON.parse(readFileSync(presetFile(n), 'utf8'));
const progress = { en: (k, n) => `Step ${k} of ${n}`, 'zh-TW': (k, n) => `第 ${k} 步，共 ${n} 步` };

async function edgeIds(page) {
  return page.$$eval('[data-edge-id]', (els) => els.map((el) => el.getAttribute('data-edge-id')));
}

/** The edges a step's highlight names on the diagram `scenario` (a drawn edge by its ends). */
function litEdges(step, scenario) {
  return step.highlight.edges
    .map((sel) =>
      typeof sel === 'string'
        ? scenario.edges.find((e) => e.id === sel)
        : scenario.edges.find((e) => e.from === sel.from && e.to === sel.to && e.kind === sel.kind),
    )
    .filter(Boolean)
    .map((e) => e.id)
    .sort();
}

/**
 * The canvas lights exactly what the step's data names on `scenario` (the diagram as the test
 * keeps it, see `applyAction`), dims the rest, and draws that diagram's nodes and edges.
 */
async function assertLit(page, step, scenario, at) {
  const marked = (cls) =>
    page.$$eval(`.canvas-wrap [data-node-id].${cls}, .canvas-wrap [data-edge-id].${cls}`, (els) =>
      els.map((e) => (e.dataset.nodeId ? `node ${e.dataset.nodeId}` : `edge ${e.dataset.edgeId}`)).sort(),
    );
  const drawn = async (hook) =>
    page.$$eval(`.canvas-wrap [data-${hook}-id]`, (els, h) => [...new Set(els.map((e) => e.getAttribute(`data-${h}-id`)))].sort(), hook);
  assert.deepEqual(await drawn('node'), scenario.nodes.map((n) => n.id).sort(), `${at}: nodes drawn`);
  assert.deepEqual(await drawn('edge'), scenario.edges.map((e) => e.id).sort(), `${at}: edges drawn`);
  const want = [...step.highlight.nodes.map((n) => `node ${n}`), ...litEdges(step, scenario).map((e) => `edge ${e}`)].sort();
  assert.deepEqual(await marked('lit'), want, `${at}: lit`);
  const all = [...scenario.nodes.map((n) => `node ${n.id}`), ...scenario.edges.map((e) => `edge ${e.id}`)];
  assert.deepEqual(await marked('dim'), all.filter((x) => !want.includes(x)).sort(), `${at}: dimmed`);
}

/**
 * The test's own record of the diagram: `action` (a walkthrough step's change, as the engine's
 * walkthrough data defines it) applied to `scenario`. A page opened from a link saves nothing
 * until the user edits, so the test keeps the diagram itself. Only nodes and edges matter to
 * the highlight; an edge the page drew (`added`, the IDs new on the canvas) is named by its ends.
 */
function applyAction(scenario, action, added, at) {
  const joins = (e) => e.from === action.from && e.to === action.to && e.kind === action.kind;
  switch (action.type) {
    case 'connect':
      assert.equal(added.length, 1, `${at}: one edge drawn, ${added}`);
      scenario.edges.push({ id: added[0], from: action.from, to: action.to, kind: action.kind });
      break;
    case 'disconnect':
      assert.ok(scenario.edges.some(joins), `${at}: an edge to remove`);
      scenario.edges = scenario.edges.filter((e) => !joins(e));
      break;
    case 'remove_edge':
      assert.ok(scenario.edges.some((e) => e.id === action.edge), `${at}: ${action.edge} to remove`);
      scenario.edges = scenario.edges.filter((e) => e.id !== action.edge);
      break;
    default:
      // Flags, regions and tenants change no node or edge.
      assert.equal(added.length, 0, `${at}: no edge drawn`);
  }
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
    await assertLit(page, step, scenario, `${at}, as it starts`);
    const before = await edgeIds(page);
    if (step.action) {
      await page.waitForSelector('.walkthrough[data-ready="false"]');
      assert.equal(await page.isDisabled('.walkthrough button.tour-next'), true, `${at}: Next waits`);
      assert.ok((await page.textContent('.tour-action .instruction')).length > 0, at);
      if (byEditor) await doInEditor(page, step.action, scenario);
      else await page.click('.walkthrough button.show-me');
      await page.waitForSelector('.walkthrough[data-ready="true"]');
      const added = [...new Set((await edgeIds(page)).filter((id) => !before.includes(id)))];
      applyAction(scenario, step.action, added, at);
      await assertLit(page, step, scenario, `${at}, once done`);
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
  // A step too long for the canvas keeps off the header (and its language switch).
  const [calloutTop, headerBottom] = await page.evaluate(() => [
    document.querySelector('.tour-callout').getBoundingClientRect().top,
    document.querySelector('header.top').getBoundingClientRect().bottom,
  ]);
  assert.ok(calloutTop >= headerBottom, `callout at ${calloutTop}, header to ${headerBottom}`);
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

test('printed without the print event (a preview made otherwise), the page still shows the diagram and no control', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=7'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.toolbar', '.palette', '.lang-switch', '.training']) {
    assert.equal(await page.isVisible(hidden), false, hidden);
  }
  for (const shown of ['svg.canvas', '.legend', '.scenario-panel .preset-title']) {
    assert.equal(await page.isVisible(shown), true, shown);
  }
  const controls = await page.$$eval('input, select, textarea, button', (els) => els.filter((el) => el.checkVisibility()).length);
  assert.equal(controls, 0);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.isVisible('.toolbar'), true);
  assertClean();
  await page.close();
});

/** The callout's box, and the box of what it points at (the step's subject, else what it lights). */
async function calloutAndSubject(page, selector) {
  return page.evaluate((sel) => {
    const box = (els) => {
      const rs = [...els].map((e) => e.getBoundingClientRect()).filter((r) => r.width || r.height);
      if (!rs.length) return null;
      return {
        x0: Math.min(...rs.map((r) => r.left)),
        y0: Math.min(...rs.map((r) => r.top)),
        x1: Math.max(...rs.map((r) => r.right)),
        y1: Math.max(...rs.map((r) => r.bottom)),
      };
    };
    const callout = document.querySelector('.tour-callout');
    return {
      side: callout.dataset.side,
      callout: box([callout]),
      subject: box(document.querySelectorAll(sel)) ?? box(document.querySelectorAll('.canvas-wrap .lit')),
      canvas: box([document.querySelector('.canvas-wrap')]),
      header: document.querySelector('header.top').getBoundingClientRect().bottom,
      screen: { x0: 0, y0: 0, x1: innerWidth, y1: innerHeight },
    };
  }, selector);
}

test('each step is a callout beside what it names, inside the canvas; docked on a phone', async () => {
  assert.deepEqual(WALKTHROUGHS, [1, 2, 3, 4, 5, 6, 7, 8], 'the guide\'s eight walkthroughs');
  for (const n of WALKTHROUGHS) {
    const w = walkthrough(n);
    const edges = JSON.parse(readFileSync(presetFile(n), 'utf8')).edges;
    const ends = (from, to) => `.canvas-wrap [data-node-id="${from}"], .canvas-wrap [data-node-id="${to}"]`;
    const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en#preset=${n}&step=1`), {
      waitFor: '.walkthrough[data-step="1"]',
    });
    for (const [i, step] of w.steps.entries()) {
      const k = i + 1;
      await page.waitForSelector(`.walkthrough[data-step="${k}"] .tour-callout:not([data-side="docked"])`);
      // The subject: what the step's change touches, the edge it removes with its two ends.
      const a = step.action;
      const removed = a?.edge && edges.find((e) => e.id === a.edge);
      const sel = !a
        ? '.none'
        : a.node
          ? `.canvas-wrap [data-node-id="${a.node}"]`
          : a.edge
            ? `.canvas-wrap [data-edge-id="${a.edge}"]${removed ? `, ${ends(removed.from, removed.to)}` : ''}`
            : ends(a.from, a.to);
      const g = await calloutAndSubject(page, sel);
      if (n === 6 && k === 4) await screenshot(page, 'training-tour.png');
      const at = `walkthrough ${n}, step ${k} (${g.side})`;
      const within = (r, b) => r.x0 >= b.x0 - 1 && r.y0 >= b.y0 - 1 && r.x1 <= b.x1 + 1 && r.y1 <= b.y1 + 1;
      assert.ok(within(g.callout, g.screen), `${at}: inside the window ${JSON.stringify(g)}`);
      // Never over the header; over the canvas only when it fits there (so the side panel
      // stays in view), else beside its subject over the side panel.
      assert.ok(g.callout.y0 >= g.header - 1, `${at}: below the header ${JSON.stringify(g)}`);
      if (g.side === 'over' && g.callout.y1 - g.callout.y0 + 16 <= g.canvas.y1 - g.canvas.y0) {
        assert.ok(within(g.callout, g.canvas), `${at}: inside the canvas ${JSON.stringify(g)}`);
      }
      // Beside its subject, not over it, the gap the arrow crosses.
      const gap = {
        right: g.callout.x0 - g.subject.x1,
        left: g.subject.x0 - g.callout.x1,
        below: g.callout.y0 - g.subject.y1,
        above: g.subject.y0 - g.callout.y1,
      }[g.side];
      if (g.side !== 'over') assert.ok(gap >= 10 && gap <= 20, `${at}: ${gap}px from its subject ${JSON.stringify(g)}`);
      if (k < w.steps.length) {
        if (a) await page.click('.walkthrough button.show-me');
        await page.click('.walkthrough button.tour-next');
      }
    }
    assertClean();
    await page.close();
  }
  // On a phone the step stays in the panel, under the heading, the sheet raised to show it
  // and the diagram fitted above it: the step, its subject and every node in sight at once,
  // whether the window became a phone's or the link was opened on one.
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6&step=4'), {
    waitFor: '.walkthrough[data-step="4"]',
  });
  for (const reload of [false, true]) {
    await page.setViewportSize({ width: 390, height: 844 });
    if (reload) await page.goto(appUrl('/?lang=en#preset=6&step=4'));
    await page.waitForSelector('.tour-callout[data-side="docked"]');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.tour-callout')).position), 'static');
    assert.equal(await page.getAttribute('.side', 'data-sheet'), 'half');
    await page.waitForFunction(() => {
      const sheet = document.querySelector('.side').getBoundingClientRect();
      const text = document.querySelector('.tour-callout .step-text').getBoundingClientRect();
      const seen = (r) => r.top >= 0 && r.bottom <= sheet.top + 1 && r.left >= -1 && r.right <= innerWidth + 1;
      const things = [...document.querySelectorAll('.canvas-wrap [data-node-id], .canvas-wrap [data-edge-id="e2"]')];
      const top = document.elementFromPoint(text.left + 20, text.top + 10);
      return (
        text.top >= sheet.top && text.top + 40 <= innerHeight && top?.closest('.step-text') &&
        things.length > 0 && things.every((el) => seen(el.getBoundingClientRect()))
      );
    }, null, { timeout: 5000 });
  }
  assertClean();
  await page.close();
});

test('"Show me" fades out what it removes before removing it, draws the eye to what changed, and keeps still for reduced motion', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6&step=4'), {
    waitFor: '.walkthrough[data-step="4"]',
  });
  assert.match(await page.getAttribute('[data-edge-id="e2"]', 'class'), /\blit\b/, 'the edge to remove is lit');
  await page.click('.walkthrough button.show-me');
  await page.waitForSelector('[data-edge-id="e2"].leaving');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('[data-edge-id="e2"]')).transitionDuration), '0.3s');
  await page.waitForFunction(() => !document.querySelector('[data-edge-id="e2"]'));
  await page.waitForSelector('[data-node-id="tailspin"].changed');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('[data-node-id="tailspin"]')).animationName), 'show-me');
  await page.waitForSelector('.walkthrough[data-ready="true"]');
  // With reduced motion: removed at once, nothing animated.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.click('.walkthrough button.tour-back');
  await page.waitForSelector('.walkthrough[data-step="3"]');
  await page.click('.walkthrough button.tour-next');
  await page.waitForSelector('.walkthrough[data-step="4"] button.show-me');
  await page.click('.walkthrough button.show-me');
  await page.waitForFunction(() => !document.querySelector('[data-edge-id="e2"]'));
  assert.equal(await page.locator('.leaving').count(), 0);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('[data-node-id="tailspin"]')).animationName), 'none');
  // A change that draws an edge: the new edge draws the eye.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.click('.walkthrough button.tour-next');
  await page.waitForSelector('.walkthrough[data-step="5"] button.show-me');
  const before = await edgeIds(page);
  await page.click('.walkthrough button.show-me');
  await page.waitForFunction((n) => document.querySelectorAll('[data-edge-id]').length === n + 1, before.length);
  const drawn = (await edgeIds(page)).find((id) => !before.includes(id));
  assert.match(await page.getAttribute(`[data-edge-id="${drawn}"]`, 'class'), /\bchanged\b/);
  assertClean();
  await page.close();
});

test('the last step ends with a summary: the rules met, linked to the guide, and the next scenario', async () => {
  for (const lang of ['en', 'zh-TW']) {
    const w = walkthrough(7);
    const { page, assertClean } = await openPage(browser, appUrl(`/?lang=${lang}#preset=7&step=${w.steps.length}`), {
      waitFor: `.walkthrough[data-step="${w.steps.length}"]`,
    });
    const met = [...new Set(w.steps.flatMap((s) => s.expect.flatMap((x) => x.rules)))].sort();
    const shown = await page.$$eval('.tour-summary li[data-rule]', (els) =>
      els.map((el) => ({ rule: el.dataset.rule, href: el.querySelector('a.cite-link')?.href, text: el.textContent })),
    );
    assert.deepEqual(shown.map((s) => s.rule).sort(), met);
    const statements = Object.fromEntries(JSON.parse(cli('rules', '--json', '--lang', lang)).map((r) => [r.id, r]));
    for (const s of shown) {
      assert.ok(s.text.includes(statements[s.rule].statement), s.rule);
      assert.equal(s.href, statements[s.rule].link, s.rule);
    }
    assert.equal(await page.getAttribute('.tour-summary button.tour-next-scenario', 'data-next'), '8');
    assert.deepEqual(await axeViolations(page), []);
    await page.click('.tour-summary button.tour-next-scenario');
    await page.waitForSelector('.walkthrough[data-walkthrough="8"][data-step="1"]');
    assert.ok(page.url().endsWith('#preset=8&step=1'), page.url());
    assertClean();
    await page.close();
  }
  // The last of the eight has no next one.
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=8&step=99'), {
    waitFor: '.tour-summary',
  });
  assert.equal(await page.locator('.tour-summary button.tour-next-scenario').count(), 0);
  assertClean();
  await page.close();
});
