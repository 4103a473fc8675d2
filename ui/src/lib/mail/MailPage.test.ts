import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeMail } from '../../test/fake-mail';
import { schoolBackend } from '../../test/school';
import MailPage from './MailPage.svelte';

function setup(configure: (mail: FakeMail) => void = () => {}) {
  const fake = schoolBackend();
  const mail = new FakeMail();
  configure(mail);
  fake.mail = mail;
  mockIPC(fake.handle);
  render(MailPage);
  return { fake, mail, user: userEvent.setup() };
}

describe('MailPage', () => {
  it('sends an exported list with its scan: the Word file is attached by itself', async () => {
    const { fake, user } = setup();
    const select = (await screen.findByTestId('mail-batch')) as HTMLSelectElement;
    await user.selectOptions(select, '3');
    await waitFor(() =>
      expect((screen.getByTestId('mail-subject') as HTMLInputElement).value).toBe(
        'Trường THCS Lê Lợi gửi danh sách thu hồi chứng thư số (2 người)',
      ),
    );
    expect(within(screen.getByTestId('mail-files')).getByText(/đính kèm tự động/)).toBeTruthy();
    await user.click(screen.getByTestId('mail-pick'));
    expect(await screen.findByText('Bản scan có chữ ký.pdf')).toBeTruthy();
    await user.click(screen.getByTestId('mail-send'));

    expect((await screen.findByTestId('mail-notice')).textContent).toContain('Đã gửi thư.');
    expect(fake.callsTo('mail_queue')[0]?.compose).toMatchObject({
      batch_id: 3,
      to: 'vanphong@haiphong.edu.vn',
      files: ['C:\\Users\\vanthu\\Documents\\Bản scan có chữ ký.pdf'],
    });
    expect(fake.callsTo('mail_send_now')[0]).toEqual({ id: 1, password: null });
  });

  it('offline: the message waits in the outbox, shown in words, and can be cancelled', async () => {
    const { mail, user } = setup((m) => (m.nextSend = 'offline'));
    await user.selectOptions(await screen.findByTestId('mail-batch'), '3');
    await user.click(screen.getByTestId('mail-pick'));
    await user.click(screen.getByTestId('mail-send'));
    expect((await screen.findByTestId('mail-notice')).textContent).toContain('sẽ tự gửi lại');

    await user.click(screen.getByTestId('mail-tab-outbox'));
    expect(screen.getByTestId('mail-tab-outbox').textContent).toContain('1 chờ gửi');
    const state = screen.getByTestId('outbox-state-1');
    expect(state.textContent).toBe('Chờ gửi');
    expect(state.className, 'the colour goes with the words').toContain('tone-info');
    expect(screen.getByTestId('outbox-row-1').textContent).toContain('Không kết nối được máy chủ thư');
    await user.click(screen.getByTestId('outbox-cancel-1'));
    await waitFor(() => expect(screen.getByTestId('outbox-state-1').textContent).toBe('Đã huỷ'));
    expect(mail.outbox[0]?.state).toBe('cancelled');
  });

  it('an uncertain message is the user’s call: confirm it was sent, or send it again', async () => {
    const { mail, user } = setup((m) => {
      m.item('uncertain', { last_error: 'Chương trình đã dừng khi đang gửi thư này: có thể đã gửi — hãy kiểm tra hộp thư đã gửi trước khi gửi lại.' });
      m.item('failed', { last_error: 'Máy chủ thư từ chối tên đăng nhập hoặc mật khẩu (mã 535).' });
    });
    await user.click(await screen.findByTestId('mail-tab-outbox'));
    expect(screen.getByTestId('outbox-state-1').textContent).toBe('Có thể đã gửi');
    expect(screen.getByTestId('outbox-state-1').className).toContain('tone-warn');
    expect(screen.getByTestId('outbox-state-2').className).toContain('tone-danger');
    expect(screen.getByTestId('outbox-row-1').textContent).toContain('kiểm tra hộp thư đã gửi');
    expect(screen.queryByText('Gửi ngay'), 'nothing here is sent without the user deciding').toBeNull();

    await user.click(screen.getByTestId('outbox-confirm-1'));
    await waitFor(() => expect(screen.getByTestId('outbox-state-1').textContent).toBe('Đã gửi'));
    await user.click(screen.getByTestId('outbox-resend-2'));
    await waitFor(() => expect(screen.getByTestId('outbox-state-2').textContent).toBe('Chờ gửi'));
    expect(mail.outbox.map((i) => i.state).sort()).toEqual(['queued', 'sent']);
  });

  it('settings: a preset fills the server, the password is stored but never shown back', async () => {
    const { fake, mail, user } = setup((m) => (m.settings.password_saved = false));
    await user.click(await screen.findByTestId('mail-tab-settings'));
    await user.selectOptions(screen.getByTestId('mail-preset'), 'yahoo');
    expect((screen.getByTestId('mail-host') as HTMLInputElement).value).toBe('smtp.mail.yahoo.com');
    expect((screen.getByTestId('mail-port') as HTMLInputElement).value).toBe('465');
    await user.click(screen.getByTestId('mail-settings-save'));
    await waitFor(() => expect(fake.callsTo('mail_settings_save')).toHaveLength(1));
    expect(fake.callsTo('mail_settings_save')[0]?.smtp).toMatchObject({ host: 'smtp.mail.yahoo.com', port: 465, security: 'tls' });

    const field = screen.getByTestId('mail-password') as HTMLInputElement;
    expect(field.type).toBe('password');
    await user.type(field, 'abcd efgh ijkl mnop');
    await user.click(screen.getByTestId('mail-password-save'));
    await waitFor(() => expect(screen.getByTestId('mail-password-status').textContent).toContain('Đã lưu'));
    expect(mail.savedPasswords).toEqual(['abcd efgh ijkl mnop']);
    expect(field.value, 'the field is emptied after saving').toBe('');
    expect(document.body.textContent).not.toContain('abcd efgh');
  });

  it('says so when the system has no credential store, and asks for the password at the send', async () => {
    const { fake, user } = setup((m) => {
      m.settings.credential_store = false;
      m.settings.password_saved = false;
    });
    const password = (await screen.findByTestId('mail-send-password')) as HTMLInputElement;
    await user.selectOptions(screen.getByTestId('mail-batch'), '3');
    await user.type(password, 'mật-khẩu-một-lần');
    await user.click(screen.getByTestId('mail-send'));
    await waitFor(() => expect(fake.callsTo('mail_send_now')).toHaveLength(1));
    expect(fake.callsTo('mail_send_now')[0]?.password).toBe('mật-khẩu-một-lần');
    expect(password.value, 'not kept after the send').toBe('');
    await user.click(screen.getByTestId('mail-tab-settings'));
    expect(screen.getByTestId('mail-no-store').textContent).toContain('nhập mật khẩu mỗi lần gửi');
  });

  it('a refused setting is explained, and a draft can be saved without a server', async () => {
    const { user } = setup((m) => (m.settings.smtp.host = ''));
    expect((await screen.findByTestId('mail-not-configured')).textContent).toContain('thư nháp');
    expect((screen.getByTestId('mail-send') as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByTestId('mail-draft'));
    expect((await screen.findByTestId('mail-notice')).textContent).toContain('Thư nháp.eml');

    await user.click(screen.getByTestId('mail-tab-settings'));
    await user.type(screen.getByTestId('mail-host'), 'mail.truong.edu.vn');
    await user.click(screen.getByLabelText(/Không mã hoá/));
    await user.click(screen.getByTestId('mail-settings-save'));
    expect((await screen.findByTestId('mail-failure')).textContent).toContain('không mã hoá');
  });
});
