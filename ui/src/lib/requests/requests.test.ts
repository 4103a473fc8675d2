import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { schoolBackend } from '../../test/school';
import StaffPage from '../staff/StaffPage.svelte';
import { USUAL_POSITIONS } from '../../test/fake-backend';
import RequestsPage from './RequestsPage.svelte';
import StaffHistory from './StaffHistory.svelte';

describe('RequestsPage', () => {
  it('offers only the allowed moves, shows what a form lacks, and asks for a note when sent back', async () => {
    const fake = schoolBackend();
    const r = fake.certs.handlers.request_add({
      input: { staff_id: fake.staff[0]!.id, kind: 'issuance', reason: null, detail: '', certificate_id: null },
    });
    r.missing = [{ field: 'phone', severity: 'error', code: 'missing_for_form', message: 'Điện thoại: chưa có; biểu mẫu cấp mới cần mục này' }];
    mockIPC(fake.handle);
    const user = userEvent.setup();
    render(RequestsPage);

    expect((await screen.findByTestId('request-missing')).textContent).toContain('Còn thiếu — Điện thoại');
    expect(screen.queryByTestId('request-move-sent'), 'marked cannot jump to sent').toBeNull();
    await user.click(screen.getByTestId('request-move-exported'));
    expect((await screen.findByRole('alert')).textContent).toContain('còn thiếu Điện thoại');

    r.missing = [];
    await user.click(screen.getByTestId('request-move-exported'));
    await user.click(await screen.findByTestId('request-tab-exported'));
    await user.click(await screen.findByTestId('request-move-sent'));
    await user.click(await screen.findByTestId('request-tab-sent'));
    await user.click(await screen.findByTestId('request-move-rejected'));
    await user.click(await screen.findByTestId('reject-save'));
    expect((await screen.findByText(/Lỗi — .*lý do bị trả lại/)).textContent).toBeTruthy();
    await user.type(screen.getByTestId('reject-note'), 'Sở yêu cầu bổ sung email');
    await user.click(screen.getByTestId('reject-save'));
    await waitFor(() => expect(r.status).toBe('rejected'));
    expect(fake.callsTo('request_move').at(-1)).toEqual({ id: r.id, to: 'rejected', note: 'Sở yêu cầu bổ sung email' });
  });
});

describe('StaffHistory', () => {
  it('offers to revoke, in one click, the certificates of a person who left', async () => {
    const fake = schoolBackend();
    const son = fake.staff.find((s) => s.full_name === 'Hà Văn Sơn')!;
    const cert = fake.certs.seed(son.id, 'D4', '2027-09-01');
    mockIPC(fake.handle);
    const user = userEvent.setup();
    render(StaffHistory, { person: son });

    const offer = await screen.findByTestId('revocation-proposals');
    expect(offer.textContent).toContain('nghỉ hưu, nghỉ việc');
    await user.click(screen.getByTestId('revocation-propose'));
    await waitFor(() => expect(screen.queryByTestId('revocation-proposals')).toBeNull());
    expect(fake.callsTo('request_add')[0]!.input).toEqual({
      staff_id: son.id,
      kind: 'revocation',
      reason: 'retired',
      detail: '',
      certificate_id: cert.id,
    });
    expect((await screen.findByTestId('history-request')).textContent).toContain('Thu hồi — Đã đánh dấu');
  });
});

describe('StaffPage bulk marking', () => {
  it('marks several ticked people at once and lists who was left out', async () => {
    const fake = schoolBackend();
    fake.certs.handlers.request_add({
      input: { staff_id: fake.staff[1]!.id, kind: 'issuance', reason: null, detail: '', certificate_id: null },
    });
    mockIPC(fake.handle);
    const user = userEvent.setup();
    render(StaffPage, { usualPositions: USUAL_POSITIONS });
    await screen.findAllByTestId('staff-select');
    for (const s of fake.staff.slice(0, 3)) await user.click(screen.getByLabelText(`Chọn ${s.full_name}`));
    await user.click(screen.getByTestId('staff-bulk-mark'));
    expect(screen.getByTestId('request-dialog').textContent).toContain('3 người đã chọn');
    await user.click(screen.getByTestId('request-save'));
    const skipped = await screen.findByTestId('bulk-skipped');
    expect(skipped.textContent).toContain('đã có đề nghị đang chờ');
    expect(fake.callsTo('request_add_many')[0]!.input.staff_ids).toHaveLength(3);
    expect(fake.certs.requests.filter((r) => r.kind === 'issuance')).toHaveLength(3);
  });
});
