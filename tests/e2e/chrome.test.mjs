// The page's chrome: one toolbar row with labelled menus that are real ARIA menus (keys,
// focus), menus and popovers inside the window at every width, the light/dark switch
// (remembered, and working where storage is refused), the start screen of the empty
// diagram, and the Help menu's About (the versions of dist/version.json) and Glossary.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  launchBrowser,
  openPage,
  appUrl,
  axeViolations,
  cli,
  cliReport,
  pageVerdicts,
  pickMenu,
  presetFile,
  reportVerdicts,
  root,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const active = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.dataset.item ?? el?.dataset.menu ?? el?.tagName;
  });

test('the toolbar is one row: the frequent verbs, then File, View and Help, each named, with its shortcut', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    const boxes = await page.$$eval('header .bar button', (els) =>
      els.filter((el) => el.getClientRects().length).map((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, name: el.getAttribute('aria-label') ?? el.textContent.trim() };
      }),
    );
    const tops = boxes.map((b) => b.top);
    assert.ok(Math.max(...tops) - Math.min(...tops) < 4, `one row at ${width}: ${JSON.stringify(boxes)}`);
    for (const b of boxes) assert.ok(b.name, `every control has a name at ${width}`);
    for (const menu of ['presets', 'file', 'view', 'help']) {
      assert.ok(await page.isVisible(`button[data-menu="${menu}"]`), `${menu} at ${width}`);
    }
    for (const action of ['undo', 'redo', 'fit', 'present', 'share']) {
      assert.ok(await page.isVisible(`header button[data-action="${action}"]`), `${action} at ${width}`);
    }
  }
  assert.equal(await page.getAttribute('button[data-menu="presets"]', 'aria-keyshortcuts'), 'P');
  assert.equal(await page.getAttribute('button[data-action="present"]', 'aria-keyshortcuts'), 'F');
  assert.match(await page.getAttribute('button[data-action="undo"]', 'aria-keyshortcuts'), /Control\+Z/);
  await page.click('button[data-menu="help"]');
  assert.equal(await page.getAttribute('[data-item="shortcuts"]', 'aria-keyshortcuts'), '?');
  await page.keyboard.press('Escape');
  await page.click('button[data-menu="view"]');
  assert.equal(await page.getAttribute('[data-item="table"]', 'aria-keyshortcuts'), 'T');
  assert.equal(await page.getAttribute('[data-item="present"]', 'aria-keyshortcuts'), 'F');
  assert.deepEqual(await axeViolations(page), [], 'view menu open');
  assertClean();
  await page.close();
});

test('menus are ARIA menus: arrows, Home and End move, Esc closes and gives the focus back', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=1'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  await page.locator('[data-edge-id="e1"] .verdict-badge').click();
  await page.waitForSelector('[data-edge-id="e1"].selected');
  const button = 'button[data-menu="file"]';
  assert.equal(await page.getAttribute(button, 'aria-haspopup'), 'menu');
  assert.equal(await page.getAttribute(button, 'aria-expanded'), 'false');
  await page.focus(button);
  await page.keyboard.press('ArrowDown');
  await page.waitForSelector('[data-menu-wrap="file"] [role="menu"]');
  assert.equal(await page.getAttribute(button, 'aria-expanded'), 'true');
  const menu = await page.$eval('[data-menu-wrap="file"] [role="menu"]', (m) => ({
    labelledBy: m.getAttribute('aria-labelledby'),
    id: m.id,
    items: [...m.querySelectorAll('[data-item]')].map((i) => [i.dataset.item, i.getAttribute('role')]),
  }));
  assert.equal(menu.labelledBy, await page.getAttribute(button, 'id'));
  assert.equal(await page.getAttribute(button, 'aria-controls'), menu.id);
  assert.deepEqual(
    menu.items.map(([id]) => id),
    ['new', 'import', 'recent', 'export-json', 'export-svg', 'export-png', 'embed', 'audit'],
  );
  assert.ok(menu.items.every(([, role]) => role === 'menuitem'));
  assert.equal(await active(page), 'new');
  await page.keyboard.press('ArrowDown');
  assert.equal(await active(page), 'import');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await active(page), 'audit', '↑ from the first wraps to the last');
  await page.keyboard.press('Home');
  assert.equal(await active(page), 'new');
  await page.keyboard.press('End');
  assert.equal(await active(page), 'audit');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-menu-wrap="file"] [role="menu"]', { state: 'detached' });
  assert.equal(await active(page), 'file', 'Esc gives the focus back to the button');
  assert.equal(await page.locator('[data-edge-id="e1"].selected').count(), 1, 'the menu kept its Escape to itself');

  // ↑ opens on the last item; Tab closes; a checkbox item says whether it is checked.
  await page.focus('button[data-menu="view"]');
  await page.keyboard.press('ArrowUp');
  assert.equal(await active(page), 'present');
  await page.keyboard.press('Tab');
  await page.waitForSelector('[data-menu-wrap="view"] [role="menu"]', { state: 'detached' });
  await page.click('button[data-menu="view"]');
  assert.equal(await page.getAttribute('[data-item="snap"]', 'role'), 'menuitemcheckbox');
  assert.equal(await page.getAttribute('[data-item="snap"]', 'aria-checked'), 'false');
  assert.equal(await page.getAttribute('[data-item="theme-auto"]', 'role'), 'menuitemradio');
  await page.click('[data-item="snap"]');
  assert.equal(await active(page), 'view', 'a pick gives the focus back to the button');
  await page.click('button[data-menu="view"]');
  assert.equal(await page.getAttribute('[data-item="snap"]', 'aria-checked'), 'true');
  // A click outside closes it.
  await page.click('.legend');
  await page.waitForSelector('[data-menu-wrap="view"] [role="menu"]', { state: 'detached' });

  // Enter on a menu item does it: the table view, then back.
  await page.focus('button[data-menu="view"]');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await active(page), 'table');
  await page.keyboard.press('Enter');
  await page.waitForSelector('table.diagram-table');
  assertClean();
  await page.close();
});

test('menus and popovers stay inside the window at every width', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  for (const [width, height] of [
    [360, 640],
    [390, 844],
    [700, 500],
    [1024, 768],
    [1280, 720],
    [1366, 768],
    [1440, 900],
  ]) {
    await page.setViewportSize({ width, height });
    const menus = await page.$$eval('button[data-menu]', (els) =>
      els.filter((el) => el.getClientRects().length).map((el) => el.dataset.menu),
    );
    assert.ok(menus.includes('presets'), `presets menu at ${width}`);
    const opened = [...menus.map((m) => [`button[data-menu="${m}"]`, `[data-menu-wrap="${m}"] .menu-panel`])];
    opened.push(['button.share-button', '.share-panel']);
    for (const [button, panel] of opened) {
      await page.click(button);
      await page.waitForSelector(panel);
      const r = await page.$eval(panel, (el) => {
        const b = el.getBoundingClientRect();
        return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
      });
      const where = `${panel} at ${width}×${height}: ${JSON.stringify(r)}`;
      assert.ok(r.left >= 0 && r.right <= width && r.top >= 0 && r.bottom <= height, where);
      // Escape closes what holds the focus, which an effect moves in after the first paint
      // (on a loaded machine, after the panel is already there).
      await page.waitForFunction((sel) => document.querySelector(sel)?.contains(document.activeElement), panel);
      await page.keyboard.press('Escape');
      await page.waitForSelector(panel, { state: 'detached' });
    }
    assert.equal(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
      true,
      `no horizontal overflow at ${width}`,
    );
    // No control of the header's row covers another.
    const boxes = await page.$$eval('header .bar button', (els) =>
      els.filter((el) => el.getClientRects().length).map((el) => {
        const r = el.getBoundingClientRect();
        return [el.dataset.menu ?? el.dataset.action ?? el.dataset.lang, r.left, r.right];
      }),
    );
    for (let i = 1; i < boxes.length; i++) {
      assert.ok(boxes[i][1] >= boxes[i - 1][2] - 0.5, `${boxes[i - 1][0]} and ${boxes[i][0]} overlap at ${width}`);
    }
    assert.ok(boxes.at(-1)[2] <= width, `the row fits at ${width}`);
  }
  assertClean();
  await page.close();
});

const DARK_BG = 'rgb(13, 17, 23)';
const LIGHT_BG = 'rgb(255, 255, 255)';
const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('the share panel, closed before the clipboard answers, stays closed', async () => {
  // A slow clipboard (a loaded machine, a permission prompt): it answers 1.5 s after the click.
  const init = () => {
    const slow = () => new Promise((resolve) => setTimeout(resolve, 1500));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: slow }, configurable: true });
  };
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=6'), {
    waitFor: '[data-edge-id][data-verdict]',
    init,
  });
  await page.click('button.share-button');
  await page.waitForFunction(() => document.querySelector('.share-panel')?.contains(document.activeElement));
  await page.keyboard.press('Escape');
  await page.waitForSelector('.share-panel', { state: 'detached' });
  await page.waitForTimeout(2000);
  assert.equal(await page.locator('.share-panel').count(), 0, 'the clipboard\'s answer opened the panel again');
  // Open, it takes the answer: the status says the link was copied.
  await page.click('button.share-button');
  await page.waitForFunction(() => document.querySelector('.share-status')?.textContent.length > 0, null, { timeout: 5000 });
  await assertClean();
  await page.close();
});

test('the light/dark switch overrides the system, is remembered, and ?theme= picks one', async () => {
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=1'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await page.getAttribute('html', 'data-theme'), 'auto');
  assert.equal(await background(page), LIGHT_BG);
  await pickMenu(page, 'view', 'theme-dark');
  await page.waitForSelector('html[data-theme="dark"]');
  assert.equal(await background(page), DARK_BG);
  assert.equal(await page.evaluate(() => localStorage.getItem('csp-explorer/theme')), 'dark');
  assert.deepEqual(await axeViolations(page), [], 'dark on a light system');
  await page.reload();
  await page.waitForSelector('[data-edge-id][data-verdict]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', 'remembered');
  assert.equal(await background(page), DARK_BG);
  await page.emulateMedia({ colorScheme: 'dark' });
  await pickMenu(page, 'view', 'theme-light');
  assert.equal(await background(page), LIGHT_BG, 'light on a dark system');
  await pickMenu(page, 'view', 'theme-auto');
  assert.equal(await background(page), DARK_BG, 'the system again');
  await page.click('button[data-menu="view"]');
  assert.equal(await page.getAttribute('[data-item="theme-auto"]', 'aria-checked'), 'true');
  assert.equal(await page.getAttribute('[data-item="theme-dark"]', 'aria-checked'), 'false');
  assertClean();
  await page.close();

  const linked = await openPage(browser, appUrl('/?lang=en&theme=dark#preset=1'), { waitFor: '[data-edge-id]' });
  await linked.page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await linked.page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await background(linked.page), DARK_BG);
  linked.assertClean();
  await linked.page.close();
});

test('where storage is refused the switch still works, and only forgets', async () => {
  const refuse = () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  };
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=1'), {
    waitFor: '[data-edge-id][data-verdict]',
    init: refuse,
  });
  await page.emulateMedia({ colorScheme: 'light' });
  await pickMenu(page, 'view', 'theme-dark');
  await page.waitForSelector('html[data-theme="dark"]');
  assert.equal(await background(page), DARK_BG);
  await page.reload();
  await page.waitForSelector('[data-edge-id][data-verdict]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'auto', 'nothing could be remembered');
  assert.equal(await background(page), LIGHT_BG);
  assertClean();
  await page.close();
});

test('the empty diagram is a start screen: the eight scenarios by title, from scratch, how to draw', async () => {
  for (const lang of ['en', 'zh-TW']) {
    const { page, assertClean } = await openPage(browser, appUrl(`/?lang=${lang}`), { waitFor: '.start' });
    const titles = cli('presets', '--lang', lang)
      .trim()
      .split('\n')
      .map((line) => line.split('\t')[1]);
    assert.deepEqual(await page.$$eval('.start-card', (els) => els.map((e) => e.textContent.trim())), titles);
    assert.match(await page.textContent('.start .empty-hint'), lang === 'en' ? /palette/ : /工具列/);
    assert.deepEqual(await axeViolations(page), [], `start screen (${lang})`);
    if (lang === 'en') {
      await page.click('.start-scratch');
      await page.waitForSelector('.start-card', { state: 'detached' });
      assert.equal(await page.evaluate(() => !!document.activeElement?.closest('.palette')), true, 'on to the palette');
      assert.ok(await page.isVisible('.start .empty-hint'));
      await page.reload();
      await page.waitForSelector('.start-card');
    }
    await page.click('.start-card[data-preset="3"]');
    await page.waitForSelector('[data-edge-id][data-verdict]');
    assert.ok(page.url().endsWith('#preset=3'), page.url());
    assert.deepEqual(await pageVerdicts(page), reportVerdicts(cliReport(presetFile(3), lang)));
    assert.equal(await page.locator('.start').count(), 0);
    assertClean();
    await page.close();
  }
});

test('Help → About gives the versions of dist/version.json, from the engine; Glossary the engine\u2019s terms', async () => {
  const dist = resolve(root, process.env.E2E_DIST ?? 'dist');
  const version = JSON.parse(readFileSync(join(dist, 'version.json'), 'utf8'));
  const { page, assertClean } = await openPage(browser, appUrl('/?lang=en#preset=1'), {
    waitFor: '[data-edge-id][data-verdict]',
  });
  await pickMenu(page, 'help', 'about');
  await page.waitForSelector('[data-dialog="about"][role="dialog"]');
  const shown = await page.$$eval('[data-version]', (els) =>
    Object.fromEntries(els.map((e) => [e.dataset.version, e.textContent.trim()])),
  );
  assert.equal(shown.app, `CSP Scenario Explorer ${version.version}`);
  assert.equal(shown.engine, `csp-rules ${version.engine}`);
  assert.equal(shown.guide, version.guide);
  assert.equal(await page.evaluate(() => window.cspRules.version), version.version);
  assert.deepEqual(await axeViolations(page), [], 'about');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-dialog]', { state: 'detached' });
  assert.equal(await active(page), 'help', 'the focus goes back to the Help menu');

  const table = readFileSync(join(root, 'docs/glossary.md'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| English'))
    .map((l) => l.split('|').map((c) => c.trim()))
    .map((c) => [c[1], c[3], c[2]]);
  for (const lang of ['en', 'zh-TW']) {
    if (lang === 'zh-TW') await page.click('.lang-switch button[data-lang="zh-TW"]');
    await pickMenu(page, 'help', 'glossary');
    await page.waitForSelector('[data-dialog="glossary"]');
    const rows = await page.$$eval('table.glossary tbody tr', (trs) =>
      trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())),
    );
    assert.deepEqual(
      rows.map((r) => r.slice(0, 3)),
      table,
      `the glossary as docs/glossary.md has it (${lang})`,
    );
    assert.ok(rows.every((r) => r[3]), 'every term says why');
    assert.deepEqual(await axeViolations(page), [], `glossary (${lang})`);
    await page.click('[data-dialog="glossary"] .dialog-close');
    await page.waitForSelector('[data-dialog]', { state: 'detached' });
  }
  assertClean();
  await page.close();
});
