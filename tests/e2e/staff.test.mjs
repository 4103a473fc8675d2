// A clerk adds a person through the window and finds them again by typing
// the name without diacritics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, freshDb, byTestId, OUT } from './harness.mjs';
import { SEED } from './seed.mjs';

test('add a person in the window, then find them typing without diacritics', async () => {
  const db = freshDb(SEED);
  const { browser, stop } = await launch(db);
  try {
    const rows = () => browser.$$(byTestId('staff-row'));
    // The window opens on the dashboard; the register is one click away.
    const nav = await browser.$(byTestId('nav-staff'));
    await nav.waitForDisplayed({ timeout: 30_000 });
    await nav.click();
    await browser.waitUntil(async () => (await rows()).length === SEED.length, {
      timeout: 30_000,
      timeoutMsg: 'the seeded staff list did not appear',
    });
    await browser.saveScreenshot(join(OUT, 'main-window.png'));

    await browser.$(byTestId('staff-add')).click();
    const type = async (field, text) => {
      const input = await browser.$(byTestId(`field-${field}`));
      await input.waitForDisplayed();
      await input.setValue(text);
    };
    await type('full_name', 'Nguyễn Thị Hương');
    await type('birth_date', '05/03/1985');
    await browser.$(byTestId('field-gender-female')).click();
    await type('position', 'Giáo viên');
    await type('team', 'Tổ Ngữ văn');
    await type('cccd', '031185012345');
    await type('cccd_issued_on', '10/05/2021');
    await type('phone', '0912 345 678');
    await type('email', 'huongnt@haiphong.edu.vn');
    await browser.saveScreenshot(join(OUT, 'staff-form.png'));
    await browser.$(byTestId('staff-save')).click();
    await browser.waitUntil(async () => (await rows()).length === SEED.length + 1, {
      timeout: 15_000,
      timeoutMsg: 'the new person did not appear in the list after saving',
    });

    const search = await browser.$(byTestId('staff-search'));
    await search.setValue('nguyen thi huong');
    await browser.waitUntil(async () => (await rows()).length === 1, {
      timeout: 10_000,
      timeoutMsg: 'searching without diacritics did not narrow the list to one person',
    });
    const text = await (await rows())[0].getText();
    assert.match(text, /Nguyễn Thị Hương/);
    assert.match(text, /05\/03\/1985/);
    await browser.saveScreenshot(join(OUT, 'search.png'));
  } finally {
    await stop();
  }
});
