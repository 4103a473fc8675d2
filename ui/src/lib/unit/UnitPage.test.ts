import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { schoolBackend } from '../../test/school';
import UnitPage from './UnitPage.svelte';

function setup() {
  const fake = schoolBackend();
  mockIPC(fake.handle);
  const onsaved = vi.fn();
  render(UnitPage, { onsaved });
  return { fake, onsaved, user: userEvent.setup() };
}

const described = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('UnitPage', () => {
  it('loads the unit and shows the backend’s problems under their fields', async () => {
    const { fake, user, onsaved } = setup();
    const name = (await screen.findByTestId('field-unit_name')) as HTMLInputElement;
    expect(name.value).toBe('Trường THCS Lê Lợi');

    await user.clear(name);
    const email = screen.getByTestId('field-focal_email');
    await user.clear(email);
    await user.type(email, 'thao@');
    await user.click(screen.getByTestId('unit-save'));

    await waitFor(() => expect(described(name)).toContain('Tên đơn vị: chưa nhập'));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(described(email)).toContain('Email cán bộ đầu mối: không đúng dạng');
    expect(document.activeElement, 'the user is taken to the first field to fix').toBe(name);
    expect(screen.getByText(/Chưa lưu: sửa các mục báo lỗi/)).toBeTruthy();
    expect(onsaved).not.toHaveBeenCalled();
    expect(fake.unit.name, 'nothing was written').toBe('Trường THCS Lê Lợi');
  });

  it('saves with Enter and sends every field, including the signer’s role', async () => {
    const { fake, user, onsaved } = setup();
    const place = (await screen.findByTestId('field-place')) as HTMLInputElement;
    await user.click(screen.getByLabelText(/Phó hiệu trưởng ký thay/));
    await user.clear(place);
    await user.type(place, 'Thủy Nguyên{Enter}');

    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(fake.callsTo('unit_save')[0]?.unit).toMatchObject({
      name: 'Trường THCS Lê Lợi',
      place: 'Thủy Nguyên',
      signer_role: 'deputy',
    });
    expect(screen.getByText('KT. HIỆU TRƯỞNG'), 'the preview follows the role').toBeTruthy();
  });
});
