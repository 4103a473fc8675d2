// The window never waits for a slow file: a certificate folder whose file is
// still being copied (a FIFO that stays empty until the test writes it) keeps
// the import preview reading, and meanwhile another command is answered.
// Run on the main thread, or holding the register while reading, the preview
// would stop that answer until the file came.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, freshDb, byTestId } from './harness.mjs';

const FIXTURES = resolve(import.meta.dirname, '../../src-tauri/crates/certs/tests/fixtures');
const HUONG = ['--name', 'Nguyễn Thị Hương', '--cccd', '031185001234', '--birth-date', '05/03/1985', '--gender', 'nu'];
const BINH = ['--name', 'Trần Văn Bình'];

test('another command is answered while a certificate import is still reading', async () => {
  const db = freshDb([HUONG, BINH]);
  const folder = join(mkdtempSync(join(tmpdir(), 'chungthu-e2e-slow-')), 'Chứng thư đang chép');
  mkdirSync(folder);
  const fifo = join(folder, 'hương.cer');
  execFileSync('mkfifo', [fifo]);

  const { browser, stop } = await launch(db, 4451);
  try {
    await (await browser.$(byTestId('dashboard'))).waitForDisplayed({ timeout: 30_000 });
    await browser.execute((paths) => {
      window.__preview = null;
      window.__TAURI_INTERNALS__
        .invoke('cert_import_preview', { paths })
        .then((items) => { window.__preview = { items }; }, (error) => { window.__preview = { error }; });
    }, [folder]);

    const summary = await browser.executeAsync((done) => {
      window.__TAURI_INTERNALS__.invoke('staff_summary').then(done, (error) => done({ error }));
    });
    assert.equal(summary.active, 2, `the register answered: ${JSON.stringify(summary)}`);
    assert.equal(await browser.execute(() => window.__preview), null, 'the preview is still waiting for its file');

    // The copy finishes: the preview reads the file and matches it to Hương.
    const copy = spawn('sh', ['-c', 'cat "$0" > "$1"', join(FIXTURES, 'huong.cer'), fifo], { stdio: 'inherit' });
    await browser.waitUntil(async () => (await browser.execute(() => window.__preview)) !== null, {
      timeout: 20_000,
      timeoutMsg: 'the preview did not finish once the file was written',
    });
    const { items, error } = await browser.execute(() => window.__preview);
    assert.equal(error, undefined, JSON.stringify(error));
    assert.equal(items.length, 1);
    assert.equal(items[0].serial_hex, '8A3C5E7F00112233445566778899AABB');
    assert.equal(items[0].staff_name, 'Nguyễn Thị Hương');
    copy.kill();
  } finally {
    await stop();
  }
});
