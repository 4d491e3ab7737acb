// The loader, dist/embed.js (interfaces.md §6.4), on host pages of another origin than the
// app's, each under a strict Content-Security-Policy: with the real app (frames made, placed,
// sized, addressed), and with a stand-in for the app's side of the messages (tests/e2e/host/
// stub/), which tests embed.js's own behaviour: answers as promises, origins checked both ways.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  launchBrowser,
  openPage,
  appUrl,
  hostUrl,
  stubUrl,
  thirdUrl,
  cliError,
  cliReport,
  pageVerdicts,
  presetFile,
  reportVerdicts,
  scenarioFile,
} from './helpers.mjs';

// Frames are polled on a timer: a cross-origin frame out of view gets no animation frames.
// Every server of the test bed: the host pages' (localhost) and the app's, the stand-in's and
// the third origin's (127.0.0.1, other ports). Nothing else may be asked for.
const HOSTS = ['localhost', '127.0.0.1'];
const HOST_ORIGIN = () => new URL(hostUrl('/')).origin;
// The scenario the second embed of loader.html holds as a share link.
const SHARED = {
  version: 1,
  title: 'Shared',
  nodes: [
    { id: 'ms', kind: 'microsoft' },
    { id: 'd', kind: 'direct_bill_partner', region: 'europe' },
    { id: 'c', kind: 'customer', region: 'europe' },
  ],
  edges: [
    { id: 'e1', from: 'ms', to: 'd', kind: 'sells_to' },
    { id: 'e2', from: 'd', to: 'c', kind: 'sells_to' },
  ],
};

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The frames embed.js made on `page`, as the host page sees them. */
function frames(page) {
  return page.$$eval('[data-csp-embed]', (divs) =>
    divs.map((div) => {
      const f = div.querySelector('iframe');
      return f && { id: div.id, children: div.children.length, src: f.src, title: f.title, height: f.getBoundingClientRect().height, fills: f.getBoundingClientRect().width === div.clientWidth };
    }),
  );
}

/** The frame of `page` whose address starts with `base` and holds `part`. */
async function frameOf(page, base, part) {
  for (let i = 0; i < 100; i++) {
    const found = page.frames().find((f) => f.url().startsWith(base) && f.url().includes(part));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no frame at ${base}…${part}`);
}

test('two divs of a partner article become frames of the app next to embed.js, addressed with the page\'s origin', async () => {
  const { page, assertClean } = await openPage(browser, hostUrl('/loader.html'), { waitFor: '#two iframe', hosts: HOSTS });
  const [one, two] = await frames(page);
  // Each div holds its frame alone (the fallback link is gone), as wide as the div.
  assert.deepEqual([one.children, two.children, one.fills, two.fills], [1, 1, true, true]);
  const a = new URL(one.src);
  assert.equal(`${a.origin}${a.pathname}`, appUrl('/index.html'));
  assert.deepEqual([...a.searchParams], [['embed', 'view'], ['origin', HOST_ORIGIN()]]);
  assert.equal(a.hash, '#preset=6');
  assert.equal(one.title, 'CSP Scenario Explorer');
  const b = new URL(two.src);
  assert.equal(`${b.origin}${b.pathname}`, appUrl('/index.html'));
  assert.deepEqual([...b.searchParams], [['embed', 'edit'], ['lang', 'zh-TW'], ['origin', HOST_ORIGIN()]]);
  const link = await page.getAttribute('#two', 'data-scenario');
  assert.equal(b.hash, link);
  assert.equal(two.title, 'CSP 情境探索工具');

  // The app runs in both, across origins, and judges as the CLI does.
  const six = await frameOf(page, appUrl('/'), '#preset=6');
  await six.waitForSelector('[data-edge-id][data-verdict]');
  assert.deepEqual(await pageVerdicts(six), reportVerdicts(cliReport(presetFile(6))));
  const shared = await frameOf(page, appUrl('/'), '#scenario=');
  await shared.waitForSelector('[data-edge-id="e2"][data-verdict]');
  assert.deepEqual(await pageVerdicts(shared), reportVerdicts(cliReport(scenarioFile(SHARED))));
  // data-height (400, 300) holds each frame until its app reports the height it needs (the
  // stand-in's tests check the first height itself).
  await page.waitForFunction(() => ['one', 'two'].every((id) => {
    const h = document.querySelector(`#${id} iframe`).getBoundingClientRect().height;
    return h !== { one: 400, two: 300 }[id] && h >= 150 && h <= 2000;
  }));
  assertClean();
});

/** The stand-in's host page, with both embeds' handles as `window.a` and `window.b`. */
async function standIn() {
  const opened = await openPage(browser, hostUrl('/stub-loader.html'), { waitFor: '#b iframe', hosts: HOSTS });
  const { page } = opened;
  await page.evaluate(() => {
    window.a = window.CspEmbed.mount(document.getElementById('a'));
    window.b = window.CspEmbed.mount(document.getElementById('b'));
  });
  const fa = await frameOf(page, stubUrl('/'), '#preset=1');
  const fb = await frameOf(page, stubUrl('/'), '#preset=2');
  // Both stand-ins have loaded the rules and said `ready`.
  for (const f of [fa, fb]) await f.waitForFunction(() => window.received !== undefined, null, { polling: 100 });
  return { ...opened, fa, fb };
}

/** What the stand-in in `frame` was sent, without the ids embed.js chose. */
const received = (frame) => frame.evaluate(() => window.received.map(({ data, ...r }) => ({ ...r, data: { ...data, id: undefined } })));

test('the data attributes set each frame\'s address, title and first height; scanning again adds nothing', async () => {
  const { page, assertClean } = await standIn();
  const [a, b] = await frames(page);
  const ua = new URL(a.src);
  assert.equal(`${ua.origin}${ua.pathname}`, stubUrl('/index.html'));
  assert.deepEqual([...ua.searchParams], [['embed', 'view'], ['origin', HOST_ORIGIN()]]);
  assert.deepEqual([ua.hash, a.height, a.title], ['#preset=1', 200, 'CSP Scenario Explorer']);
  const ub = new URL(b.src);
  assert.deepEqual([...ub.searchParams], [['embed', 'walkthrough'], ['lang', 'zh-TW'], ['theme', 'dark'], ['origin', HOST_ORIGIN()]]);
  assert.deepEqual([ub.hash, b.height, b.title], ['#preset=2&step=3', 480, 'CSP 情境探索工具']);
  const again = await page.evaluate(() => {
    const more = window.CspEmbed.scan();
    return [more.length, more[0] === window.a, document.querySelectorAll('iframe').length];
  });
  assert.deepEqual(again, [2, true, 3]);
  assertClean();
});

test('evaluate, load and export are promises over the messages, answered as the CLI answers', async () => {
  const { page, fa, assertClean } = await standIn();
  const scenario = JSON.parse(readFileSync(presetFile(4), 'utf8'));
  const report = await page.evaluate((s) => window.a.evaluate(s).then((r) => JSON.stringify(r)), scenario);
  assert.equal(report, JSON.stringify(cliReport(presetFile(4))));
  const refused = await page.evaluate(() => window.a.evaluate({ version: 2 }).then(() => 'resolved', (e) => [e instanceof Error, e.message]));
  assert.deepEqual(refused, [true, cliError('check', scenarioFile({ version: 2 }))]);

  const loaded = await page.evaluate((s) => window.a.load(s), scenario);
  assert.deepEqual(loaded.summary, cliReport(presetFile(4)).summary);
  assert.equal(await page.evaluate(() => window.a.export('json')), JSON.stringify(scenario));
  await page.evaluate(async () => {
    await window.a.load(3);
    await window.a.load('#scenario=1.z.abc');
    await window.a.load('1.z.abc');
    await window.a.load({ preset: 5 });
    window.a.select({ edge: 'e1' });
    window.a.set({ lang: 'en', theme: 'dark' });
    window.a.fit();
  });
  await fa.waitForFunction(() => window.received.some((r) => r.data.type === 'fit'), null, { polling: 100 });
  const sent = await received(fa);
  // From the host page only, to this frame's origin (the stand-in checks both), every one a
  // §6.3 message.
  assert.ok(sent.every((r) => r.fromParent && r.origin === HOST_ORIGIN() && r.data.csp === 1), JSON.stringify(sent));
  assert.deepEqual(
    sent.map((r) => r.data).slice(-7),
    [
      { csp: 1, type: 'load', preset: 3, id: undefined },
      { csp: 1, type: 'load', share: '#scenario=1.z.abc', id: undefined },
      { csp: 1, type: 'load', share: '#scenario=1.z.abc', id: undefined },
      { csp: 1, type: 'load', preset: 5, id: undefined },
      { csp: 1, type: 'select', edge: 'e1', id: undefined },
      { csp: 1, type: 'set', lang: 'en', theme: 'dark', id: undefined },
      { csp: 1, type: 'fit', id: undefined },
    ],
  );
  // Each request had its own id, and its answer came back to it.
  const ids = await fa.evaluate(() => window.received.map((r) => r.data.id).filter((id) => id !== undefined));
  assert.equal(new Set(ids).size, ids.length);
  assertClean();
});

test('resize sizes only its own frame; other windows, other origins and other shapes are ignored', async () => {
  const { page, fa, fb, assertClean } = await standIn();
  const host = HOST_ORIGIN();
  const heights = async () => (await frames(page)).map((f) => f.height);
  const seen = await page.evaluate(() => {
    window.resizes = [];
    window.a.on('resize', (m) => window.resizes.push(m.height));
    return true;
  });
  assert.ok(seen);
  const post = (frame, message, target) => frame.evaluate(([m, t]) => parent.postMessage(m, t), [message, target]);
  await post(fa, { csp: 1, type: 'resize', height: 321 }, host);
  await page.waitForFunction(() => window.resizes.length === 1);
  assert.deepEqual(await heights(), [321, 480]);
  // Kept within bounds; what is not a height changes nothing.
  await post(fa, { csp: 1, type: 'resize', height: 5 }, host);
  await post(fa, { csp: 1, type: 'resize', height: 1e9 }, host);
  await post(fa, { csp: 1, type: 'resize', height: 'tall' }, host);
  await page.waitForFunction(() => window.resizes.length === 4);
  assert.deepEqual(await heights(), [10000, 480]);
  await post(fa, { csp: 1, type: 'resize', height: 300 }, host);
  // Not §6.3 messages: no `csp: 1`, another version, not an object.
  await post(fa, { type: 'resize', height: 250 }, host);
  await post(fa, { csp: 2, type: 'resize', height: 250 }, host);
  await post(fa, 'resize 250', host);
  // The other embed's window, and a page of a third origin.
  await post(fb, { csp: 1, type: 'resize', height: 260 }, host);
  const third = page.frames().find((f) => f.url().startsWith(thirdUrl('/')));
  await post(third, { csp: 1, type: 'resize', height: 270 }, '*');
  await page.waitForTimeout(300);
  assert.deepEqual(await heights(), [300, 260]);
  assert.deepEqual(await page.evaluate(() => window.resizes), [321, 5, 1e9, 'tall', 300]);
  assertClean();
});

test('an answer is taken only from its own frame: a forged ready or report from elsewhere settles nothing', async () => {
  const { page, fa, assertClean } = await standIn();
  // A third embed whose app never answers (the stand-in's `silent` switch).
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.id = 'c';
    document.body.append(div);
    window.c = window.CspEmbed.mount(div, { preset: 8, src: 'index.html?silent', timeout: 1500 });
    window.outcome = window.c.evaluate({ version: 1 }).then((r) => ['resolved', r], (e) => ['rejected', e.message]);
  });
  const fc = await frameOf(page, stubUrl('/'), '#preset=8');
  await fc.waitForFunction(() => window.received !== undefined, null, { polling: 100 });
  const forged = [
    { csp: 1, type: 'ready', version: 'forged' },
    { csp: 1, type: 'report', id: 1, report: { forged: true } },
  ];
  const third = page.frames().find((f) => f.url().startsWith(thirdUrl('/')));
  // From the same origin as c's app but another window, and from another origin.
  for (const m of forged) {
    await fa.evaluate((msg) => parent.postMessage(msg, '*'), m);
    await third.evaluate((msg) => parent.postMessage(msg, '*'), m);
  }
  const outcome = await page.evaluate(() => window.outcome);
  assert.deepEqual(outcome, ['rejected', 'error: the embedded explorer gave no answer to "evaluate" within 1.5 s']);
  // Never ready, so c's app was never sent the request either.
  assert.deepEqual(await fc.evaluate(() => window.received), []);
  assertClean();
});

test('messages go to the app\'s origin only: a frame that was navigated elsewhere is sent nothing', async () => {
  const { page, fa, assertClean } = await standIn();
  await fa.evaluate((url) => (location.href = url), thirdUrl('/third.html?navigated'));
  const gone = await frameOf(page, thirdUrl('/'), '?navigated');
  await gone.waitForFunction(() => window.received !== undefined, null, { polling: 100 });
  await page.evaluate(() => {
    window.a.select({ edge: 'e1' });
    window.a.fit();
    window.late = window.a.evaluate({ version: 1 }).catch((e) => e.message);
  });
  await page.waitForTimeout(500);
  assert.deepEqual(await gone.evaluate(() => window.received), []);
  const third = page.frames().find((f) => f.url() === thirdUrl('/third.html'));
  assert.deepEqual(await third.evaluate(() => window.received), []);
  // Removing the embed refuses what was never answered, and takes the frame away.
  await page.evaluate(() => window.a.destroy());
  assert.equal(await page.evaluate(() => window.late), 'error: the embed was removed');
  assert.equal(await page.$('#a iframe'), null);
  assertClean();
});

test('mount refuses what is not an element, and the loader is one small plain script', async () => {
  const { page, assertClean } = await openPage(browser, hostUrl('/stub-loader.html'), { waitFor: '#b iframe', hosts: HOSTS });
  const refused = await page.evaluate(() => {
    try {
      window.CspEmbed.mount('#a');
      return 'mounted';
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  });
  assert.equal(refused, 'TypeError: CspEmbed.mount: expected an element');
  // The API object can't be replaced or changed by another script.
  assert.ok(await page.evaluate(() => Object.isFrozen(window.CspEmbed)));
  // Loaded as a classic script from another origin: no module, no import, no eval.
  const source = await (await fetch(stubUrl('/embed.js'))).text();
  assert.doesNotMatch(source, /\bimport\b|\beval\(|new Function|innerHTML|setAttribute\(['"]style/);
  assertClean();
});

test('a quiz mounted with a seed carries it after the diagram, as the page\'s quiz links do', async () => {
  const { page, assertClean } = await openPage(browser, hostUrl('/stub-loader.html'), { waitFor: '#b iframe', hosts: HOSTS });
  const srcs = await page.evaluate(() =>
    [{ preset: 7, mode: 'quiz', seed: 's1' }, { preset: 7, mode: 'quiz' }].map((options) => {
      const el = document.createElement('div');
      document.body.append(el);
      window.CspEmbed.mount(el, options);
      return el.querySelector('iframe').src;
    }),
  );
  const [seeded, plain] = srcs.map((s) => new URL(s));
  assert.equal(seeded.searchParams.get('embed'), 'quiz');
  assert.deepEqual([seeded.hash, plain.hash], ['#preset=7&seed=s1', '#preset=7']);
  assertClean();
});

test('with the real app: the handle\'s promises and events carry the CLI\'s answers, each embed its own', async () => {
  const { page, assertClean } = await openPage(browser, hostUrl('/loader.html'), { waitFor: '#two iframe', hosts: HOSTS });
  await page.evaluate(() => {
    window.one = window.CspEmbed.mount(document.getElementById('one'));
    window.two = window.CspEmbed.mount(document.getElementById('two'));
    window.heard = { one: [], two: [] };
    for (const name of ['one', 'two']) {
      for (const type of ['loaded', 'verdicts', 'change']) window[name].on(type, (m) => window.heard[name].push(m.type));
    }
  });
  const scenario = JSON.parse(readFileSync(presetFile(4), 'utf8'));
  // The second embed is in Chinese: its report is the CLI's in Chinese.
  const [en, zh] = await page.evaluate((s) => Promise.all([window.one.evaluate(s), window.two.evaluate(s)]).then((r) => r.map((x) => JSON.stringify(x))), scenario);
  assert.equal(en, JSON.stringify(cliReport(presetFile(4))));
  assert.equal(zh, JSON.stringify(cliReport(presetFile(4), 'zh-TW')));
  const refused = await page.evaluate(() => window.one.evaluate({ version: 2 }).then(() => 'resolved', (e) => [e instanceof Error, e.message]));
  assert.deepEqual(refused, [true, cliError('check', scenarioFile({ version: 2 })).replace(/ \(line \d+, column \d+\)/, '')]);
  // load changes only its own frame, and its events come to its own handle.
  const quiet = await page.evaluate(() => { window.heard.one = []; return window.heard.two.length; });
  const loaded = await page.evaluate(() => window.one.load(7));
  assert.deepEqual(loaded.summary, cliReport(presetFile(7)).summary);
  // Its address follows the diagram it now shows.
  const one = await frameOf(page, appUrl('/'), 'embed=view');
  assert.match(one.url(), /#preset=7$/);
  await one.waitForSelector('[data-node-id="woodgrove"]');
  assert.deepEqual(await pageVerdicts(one), reportVerdicts(cliReport(presetFile(7))));
  const shared = await frameOf(page, appUrl('/'), 'embed=edit');
  assert.deepEqual(await pageVerdicts(shared), reportVerdicts(cliReport(scenarioFile(SHARED))));
  const json = JSON.parse(await page.evaluate(() => window.one.export('json')));
  assert.deepEqual(json.edges, JSON.parse(readFileSync(presetFile(7), 'utf8')).edges);
  await page.waitForFunction(() => window.heard.one.includes('verdicts'));
  const heard = await page.evaluate(() => window.heard);
  assert.ok(heard.one.includes('loaded'), JSON.stringify(heard));
  assert.equal(heard.two.length, quiet, JSON.stringify(heard));
  assertClean();
});
