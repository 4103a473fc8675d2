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
if (location.hash === '#large') {
  // A big register, to see paging on scroll: 5,000 more people.
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
  const middle = ['Văn', 'Thị', 'Minh', 'Thu', 'Đức', 'Thanh', 'Quốc', 'Ngọc'];
  const given = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hạnh', 'Khánh', 'Linh', 'Nam', 'Tâm', 'Uyên', 'Vy'];
  for (let i = 0; i < 5000; i++) {
    fake.seed({
      full_name: `${family[i % 10]} ${middle[(i >> 1) % 8]} ${given[(i * 7) % 12]}`,
      birth_date: `${(i % 28) + 1}/${(i % 12) + 1}/${1970 + (i % 30)}`,
      position: 'Giáo viên',
      cccd: `0010${String(70 + (i % 30))}${String(i).padStart(6, '0')}`,
    });
  }
}
mockIPC(fake.handle);
