import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeData } from '../../test/fake-data';
import { toasts } from '../ui/toasts.svelte';
import DataPage from './DataPage.svelte';

function setup(warnings: string[] = []) {
  const fake = new FakeData();
  mockIPC(fake.handle);
  render(DataPage, { warnings, dbPath: 'C:\\Users\\vanthu\\AppData\\Roaming\\ChungThu\\chungthu.db' });
  return { fake, user: userEvent.setup() };
}

describe('DataPage — backups', () => {
  it('lists backups with their time, reason and what they hold; a damaged one cannot be restored', async () => {
    setup();
    const rows = await screen.findAllByTestId('backup-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]?.textContent).toContain('23/11/2026 08:00');
    expect(rows[0]?.textContent).toContain('Sao lưu hằng ngày');
    expect(rows[0]?.textContent, 'counts read from the backup file').toContain('20 cán bộ, 12 chứng thư, 3 đề nghị');
    expect(rows[1]?.textContent).toContain('Trước khi nhập từ tệp Excel');
    const damaged = rows[2]!;
    expect(damaged.textContent, 'the problem in words, not colour alone').toContain('bị hỏng');
    expect((within(damaged).getByTestId('backup-restore') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('backup-dir').textContent).toContain('(mặc định, cạnh tệp dữ liệu)');
  });

  it('“Sao lưu ngay” adds a backup at the top of the list', async () => {
    const { user } = setup();
    await screen.findAllByTestId('backup-row');
    await user.click(screen.getByTestId('backup-now'));
    await waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(4));
    expect(screen.getAllByTestId('backup-row')[0]?.textContent).toContain('Sao lưu thủ công');
  });

  it('restore shows what the backup holds, says the current data is kept, and leaves an undo backup', async () => {
    const { fake, user } = setup();
    const rows = await screen.findAllByTestId('backup-row');
    const chosen = fake.backups[1]!.file_name;
    await user.click(within(rows[1]!).getByTestId('backup-restore'));
    const dialog = await screen.findByTestId('restore-dialog');
    expect(within(dialog).getByTestId('restore-holds').textContent).toContain('12 cán bộ, 12 chứng thư, 3 đề nghị');
    expect(dialog.textContent).toContain('sao lưu dữ liệu hiện tại');
    await user.click(within(dialog).getByTestId('restore-confirm'));

    await waitFor(() => expect(screen.queryByTestId('restore-dialog')).toBeNull());
    // What the restore does to the data is the api's (api/tests/data_safety.rs); the window names the file.
    expect(fake.restores).toEqual([chosen]);
    const now = await screen.findAllByTestId('backup-row');
    expect(now[0]?.textContent, 'the undo backup is listed first').toContain('Trước khi khôi phục');
    expect(now[0]?.textContent, 'and holds the data just replaced').toContain('20 cán bộ');
    await waitFor(() => expect(screen.getAllByTestId('audit-row')[0]?.textContent).toContain('Khôi phục từ bản sao lưu'));
  });

  it('the backup folder can be a USB drive, and back to the default', async () => {
    const { fake, user } = setup();
    await screen.findAllByTestId('backup-row');
    await user.click(screen.getByTestId('backup-dir-choose'));
    await waitFor(() => expect(screen.getByTestId('backup-dir').textContent).toContain('E:\\SaoLuu'));
    expect(screen.getByTestId('backup-dir').textContent).toContain('(thư mục đã chọn)');
    await user.click(screen.getByTestId('backup-dir-reset'));
    await waitFor(() => expect(screen.getByTestId('backup-dir').textContent).toContain(fake.dir));

    fake.pickedDir = null;
    await user.click(screen.getByTestId('backup-dir-choose'));
    expect(screen.getByTestId('backup-dir').textContent, 'cancelling the dialog changes nothing').toContain(fake.dir);
  });

  it('shows the data-safety warnings from the backend', async () => {
    setup(['Tệp dữ liệu \\\\server\\share\\chungthu.db nằm trên ổ mạng.']);
    expect((await screen.findByTestId('data-warning')).textContent).toContain('nằm trên ổ mạng');
  });
});

describe('DataPage — audit log', () => {
  it('shows who changed what and which fields, newest first', async () => {
    setup();
    const rows = await screen.findAllByTestId('audit-row');
    expect(rows).toHaveLength(4);
    expect(rows[1]?.textContent).toContain('22/11/2026 15:02:11');
    expect(rows[1]?.textContent).toContain('vanthu');
    expect(rows[1]?.textContent).toContain('Cán bộ (mã 7)');
    expect(rows[1]?.textContent).toContain('Sửa');
    expect(rows[1]?.textContent).toContain('Điện thoại, Chức vụ');
    expect(screen.getByTestId('audit-count').textContent).toContain('4 / 4');
  });

  it('filters by kind of thing and by days (dd/mm/yyyy sent as yyyy-mm-dd)', async () => {
    const { fake, user } = setup();
    await screen.findAllByTestId('audit-row');
    await user.selectOptions(screen.getByTestId('audit-entity'), 'staff');
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(2));
    await user.type(screen.getByTestId('audit-from'), '20/11/2026');
    await user.click(screen.getByTestId('audit-filter'));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    expect(fake.queries.at(-1)).toMatchObject({ entity: 'staff', from: '2026-11-20', to: null });
  });

  it('refuses a mistyped day without asking the backend', async () => {
    const { fake, user } = setup();
    await screen.findAllByTestId('audit-row');
    const asked = fake.queries.length;
    await user.type(screen.getByTestId('audit-to'), '31/02/2026');
    await user.click(screen.getByTestId('audit-filter'));
    expect((await screen.findByRole('alert')).textContent).toContain('Đến ngày: không đúng dạng');
    expect(fake.queries.length).toBe(asked);
  });

  it('exports the filtered log as CSV through the save dialog', async () => {
    const { fake, user } = setup();
    await screen.findAllByTestId('audit-row');
    await user.selectOptions(screen.getByTestId('audit-entity'), 'unit');
    await user.click(screen.getByTestId('audit-export'));
    await waitFor(() => expect(fake.exported).toHaveLength(1));
    expect(fake.exported[0], 'every matching entry, not one page').toMatchObject({ entity: 'unit', limit: 0 });
    await waitFor(() => expect(toasts.map((t) => t.text)).toContain(`Đã lưu nhật ký vào ${fake.savedPath}`));
  });
});
