// Starts the real ChungThu binary through tauri-driver (WebKitWebDriver) on a
// fresh database, and gives the tests a WebdriverIO session on its window.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';
import { remote } from 'webdriverio';

const root = resolve(import.meta.dirname, '../..');
const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
export const APP = process.env.CHUNGTHU_APP ?? join(target, 'debug', 'chungthu-app');
export const CLI = process.env.CHUNGTHU_CLI ?? join(target, 'debug', 'chungthu');
export const OUT = join(import.meta.dirname, 'out');

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((done, fail) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.end(); done(); });
      socket.once('error', () => {
        if (Date.now() > deadline) fail(new Error(`tauri-driver did not listen on ${port}`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

/** "Today" for the app and the CLI: what the tests see must not change with the real date. */
export const TODAY = '2026-06-15';
const PINNED = { ...process.env, CHUNGTHU_TODAY: TODAY };

/** A new temporary database, optionally filled through the CLI. */
export function freshDb(people = []) {
  const dir = mkdtempSync(join(tmpdir(), 'chungthu-e2e-'));
  const db = join(dir, 'dữ liệu thử.db');
  for (const args of people) execFileSync(CLI, ['--db', db, 'staff', 'add', ...args], { env: PINNED });
  return db;
}

/** Launches the app on `db`; returns {browser, stop}. */
export async function launch(db, port = 4444) {
  mkdirSync(OUT, { recursive: true });
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-driver', '/usr/bin/WebKitWebDriver'], {
    env: { ...PINNED, CHUNGTHU_DB: db },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let browser;
  try {
    await waitForPort(port, 30_000);
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'warn',
      capabilities: { 'tauri:options': { application: APP } },
    });
  } catch (e) {
    driver.kill();
    throw e;
  }
  const stop = async () => {
    await browser.deleteSession().catch(() => {});
    driver.kill();
  };
  return { browser, stop };
}

export const byTestId = (id) => `[data-testid="${id}"]`;
