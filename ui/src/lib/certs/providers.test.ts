import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Provider } from '../bindings';
import { toasts } from '../ui/toasts.svelte';
import { schoolBackend } from '../../test/school';
import CertsPage from './CertsPage.svelte';
import ProviderDialog from './ProviderDialog.svelte';
import ProvidersPanel from './ProvidersPanel.svelte';

/** The text of the messages the input points to with aria-describedby. */
function describedText(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

/** A public CA the school added itself, with no fragment yet. */
const AN_PHAT: Provider = {
  id: 3,
  name: 'Công ty Cổ phần Chứng thực số An Phát',
  short_name: 'AnPhat-CA',
  kind: 'public',
  issuer_fragments: [],
  builtin: false,
};

/** The dialog on the provider `pick` chooses from the fake's catalogue (null: a new one). */
function setupDialog(pick: (catalogue: Provider[]) => Provider | null, extra: Provider[] = []) {
  const fake = schoolBackend();
  fake.certs.providers.push(...structuredClone(extra));
  mockIPC(fake.handle);
  const onclose = vi.fn();
  const ondone = vi.fn();
  const user = userEvent.setup();
  // A copy, as the panel's comes from the IPC.
  const provider = structuredClone(pick(fake.certs.providers));
  render(ProviderDialog, { provider, onclose, ondone });
  return { fake, provider, onclose, ondone, user };
}

describe('ProvidersPanel', () => {
  it('lists the catalogue by kind, in words, with each provider’s fragments or the lack of them', async () => {
    const fake = schoolBackend();
    fake.certs.providers.push(structuredClone(AN_PHAT));
    mockIPC(fake.handle);
    render(ProvidersPanel, { onclose: vi.fn(), onchanged: vi.fn() });

    const rows = await screen.findAllByTestId('provider-row');
    expect(rows.map((r) => r.querySelector('.short')?.textContent)).toEqual(['Ban Cơ yếu', 'AnPhat-CA', 'VNPT-CA']);
    const specialised = screen.getByRole('region', { name: /Chuyên dùng/ });
    expect(within(specialised).getAllByTestId('provider-row')).toHaveLength(1);
    expect(screen.getByRole('region', { name: /Công cộng · 2/ })).toBeTruthy();

    expect(rows[0]!.textContent).toContain('Chuyên dùng');
    expect(rows[0]!.textContent).toContain('Có sẵn');
    expect(rows[0]!.textContent).toContain('Ban Cơ yếu Chính phủ');
    expect(rows[2]!.textContent).toContain('Tập đoàn Bưu chính Viễn thông Việt Nam (VNPT)');
    expect(within(rows[2]!).getByTestId('provider-fragments-list').textContent).toContain('VNPT-CA');
    expect(rows[1]!.textContent).toContain('Tự thêm');
    expect(within(rows[1]!).getByTestId('provider-no-fragments').textContent, 'the gap is said in words').toContain(
      'sẽ không được tự nhận ra',
    );
    expect(screen.getByTestId('providers-count').textContent).toBe('3 nhà cung cấp');
  });

  it('adds a provider: Enter in the fragments starts a line, Enter in a field saves, and the list shows it', async () => {
    const fake = schoolBackend();
    mockIPC(fake.handle);
    const user = userEvent.setup();
    const onchanged = vi.fn();
    render(ProvidersPanel, { onclose: vi.fn(), onchanged });
    await screen.findAllByTestId('provider-row');

    await user.click(screen.getByTestId('provider-add'));
    const dialog = await screen.findByTestId('provider-dialog');
    expect(document.activeElement, 'the full name has the focus').toBe(within(dialog).getByTestId('provider-name'));
    await user.keyboard('Công ty Cổ phần Chứng thực số An Phát');
    await user.type(within(dialog).getByTestId('provider-fragments'), 'AnPhat-CA{Enter}An Phat Certification Authority');
    expect(fake.callsTo('provider_add'), 'Enter in the fragments must not save').toHaveLength(0);
    expect(within(dialog).getByTestId('provider-fragment-count').textContent).toContain('2 dấu hiệu');
    await user.type(within(dialog).getByTestId('provider-short_name'), 'AnPhat-CA{Enter}');

    await waitFor(() => expect(screen.queryByTestId('provider-dialog')).toBeNull());
    expect(fake.callsTo('provider_add')).toEqual([
      {
        input: {
          name: 'Công ty Cổ phần Chứng thực số An Phát',
          short_name: 'AnPhat-CA',
          kind: 'public',
          issuer_fragments: 'AnPhat-CA\nAn Phat Certification Authority',
        },
      },
    ]);
    expect(onchanged).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getAllByTestId('provider-row')).toHaveLength(3));
    const added = screen.getAllByTestId('provider-row').find((r) => r.textContent?.includes('AnPhat-CA'))!;
    expect(added.textContent).toContain('Tự thêm');
    expect(added.textContent).toContain('An Phat Certification Authority');
    expect(toasts.map((t) => t.text)).toContain('Đã thêm nhà cung cấp AnPhat-CA.');
  });

  it('Esc closes the inner dialog first and leaves the catalogue open', async () => {
    const fake = schoolBackend();
    mockIPC(fake.handle);
    const user = userEvent.setup();
    const onclose = vi.fn();
    render(ProvidersPanel, { onclose, onchanged: vi.fn() });
    await user.click((await screen.findAllByTestId('provider-row'))[1]!);
    expect(await screen.findByTestId('provider-dialog')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('provider-dialog')).toBeNull();
    expect(onclose).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onclose).toHaveBeenCalledTimes(1);
  });
});

describe('ProviderDialog', () => {
  it('opens an edit with the stored values, one fragment a line; Ctrl+Enter in the fragments saves', async () => {
    const { fake, provider: vnpt, ondone, user } = setupDialog((all) => {
      const p = all.find((x) => x.short_name === 'VNPT-CA')!;
      p.issuer_fragments = ['VNPT Certification Authority', 'VNPT-CA'];
      return p;
    });

    expect(screen.getByRole('heading', { name: 'Sửa nhà cung cấp VNPT-CA' })).toBeTruthy();
    expect(screen.getByText('Có sẵn trong ứng dụng; vẫn sửa được.')).toBeTruthy();
    expect((screen.getByTestId('provider-name') as HTMLInputElement).value).toBe('Tập đoàn Bưu chính Viễn thông Việt Nam (VNPT)');
    const fragments = screen.getByTestId('provider-fragments') as HTMLTextAreaElement;
    expect(fragments.value).toBe('VNPT Certification Authority\nVNPT-CA');
    expect((screen.getByTestId('provider-kind-public') as HTMLInputElement).checked).toBe(true);

    await user.click(screen.getByTestId('provider-kind-specialised'));
    await user.click(fragments);
    await user.keyboard('{End}{Control>}{End}{/Control}{Enter}VNPT Group');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(ondone).toHaveBeenCalledTimes(1));
    expect(fake.callsTo('provider_edit')).toEqual([
      {
        id: vnpt!.id,
        input: {
          name: 'Tập đoàn Bưu chính Viễn thông Việt Nam (VNPT)',
          short_name: 'VNPT-CA',
          kind: 'specialised',
          issuer_fragments: 'VNPT Certification Authority\nVNPT-CA\nVNPT Group',
        },
      },
    ]);
    expect(ondone.mock.calls[0]![0]).toMatchObject({ kind: 'specialised', issuer_fragments: ['VNPT Certification Authority', 'VNPT-CA', 'VNPT Group'] });
  });

  it('a taken name is refused: the message sits under the name, in words, and the user is taken there', async () => {
    const { fake, ondone, onclose, user } = setupDialog((all) => all.find((p) => p.id === AN_PHAT.id)!, [AN_PHAT]);
    const name = screen.getByTestId('provider-name');
    await user.clear(name);
    await user.type(name, 'Công ty Cổ phần BKAV');
    // The fake's catalogue has no BKAV; give it one so the name is taken.
    fake.certs.providers.push({ id: 4, name: 'Công ty Cổ phần BKAV', short_name: 'BKAV-CA', kind: 'public', issuer_fragments: ['BkavCA'], builtin: true });
    await user.click(screen.getByTestId('provider-fragments'));
    await user.click(screen.getByTestId('provider-save'));

    await waitFor(() => expect(describedText(name)).toContain('Tên nhà cung cấp: đã có nhà cung cấp này trong danh mục (BKAV-CA)'));
    expect(describedText(name), 'the kind is said in words, not only in red').toContain('Lỗi');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement, 'the user is taken to the field to fix').toBe(name);
    expect(ondone).not.toHaveBeenCalled();
    expect(onclose).not.toHaveBeenCalled();
    expect(fake.certs.providers.find((p) => p.id === AN_PHAT.id)!.name, 'nothing was written').toBe(AN_PHAT.name);

    await user.type(name, ' Hà Nội');
    expect(name.getAttribute('aria-invalid'), 'typing in the field clears its old problem').toBe('false');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(ondone).toHaveBeenCalled());
    expect(fake.certs.providers.find((p) => p.id === AN_PHAT.id)!.name).toBe('Công ty Cổ phần BKAV Hà Nội');
  });

  it('a blank name is refused with the api’s words', async () => {
    const { fake, ondone, user } = setupDialog(() => null);
    await user.type(screen.getByTestId('provider-short_name'), 'HP-CA{Enter}');
    const name = screen.getByTestId('provider-name');
    await waitFor(() => expect(describedText(name)).toContain('Tên nhà cung cấp: chưa nhập'));
    expect(fake.callsTo('provider_add')).toHaveLength(1);
    expect(fake.certs.providers).toHaveLength(2);
    expect(ondone).not.toHaveBeenCalled();
  });

  it('a failure that is not about a field is shown as a message, and the dialog stays', async () => {
    const gone: Provider = { ...AN_PHAT, id: 42 };
    const { ondone, user } = setupDialog(() => gone);
    await user.type(screen.getByTestId('provider-short_name'), '{End} mới{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Không tìm thấy nhà cung cấp có mã 42 trong danh mục.');
    expect(ondone).not.toHaveBeenCalled();
    expect(screen.getByTestId('provider-dialog')).toBeTruthy();
  });

  it('Esc closes an untouched dialog at once', async () => {
    const { onclose, user } = setupDialog((all) => all.find((p) => p.id === AN_PHAT.id)!, [AN_PHAT]);
    await user.keyboard('{Escape}');
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it('Esc on unsaved changes asks first; a second Esc discards', async () => {
    const { fake, onclose, user } = setupDialog((all) => all.find((p) => p.id === AN_PHAT.id)!, [AN_PHAT]);
    await user.type(screen.getByTestId('provider-fragments'), 'AnPhat-CA');
    await user.keyboard('{Escape}');
    expect(onclose).not.toHaveBeenCalled();
    expect(screen.getByTestId('provider-discard').textContent).toContain('Có thay đổi chưa lưu');
    await user.keyboard('{Escape}');
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(fake.callsTo('provider_edit'), 'discarding saves nothing').toHaveLength(0);
  });
});

describe('CertsPage and the catalogue', () => {
  it('a provider renamed in the catalogue shows under its new name in the list and the filter', async () => {
    const fake = schoolBackend();
    fake.certs.seed(fake.staff[0]!.id, 'A1B2C3', '2028-05-01');
    mockIPC(fake.handle);
    const user = userEvent.setup();
    render(CertsPage);
    expect((await screen.findByTestId('cert-row')).textContent).toContain('Ban Cơ yếu');

    await user.click(screen.getByTestId('providers-open'));
    const panel = await screen.findByTestId('providers-panel');
    await user.click((await within(panel).findAllByTestId('provider-row'))[0]!);
    const short = await screen.findByTestId('provider-short_name');
    await user.clear(short);
    await user.type(short, 'Ban Cơ yếu CP{Enter}');
    await waitFor(() => expect(screen.queryByTestId('provider-dialog')).toBeNull());
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('providers-panel')).toBeNull();

    await waitFor(() => expect(screen.getByTestId('cert-row').textContent).toContain('Ban Cơ yếu CP'));
    const filter = screen.getByRole('combobox', { name: 'Nhà cung cấp' });
    expect([...filter.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Mọi nhà cung cấp', 'Ban Cơ yếu CP', 'VNPT-CA']);
  });
});
