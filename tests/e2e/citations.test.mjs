// Citations that link to the guide: every finding the page shows (the relationship panel, the
// findings list) links to its section on Microsoft Learn in the reader's language, as the
// CLI's report `link` says, with the guide's version and the "see also" pages the catalogue
// gives; the links are plain navigation (a new tab, no opener, no referrer) that nothing
// fetches until followed; switching language switches them; walkthrough steps cite too.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, appUrl, cli, cliReport, clickEdge, presetFile, root, scenarioFile } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const LANGS = ['en', 'zh-TW'];
const PREFIX = { en: 'https://learn.microsoft.com/en-us/partner-center/', 'zh-TW': 'https://learn.microsoft.com/zh-tw/partner-center/' };
const GUIDE = (lang) => `${PREFIX[lang]}csp-supported-partner-relationships`;
const ANCHORS = [
  '#types-of-partner-relationships-in-the-csp-program',
  '#csp-program-requirements-signing-the-microsoft-partner-agreement-mpa',
  '#supported-partner-transactions-in-the-csp-program',
];
const catalogue = Object.fromEntries(
  LANGS.map((lang) => [lang, Object.fromEntries(JSON.parse(cli('rules', '--json', '--lang', lang)).map((r) => [r.id, r]))]),
);

// A network in which every rule of the catalogue speaks (as rules/tests/chinese.rs builds).
const EVERY_RULE = {
  version: 1,
  nodes: [
    {"id": "ms", "kind": "microsoft"},
    {"id": "ms2", "kind": "microsoft"},
    {"id": "p", "kind": "indirect_provider", "region": "europe", "org": "contoso"},
    {"id": "p2", "kind": "indirect_provider", "region": "europe"},
    {"id": "r", "kind": "indirect_reseller", "region": "europe", "org": "litware", "tenant": "litware-csp"},
    {"id": "w", "kind": "indirect_reseller", "region": "europe"},
    {"id": "u", "kind": "indirect_reseller", "region": "europe", "mpa_signed": false, "onboarded": false, "enrolled": false},
    {"id": "lone", "kind": "indirect_reseller", "region": "europe"},
    {"id": "d", "kind": "direct_bill_partner", "region": "europe", "requirements_met": false, "mpa_signed": false},
    {"id": "d2", "kind": "direct_bill_partner", "region": "europe"},
    {"id": "far", "kind": "indirect_reseller", "region": "asia_pacific"},
    {"id": "c", "kind": "customer", "region": "europe"},
    {"id": "us", "kind": "customer", "region": "united_states"},
    {"id": "mars", "kind": "customer", "region": "Mars"},
    {"id": "own", "kind": "customer", "region": "europe", "org": "litware", "tenant": "litware-csp"},
    {"id": "own2", "kind": "customer", "region": "europe", "org": "litware", "tenant": "litware-internal"},
    {"id": "aff", "kind": "customer", "region": "europe", "org": "litware"},
    {"id": "alone", "kind": "customer", "region": "europe"},
    {"id": "v", "kind": "indirect_reseller", "region": "europe", "tenant": "v-csp"},
    {"id": "vbuy", "kind": "customer", "region": "europe", "tenant": "v-csp"},
  ],
  edges: [
    ["e1", "ms", "p", "sells_to"],
    ["e2", "ms", "p2", "sells_to"],
    ["e3", "ms", "d", "sells_to"],
    ["e4", "ms", "d2", "sells_to"],
    ["e5", "p", "r", "sells_to"],
    ["e6", "p", "w", "sells_to"],
    ["e7", "p2", "u", "sells_to"],
    ["e8", "p", "far", "sells_to"],
    ["e9", "w", "own", "sells_to"],
    ["e10", "d2", "own", "sells_to"],
    ["e11", "d2", "own2", "sells_to"],
    ["e12", "r", "aff", "sells_to"],
    ["e13", "w", "c", "sells_to"],
    ["e14", "d2", "c", "sells_to"],
    ["e15", "u", "c", "manages"],
    ["e16", "w", "us", "sells_to"],
    ["e17", "w", "mars", "sells_to"],
    ["e18", "ms", "r", "sells_to"],
    ["e19", "ms", "c", "sells_to"],
    ["e20", "p", "c", "sells_to"],
    ["e21", "w", "r", "sells_to"],
    ["e22", "d2", "w", "sells_to"],
    ["e23", "c", "w", "sells_to"],
    ["e24", "p", "ms", "sells_to"],
    ["e25", "lone", "c", "sells_to"],
    ["e26", "w", "w", "sells_to"],
    ["e27", "c", "d2", "manages"],
    ["e28", "p2", "w", "sells_to"],
    ["e29", "w", "c", "sells_to"],
    ["e30", "d", "c", "sells_to"],
    ["e31", "u", "alone", "manages"],
    ["e32", "p2", "v", "sells_to"],
    ["e33", "r", "vbuy", "sells_to"],
  ].map(([id, from, to, kind]) => ({ id, from, to, kind })),
};

/** Every link in `scope`: href, text, and the attributes that make it plain navigation. */
async function links(page, selector) {
  return page.$$eval(selector, (els) =>
    els.map((a) => ({
      href: a.getAttribute('href'),
      // What it shows, without the "(opens in a new tab)" said to screen readers only.
      text: [...a.childNodes].filter((n) => !n.classList?.contains('sr-only')).map((n) => n.textContent).join(''),
      hidden: a.querySelector('.sr-only')?.textContent,
      title: a.getAttribute('title'),
      rel: (a.getAttribute('rel') ?? '').split(/\s+/).sort().join(' '),
      target: a.getAttribute('target'),
      hreflang: a.getAttribute('hreflang'),
    })),
  );
}

function assertPlain(link, lang, where) {
  assert.equal(link.rel, 'noopener noreferrer', `${where}: rel`);
  assert.equal(link.target, '_blank', `${where}: opens in a new tab`);
  assert.ok(link.href.startsWith(PREFIX[lang]), `${where}: ${link.href} is on Learn in ${lang}`);
  assert.equal(link.hreflang.toLowerCase(), lang === 'en' ? 'en-us' : 'zh-tw', `${where}: hreflang`);
  assert.equal(link.hidden, lang === 'en' ? ' (opens in a new tab)' : '（在新分頁開啟）', `${where}: says it opens a new tab`);
}

/** The findings list: each finding's line links to the CLI's `link` for it. */
async function checkFindingsList(page, report, lang, where) {
  const checked = new Set();
  for (const e of report.edges.filter((e) => e.findings.length)) {
    for (const f of e.findings) {
      const [link] = await links(page, `[data-finding-edge="${e.id}"] li[data-rule="${f.rule}"] a.cite-link`);
      assert.ok(link, `${where}: no citation link for ${e.id} ${f.rule}`);
      assertPlain(link, lang, `${where} ${e.id} ${f.rule}`);
      assert.equal(link.href, f.link, `${where} ${e.id} ${f.rule}`);
      assert.equal(link.text, f.cite, `${where} ${e.id} ${f.rule}: text`);
      assert.ok(link.title.includes('2020-05-12'), `${where}: the title names the guide's version: ${link.title}`);
      checked.add(f.rule);
    }
  }
  for (const d of report.diagram) {
    const shown = await links(page, `.finding-entries > li.finding[data-rule="${d.rule}"] a.cite-link`);
    assert.ok(shown.length && shown.every((l) => l.href === d.link), `${where}: ${d.rule}`);
    checked.add(d.rule);
  }
  return checked;
}

/** The relationship panel of each edge with findings: citation, version, see-also pages. */
async function checkEdgePanels(page, report, lang, where) {
  for (const e of report.edges.filter((e) => e.findings.length)) {
    // Selected from the findings list (a busy diagram's edges can lie under one another).
    await page.click(`[data-finding-edge="${e.id}"] button.entry`);
    await page.waitForSelector(`[data-edge-panel="${e.id}"]`);
    for (const f of e.findings) {
      const scope = `[data-edge-panel="${e.id}"] li.finding[data-rule="${f.rule}"]`;
      const [link] = await links(page, `${scope} a.cite-link`);
      assert.ok(link, `${where}: no citation in the panel of ${e.id} for ${f.rule}`);
      assertPlain(link, lang, `${where} panel ${e.id} ${f.rule}`);
      assert.equal(link.href, f.link);
      assert.ok(ANCHORS.some((a) => link.href === GUIDE(lang) + a), link.href);
      // The whole citation: the guide's title, its version, and the place the report cites.
      assert.ok(link.text.includes('2020-05-12') && link.text.includes(f.cite), `${where}: ${link.text}`);
      const seeAlso = await links(page, `${scope} a.see-also-link`);
      const expected = catalogue[lang][f.rule].see_also ?? [];
      assert.deepEqual(
        seeAlso.map((l) => [l.href, l.text]),
        expected.map((s) => [s.link, s.title]),
        `${where} ${f.rule}: see also`,
      );
      for (const l of seeAlso) assertPlain(l, lang, `${where} ${f.rule} see also`);
    }
  }
}

for (const lang of LANGS) {
  test(`every finding shown links to its section of the guide on Learn, in ${lang}`, async () => {
    const every = scenarioFile(EVERY_RULE);
    const files = [...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`preset ${n}`, presetFile(n), `#preset=${n}`]),
      ['every rule', every, cli('share', every).trim()]];
    const checked = new Set();
    for (const [where, file, fragment] of files) {
      const report = cliReport(file, lang);
      const { page, assertClean } = await openPage(browser, appUrl(`/?lang=${lang}${fragment}`), {
        waitFor: '[data-edge-id][data-verdict]',
      });
      await page.waitForSelector('.panel.findings .counts');
      for (const r of await checkFindingsList(page, report, lang, `${lang} ${where}`)) checked.add(r);
      await checkEdgePanels(page, report, lang, `${lang} ${where}`);
      // Nothing was fetched from Learn (or any other host): assertClean fails on any request off 127.0.0.1.
      assertClean();
      await page.close();
    }
    assert.deepEqual([...checked].sort(), Object.keys(catalogue[lang]).sort(), 'every rule\'s citation was seen');
  });
}

test('switching language switches every citation to the other language', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  await clickEdge(page, 'e4');
  await page.waitForSelector('[data-edge-panel="e4"] a.cite-link');
  const before = await links(page, 'a.cite-link, a.see-also-link');
  assert.ok(before.length > 5 && before.every((l) => l.href.startsWith(PREFIX.en)));
  await page.click('.lang-switch button[data-lang="zh-TW"]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-TW');
  const after = await links(page, 'a.cite-link, a.see-also-link');
  assert.equal(after.length, before.length);
  assert.deepEqual(
    after.map((l) => l.href),
    before.map((l) => l.href.replace(PREFIX.en, PREFIX['zh-TW'])),
  );
  await checkFindingsList(page, cliReport(presetFile(6), 'zh-TW'), 'zh-TW', 'after the switch');
  assertClean();
  await page.close();
});

test('a citation opens Learn in a new tab, with no opener and no referrer', async () => {
  // Learn stands in locally: the new tab's request never leaves the machine.
  const asked = [];
  await browser.context.route('https://learn.microsoft.com/**', (route) => {
    asked.push(route.request().url());
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Learn</title>' });
  });
  try {
    const { page, assertClean } = await openPage(browser, appUrl('/?lang=zh-TW#preset=7'), {
      waitFor: '[data-edge-id][data-verdict]',
    });
    const report = cliReport(presetFile(7), 'zh-TW');
    const blocked = report.edges.find((e) => e.verdict === 'blocked');
    await clickEdge(page, blocked.id);
    const link = page.locator(`[data-edge-panel="${blocked.id}"] li.finding a.cite-link`).first();
    assert.deepEqual(asked, [], 'nothing is fetched before a reader follows a link');
    const [tab] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
    await tab.waitForLoadState('load');
    assert.equal(tab.url(), blocked.findings[0].link);
    assert.equal(await tab.evaluate(() => window.opener), null, 'noopener');
    assert.equal(await tab.evaluate(() => document.referrer), '', 'noreferrer');
    assert.ok(page.url().startsWith(appUrl('/')), 'the page itself stays');
    // A request carries no fragment.
    assert.deepEqual(asked, [blocked.findings[0].link.split('#')[0]]);
    await tab.close();
    assertClean();
    await page.close();
  } finally {
    await browser.context.unroute('https://learn.microsoft.com/**');
  }
});

test('each walkthrough step cites the part of the guide it teaches', async () => {
  const anchor = { types: ANCHORS[0], mpa: ANCHORS[1] };
  for (const [n, lang] of [
    [1, 'en'],
    [7, 'zh-TW'],
  ]) {
    const steps = JSON.parse(readFileSync(join(root, `rules/presets/walkthroughs/${n}.json`), 'utf8')).steps;
    for (let k = 1; k <= steps.length; k++) {
      const { page, assertClean } = await openPage(browser, appUrl(`/?lang=${lang}#preset=${n}&step=${k}`), {
        waitFor: `.walkthrough[data-step="${k}"]`,
      });
      const [link] = await links(page, '.walkthrough .tour-callout-body > p.cite a.cite-link');
      assert.ok(link, `walkthrough ${n} step ${k}: no citation`);
      assertPlain(link, lang, `walkthrough ${n} step ${k}`);
      const cite = steps[k - 1].cite ?? `scenario-${n}`;
      assert.equal(link.href, GUIDE(lang) + (anchor[cite] ?? ANCHORS[2]), `walkthrough ${n} step ${k}`);
      assert.ok(link.text.includes('2020-05-12'), link.text);
      const place = cite.startsWith('scenario-') ? cite.slice('scenario-'.length) : null;
      if (place) assert.ok(link.text.includes(place), `${link.text} names scenario ${place}`);
      assertClean();
      await page.close();
    }
  }
});
