import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ErrorBody, Staff } from '../bindings';
import type { FakeBackend } from '../../test/fake-backend';
import { TODAY } from '../../test/fake-certs';
import { USUAL_POSITIONS } from '../../test/fake-backend';
import { schoolBackend } from '../../test/school';
import StaffPanel from './StaffPanel.svelte';

const SAVED = 'C:\\Users\\vanthu\\Documents\\du-lieu-ca-nhan-22.json';
/** When the fake api erases (UTC, as the store writes it). */
const ERASED_AT = `${TODAY}T02:30:00Z`;

/** ERASED_AT as the panel words it, in the test machine's local time. */
function erasedText(): string {
  const at = new Date(ERASED_AT);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getHours())}:${two(at.getMinutes())} ngày ${two(at.getDate())}/${two(at.getMonth() + 1)}/${at.getFullYear()}`;
}

/**
 * The two personal-data commands, answered like the api (personal.rs): the
 * staff fake backend leaves them to the data page's fake, which never erases.
 */
class Personal {
  /** What the save dialog returns (null: the user cancelled), or the error. */
  saveReply: string | null | ErrorBody = SAVED;

  constructor(readonly fake: FakeBackend) {}

  handle = (command: string, args: unknown): unknown => {
    if (command !== 'staff_export_personal' && command !== 'staff_erase_personal') return this.fake.handle(command, args);
    const { id } = args as { id: number };
    this.fake.calls.push({ command, args: { id } });
    if (command === 'staff_export_personal') {
      if (this.saveReply !== null && typeof this.saveReply === 'object') throw this.saveReply;
      return this.saveReply;
    }
    return structuredClone(this.erase(id));
  };

  private erase(id: number): Staff {
    const person = this.fake.get(id);
    const refuse = (message: string): ErrorBody => ({ code: 'refused', message, problems: [] });
    if (person.erased_at) throw refuse(`Dữ liệu cá nhân của ${person.full_name} đã được xoá từ ${TODAY}.`);
    if (person.status !== 'left' || !person.left_on) {
      throw refuse(`${person.full_name} đang công tác: chỉ xoá dữ liệu cá nhân của người đã nghỉ từ 1 năm trở lên.`);
    }
    const from = `${Number(person.left_on.slice(0, 4)) + 1}${person.left_on.slice(4)}`;
    if (TODAY < from) {
      const vn = (iso: string) => iso.split('-').reverse().join('/');
      throw refuse(
        `${person.full_name} nghỉ ngày ${vn(person.left_on)}: chỉ xoá được dữ liệu cá nhân từ ngày ${vn(from)} (sau 1 năm).`,
      );
    }
    Object.assign(person, {
      erased_at: ERASED_AT,
      birth_date: null,
      birth_year: null,
      cccd: null,
      cccd_issued_on: null,
      phone: null,
      email: null,
      notes: null,
      warnings: [],
    });
    return person;
  }
}

function setup(name: string | null) {
  const fake = schoolBackend();
  const personal = new Personal(fake);
  mockIPC(personal.handle);
  const person = fake.staff.find((s) => s.full_name === name) ?? null;
  if (name && !person) throw new Error(`the sample school has ${name}`);
  const onclose = vi.fn();
  const onchanged = vi.fn();
  render(StaffPanel, { person, positions: USUAL_POSITIONS, teams: [], onclose, onchanged });
  return { fake, personal, person, onclose, onchanged, user: userEvent.setup() };
}

const value = (testid: string) => (screen.getByTestId(testid) as HTMLInputElement).value;

describe('personal data in the staff panel', () => {
  it('offers the export to everyone stored, the erasure only to people who left', async () => {
    setup('Mai Thị Thảo');
    expect(await screen.findByTestId('personal-export')).toBeTruthy();
    expect(screen.queryByTestId('personal-erase'), 'someone still working cannot be erased').toBeNull();
    expect(screen.getByTestId('personal-erase-rule').textContent, 'the reason is said in words').toContain(
      'chỉ dùng cho người đã nghỉ từ 1 năm trở lên',
    );
  });

  it('shows the erase button, described by its rule, for a person who left', async () => {
    setup('Hà Văn Sơn');
    const erase = await screen.findByTestId('personal-erase');
    expect(erase.textContent).toContain('Xoá dữ liệu cá nhân');
    expect(document.getElementById(erase.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'đã nghỉ từ 1 năm trở lên',
    );
  });

  it('says when the data of someone reopened later was erased, and offers no second erasure', async () => {
    const fake = schoolBackend();
    mockIPC(new Personal(fake).handle);
    const person = fake.staff.find((s) => s.full_name === 'Hà Văn Sơn');
    if (!person) throw new Error('the sample school has Hà Văn Sơn');
    const stored = { ...person, cccd: null, phone: null, birth_date: null, erased_at: ERASED_AT };
    render(StaffPanel, { person: stored, positions: USUAL_POSITIONS, teams: [], onclose: vi.fn(), onchanged: vi.fn() });
    expect((await screen.findByTestId('personal-erased')).textContent).toContain(erasedText());
    expect(screen.queryByTestId('personal-erase')).toBeNull();
    expect(screen.getByTestId('personal-export'), 'what is left can still be handed out').toBeTruthy();
  });

  it('offers nothing for a person not saved yet', async () => {
    setup(null);
    await screen.findByTestId('field-full_name');
    expect(screen.queryByTestId('personal-data')).toBeNull();
  });

  it('exports the person’s data and says where it went', async () => {
    const { fake, person, user } = setup('Mai Thị Thảo');
    await user.click(await screen.findByTestId('personal-export'));
    const saved = await screen.findByTestId('personal-saved');
    expect(saved.textContent).toContain(`Đã lưu dữ liệu cá nhân vào ${SAVED}`);
    expect(fake.callsTo('staff_export_personal')).toEqual([{ id: person?.id }]);
  });

  it('says nothing when the save dialog is cancelled', async () => {
    const { fake, personal, user } = setup('Mai Thị Thảo');
    personal.saveReply = null;
    await user.click(await screen.findByTestId('personal-export'));
    await waitFor(() => expect(fake.callsTo('staff_export_personal')).toHaveLength(1));
    await waitFor(() => expect((screen.getByTestId('personal-export') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId('personal-saved')).toBeNull();
    expect(screen.queryByTestId('personal-failure')).toBeNull();
  });

  it('shows a failed export in the panel, in words', async () => {
    const { personal, user, onclose } = setup('Mai Thị Thảo');
    const message = 'Không ghi được tệp du-lieu-ca-nhan-17.json: tệp đang mở trong chương trình khác. Hãy đóng tệp rồi thử lại.';
    personal.saveReply = { code: 'file', message, problems: [] };
    await user.click(await screen.findByTestId('personal-export'));
    expect((await screen.findByTestId('personal-failure')).textContent).toBe(message);
    expect(screen.queryByTestId('personal-saved')).toBeNull();
    expect(onclose).not.toHaveBeenCalled();
  });

  it('asks first, saying what goes, what stays and that it cannot be undone', async () => {
    const { fake, user } = setup('Hà Văn Sơn');
    await user.click(await screen.findByTestId('personal-erase'));
    const dialog = screen.getByTestId('erase-dialog');
    const goes = within(dialog).getByTestId('erase-goes').textContent ?? '';
    for (const item of ['CCCD', 'Ngày sinh', 'Điện thoại', 'Email', 'Ghi chú', 'chứng thư số']) expect(goes).toContain(item);
    const stays = within(dialog).getByTestId('erase-stays').textContent ?? '';
    for (const item of ['Họ và tên', 'ngày nghỉ', 'Lịch sử']) expect(stays).toContain(item);
    expect(within(dialog).getByTestId('erase-final').textContent).toContain('Không hoàn tác được');
    expect(dialog.textContent).toContain('đã nghỉ từ 01/04/2025');
    expect(fake.callsTo('staff_erase_personal'), 'opening the dialog erases nothing').toHaveLength(0);

    await user.click(within(dialog).getByTestId('erase-cancel'));
    expect(screen.queryByTestId('erase-dialog')).toBeNull();
    expect(fake.callsTo('staff_erase_personal')).toHaveLength(0);
    expect(value('field-cccd'), 'cancelling keeps the data').not.toBe('');
  });

  it('is reachable by keyboard, and Enter in the dialog does not erase', async () => {
    const { fake, user, onclose } = setup('Hà Văn Sơn');
    const erase = await screen.findByTestId('personal-erase');
    erase.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('erase-dialog')).toBeTruthy();
    expect(document.activeElement, 'the safe choice has the focus').toBe(screen.getByTestId('erase-cancel'));
    await user.keyboard('{Enter}');
    expect(screen.queryByTestId('erase-dialog')).toBeNull();

    await user.click(screen.getByTestId('personal-erase'));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('erase-dialog'), 'Esc closes the dialog').toBeNull();
    expect(onclose, '…and only the dialog').not.toHaveBeenCalled();
    expect(fake.callsTo('staff_erase_personal')).toHaveLength(0);
  });

  it('erases after the confirmation and shows the person as now stored', async () => {
    const { fake, person, user, onchanged } = setup('Hà Văn Sơn');
    expect(value('field-cccd')).toBe(person?.cccd);
    await user.click(await screen.findByTestId('personal-erase'));
    await waitFor(() => expect(fake.callsTo('staff_history')).toHaveLength(1));
    await user.click(screen.getByTestId('erase-confirm'));

    const done = await screen.findByTestId('personal-erased');
    expect(done.textContent, 'the time the api recorded').toContain(`Đã xoá dữ liệu cá nhân lúc ${erasedText()}.`);
    expect(fake.callsTo('staff_erase_personal')).toEqual([{ id: person?.id }]);
    expect(screen.queryByTestId('erase-dialog')).toBeNull();
    for (const field of ['field-cccd', 'field-cccd_issued_on', 'field-birth_date', 'field-phone', 'field-email', 'field-notes']) {
      expect(value(field), `${field} is shown as erased`).toBe('');
    }
    expect(value('field-full_name'), 'the name stays').toBe('Hà Văn Sơn');
    expect(screen.getByTestId('staff-panel').textContent).toContain('Đã nghỉ từ 01/04/2025');
    expect(screen.queryByTestId('personal-erase'), 'not offered twice').toBeNull();
    expect(onchanged).toHaveBeenCalled();
    // Their certificates lost the identity number and e-mail: the history is read again.
    await waitFor(() => expect(fake.callsTo('staff_history')).toHaveLength(2));
  });

  it('a save after erasing does not write the erased values back', async () => {
    const { fake, user } = setup('Hà Văn Sơn');
    await user.type(await screen.findByTestId('field-team'), ' cũ');
    await user.click(screen.getByTestId('personal-erase'));
    expect(screen.getByTestId('erase-unsaved').textContent, 'unsaved edits are said to be dropped').toContain(
      'chưa lưu',
    );
    await user.click(screen.getByTestId('erase-confirm'));
    await screen.findByTestId('personal-erased');
    await user.click(screen.getByTestId('staff-save'));
    await waitFor(() => expect(fake.callsTo('staff_edit')).toHaveLength(1));
    expect(fake.callsTo('staff_edit')[0]?.input).toMatchObject({ cccd: '', phone: '', email: '', birth_date: '' });
  });

  it('shows the api’s refusal as it words it and changes nothing', async () => {
    const { fake, person, user, onchanged } = setup('Chu Thị Ánh');
    const cccd = value('field-cccd');
    await user.click(await screen.findByTestId('personal-erase'));
    await user.click(screen.getByTestId('erase-confirm'));

    const refusal = await screen.findByTestId('erase-refusal');
    expect(refusal.textContent?.trim()).toBe(
      'Chu Thị Ánh nghỉ ngày 15/08/2025: chỉ xoá được dữ liệu cá nhân từ ngày 15/08/2026 (sau 1 năm).',
    );
    expect(refusal.getAttribute('role')).toBe('alert');
    expect(fake.callsTo('staff_erase_personal')).toEqual([{ id: person?.id }]);
    expect(screen.queryByTestId('erase-confirm'), 'no second try from a refusal').toBeNull();
    expect(document.activeElement?.textContent).toBe('Đã hiểu');

    await user.keyboard('{Enter}');
    expect(screen.queryByTestId('erase-dialog')).toBeNull();
    expect(value('field-cccd')).toBe(cccd);
    expect(screen.queryByTestId('personal-erased')).toBeNull();
    expect(onchanged).not.toHaveBeenCalled();
  });
});
