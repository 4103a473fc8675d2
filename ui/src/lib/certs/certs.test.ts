import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ImportItem } from '../bindings';
import { schoolBackend } from '../../test/school';
import CertsPage from './CertsPage.svelte';
import DashboardPage from './DashboardPage.svelte';
import ImportDialog from './ImportDialog.svelte';

const FOLDER = 'D:\\Chứng thư số';

function item(over: Partial<ImportItem>): ImportItem {
  return {
    file: `${FOLDER}\\x.cer`,
    serial_hex: 'AA01',
    subject_name: 'Nguyễn Thị Hồng Nhung',
    issuer_name: 'CA phục vụ các cơ quan Nhà nước G2',
    not_before: '2025-03-10',
    not_after: '2028-03-09',
    status: 'valid',
    provider_id: 1,
    provider: 'Ban Cơ yếu',
    matched: null,
    staff_id: null,
    staff_name: null,
    candidates: [],
    duplicate_of: null,
    error: null,
    ...over,
  };
}

describe('DashboardPage', () => {
  it('counts expired, expiring and people without a usable certificate, in words', async () => {
    const fake = schoolBackend();
    const [nhung, hung, ha] = fake.staff;
    fake.certs.seed(nhung!.id, 'A1', '2026-05-01'); // expired
    fake.certs.seed(hung!.id, 'B1', '2026-06-21'); // 20 days left
    fake.certs.seed(ha!.id, 'C1', '2028-01-01'); // valid
    mockIPC(fake.handle);
    render(DashboardPage, { onopen: vi.fn() });

    const expired = await screen.findByTestId('tile-expired');
    expect(expired.textContent).toContain('1');
    expect(expired.textContent).toContain('đã hết hạn');
    expect(screen.getByTestId('tile-expiring').textContent).toContain('sắp hết hạn (trong 90 ngày)');
    const soon = screen.getByTestId('dash-expiring');
    expect(soon.textContent).toContain('Trần Văn Hùng');
    expect(soon.textContent, 'days left in words').toContain('còn 20 ngày');
    expect(soon.textContent, 'status in words, not colour alone').toContain('Sắp hết hạn');
    const without = screen.getByTestId('dash-without');
    expect(without.textContent).toContain('Nguyễn Thị Hồng Nhung');
    expect(without.textContent).not.toContain('Phạm Thị Thu Hà');
  });

  it('saves reminder thresholds and shows the backend’s refusal as text', async () => {
    const fake = schoolBackend();
    mockIPC(fake.handle);
    const user = userEvent.setup();
    render(DashboardPage, { onopen: vi.fn() });
    const days = await screen.findByTestId('reminder-days');
    await user.clear(days);
    await user.type(days, '60, 0');
    await user.click(screen.getByText('Lưu mốc nhắc'));
    expect((await screen.findByRole('alert')).textContent).toContain('mỗi mốc từ 1 đến 3650 ngày');
    await user.clear(days);
    await user.type(days, '60, 14');
    await user.click(screen.getByText('Lưu mốc nhắc'));
    await waitFor(() => expect(fake.certs.reminderDays).toEqual([60, 14]));
  });
});

describe('ImportDialog', () => {
  it('reads a typed folder path, proposes holders with their confidence, and imports the confirmed ones', async () => {
    const fake = schoolBackend();
    const nhung = fake.staff[0]!;
    const hung = fake.staff[1]!;
    fake.certs.previews.set(FOLDER, [
      item({ file: `${FOLDER}\\nhung.cer`, matched: 'cccd', staff_id: nhung.id, staff_name: nhung.full_name }),
      item({ file: `${FOLDER}\\hung.crt`, serial_hex: 'BB02', subject_name: 'TRẦN VĂN HÙNG', matched: 'name', staff_id: hung.id }),
      item({ file: `${FOLDER}\\la.cer`, serial_hex: 'CC03', subject_name: 'Người Lạ' }),
      item({ file: `${FOLDER}\\hong.cer`, error: { code: 'cert_damaged', message: 'Tệp chứng thư số bị hỏng hoặc không đầy đủ.' } }),
    ]);
    mockIPC(fake.handle);
    const user = userEvent.setup();
    const ondone = vi.fn();
    render(ImportDialog, { people: fake.staff.map((s) => ({ id: s.id, full_name: s.full_name, position: s.position })), onclose: vi.fn(), ondone });

    await user.type(screen.getByTestId('import-folder'), FOLDER);
    await user.click(screen.getByTestId('import-read'));
    const rows = await screen.findAllByTestId('import-row');
    expect(rows).toHaveLength(4);
    expect(rows[0]!.textContent).toContain('Khớp theo CCCD');
    expect(rows[1]!.textContent, 'a name match asks for confirmation').toContain('Khớp theo tên — hãy xác nhận');
    expect(rows[2]!.textContent).toContain('Không tìm thấy người khớp — hãy chọn');
    expect(rows[3]!.textContent, 'a broken file says why, in Vietnamese').toContain('Lỗi — Tệp chứng thư số bị hỏng');
    expect(screen.getByTestId('import-apply').textContent, 'the unmatched and broken files are left out').toContain('Nhập 2 chứng thư số');

    await user.click(screen.getByTestId('import-apply'));
    await waitFor(() => expect(ondone).toHaveBeenCalledWith(2));
    expect(fake.callsTo('cert_import_apply')[0]!.choices).toEqual([
      { file: `${FOLDER}\\nhung.cer`, holder: { staff: nhung.id } },
      { file: `${FOLDER}\\hung.crt`, holder: { staff: hung.id } },
    ]);
    expect(within(rows[0]!).getByTestId('import-result').textContent).toContain('Đã nhập');
  });

  it('an empty path is explained instead of sent', async () => {
    const fake = schoolBackend();
    mockIPC(fake.handle);
    const user = userEvent.setup();
    render(ImportDialog, { people: [], onclose: vi.fn(), ondone: vi.fn() });
    await user.click(screen.getByTestId('import-read'));
    expect((await screen.findByRole('alert')).textContent).toContain('Đường dẫn thư mục: chưa nhập');
    expect(fake.callsTo('cert_import_preview')).toHaveLength(0);
  });
});

describe('CertsPage', () => {
  it('sorts by days left and filters by status, showing status in words', async () => {
    const fake = schoolBackend();
    fake.certs.seed(fake.staff[0]!.id, 'A1', '2028-05-01');
    fake.certs.seed(fake.staff[1]!.id, 'B1', '2026-06-21');
    fake.certs.seed(fake.staff[2]!.id, 'C1', '2025-01-01');
    mockIPC(fake.handle);
    const user = userEvent.setup();
    render(CertsPage);
    await waitFor(() => expect(screen.getAllByTestId('cert-row')).toHaveLength(3));
    const serials = () => screen.getAllByTestId('cert-row').map((r) => r.querySelector('.serial')?.textContent);
    expect(serials(), 'soonest expiry first').toEqual(['C1', 'B1', 'A1']);
    await user.click(screen.getByTestId('sort-days'));
    expect(serials(), 'a second click reverses').toEqual(['A1', 'B1', 'C1']);
    await user.selectOptions(screen.getByTestId('filter-cert-status'), 'expiring');
    await waitFor(() => expect(serials()).toEqual(['B1']));
    expect(screen.getByTestId('cert-row').textContent).toContain('Sắp hết hạn');
    expect(fake.callsTo('cert_list').at(-1)!.query.statuses).toEqual(['expiring']);
  });
});
