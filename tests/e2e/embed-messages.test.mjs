// The embed's messages (interfaces.md §6.3), between real origins: the app on 127.0.0.1 in a
// frame of a partner page on localhost (tests/e2e/host/frame.html), which talks to it by
// hand. Every message type and its answer, reports equal to the CLI's, malformed messages,
// a third origin that gets nothing and changes nothing, and an embed without an origin.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  launchBrowser,
  openPage,
  appUrl,
  hostUrl,
  thirdUrl,
  cli,
  cliError,
  cliReport,
  pageVerdicts,
  presetFile,
  reportVerdicts,
  scenarioFile,
} from './helpers.mjs';

const HOSTS = ['localhost', '127.0.0.1'];
const HOST = () => new URL(hostUrl('/')).origin;
const APP = () => new URL(appUrl('/')).origin;
const preset = (n) => JSON.parse(readFileSync(presetFile(n), 'utf8'));
/** The CLI's report for a file, as JSON.stringify writes what the CLI printed. */
const cliJson = (file, lang = 'en') => JSON.stringify(JSON.parse(cli('check', '--lang', lang, file)));
/** The CLI's error line without its position, as a caller that gave an object sees it. */
const positionless = (line) => line.replace(/ \(line \d+, column \d+\)|（第 \d+ 行第 \d+ 欄）/, '');

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The app's address for a frame of the host page: mode, the host's origin, the fragment. */
function embedSrc(mode, hash, extra = `&origin=${encodeURIComponent(HOST())}`) {
  return `index.html?embed=${mode}${extra}${hash}`;
}

/** The app's frame of `page`. */
async function appFrame(page) {
  for (let i = 0; i < 100; i++) {
    const f = page.frames().find((f) => f.url().startsWith(appUrl('/')));
    if (f) return f;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no frame of the app');
}

/**
 * The host page framing the app at `src`, once the app has said `ready` (and, with
 * `settled`, its first `verdicts`). Returns the page, the app's frame and assertClean.
 */
async function framed(src, { settled = true, query = '' } = {}) {
  const opened = await openPage(browser, hostUrl(`/frame.html?src=${encodeURIComponent(src)}${query}`), { waitFor: 'iframe', hosts: HOSTS });
  const { page } = opened;
  await page.waitForFunction(() => window.received.some((r) => r.data?.type === 'ready'), null, { timeout: 15_000 });
  if (settled) await page.waitForFunction(() => window.received.some((r) => r.data?.type === 'verdicts'), null, { timeout: 15_000 });
  return { ...opened, frame: await appFrame(page) };
}

/** What the host page was sent, in order (each `{origin, fromFrame, data}`). */
const received = (page) => page.evaluate(() => window.received);
/** The messages of `type` the host page got. */
const ofType = async (page, type) => (await received(page)).filter((r) => r.data?.type === type).map((r) => r.data);

/** Sends `message` and waits for the answer carrying its `id`. */
async function ask(page, message) {
  await page.evaluate((m) => window.send(m), message);
  const handle = await page.waitForFunction(
    (id) => window.received.map((r) => r.data).find((d) => d && d.id === id && d.type !== undefined),
    message.id,
    { timeout: 10_000 },
  );
  return handle.jsonValue();
}

/**
 * Sends `message`, waits a moment, and returns what came back meanwhile, but `resize` (the
 * content's height may change with what the message showed).
 */
async function sendAndWatch(page, message, ms = 400) {
  const before = (await received(page)).length;
  await page.evaluate((m) => window.send(m), message);
  await page.waitForTimeout(ms);
  return (await received(page)).slice(before).map((r) => r.data).filter((d) => d?.type !== 'resize');
}

let nextId = 1;
const id = () => nextId++;

test('ready, then loaded and the verdicts, come to the host page from the frame and the app\'s origin', async () => {
  const { page, frame, assertClean } = await framed(embedSrc('view', '#preset=6'));
  const all = await received(page);
  assert.ok(all.every((r) => r.fromFrame && r.origin === APP() && r.data.csp === 1), JSON.stringify(all));
  const types = all.map((r) => r.data.type).filter((t) => t !== 'resize');
  assert.deepEqual(types.slice(0, 3), ['ready', 'loaded', 'verdicts']);
  const [ready] = await ofType(page, 'ready');
  assert.deepEqual(Object.keys(ready), ['csp', 'type', 'version']);
  assert.equal(ready.version, await frame.evaluate(() => window.cspRules.version));
  const report = cliReport(presetFile(6));
  const [loaded] = await ofType(page, 'loaded');
  assert.deepEqual(loaded, { csp: 1, type: 'loaded', summary: report.summary });
  const [verdicts] = await ofType(page, 'verdicts');
  assert.deepEqual(verdicts.edges, report.edges.map((e) => ({ id: e.id, verdict: e.verdict })));
  assert.deepEqual(verdicts.summary, report.summary);
  assertClean();
});

test('evaluate answers the CLI\'s report for every preset, object or text, in the frame\'s language', async () => {
  const { page, assertClean } = await framed(embedSrc('view', '#preset=1'));
  for (const lang of ['en', 'zh-TW']) {
    if (lang === 'zh-TW') await page.evaluate(() => window.send({ csp: 1, type: 'set', lang: 'zh-TW' }));
    for (let n = 1; n <= 8; n++) {
      const want = cliJson(presetFile(n), lang);
      const a = await ask(page, { csp: 1, type: 'evaluate', id: id(), scenario: preset(n) });
      assert.equal(a.type, 'report', JSON.stringify(a));
      assert.equal(JSON.stringify(a.report), want, `preset ${n} ${lang}`);
      const t = await ask(page, { csp: 1, type: 'evaluate', id: `text-${n}-${lang}`, scenario: readFileSync(presetFile(n), 'utf8') });
      assert.equal(JSON.stringify(t.report), want, `preset ${n} ${lang}, as text`);
    }
    // Refused as the CLI refuses it: text exactly, an object by its field path.
    const broken = '{"version": 1, "nodes": [{"id": "x", "kind": "reseller", "region": "europe"}]}';
    const e = await ask(page, { csp: 1, type: 'evaluate', id: `bad-text-${lang}`, scenario: broken });
    assert.deepEqual([e.type, e.id, e.message], ['error', `bad-text-${lang}`, cliError('check', '--lang', lang, scenarioFile(broken))]);
    const n = lang === 'en' ? 77 : 78;
    const o = await ask(page, { csp: 1, type: 'evaluate', id: n, scenario: JSON.parse(broken) });
    assert.deepEqual([o.type, o.id, o.message], ['error', n, positionless(cliError('check', '--lang', lang, scenarioFile(broken)))]);
  }
  // Judging is not showing: the diagram on screen is still preset 1.
  assert.deepEqual(await pageVerdicts(await appFrame(page)), reportVerdicts(cliReport(presetFile(1))));
  assertClean();
});

test('load replaces the diagram from a scenario, a preset or a share link, and answers loaded or the engine\'s error', async () => {
  const { page, frame, assertClean } = await framed(embedSrc('view', '#preset=1'));
  const scenario = preset(4);
  let a = await ask(page, { csp: 1, type: 'load', id: 'l1', scenario });
  assert.deepEqual(a, { csp: 1, type: 'loaded', id: 'l1', summary: cliReport(presetFile(4)).summary });
  await frame.waitForFunction((n) => document.querySelectorAll('[data-edge-id]').length === n, scenario.edges.length);
  assert.deepEqual(await pageVerdicts(frame), reportVerdicts(cliReport(presetFile(4))));
  a = await ask(page, { csp: 1, type: 'load', id: 'l2', preset: 7 });
  assert.deepEqual([a.type, a.summary], ['loaded', cliReport(presetFile(7)).summary]);
  await frame.waitForSelector('[data-node-id="woodgrove"]');
  const link = cli('share', presetFile(2)).trim();
  a = await ask(page, { csp: 1, type: 'load', id: 'l3', share: link });
  assert.deepEqual([a.type, a.summary], ['loaded', cliReport(presetFile(2)).summary]);
  await frame.waitForFunction(() => document.querySelector('[data-node-id="woodgrove"]') === null);
  assert.deepEqual(await pageVerdicts(frame), reportVerdicts(cliReport(presetFile(2))));
  // After each load the host heard the new verdicts too, and no `loaded` without an id.
  const verdicts = await ofType(page, 'verdicts');
  assert.deepEqual(verdicts.at(-1).edges, cliReport(presetFile(2)).edges.map((e) => ({ id: e.id, verdict: e.verdict })));
  assert.equal((await ofType(page, 'loaded')).filter((m) => m.id === undefined).length, 1, 'only the first diagram');

  // What can't be opened changes nothing and says why, as the engine says it.
  const refusals = [
    [{ preset: 9 }, /^error: /],
    [{ share: '#scenario=garbage' }, /^error: /],
    [{ scenario: { version: 2 } }, positionless(cliError('check', scenarioFile({ version: 2 })))],
    [{ scenario: '{"version": 1,' }, cliError('check', scenarioFile('{"version": 1,'))],
    [{}, 'error: load: give a scenario, a preset or a share link'],
    [{ preset: 1, share: link }, 'error: load: give one of scenario, preset and share, not several'],
  ];
  for (const [fields, want] of refusals) {
    const e = await ask(page, { csp: 1, type: 'load', id: id(), ...fields });
    assert.equal(e.type, 'error', JSON.stringify(fields));
    if (want instanceof RegExp) assert.match(e.message, want);
    else assert.equal(e.message, want);
  }
  assert.deepEqual(await pageVerdicts(frame), reportVerdicts(cliReport(presetFile(2))));
  assertClean();
});

test('a quiz embed orders its questions by the link\'s seed as the page does, and keeps that order through a load', async () => {
  const order = (f) => f.$$eval('[data-quiz-edge]', (els) => els.map((el) => el.dataset.quizEdge));
  const fileOrder = (n) => preset(n).edges.map((e) => e.id);
  const onThePage = async (hash) => {
    const { page, assertClean } = await openPage(browser, appUrl(`/?lang=en${hash}`), { waitFor: '[data-quiz-panel="open"]' });
    const o = await order(page);
    assertClean();
    await page.close();
    return o;
  };
  const six = await onThePage('#preset=6&quiz=1&seed=k3f9x2');
  const seven = await onThePage('#preset=7&quiz=1&seed=k3f9x2');
  assert.notDeepEqual(six, fileOrder(6), 'the seed shuffles scenario 6');
  assert.notDeepEqual(seven, fileOrder(7), 'and scenario 7');
  const { page, frame, assertClean } = await framed(embedSrc('quiz', '#preset=6&seed=k3f9x2'));
  await frame.waitForSelector('[data-quiz-panel="open"]');
  assert.deepEqual(await order(frame), six);
  const a = await ask(page, { csp: 1, type: 'load', id: 'q1', preset: 7 });
  assert.equal(a.type, 'loaded');
  await frame.waitForFunction((ids) => [...document.querySelectorAll('[data-quiz-edge]')].map((el) => el.dataset.quizEdge).join() === ids.join(), seven);
  // The address keeps the order too, so a reload of the frame asks the same questions.
  assert.equal(await frame.evaluate(() => location.hash), '#preset=7&seed=k3f9x2');
  assertClean();
  // Without a seed: the file's order, before and after a load.
  const plain = await framed(embedSrc('quiz', '#preset=6'));
  await plain.frame.waitForSelector('[data-quiz-panel="open"]');
  assert.deepEqual(await order(plain.frame), fileOrder(6));
  await ask(plain.page, { csp: 1, type: 'load', id: 'q2', preset: 7 });
  await plain.frame.waitForFunction((ids) => [...document.querySelectorAll('[data-quiz-edge]')].map((el) => el.dataset.quizEdge).join() === ids.join(), fileOrder(7));
  plain.assertClean();
});

test('export gives the diagram as the app\'s own JSON, SVG and PNG files', async () => {
  const { page, frame, assertClean } = await framed(embedSrc('view', '#preset=3'));
  const json = await ask(page, { csp: 1, type: 'export', id: 'j', format: 'json' });
  assert.deepEqual([json.type, json.format], ['export', 'json']);
  const file = JSON.parse(json.data);
  assert.deepEqual(file.edges, preset(3).edges);
  assert.deepEqual(file.nodes.map((n) => n.id), preset(3).nodes.map((n) => n.id));
  assert.ok(json.data.endsWith('}\n') && json.data.includes('\n  "'), 'indented, as the exported file');
  const svg = await ask(page, { csp: 1, type: 'export', id: 's', format: 'svg' });
  assert.equal(svg.format, 'svg');
  // The file Export writes: an XML declaration, then the picture.
  assert.match(svg.data, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  for (const e of preset(3).edges) assert.ok(svg.data.includes(`data-edge-id="${e.id}"`), e.id);
  const png = await ask(page, { csp: 1, type: 'export', id: 'p', format: 'png' });
  assert.equal(png.format, 'png');
  assert.match(png.data, /^data:image\/png;base64,/);
  const bytes = Buffer.from(png.data.split(',')[1], 'base64');
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  assert.ok(bytes.readUInt32BE(16) > 100 && bytes.readUInt32BE(20) > 100, 'a picture of some size');
  // An empty diagram has no picture; its JSON is still a file.
  await ask(page, { csp: 1, type: 'load', id: 'empty', scenario: { version: 1 } });
  const none = await ask(page, { csp: 1, type: 'export', id: 'e', format: 'svg' });
  assert.deepEqual([none.type, none.message], ['error', 'error: export: the diagram has no nodes to draw']);
  assert.equal(JSON.parse((await ask(page, { csp: 1, type: 'export', id: 'ej', format: 'json' })).data).version, 1);
  assert.ok(await frame.evaluate(() => document.querySelector('svg.canvas') !== null));
  assertClean();
});

test('select brings an edge or a node into view; what the visitor selects is told to the host, and set and fit change the view', async () => {
  const { page, frame, assertClean } = await framed(embedSrc('view', '#preset=6'));
  assert.deepEqual(await sendAndWatch(page, { csp: 1, type: 'select', edge: 'e4' }), []);
  await frame.waitForSelector('[data-strip="edge:e4"]');
  const rules = await frame.$$eval('[data-strip] [data-rule]', (els) => els.map((e) => e.dataset.rule));
  assert.deepEqual(rules, cliReport(presetFile(6)).edges.find((e) => e.id === 'e4').findings.map((f) => f.rule));
  await page.evaluate(() => window.send({ csp: 1, type: 'select', node: 'wingtip' }));
  await frame.waitForSelector('[data-strip="node:wingtip"]');
  // The host's own choice is not told back to it.
  assert.deepEqual(await ofType(page, 'select'), []);
  for (const [fields, message] of [
    [{ edge: 'nope' }, 'error: select: no edge "nope" in the diagram'],
    [{ node: 'x'.repeat(500) }, `error: select: no node "${'x'.repeat(120)}"… in the diagram`],
    [{}, 'error: select: give an edge or a node'],
  ]) {
    const [e] = await sendAndWatch(page, { csp: 1, type: 'select', ...fields });
    assert.deepEqual([e?.type, e?.message], ['error', message]);
  }
  // The visitor clicks: the host hears it.
  await frame.locator('[data-edge-id="e2"] .verdict-badge').click();
  await page.waitForFunction(() => window.received.some((r) => r.data.type === 'select' && r.data.edge === 'e2'));
  await frame.locator('.strip-close').click();
  await page.waitForFunction(() => window.received.filter((r) => r.data.type === 'select').length === 2);
  assert.deepEqual((await ofType(page, 'select')).at(-1), { csp: 1, type: 'select' });

  // set: theme and language, checked before either changes.
  assert.deepEqual(await sendAndWatch(page, { csp: 1, type: 'set', theme: 'dark', lang: 'zh-TW' }), []);
  assert.deepEqual(await frame.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.lang]), ['dark', 'zh-TW']);
  const [bad] = await sendAndWatch(page, { csp: 1, type: 'set', theme: 'light', lang: 'fr' });
  assert.deepEqual([bad.type, bad.message], ['error', 'error: unknown language "fr"; use en or zh-TW']);
  const [badTheme] = await sendAndWatch(page, { csp: 1, type: 'set', theme: 'purple' });
  assert.equal(badTheme.message, 'error: unknown theme "purple"; use light, dark or auto');
  assert.deepEqual(await frame.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.lang]), ['dark', 'zh-TW']);

  // fit: back to the whole diagram after the visitor zoomed.
  const fitted = await frame.getAttribute('g.viewport', 'transform');
  const box = await frame.locator('svg.canvas').boundingBox();
  await page.mouse.move(box.x + 100, box.y + 100);
  await page.mouse.wheel(0, -400);
  await frame.waitForFunction((t) => document.querySelector('g.viewport').getAttribute('transform') !== t, fitted);
  assert.deepEqual(await sendAndWatch(page, { csp: 1, type: 'fit' }), []);
  assert.equal(await frame.getAttribute('g.viewport', 'transform'), fitted);
  assertClean();
});

test('a message the embed can\'t read gets an error, never a crash; what is not a §6.3 message is ignored', async () => {
  const { page, frame, assertClean } = await framed(embedSrc('edit', '#preset=6'));
  const before = await pageVerdicts(frame);
  const bad = [
    [{ csp: 1, type: 'frobnicate', id: 5 }, 5, /^error: message: unknown variant `frobnicate`, expected one of `load`, `evaluate`, `select`, `export`, `set`, `fit`/],
    [{ csp: 1, id: 'no-type' }, 'no-type', /^error: message: missing field `type`/],
    [{ csp: 1, type: 'evaluate', id: 6 }, 6, /missing field `scenario`/],
    [{ csp: 1, type: 'evaluate', id: 7, scenario: {}, lang: 'en' }, 7, /unknown field `lang`/],
    [{ csp: 1, type: 'export', id: 8, format: 'gif' }, 8, /unknown variant `gif`/],
    [{ csp: 1, type: 'fit', extra: true }, undefined, /unknown field `extra`/],
    [{ csp: 1, type: 'load', id: 9, preset: 'six' }, 9, /^error: message: /],
    [{ csp: 1, type: 'load', id: { nested: 1 }, preset: 1 }, undefined, /^error: message: /],
    [{ csp: 1, type: 'x'.repeat(100_000) }, undefined, /^error: message: unknown variant `x+…$/],
    [{ csp: 1, type: 42 }, undefined, /^error: message: /],
  ];
  for (const [message, echo, want] of bad) {
    const answers = await sendAndWatch(page, message, 300);
    assert.equal(answers.length, 1, JSON.stringify(answers).slice(0, 300));
    const [e] = answers;
    assert.equal(e.type, 'error');
    assert.equal(e.id, echo);
    assert.match(e.message, want);
    assert.ok(e.message.length < 400, 'one bounded line');
  }
  // Not §6.3 messages at all: no answer.
  for (const message of [{ type: 'fit' }, { csp: 2, type: 'fit' }, { csp: '1', type: 'fit' }, 'fit', 42, null, [1, { csp: 1 }]]) {
    assert.deepEqual(await sendAndWatch(page, message, 150), [], JSON.stringify(message));
  }
  assert.deepEqual(await pageVerdicts(frame), before);
  // Still answering.
  assert.equal((await ask(page, { csp: 1, type: 'evaluate', id: 'alive', scenario: preset(1) })).type, 'report');
  assertClean();
});

test('a page of a third origin gets nothing back and changes nothing, framing the app or beside it', async () => {
  // Beside it: a frame of a third origin posts to the app's frame, as a sibling.
  const beside = await framed(embedSrc('view', '#preset=6'), { query: '&third' });
  const third = beside.page.frames().find((f) => f.url().startsWith(thirdUrl('/')));
  await third.waitForFunction(() => window.received !== undefined);
  const before = (await received(beside.page)).length;
  await third.evaluate(() => {
    const app = parent.frames[0];
    for (const m of [{ csp: 1, type: 'load', id: 1, preset: 1 }, { csp: 1, type: 'evaluate', id: 2, scenario: { version: 1 } }, { csp: 1, type: 'set', theme: 'dark' }]) {
      app.postMessage(m, '*');
    }
  });
  await beside.page.waitForTimeout(500);
  assert.deepEqual(await third.evaluate(() => window.received), []);
  assert.deepEqual((await received(beside.page)).slice(before).filter((r) => r.data.type !== 'resize'), []);
  assert.deepEqual(await pageVerdicts(beside.frame), reportVerdicts(cliReport(presetFile(6))));
  assert.equal(await beside.frame.evaluate(() => document.documentElement.dataset.theme), 'light');
  beside.assertClean();

  // Framing it: the third origin puts the app in its own frame, naming the partner's origin.
  const opened = await openPage(browser, thirdUrl(`/frame.html?src=${encodeURIComponent(embedSrc('view', '#preset=6'))}`), { waitFor: 'iframe', hosts: HOSTS });
  const frame = await appFrame(opened.page);
  await frame.waitForSelector('[data-edge-id][data-verdict]');
  await opened.page.evaluate(() => {
    window.send({ csp: 1, type: 'load', id: 1, preset: 1 });
    window.send({ csp: 1, type: 'export', id: 2, format: 'json' });
  });
  await opened.page.waitForTimeout(600);
  // Not even `ready`: everything the app sends is addressed to the partner's origin.
  assert.deepEqual(await received(opened.page), []);
  assert.deepEqual(await pageVerdicts(frame), reportVerdicts(cliReport(presetFile(6))));
  opened.assertClean();

  // The partner's own page, but the frame names another origin: nothing is taken from it.
  const other = await openPage(browser, hostUrl(`/frame.html?src=${encodeURIComponent(embedSrc('view', '#preset=6', '&origin=http%3A%2F%2Flocalhost%3A1'))}`), { waitFor: 'iframe', hosts: HOSTS });
  const f = await appFrame(other.page);
  await f.waitForSelector('[data-edge-id][data-verdict]');
  await other.page.evaluate(() => window.send({ csp: 1, type: 'load', id: 1, preset: 1 }));
  await other.page.waitForTimeout(500);
  assert.deepEqual(await received(other.page), []);
  assert.deepEqual(await pageVerdicts(f), reportVerdicts(cliReport(presetFile(6))));
  other.assertClean();
});

test('without an origin parameter the embed only says ready, to anyone, and takes nothing', async () => {
  const { page, frame, assertClean } = await framed(embedSrc('view', '#preset=6', ''), { settled: false });
  await frame.waitForSelector('[data-edge-id][data-verdict]');
  await page.evaluate(() => window.send({ csp: 1, type: 'load', id: 1, preset: 1 }));
  await frame.locator('[data-edge-id="e4"] .verdict-badge').click();
  await page.waitForTimeout(500);
  const all = await received(page);
  assert.deepEqual(all.map((r) => r.data), [{ csp: 1, type: 'ready', version: await frame.evaluate(() => window.cspRules.version) }]);
  assert.deepEqual(await pageVerdicts(frame), reportVerdicts(cliReport(presetFile(6))));
  // Origins that messages can't be addressed to are no origins either.
  const bogus = await framed(embedSrc('view', '#preset=6', '&origin=*&origin=null&origin=http%3A%2F%2Flocalhost%2Fpath'), { settled: false });
  await bogus.page.waitForTimeout(300);
  assert.deepEqual((await received(bogus.page)).map((r) => r.data.type), ['ready']);
  bogus.assertClean();
  assertClean();
});

test('in edit mode the host hears each change at most every 0.4 s, ending with the diagram as edited', async () => {
  const { page, frame, assertClean } = await framed(embedSrc('edit', '#preset=3'));
  const exported = async (tag) => JSON.parse((await ask(page, { csp: 1, type: 'export', id: tag, format: 'json' })).data);
  const before = await exported('before');
  // Six edits in 0.6 s: parties added from the compact palette.
  for (let i = 0; i < 6; i++) {
    await frame.locator('.palette button[data-kind="customer"]').click();
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(700);
  const changes = await page.evaluate(() => window.received.filter((r) => r.data.type === 'change'));
  assert.ok(changes.length >= 2 && changes.length < 6, `the host heard the edits as they went, throttled (${changes.length})`);
  for (let i = 1; i < changes.length; i++) {
    assert.ok(changes[i].at - changes[i - 1].at >= 350, `${changes[i].at - changes[i - 1].at} ms between changes`);
  }
  const after = await exported('after');
  assert.deepEqual(changes.at(-1).data.scenario, after);
  assert.equal(after.nodes.length, before.nodes.length + 6);
  // A load is no edit: `loaded`, not `change`.
  await ask(page, { csp: 1, type: 'load', id: 'l', preset: 1 });
  await page.waitForTimeout(700);
  assert.equal((await ofType(page, 'change')).length, changes.length);
  assertClean();
});

test('resize tells the content\'s natural height, which follows the frame\'s width and not its height', async () => {
  const { page, assertClean } = await framed(embedSrc('view', '#preset=6'));
  const last = async () => (await ofType(page, 'resize')).at(-1)?.height;
  await page.waitForFunction(() => window.received.some((r) => r.data.type === 'resize'));
  const natural = await last();
  assert.ok(Number.isInteger(natural) && natural > 150 && natural < 2000, `${natural}`);
  // Sized to it, as a host may do, the frame asks for the same height: no loop.
  await page.evaluate((h) => { window.frame.style.height = `${h}px`; }, natural);
  await page.waitForTimeout(600);
  assert.equal(await last(), natural);
  // Narrower, the fitted diagram is smaller, and so is what it needs.
  await page.evaluate(() => { window.frame.style.width = '420px'; });
  await page.waitForFunction((h) => { const r = window.received.filter((m) => m.data.type === 'resize').at(-1); return r && r.data.height < h; }, natural, { timeout: 5000 });
  assertClean();
});
