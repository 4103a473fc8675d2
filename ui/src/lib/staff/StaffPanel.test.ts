import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Problem, Staff, StaffInput } from '../bindings';
import replies from '../../test/api-replies.json';
import { USUAL_POSITIONS } from '../../test/fake-backend';
import { schoolBackend } from '../../test/school';
import StaffPanel from './StaffPanel.svelte';

function setup(pick: (s: Staff) => boolean = () => false) {
  const fake = schoolBackend();
  mockIPC(fake.handle);
  const person = fake.staff.find(pick) ?? null;
  const onclose = vi.fn();
  const onchanged = vi.fn();
  const user = userEvent.setup();
  render(StaffPanel, { person, positions: USUAL_POSITIONS, teams: [], onclose, onchanged });
  return { fake, person, onclose, onchanged, user };
}

/** The text of the messages the input points to with aria-describedby. */
function describedText(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('StaffPanel', () => {
  it('shows the backend’s error under the field it is about, as text', async () => {
    const { fake, user } = setup();
    // The real api's answer to this very form (recorded by api/tests/replies.rs), not the fake's wording.
    const real = replies.staff_check_short_cccd as { args: { input: StaffInput; id: null }; reply: Problem[] };
    mockIPC((command, args) => {
      const fakeAnswer = fake.handle(command, args);
      return command === 'staff_check' ? real.reply : fakeAnswer;
    });
    const cccd = await screen.findByTestId('field-cccd');
    await user.type(cccd, '0311970');

    const said = real.reply.find((p) => p.field === 'cccd' && p.severity === 'error');
    expect(said, 'the api refuses a 7-digit CCCD').toBeDefined();
    await waitFor(() => expect(describedText(cccd)).toContain(said!.message));
    expect(cccd.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(cccd), 'the kind is said in words, not only in red').toContain('Lỗi');
    expect(fake.callsTo('staff_check').at(-1), 'the form the reply was recorded for').toEqual(real.args);

    const phone = screen.getByTestId('field-phone');
    expect(phone.getAttribute('aria-invalid'), 'other fields stay clean').toBe('false');
    expect(
      screen.queryByText(/Họ và tên: chưa nhập/),
      'a new form does not scold the user for fields not yet reached',
    ).toBeNull();
  });

  it('shows stored warnings in words and says the save keeps them for follow-up', async () => {
    setup((s) => s.full_name === 'Phan Quốc Bảo');
    const cccd = await screen.findByTestId('field-cccd');
    await waitFor(() => expect(describedText(cccd)).toContain('là số CMND cũ'));
    expect(describedText(cccd)).toContain('Cần kiểm tra');
    expect(cccd.getAttribute('aria-invalid'), 'a warning does not block saving').toBe('false');
    const save = screen.getByTestId('staff-save');
    expect(save.textContent).toContain('kèm cần kiểm tra');
    expect(describedText(save)).toContain('Vẫn lưu được');
  });

  it('Enter saves the edit; Enter inside Ghi chú only starts a new line', async () => {
    const { fake, user, onclose, onchanged } = setup((s) => s.full_name === 'Lý Thị Phương');
    const notes = await screen.findByTestId('field-notes');
    await user.type(notes, 'Dòng một{Enter}Dòng hai');
    expect(fake.callsTo('staff_edit'), 'Enter in the notes must not save').toHaveLength(0);
    expect((notes as HTMLTextAreaElement).value).toBe('Dòng một\nDòng hai');

    expect((screen.getByTestId('field-gender-female') as HTMLInputElement).checked, 'the stored gender').toBe(true);
    await user.click(screen.getByTestId('field-gender-male'));
    const phone = screen.getByTestId('field-phone');
    await user.clear(phone);
    await user.type(phone, '0987654321{Enter}');
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    const sent = fake.callsTo('staff_edit').at(-1);
    expect(sent?.input).toMatchObject({
      phone: '0987654321',
      notes: 'Dòng một\nDòng hai',
      birth_date: '23/06/1986',
      gender: 'male',
    });
    expect(onchanged).toHaveBeenCalled();
  });

  it('refused save keeps the panel open and shows each problem under its field', async () => {
    const { fake, user, onclose } = setup();
    await user.type(await screen.findByTestId('field-email'), 'thao@{Enter}');
    await waitFor(() => expect(fake.callsTo('staff_add')).toHaveLength(1));
    const name = screen.getByTestId('field-full_name');
    await waitFor(() => expect(describedText(name)).toContain('Họ và tên: chưa nhập'));
    expect(describedText(screen.getByTestId('field-email'))).toContain('Email: không đúng dạng địa chỉ thư');
    expect(onclose).not.toHaveBeenCalled();
    expect(document.activeElement, 'the user is taken to the first field to fix').toBe(name);
  });

  it('Esc closes an untouched form at once', async () => {
    const { user, onclose } = setup((s) => s.full_name === 'Lý Thị Phương');
    await screen.findByTestId('field-full_name');
    await user.keyboard('{Escape}');
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it('Esc on unsaved changes asks first; a second Esc discards', async () => {
    const { fake, user, onclose } = setup((s) => s.full_name === 'Lý Thị Phương');
    await user.type(await screen.findByTestId('field-team'), ' mới');
    await user.keyboard('{Escape}');
    expect(onclose).not.toHaveBeenCalled();
    expect(screen.getByTestId('staff-discard').textContent).toContain('Có thay đổi chưa lưu');
    await user.keyboard('{Escape}');
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(fake.callsTo('staff_edit'), 'discarding saves nothing').toHaveLength(0);
  });

  it('shows the refusal when a person with certificates cannot be deleted', async () => {
    const { fake, user, onclose } = setup((s) => s.full_name === 'Nguyễn Thị Hồng Nhung');
    await user.click(await screen.findByTestId('staff-delete'));
    await user.click(screen.getByTestId('delete-confirm'));
    const alert = await screen.findByText(/Không xoá Nguyễn Thị Hồng Nhung/);
    expect(alert.textContent).toContain('đánh dấu “đã nghỉ”');
    expect(onclose).not.toHaveBeenCalled();
    expect(fake.staff.some((s) => s.full_name === 'Nguyễn Thị Hồng Nhung')).toBe(true);
  });

  it('deletes a person entered by mistake', async () => {
    const { fake, user, onclose, onchanged } = setup((s) => s.full_name === 'Lương Thị Xuân');
    await user.click(await screen.findByTestId('staff-delete'));
    await user.click(screen.getByTestId('delete-confirm'));
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(onchanged).toHaveBeenCalled();
    expect(fake.staff.some((s) => s.full_name === 'Lương Thị Xuân')).toBe(false);
  });

  it('offers to bring back a person who left', async () => {
    const { fake, user, onchanged, onclose } = setup((s) => s.full_name === 'Hà Văn Sơn');
    expect((await screen.findByTestId('staff-panel')).textContent).toContain('Đã nghỉ từ 01/04/2025');
    expect(screen.queryByTestId('staff-mark-left'), 'a left person cannot leave again').toBeNull();
    await user.click(screen.getByTestId('staff-reinstate'));
    await waitFor(() => expect(screen.getByTestId('staff-panel').textContent).toContain('Đang công tác'));
    expect(fake.callsTo('staff_reinstate')).toHaveLength(1);
    expect(onchanged).toHaveBeenCalled();

    // The pressed button is gone, so focus fell to the page: Esc must still close.
    await user.keyboard('{Escape}');
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it('Esc in the leave dialog closes only the dialog', async () => {
    const { user, onclose } = setup((s) => s.full_name === 'Mai Thị Thảo');
    await user.click(await screen.findByTestId('staff-mark-left'));
    expect(screen.getByTestId('leave-dialog')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('leave-dialog')).toBeNull();
    expect(screen.getByTestId('staff-panel')).toBeTruthy();
    expect(onclose).not.toHaveBeenCalled();
  });
});
