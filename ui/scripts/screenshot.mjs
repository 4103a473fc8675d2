// Screenshots of the built window (ui/dist) with a fake backend, for looking
// at the design without the Rust app. Needs Debian's Chromium
// (/usr/bin/chromium) and `npm run build` first.
//
//   node scripts/screenshot.mjs [out-dir]     (default /tmp/chungthu-shots)
//
// The fake backend (src/test/preview-ipc.ts) is bundled here on the fly and
// injected before the page's own scripts; the shipped build never holds it.
import { mkdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

const ui = resolve(fileURLToPath(import.meta.url), '../..');
const out = resolve(process.argv[2] ?? join(tmpdir(), 'chungthu-shots'));
mkdirSync(out, { recursive: true });

const bundleDir = mkdtempSync(join(tmpdir(), 'chungthu-mock-'));
await build({
  configFile: false,
  root: ui,
  logLevel: 'warn',
  build: {
    outDir: bundleDir,
    emptyOutDir: true,
    lib: { entry: join(ui, 'src/test/preview-ipc.ts'), formats: ['iife'], name: 'ChungThuPreview', fileName: () => 'mock.js' },
  },
});
const mock = readFileSync(join(bundleDir, 'mock.js'), 'utf8');

const server = await preview({ root: ui, logLevel: 'warn', preview: { port: 4173, strictPort: true } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
  await page.addInitScript({ content: mock });
  const shot = async (name) => {
    await page.waitForTimeout(350);
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(join(out, `${name}.png`));
  };

  await page.goto('http://localhost:4173/');
  await page.getByTestId('staff-row').first().waitFor();
  await shot('1-list');

  await page.getByTestId('staff-search').fill('ngoc');
  await page.waitForTimeout(500);
  await shot('2-search');
  await page.getByTestId('staff-search').fill('');
  await page.waitForTimeout(500);

  await page.getByTestId('staff-row').filter({ hasText: 'Phan Quốc Bảo' }).click();
  await page.getByTestId('field-full_name').waitFor();
  await shot('3-panel');
  await page.keyboard.press('Escape');
  await page.getByTestId('staff-row').filter({ hasText: 'Bùi Văn Thành' }).click();
  await page.getByTestId('staff-mark-left').click();
  await page.getByTestId('leave-reason-other').check();
  await page.getByTestId('leave-save').click();
  await shot('4-leave');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  await page.getByTestId('staff-add').click();
  await page.getByTestId('field-full_name').fill('Nguyễn Thị Minh Châu');
  await page.getByTestId('field-birth_date').fill('3/2/1997');
  await page.getByTestId('field-cccd').fill('03119700');
  await shot('5-add');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  await page.getByTestId('nav-unit').click();
  await page.getByTestId('field-unit_name').waitFor();
  await page.getByTestId('field-focal_email').fill('thao@');
  await page.getByTestId('unit-save').click();
  await shot('6-unit');

  await page.goto('http://localhost:4173/#large');
  await page.reload();
  await page.getByTestId('staff-row').first().waitFor();
  const before = await page.getByTestId('staff-row').count();
  await page.locator('.table-wrap').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="staff-row"]').length > n, before);
  const after = await page.getByTestId('staff-row').count();
  console.log(`large register: ${before} rows, ${after} after scrolling to the end`);
  await shot('8-large');

  await page.goto('http://localhost:4173/#damaged');
  await page.reload();
  await page.getByTestId('error-screen').waitFor();
  await shot('7-damaged');
} finally {
  await browser.close();
  await new Promise((done) => server.httpServer.close(done));
}
