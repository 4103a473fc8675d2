import { emit } from '@tauri-apps/api/event';
import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ColumnMapping, ErrorBody, StaffImportPreview, StaffImportRequest, ReconcilePlan } from '../bindings';
import { FakeBackend } from '../../test/fake-backend';
import ImportPage from './ImportPage.svelte';

const HEADERS = [
  ['A', 'STT', 'stt'],
  ['B', 'Mã cán bộ', 'staff_code'],
  ['C', 'Họ và tên', 'full_name'],
  ['D', 'Ngày sinh', 'birth_date'],
  ['H', 'Căn cước công dân / Số', 'cccd'],
  ['J', 'Điện thoại', 'phone'],
] as const;
const INDEX: Record<string, number> = { A: 0, B: 1, C: 2, D: 3, H: 7, J: 9 };

function mapping(without: string[] = []): ColumnMapping {
  return {
    header_row: 5,
    first_data_row: 7,
    signature: '2|stt|ma can bo|ho va ten|ngay sinh|so|dien thoai',
    columns: HEADERS.filter(([letter]) => !without.includes(letter)).map(([letter, header, field]) => ({
      field,
      index: INDEX[letter] ?? 0,
      letter,
      header,
    })),
  };
}

/** A preview as the backend answers for the generated export (export.xlsx). */
function preview(over: Partial<StaffImportPreview> = {}): StaffImportPreview {
  return {
    file_name: 'export.xlsx',
    sha256: 'ab'.repeat(32),
    format: 'xlsx',
    sheets: ['Hướng dẫn', 'Danh sách'],
    sheet: 'Danh sách',
    mapping: mapping(),
    headers: HEADERS.map(([letter, header]) => ({ index: INDEX[letter] ?? 0, letter, header })),
    mapping_remembered: false,
    counts: { rows: 20, importable: 16, with_errors: 4, with_warnings: 4 },
    end_row: 27,
    problems: [
      {
        row: 12,
        field: 'birth_date',
        column: 'Ngày sinh',
        column_letter: 'D',
        severity: 'warning',
        code: 'birth_year_only',
        message: 'Ngày sinh: chỉ có năm sinh, thiếu ngày và tháng; bổ sung theo hồ sơ',
      },
      {
        row: 17,
        field: 'full_name',
        column: 'Họ và tên',
        column_letter: 'C',
        severity: 'error',
        code: 'required',
        message: 'Họ và tên: chưa nhập',
      },
    ],
    first_import: true,
    plan: null,
    default_left_note: 'Không còn trong danh sách xuất từ CSDL ngành (nhập ngày 01/03/2026)',
    ...over,
  };
}

const PLAN: ReconcilePlan = {
  joiners: [
    { id: 'join:25', row: 25, full_name: 'Nguyễn Thị Thanh Tâm' },
    { id: 'join:26', row: 26, full_name: 'Trần Quang Huy' },
  ],
  leavers: [{ id: 'leave:4', register_id: 4, full_name: 'Lê Thị Hồng Nhung' }],
  returners: [],
  changes: [
    {
      register_id: 3,
      row: 9,
      full_name: 'Phạm Đức Thắng',
      changes: [{ id: 'change:3:phone', field: 'phone', old: '0904555666', new: '0905123999' }],
    },
    {
      register_id: 17,
      row: 22,
      full_name: 'Lý Thị Phương',
      changes: [{ id: 'change:17:position', field: 'position', old: 'Giáo viên', new: 'Tổ phó chuyên môn' }],
    },
  ],
  unchanged: 14,
  conflicts: [],
};

type Setup = {
  preview?: (request: StaffImportRequest) => StaffImportPreview;
  dialog?: string | null;
  slow?: Promise<void>;
};

function setup(opts: Setup = {}) {
  const fake = new FakeBackend();
  const applied = { added: 16, updated: 0, unchanged: 0, left: 0, returned: 0, flagged: 4 };
  fake.importer = {
    staff_import_preview: ({ request }) => (opts.preview ?? (() => preview()))(request),
    staff_import_apply: () => applied,
  };
  const dialog = vi.fn(() => opts.dialog ?? null);
  mockIPC(
    (command, args) => {
      if (command === 'plugin:dialog|open') return dialog();
      if (command === 'staff_import_preview' && opts.slow) return opts.slow.then(() => fake.handle(command, args));
      return fake.handle(command, args);
    },
    { shouldMockEvents: true },
  );
  const onshowstaff = vi.fn();
  render(ImportPage, { onshowstaff });
  return { fake, user: userEvent.setup(), dialog, onshowstaff };
}

const path = () => screen.getByTestId('import-path') as HTMLInputElement;

describe('ImportPage', () => {
  it('previews a typed path, shows counts, mapping and problem rows in words, then imports into an empty register', async () => {
    const { fake, user, onshowstaff } = setup();
    await user.type(path(), '/home/vanthu/Tải về/export.xlsx{Enter}');

    await screen.findByTestId('import-summary');
    expect(fake.callsTo('staff_import_preview')[0]?.request).toEqual({
      path: '/home/vanthu/Tải về/export.xlsx',
      sheet: null,
      mapping: null,
    });
    const counts = screen.getByTestId('import-counts').textContent?.replace(/\s+/g, ' ');
    expect(counts).toContain('20 dòng dữ liệu');
    expect(counts).toContain('16 nhập được');
    expect(counts).toContain('4 có lỗi (không nhập)');

    const mappingRows = within(screen.getByTestId('import-mapping')).getAllByTestId('mapping-row');
    expect(mappingRows[4]?.textContent, 'letter and header text').toContain('HCăn cước công dân / Số');
    expect((screen.getByTestId('mapping-H') as HTMLSelectElement).value).toBe('cccd');

    const problems = screen.getAllByTestId('problem-row');
    expect(problems[0]?.textContent, 'a warning says so in words').toContain('Cần kiểm tra');
    expect(problems[1]?.textContent, 'an error says the row is not imported').toContain('Lỗi — không nhập');
    expect(problems[1]?.textContent).toContain('17');
    expect(screen.getByTestId('import-first').textContent).toContain('16');

    await user.click(screen.getByTestId('import-apply'));
    await screen.findByTestId('import-done');
    const apply = fake.callsTo('staff_import_apply')[0];
    expect(apply?.choices).toEqual({ sha256: 'ab'.repeat(32), first_import: true, accepted: [], leavers: [] });
    expect(apply?.request.sheet, 'the apply re-reads the previewed sheet').toBe('Danh sách');
    expect(screen.getByTestId('import-done').textContent).toContain('thêm 16 người');
    await user.click(screen.getByTestId('import-show-staff'));
    expect(onshowstaff).toHaveBeenCalled();
  });

  it('changing a column’s field previews again with the user’s mapping', async () => {
    const { fake, user } = setup({
      preview: (r) => preview({ mapping: r.mapping ?? mapping(), mapping_remembered: false }),
    });
    await user.type(path(), 'C:\\DL\\export.xlsx{Enter}');
    await screen.findByTestId('import-summary');

    await user.selectOptions(screen.getByTestId('mapping-J'), '');
    await waitFor(() => expect(fake.callsTo('staff_import_preview')).toHaveLength(2));
    const sent = fake.callsTo('staff_import_preview')[1]?.request.mapping;
    expect(sent?.columns.map((c) => c.letter)).toEqual(['A', 'B', 'C', 'D', 'H']);
    await waitFor(() => expect((screen.getByTestId('mapping-J') as HTMLSelectElement).value).toBe(''));

    // Putting "Số CCCD" on column B moves it from H: one column per field.
    await user.selectOptions(screen.getByTestId('mapping-B'), 'cccd');
    await waitFor(() => expect(fake.callsTo('staff_import_preview')).toHaveLength(3));
    const moved = fake.callsTo('staff_import_preview')[2]?.request.mapping?.columns ?? [];
    expect(moved.filter((c) => c.field === 'cccd').map((c) => c.letter)).toEqual(['B']);
    expect(moved.some((c) => c.field === 'staff_code'), 'B no longer holds the staff code').toBe(false);
  });

  it('a later export: proposals with checkboxes, leavers only when ticked and with their reason', async () => {
    const { fake, user } = setup({ preview: () => preview({ first_import: false, plan: PLAN }) });
    await user.type(path(), '/tmp/export_later.xlsx{Enter}');
    const joiners = await screen.findByTestId('plan-joiners');
    const boxes = within(joiners).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => b.checked), 'new people are proposed ticked').toEqual([true, true]);
    const leaver = screen.getByTestId('leaver-4') as HTMLInputElement;
    expect(leaver.checked, 'nobody is marked left without the user ticking it').toBe(false);
    expect(screen.getByTestId('plan-changes').textContent).toContain('0904555666 → 0905123999');

    await user.click(leaver);
    await user.selectOptions(screen.getByTestId('leaver-reason-4'), 'retired');
    const position = within(screen.getByTestId('plan-changes')).getAllByRole('checkbox')[1] as HTMLInputElement;
    await user.click(position);
    await user.click(screen.getByTestId('import-apply'));

    await screen.findByTestId('import-done');
    const choices = fake.callsTo('staff_import_apply')[0]?.choices;
    expect(choices?.first_import).toBe(false);
    expect([...(choices?.accepted ?? [])].sort()).toEqual(['change:3:phone', 'join:25', 'join:26', 'leave:4']);
    expect(choices?.leavers).toEqual([{ register_id: 4, reason: 'retired', note: '' }]);
  });

  it('shows why a file cannot be read, and a refused apply keeps the preview', async () => {
    const encrypted: ErrorBody = {
      code: 'encrypted',
      message: 'Tệp Excel đang đặt mật khẩu nên không đọc được; hãy mở bằng Excel, gỡ mật khẩu rồi lưu lại.',
      problems: [],
    };
    let calls = 0;
    const { fake, user } = setup({
      preview: () => {
        calls += 1;
        if (calls === 1) throw encrypted;
        return preview();
      },
    });
    await user.type(path(), '/tmp/encrypted.xlsx{Enter}');
    expect((await screen.findByTestId('import-error')).textContent).toContain('mật khẩu');
    expect(screen.queryByTestId('import-summary')).toBeNull();

    await user.click(screen.getByTestId('import-preview'));
    await screen.findByTestId('import-summary');
    expect(screen.queryByTestId('import-error'), 'a good read clears the error').toBeNull();
    fake.importer!.staff_import_apply = () => {
      throw { code: 'refused', message: 'Tệp đã thay đổi kể từ lúc xem trước. Hãy xem trước lại.', problems: [] };
    };
    await user.click(screen.getByTestId('import-apply'));
    expect((await screen.findByTestId('import-error')).textContent).toContain('xem trước lại');
    expect(screen.getByTestId('import-summary'), 'the preview stays to look at').toBeTruthy();
  });

  it('“Chọn tệp…” opens the system dialog for spreadsheets and previews the chosen file', async () => {
    const { fake, user, dialog } = setup({ dialog: '/home/vanthu/danh sách.xls' });
    await user.click(screen.getByTestId('import-browse'));
    await screen.findByTestId('import-summary');
    expect(dialog).toHaveBeenCalledOnce();
    expect(path().value).toBe('/home/vanthu/danh sách.xls');
    expect(fake.callsTo('staff_import_preview')[0]?.request.path).toBe('/home/vanthu/danh sách.xls');
  });

  it('an empty path asks for a file instead of calling the backend', async () => {
    const { fake, user } = setup();
    await user.click(screen.getByTestId('import-preview'));
    expect(screen.getByTestId('import-error').textContent).toContain('Chưa chọn tệp');
    expect(fake.callsTo('staff_import_preview')).toHaveLength(0);
  });

  it('shows progress while the backend reads, with the step it reports', async () => {
    let release = () => {};
    const slow = new Promise<void>((done) => (release = done));
    const { user } = setup({ slow });
    await user.type(path(), '/tmp/big.xlsx{Enter}');
    const bar = await screen.findByTestId('import-progress');
    expect(bar.textContent).toContain('Đang đọc và kiểm tra tệp');
    expect((screen.getByTestId('import-preview') as HTMLButtonElement).disabled, 'no second read meanwhile').toBe(true);
    await emit('import-progress', { stage: 'comparing', rows: 50000 });
    await waitFor(() => expect(screen.getByTestId('import-progress').textContent).toContain('Đang so sánh 50.000 dòng'));
    release();
    await screen.findByTestId('import-summary');
    expect(screen.queryByTestId('import-progress')).toBeNull();
  });
});
