// Renders the app's PNG icons (static/icons/*.png, committed) from their SVGs with Debian's
// Chromium, for the web app manifest: run it after changing an SVG.
//   node scripts/icons.mjs
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DIR = resolve(new URL('../static/icons', import.meta.url).pathname);
const RENDERS = [
  ['icon.svg', 192, 'icon-192.png'],
  ['icon.svg', 512, 'icon-512.png'],
  ['icon-maskable.svg', 512, 'icon-maskable-512.png'],
];

const browser = await chromium.launch({ executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  for (const [svg, size, png] of RENDERS) {
    const data = readFileSync(join(DIR, svg)).toString('base64');
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${data}">`);
    await page.waitForFunction(() => document.images[0].complete);
    writeFileSync(join(DIR, png), await page.screenshot({ omitBackground: true }));
    console.log(`static/icons/${png}: ${size}x${size} from ${svg}`);
  }
} finally {
  await browser.close();
}
