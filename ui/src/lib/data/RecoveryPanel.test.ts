import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ErrorScreen from '../shell/ErrorScreen.svelte';
import { FakeData, backup } from '../../test/fake-data';

const damaged = {
  code: 'damaged',
  message: 'Tệp dữ liệu C:\\ChungThu\\chungthu.db bị hỏng (database disk image is malformed).',
  problems: [],
};

describe('ErrorScreen — recovery of a damaged database', () => {
  it('offers the newest good backup and restores it, keeping the damaged file', async () => {
    const fake = new FakeData();
    fake.backups = [
      backup('2026-11-23T08:00:05', 'daily', 20, 'Bản sao lưu bị hỏng, không dùng để khôi phục được.'),
      backup('2026-11-22T08:00:05', 'daily', 19),
      backup('2026-11-20T08:00:05', 'before_import', 12),
    ];
    mockIPC(fake.handle);
    const onrecovered = vi.fn();
    render(ErrorScreen, { error: damaged, onrecovered });
    const user = userEvent.setup();

    const radios = (await screen.findAllByRole('radio')) as HTMLInputElement[];
    expect(radios).toHaveLength(3);
    expect(radios[0]?.disabled, 'a damaged backup is not offered').toBe(true);
    expect(radios[1]?.checked, 'the newest good one is chosen').toBe(true);
    expect(screen.getByTestId('recovery').textContent).toContain('19 cán bộ');
    expect(screen.getByTestId('recovery').textContent, 'the user is told nothing is deleted').toContain('không bị xoá');

    await user.click(screen.getByTestId('recovery-restore'));
    await waitFor(() => expect(onrecovered).toHaveBeenCalled());
    expect(screen.getByTestId('recovery-done').textContent).toContain('chungthu.damaged-2026-11-23T18-00-00.db');
  });

  it('says what to do when there is no backup beside the file', async () => {
    const fake = new FakeData();
    fake.backups = [];
    mockIPC(fake.handle);
    render(ErrorScreen, { error: damaged, onrecovered: vi.fn() });
    expect((await screen.findByTestId('recovery-none')).textContent).toContain('cắm USB');
    expect(screen.queryByTestId('recovery-restore')).toBeNull();
  });

  it('is not offered for a database from a newer version (nothing is wrong with it)', async () => {
    mockIPC(new FakeData().handle);
    render(ErrorScreen, { error: { code: 'newer_version', message: 'Mới hơn.', problems: [] } });
    expect(screen.getByTestId('error-screen')).toBeTruthy();
    expect(screen.queryByTestId('recovery')).toBeNull();
  });
});
