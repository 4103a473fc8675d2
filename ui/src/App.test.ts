import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from './App.svelte';
import { schoolBackend } from './test/school';

describe('App', () => {
  it('shows a full-window explanation when the database cannot be opened', async () => {
    const fake = schoolBackend();
    fake.openError = {
      code: 'damaged',
      message: 'Tệp dữ liệu D:\\ChungThu\\chungthu.db bị hỏng, nên chưa mở được.',
      problems: [],
    };
    mockIPC(fake.handle);
    render(App);

    const box = await screen.findByTestId('error-screen');
    expect(box.textContent, 'the title names the problem in plain words').toContain('Không đọc được tệp dữ liệu');
    expect(box.textContent, 'the backend message (with its path) is shown as is').toContain(
      'Tệp dữ liệu D:\\ChungThu\\chungthu.db bị hỏng',
    );
    expect(box.textContent, 'the user is told where the data usually lives').toContain('%APPDATA%\\ChungThu');
    expect(box.textContent, 'the database is opened at start, so the way out is a restart').toContain(
      'đóng hẳn ChungThu rồi mở lại',
    );
    expect(screen.queryByTestId('staff-search'), 'the register is not shown over a broken database').toBeNull();
  });

  it('tells the user a newer version wrote the data, rather than a generic failure', async () => {
    const fake = schoolBackend();
    fake.openError = { code: 'newer_version', message: 'Dữ liệu do phiên bản 0.3.0 tạo ra.', problems: [] };
    mockIPC(fake.handle);
    render(App);
    const box = await screen.findByTestId('error-screen');
    expect(box.textContent).toContain('phiên bản ChungThu mới hơn');
  });

  it('shows where the data is stored and the unit name once open', async () => {
    const fake = schoolBackend();
    mockIPC(fake.handle);
    render(App);

    const status = await screen.findByTestId('status-line');
    expect(status.textContent).toContain(`Dữ liệu lưu tại: ${fake.info.db_path}`);
    expect(await screen.findByText('Trường THCS Lê Lợi')).toBeTruthy();
  });

  it('Ctrl+F brings the user to the staff search from another page', async () => {
    const user = userEvent.setup();
    mockIPC(schoolBackend().handle);
    render(App);

    await user.click(await screen.findByTestId('nav-unit'));
    expect(screen.queryByTestId('staff-search')).toBeNull();
    await user.keyboard('{Control>}f{/Control}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('staff-search')));
  });
});
