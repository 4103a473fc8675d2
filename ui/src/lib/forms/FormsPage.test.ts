import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BatchView, ExportReview } from '../bindings';
import { batch, blockedReview, issuanceReview } from '../../test/fake-forms';
import FormsPage from './FormsPage.svelte';

type Call = { cmd: string; args: Record<string, unknown> };

/** Answers the page's commands and the dialog/opener plugins; records every call. */
function backend(opts: { review?: (args: Record<string, unknown>) => ExportReview; batches?: BatchView[]; saveTo?: string }) {
  const calls: Call[] = [];
  let batches = opts.batches ?? [];
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case 'export_review':
        return (opts.review ?? (() => issuanceReview()))(args);
      case 'batch_list':
        return batches;
      case 'export_write': {
        const written = batch({ id: 7, path: String(args.out) });
        batches = [written, ...batches];
        return { batch_id: 7, kind: 'issuance', rows: 2, sha256: 'cd'.repeat(32), file: args.out, xlsx_file: null, superseded: [], same_as_recorded: true };
      }
      case 'plugin:dialog|save':
        return opts.saveTo ?? null;
      case 'plugin:opener|open_path':
      case 'plugin:opener|reveal_item_in_dir':
        return null;
      default:
        throw `unexpected command ${cmd}`;
    }
  });
  return calls;
}

describe('FormsPage', () => {
  it('shows exactly the rows of the list, flags in words, and the printed page', async () => {
    backend({});
    render(FormsPage);
    const table = await screen.findByTestId('review-table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Chức vụ',
      'Đơn vị',
      'Số căn cước công dân',
      'Ngày cấp CCCD',
      'Điện thoại',
      'Cần kiểm tra',
    ]);
    expect(within(rows[1]!).getByText('001080000101')).toBeTruthy();
    expect(within(rows[1]!).getByText('Đủ thông tin')).toBeTruthy();
    const flag = within(rows[2]!).getByText('CCCD không khớp ngày sinh');
    expect(flag.className).toContain('warning');
    expect(flag.getAttribute('title')).toBe('Nên kiểm tra');

    const preview = screen.getByTestId('form-preview');
    expect(within(preview).getByText('BIỂU MẪU ĐỀ NGHỊ CẤP CHỨNG THƯ SỐ')).toBeTruthy();
    expect(within(preview).getByText('Hải Phòng, ngày 01 tháng 6 năm 2026')).toBeTruthy();
    expect(within(preview).getByText('(Ký, ghi rõ họ tên, đóng dấu)')).toBeTruthy();
    const cols = preview.querySelectorAll('col');
    expect(cols).toHaveLength(8);
    expect((cols[1] as HTMLElement).style.width).toBe('96.6pt');
    expect((screen.getByTestId('export-path') as HTMLInputElement).value).toBe(
      '/home/van-thu/Tài liệu/Danh sách đề nghị cấp CTS - Trường THCS Lê Lợi - 01-06-2026.docx',
    );
  });

  it('asks the backend again for another list or date option', async () => {
    const calls = backend({});
    render(FormsPage);
    await screen.findByTestId('review-table');
    await userEvent.click(screen.getByTestId('kind-revocation'));
    await userEvent.click(screen.getByLabelText(/Để trống/));
    const asked = calls.filter((c) => c.cmd === 'export_review').map((c) => c.args);
    expect(asked).toEqual([
      { kind: 'issuance', dateMode: 'today' },
      { kind: 'revocation', dateMode: 'today' },
      { kind: 'revocation', dateMode: 'blank' },
    ]);
  });

  it('refuses to export a list with missing data and says what is missing in red', async () => {
    backend({ review: () => blockedReview() });
    render(FormsPage);
    const missing = await screen.findByText('Thiếu CCCD');
    expect(missing.className).toContain('blocking');
    expect(screen.getByText('1 dòng cần bổ sung')).toBeTruthy();
    expect((screen.getByTestId('export-go') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId('form-preview')).toBeNull();
  });

  it('says why an empty list cannot be exported', async () => {
    const empty = issuanceReview({ rows: [], page: null, columns: [], empty_message: 'Chưa có đề nghị cấp mới nào đang chờ đưa vào danh sách.' });
    backend({ review: () => empty });
    render(FormsPage);
    expect((await screen.findByTestId('review-empty')).textContent).toContain('Chưa có đề nghị cấp mới');
    expect((screen.getByTestId('export-go') as HTMLButtonElement).disabled).toBe(true);
  });

  it('saves through the dialog, then opens the file and its folder', async () => {
    const target = '/media/usb/Danh sách tháng 6.docx';
    const calls = backend({ saveTo: target });
    render(FormsPage);
    await screen.findByTestId('review-table');
    await userEvent.click(screen.getByRole('button', { name: 'Chọn nơi lưu…' }));
    await waitFor(() => expect((screen.getByTestId('export-path') as HTMLInputElement).value).toBe(target));
    await userEvent.click(screen.getByTestId('export-go'));
    const done = await screen.findByTestId('export-done');
    expect(done.textContent).toContain('Đã xuất danh sách số 7 (2 dòng)');
    expect(calls.find((c) => c.cmd === 'export_write')?.args).toEqual({
      kind: 'issuance',
      out: target,
      dateMode: 'today',
      xlsx: null,
    });
    await userEvent.click(within(done).getByRole('button', { name: 'Mở bằng Word' }));
    await userEvent.click(within(done).getByRole('button', { name: 'Mở thư mục' }));
    expect(calls.find((c) => c.cmd === 'plugin:opener|open_path')?.args.path).toBe(target);
    expect(calls.find((c) => c.cmd === 'plugin:opener|reveal_item_in_dir')?.args.paths).toEqual([target]);
    const list = await screen.findByTestId('batch-table');
    expect(within(list).getByText('Đã xuất, chưa gửi')).toBeTruthy();
  });

  it('shows an export failure from the backend as it is', async () => {
    mockIPC((cmd) => {
      if (cmd === 'export_review') return issuanceReview();
      if (cmd === 'batch_list') return [];
      if (cmd === 'export_write')
        throw { code: 'file', message: 'Tệp đang mở trong Word (hoặc chương trình khác). Hãy đóng tệp rồi thử lại.', problems: [] };
      throw `unexpected ${cmd}`;
    });
    render(FormsPage);
    await screen.findByTestId('review-table');
    await userEvent.click(screen.getByTestId('export-go'));
    expect((await screen.findByTestId('export-error')).textContent).toContain('Tệp đang mở trong Word');
  });

  it('lists earlier batches with their state in words', async () => {
    backend({ batches: [batch({ id: 2 }), batch({ id: 1, superseded_by: 2 }), batch({ id: 3, status: 'sent', kind: 'revocation' })] });
    render(FormsPage);
    const list = await screen.findByTestId('batch-table');
    expect(within(list).getByText('Đã được thay bằng số 2')).toBeTruthy();
    expect(within(list).getByText('Đã gửi')).toBeTruthy();
    expect(within(list).getByText('Thu hồi')).toBeTruthy();
  });
});
