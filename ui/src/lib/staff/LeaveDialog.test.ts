import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { schoolBackend } from '../../test/school';
import LeaveDialog from './LeaveDialog.svelte';

function setup() {
  const fake = schoolBackend();
  mockIPC(fake.handle);
  const person = fake.staff.find((s) => s.full_name === 'Bùi Văn Thành');
  if (!person) throw new Error('the sample school has Bùi Văn Thành');
  const onclose = vi.fn();
  const ondone = vi.fn();
  render(LeaveDialog, { person, onclose, ondone });
  return { fake, person, onclose, ondone, user: userEvent.setup() };
}

describe('LeaveDialog', () => {
  afterEach(() => vi.useRealTimers());

  it('requires a note for “Trường hợp khác” before asking the backend', async () => {
    // The date offered is today's: pinned, so the test says which day that is.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 23, 9, 30));
    const { fake, user, ondone } = setup();
    await user.click(screen.getByTestId('leave-reason-other'));
    await user.click(screen.getByTestId('leave-save'));

    const note = screen.getByTestId('leave-note');
    const message = document.getElementById(note.getAttribute('aria-describedby') ?? '');
    expect(message?.textContent).toContain('trường hợp khác cần ghi rõ lý do');
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsTo('staff_mark_left')).toHaveLength(0);
    expect(ondone).not.toHaveBeenCalled();

    await user.type(note, 'Biệt phái sang Phòng Văn hóa - Xã hội');
    await user.click(screen.getByTestId('leave-save'));
    await waitFor(() => expect(ondone).toHaveBeenCalled());
    expect(fake.callsTo('staff_mark_left')[0]).toMatchObject({
      leaving: { reason: 'other', note: 'Biệt phái sang Phòng Văn hóa - Xã hội', on: '23/11/2026' },
    });
    expect(ondone.mock.calls[0]?.[0]).toMatchObject({ status: 'left', left_reason: 'other' });
  });

  it('asks for one of the three cases, and sends the typed date padded', async () => {
    const { fake, user, ondone } = setup();
    await user.click(screen.getByTestId('leave-save'));
    expect(screen.getByText(/chọn một trong ba trường hợp/)).toBeTruthy();
    expect(fake.callsTo('staff_mark_left')).toHaveLength(0);

    await user.click(screen.getByTestId('leave-reason-transfer'));
    const on = screen.getByTestId('leave-on');
    await user.clear(on);
    await user.type(on, '1/9/2025');
    await user.click(screen.getByTestId('leave-save'));
    await waitFor(() => expect(ondone).toHaveBeenCalled());
    expect(fake.callsTo('staff_mark_left')[0]?.leaving).toEqual({ reason: 'transfer', on: '01/09/2025', note: '' });
  });

  it('shows the backend’s date problem under the date', async () => {
    const { user, ondone } = setup();
    await user.click(screen.getByTestId('leave-reason-retired'));
    const on = screen.getByTestId('leave-on');
    await user.clear(on);
    await user.type(on, '31/02/2025');
    await user.click(screen.getByTestId('leave-save'));
    await waitFor(() => expect(on.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/Ngày nghỉ: không đúng dạng/)).toBeTruthy();
    expect(ondone).not.toHaveBeenCalled();
  });

  it('Esc closes the dialog', async () => {
    const { user, onclose } = setup();
    await user.keyboard('{Escape}');
    expect(onclose).toHaveBeenCalledTimes(1);
  });
});
