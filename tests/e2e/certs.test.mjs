// A clerk imports a certificate file by typing the folder's path in the
// import screen (file dialogs cannot be driven by WebDriver; the path field
// is a real feature for users who copy paths), then sees it on the person.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, freshDb, byTestId, OUT } from './harness.mjs';

const FIXTURES = resolve(import.meta.dirname, '../../src-tauri/crates/certs/tests/fixtures');

// Hương's CCCD is the one in the fixture's UID, so the file matches her by number.
const HUONG = [
  '--name', 'Nguyễn Thị Hương', '--birth-date', '05/03/1985', '--gender', 'nu', '--position', 'Giáo viên',
  '--cccd', '031185001234', '--cccd-issued-on', '10/05/2021', '--phone', '0912345678',
];
const BINH = ['--name', 'Trần Văn Bình', '--position', 'Kế toán'];

test('import a certificate file through the window and see it on the person', async () => {
  const db = freshDb([HUONG, BINH]);
  const folder = join(mkdtempSync(join(tmpdir(), 'chungthu-e2e-certs-')), 'Chứng thư số');
  mkdirSync(folder);
  copyFileSync(join(FIXTURES, 'huong.cer'), join(folder, 'huong.cer'));
  copyFileSync(join(FIXTURES, 'truncated.cer'), join(folder, 'hỏng.cer'));

  const { browser, stop } = await launch(db, 4450);
  try {
    const dashboard = await browser.$(byTestId('dashboard'));
    await dashboard.waitForDisplayed({ timeout: 30_000, timeoutMsg: 'the dashboard is not the first page' });
    await browser.waitUntil(async () => (await (await browser.$(byTestId('tile-without'))).getText()).includes('2'), {
      timeout: 10_000,
      timeoutMsg: 'both people should be listed as having no usable certificate',
    });
    await (await browser.$(byTestId('dash-without'))).waitForDisplayed();
    await browser.saveScreenshot(join(OUT, 'dashboard.png'));

    await browser.$(byTestId('nav-certs')).click();
    await browser.$(byTestId('cert-import')).click();
    const path = await browser.$(byTestId('import-folder'));
    await path.waitForDisplayed();
    await path.setValue(folder);
    await browser.$(byTestId('import-read')).click();
    await browser.waitUntil(async () => (await browser.$$(byTestId('import-row'))).length === 2, {
      timeout: 10_000,
      timeoutMsg: 'the folder should give one result per file',
    });
    const preview = await (await browser.$(byTestId('import-preview'))).getText();
    assert.match(preview, /Khớp theo CCCD/);
    assert.match(preview, /bị hỏng/);
    await browser.saveScreenshot(join(OUT, 'import-preview.png'));
    await browser.$(byTestId('import-apply')).click();
    await browser.waitUntil(async () => (await (await browser.$(byTestId('import-preview'))).getText()).includes('Đã nhập'), {
      timeout: 10_000,
      timeoutMsg: 'the import did not report the file as added',
    });
    await browser.keys('Escape');
    await browser.waitUntil(async () => (await browser.$$(byTestId('cert-row'))).length === 1, {
      timeout: 10_000,
      timeoutMsg: 'the certificate list should show the imported certificate',
    });

    await browser.$(byTestId('nav-staff')).click();
    await browser.waitUntil(async () => (await browser.$$(byTestId('staff-row'))).length === 2, { timeout: 10_000 });
    // Click the name: the row's first cell is the tick box of the bulk selection.
    for (const row of await browser.$$(byTestId('staff-row'))) {
      if ((await row.getText()).includes('Nguyễn Thị Hương')) await row.$('.full-name').click();
    }
    const history = await browser.$(byTestId('history-cert'));
    await history.waitForDisplayed({ timeout: 10_000, timeoutMsg: 'the certificate is not shown on the person' });
    const text = await history.getText();
    assert.match(text, /Ban Cơ yếu/);
    assert.match(text, /8A3C5E7F00112233445566778899AABB/);
    assert.match(text, /09\/03\/2028/);
    assert.match(text, /Còn hiệu lực/);
    await browser.saveScreenshot(join(OUT, 'person-certificate.png'));
  } finally {
    await stop();
  }
});
