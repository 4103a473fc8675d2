// A clerk imports the sector database's export through the window: types
// (pastes) the file's path, checks the preview, presses "Nhập", and finds the
// people in the staff list, the flagged ones under "Cần kiểm tra".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { launch, freshDb, byTestId, OUT } from './harness.mjs';

const EXPORT = resolve(import.meta.dirname, '../../src-tauri/crates/import/tests/fixtures/export.xlsx');

test('import the real-shaped export by its path and see the people in the list', async () => {
  const db = freshDb();
  const { browser, stop } = await launch(db, 4460);
  try {
    const nav = await browser.$(byTestId('nav-import'));
    await nav.waitForClickable({ timeout: 30_000 });
    await nav.click();

    const path = await browser.$(byTestId('import-path'));
    await path.waitForDisplayed();
    await path.setValue(EXPORT);
    await browser.$(byTestId('import-preview')).click();

    const counts = await browser.$(byTestId('import-counts'));
    await counts.waitForDisplayed({ timeout: 30_000, timeoutMsg: 'the preview did not appear' });
    const summary = (await counts.getText()).replace(/\s+/g, ' ');
    assert.match(summary, /20 dòng dữ liệu/);
    assert.match(summary, /16 nhập được/);
    assert.match(summary, /4 có lỗi/);
    const problems = await browser.$$(byTestId('problem-row'));
    assert.ok(problems.length >= 8, 'the planted problems are listed with row and column');
    assert.match(await browser.$(byTestId('mapping-H')).getValue(), /^cccd$/);
    await browser.saveScreenshot(join(OUT, 'import-preview.png'));

    await browser.$(byTestId('import-apply')).click();
    const done = await browser.$(byTestId('import-done'));
    await done.waitForDisplayed({ timeout: 30_000, timeoutMsg: 'the import did not finish' });
    assert.match(await done.getText(), /thêm 16 người/);
    await browser.saveScreenshot(join(OUT, 'import-done.png'));

    await browser.$(byTestId('import-show-staff')).click();
    const rows = () => browser.$$(byTestId('staff-row'));
    await browser.waitUntil(async () => (await rows()).length === 16, {
      timeout: 15_000,
      timeoutMsg: 'the 16 imported people did not appear in the list',
    });
    // Read the rows in one go: the list may re-render while it settles.
    const names = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="staff-row"]')].map((r) => r.textContent ?? ''),
    );
    assert.ok(names.some((t) => /Nguyễn Văn Hùng/.test(t)), 'a person from the export is in the list');
    assert.ok(names.some((t) => /Mai Xuân Trường/.test(t)), 'an NFD name from the export is found, stored NFC');

    await browser.$(byTestId('filter-flagged')).click();
    await browser.waitUntil(async () => (await rows()).length === 4, {
      timeout: 10_000,
      timeoutMsg: 'the four people imported with warnings are not under “Cần kiểm tra”',
    });
    await browser.saveScreenshot(join(OUT, 'import-flagged.png'));
  } finally {
    await stop();
  }
});
