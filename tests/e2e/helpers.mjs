// Helpers for the explorer's browser tests: the CLI as the oracle for verdicts, and the
// user's gestures on the canvas. The CLI is built from the same rules crate the page uses,
// so every verdict the page shows can be checked against it.

import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(root, 'target/debug/csp-rules');
let built = false;

/** Runs the csp-rules CLI (built once per test file) and returns its standard output. */
export function cli(...args) {
  if (!built) {
    execFileSync('cargo', ['build', '-q', '-p', 'csp-rules', '--bin', 'csp-rules'], { cwd: root, stdio: 'inherit' });
    built = true;
  }
  return execFileSync(CLI, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the CLI expecting failure; returns its standard error. */
export function cliError(...args) {
  try {
    cli(...args);
  } catch (err) {
    return String(err.stderr ?? '').trim();
  }
  throw new Error(`csp-rules ${args.join(' ')} succeeded`);
}

/** The report the CLI gives for a scenario file. */
export function cliReport(file, lang = 'en') {
  return JSON.parse(cli('check', '--lang', lang, file));
}

/** The preset file for guide scenario `n`. */
export function presetFile(n) {
  const dir = join(root, 'rules/presets');
  const name = readdirSync(dir).find((f) => f.startsWith(`${n}-`) && f.endsWith('.json'));
  if (!name) throw new Error(`no preset file ${n}-*.json`);
  return join(dir, name);
}

let scratch;
let written = 0;

/**
 * Writes a scenario object (as JSON), or text as it is, to a temporary file (removed when the
 * tests exit); returns its path.
 */
export function scenarioFile(scenario) {
  if (!scratch) {
    scratch = mkdtempSync(join(tmpdir(), 'csp-e2e-scenario-'));
    process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
  }
  const file = join(scratch, `scenario-${written++}.json`);
  writeFileSync(file, typeof scenario === 'string' ? scenario : JSON.stringify(scenario));
  return file;
}

/** { edgeId: verdict } from a report. */
export function reportVerdicts(report) {
  return Object.fromEntries(report.edges.map((e) => [e.id, e.verdict]));
}

/** { edgeId: verdict } as the page shows it (data-edge-id / data-verdict). */
export async function pageVerdicts(page) {
  return page.$$eval('[data-edge-id]', (els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute('data-edge-id'), el.getAttribute('data-verdict')])),
  );
}

/** The node IDs on the canvas, in document order. */
export async function pageNodes(page) {
  return page.$$eval('[data-node-id]', (els) => els.map((el) => el.getAttribute('data-node-id')));
}

/** Waits until edge `id` shows `verdict`. */
export async function waitVerdict(page, id, verdict) {
  await page.waitForSelector(`[data-edge-id="${id}"][data-verdict="${verdict}"]`, { timeout: 5000 });
}

/**
 * The diagram the page keeps in localStorage, read once the page has written its last change
 * (autosave waits a moment after a change; `<html data-autosave>` is `pending` until then).
 */
export async function savedDiagram(page) {
  await page.waitForFunction(() => document.documentElement.dataset.autosave !== 'pending', null, { timeout: 5000 });
  return JSON.parse(await page.evaluate(() => localStorage.getItem('csp-explorer/diagram')));
}

function centre(box) {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Clicks a node's shape (selecting it). */
/** Adds a node of `kind` from the palette and waits until it is drawn. */
export async function addFromPalette(page, kind) {
  const before = (await pageNodes(page)).length;
  await page.click(`.palette button[data-kind="${kind}"]`);
  await page.waitForFunction((n) => document.querySelectorAll('[data-node-id]').length === n, before + 1);
}

export async function clickNode(page, id, options = {}) {
  await page.locator(`[data-node-id="${id}"] .glyph`).click(options);
}

/** Clicks an edge's verdict badge (selecting it). */
export async function clickEdge(page, id) {
  await page.locator(`[data-edge-id="${id}"] .verdict-badge`).click();
}

/** Drags from node `from`'s handle onto node `to`, then picks `kind` in the popup. */
export async function connect(page, from, to, kind = 'sells_to') {
  const handle = await page.locator(`[data-node-id="${from}"] .handle-dot`).boundingBox();
  const target = await page.locator(`[data-node-id="${to}"] .glyph`).boundingBox();
  if (!handle || !target) throw new Error(`cannot see ${from}'s handle or ${to}`);
  const a = centre(handle);
  const b = centre(target);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  await page.locator(`.connect-popup button[data-edge-kind="${kind}"]`).click();
}

/** Drags a node by (dx, dy) screen pixels. */
export async function dragNode(page, id, dx, dy) {
  const box = await page.locator(`[data-node-id="${id}"] .glyph`).boundingBox();
  const a = centre(box);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + dx / 2, a.y + dy / 2, { steps: 4 });
  await page.mouse.move(a.x + dx, a.y + dy, { steps: 4 });
  await page.mouse.up();
}
