// Screenshot-only stand-in for the Tauri backend, injected by
// scripts/screenshot.mjs before the built app loads. Never part of the
// build: nothing in src/main.ts imports it.
import { mockIPC } from '@tauri-apps/api/mocks';
import { schoolBackend } from './school';

const fake = schoolBackend();
if (location.hash === '#damaged') {
  fake.openError = {
    code: 'damaged',
    message:
      'Tệp dữ liệu C:\\Users\\vanthu\\AppData\\Roaming\\ChungThu\\chungthu.db bị hỏng hoặc không phải dữ liệu của ChungThu, nên chưa mở được.',
    problems: [],
  };
}
mockIPC(fake.handle);
