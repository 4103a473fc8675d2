// A clerk adds a certificate provider the catalogue does not know yet, with
// the issuer name its files carry, in the real window; the CLI then reads it
// back from the same database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, freshDb, byTestId, OUT, CLI } from './harness.mjs';

test('add a provider with its issuer name from the certificates page', async () => {
  const db = freshDb();
  const { browser, stop } = await launch(db, 4470);
  try {
    await (await browser.$(byTestId('nav-certs'))).waitForDisplayed({ timeout: 30_000 });
    await browser.$(byTestId('nav-certs')).click();
    await browser.$(byTestId('providers-open')).click();
    await browser.waitUntil(async () => (await browser.$$(byTestId('provider-row'))).length > 5, {
      timeout: 10_000,
      timeoutMsg: 'the seeded catalogue should be listed',
    });
    const before = (await browser.$$(byTestId('provider-row'))).length;

    await browser.$(byTestId('provider-add')).click();
    await (await browser.$(byTestId('provider-name'))).setValue('Công ty Cổ phần Chữ ký số An Phát');
    await (await browser.$(byTestId('provider-short_name'))).setValue('AnPhat-CA');
    await (await browser.$(byTestId('provider-fragments'))).setValue('AnPhat Certification Authority');
    await browser.$(byTestId('provider-save')).click();
    await browser.waitUntil(async () => (await browser.$$(byTestId('provider-row'))).length === before + 1, {
      timeout: 10_000,
      timeoutMsg: 'the new provider should join the list',
    });
    const rows = [];
    for (const row of await browser.$$(byTestId('provider-row'))) rows.push(await row.getText());
    const added = rows.find((t) => t.includes('AnPhat-CA'));
    assert.ok(added, 'the list shows the new provider');
    assert.match(added, /AnPhat Certification Authority/);
    assert.match(added, /Công cộng/, 'a new provider is public unless chosen otherwise');
    await browser.saveScreenshot(join(OUT, 'providers.png'));
  } finally {
    await stop();
  }

  const stored = JSON.parse(execFileSync(CLI, ['--db', db, 'provider', 'list', '--json'], { encoding: 'utf8' }));
  const anPhat = stored.find((p) => p.short_name === 'AnPhat-CA');
  assert.deepEqual(anPhat?.issuer_fragments, ['AnPhat Certification Authority'], 'saved in the database');
  assert.equal(anPhat?.kind, 'public');
});
