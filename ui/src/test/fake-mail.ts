// The e-mail commands in memory, for the "Gửi thư" page's tests: settings,
// exported lists, an outbox whose sends succeed, stay queued (offline) or
// need a password, as the test decides. No network, no files.

import type { Batch, MailSettings, OutboxItem, OutboxState } from '../lib/bindings';
import type { Commands } from '../lib/ipc';

export type MailCommand =
  | 'mail_settings_get'
  | 'mail_settings_save'
  | 'mail_password_save'
  | 'mail_password_forget'
  | 'mail_batches'
  | 'mail_preview'
  | 'mail_pick_files'
  | 'mail_queue'
  | 'mail_send_now'
  | 'mail_draft_save'
  | 'outbox_list'
  | 'outbox_cancel'
  | 'outbox_resend'
  | 'outbox_confirm_sent';

export type MailHandlers = { [C in MailCommand]: (args: Commands[C]['args']) => Commands[C]['reply'] };

const refused = (message: string) => ({ code: 'refused', message, problems: [] });

export class FakeMail implements MailHandlers {
  settings: MailSettings = {
    smtp: {
      host: 'smtp.gmail.com',
      port: 587,
      security: 'starttls',
      user: 'thcsleloi@gmail.com',
      from_address: 'thcsleloi@gmail.com',
      from_name: 'Trường THCS Lê Lợi',
    },
    template: { subject: '{don_vi} gửi {loai_danh_sach} ({so_nguoi} người)', body: 'Kính gửi Quý cơ quan,' },
    last_recipients: 'vanphong@haiphong.edu.vn',
    presets: [
      { id: 'gmail', label: 'Gmail / Google Workspace', host: 'smtp.gmail.com', port: 587, security: 'starttls', note: 'Cần “mật khẩu ứng dụng”.' },
      { id: 'yahoo', label: 'Yahoo Mail', host: 'smtp.mail.yahoo.com', port: 465, security: 'tls', note: 'Cần “mật khẩu ứng dụng”.' },
    ],
    placeholders: [
      { name: 'don_vi', meaning: 'tên đơn vị (trường)' },
      { name: 'so_nguoi', meaning: 'số người trong danh sách' },
    ],
    credential_store: true,
    password_saved: true,
  };
  batches: Batch[] = [
    {
      id: 3,
      kind: 'revocation',
      file_name: 'Danh sách thu hồi chứng thư số.docx',
      path: 'C:\\Users\\vanthu\\Documents\\ChungThu\\Danh sách thu hồi chứng thư số.docx',
      sha256: 'ab'.repeat(32),
      row_count: 2,
      date_mode: 'today',
      date_on: '2026-03-05',
      status: 'exported',
      superseded_by: null,
      xlsx_path: null,
      xlsx_sha256: null,
      created_at: '2026-03-05T02:00:00Z',
      sent_at: null,
    },
  ];
  outbox: OutboxItem[] = [];
  /** What the next send does. */
  nextSend: 'sent' | 'offline' = 'sent';
  /** Passwords saved (only to check the window sent it; a real backend never shows it). */
  savedPasswords: string[] = [];
  picked: string[] = ['C:\\Users\\vanthu\\Documents\\Bản scan có chữ ký.pdf'];
  private nextId = 1;

  item(state: OutboxState, extra: Partial<OutboxItem> = {}): OutboxItem {
    const item: OutboxItem = {
      id: this.nextId++,
      batch_id: 3,
      state,
      recipients: ['vanphong@haiphong.edu.vn'],
      subject: 'Trường THCS Lê Lợi gửi danh sách thu hồi chứng thư số (2 người)',
      body: 'Kính gửi Quý cơ quan,',
      attempts: 0,
      next_attempt_at: null,
      last_error: null,
      message_id: '<a1b2@gmail.com>',
      sent_at: null,
      created_at: '2026-03-05T02:10:00Z',
      files: [{ file_name: 'Bản scan có chữ ký.pdf', mime: 'application/pdf', size: 1_200_000, sha256: 'cd'.repeat(32) }],
      ...extra,
    };
    this.outbox.unshift(item);
    return item;
  }

  private find(id: number): OutboxItem {
    const i = this.outbox.find((x) => x.id === id);
    if (!i) throw { code: 'not_found', message: `Không tìm thấy thư số ${id} trong hộp thư đi.`, problems: [] };
    return i;
  }

  mail_settings_get = () => this.settings;
  mail_settings_save = ({ smtp, template }: Commands['mail_settings_save']['args']) => {
    if (smtp.security === 'plain' && !['127.0.0.1', 'localhost'].includes(smtp.host))
      throw { code: 'mail_settings', message: `Không gửi thư không mã hoá tới máy chủ ${smtp.host}.`, problems: [] };
    this.settings = { ...this.settings, smtp, template };
    return this.settings;
  };
  mail_password_save = ({ password }: { password: string }) => {
    this.savedPasswords.push(password);
    this.settings = { ...this.settings, password_saved: true };
    return null;
  };
  mail_password_forget = () => {
    this.settings = { ...this.settings, password_saved: false };
    return null;
  };
  mail_batches = () => this.batches;
  mail_preview = ({ batchId }: { batchId: number | null }) => {
    const b = this.batches.find((x) => x.id === batchId);
    return {
      subject: b ? `Trường THCS Lê Lợi gửi danh sách thu hồi chứng thư số (${b.row_count} người)` : 'Trường THCS Lê Lợi gửi danh sách',
      body: 'Kính gửi Quý cơ quan,',
      to: this.settings.last_recipients,
      batch: b ?? null,
    };
  };
  mail_pick_files = () => this.picked;
  mail_queue = ({ compose }: Commands['mail_queue']['args']) => {
    if (!compose.files.length && compose.batch_id === null) throw refused('Chưa có tệp đính kèm.');
    const item = this.item('queued', {
      batch_id: compose.batch_id,
      subject: compose.subject,
      recipients: compose.to.split(',').map((s) => s.trim()),
    });
    return { item, warning: null };
  };
  mail_send_now = ({ id, password }: Commands['mail_send_now']['args']) => {
    const item = this.find(id);
    if (this.settings.smtp.user && !this.settings.password_saved && !password)
      throw { code: 'no_password', message: 'Chưa có mật khẩu thư.', problems: [] };
    item.attempts += 1;
    if (this.nextSend === 'sent') {
      Object.assign(item, { state: 'sent', sent_at: '2026-03-05T02:11:00Z', last_error: null });
    } else {
      Object.assign(item, {
        state: 'queued',
        next_attempt_at: '2026-03-05T02:12:00Z',
        last_error: 'Không kết nối được máy chủ thư smtp.gmail.com:587. Có thể máy đang mất mạng; thư sẽ được gửi lại khi có mạng.',
      });
    }
    return item;
  };
  mail_draft_save = () => ({
    path: 'C:\\Users\\vanthu\\Documents\\Thư nháp.eml',
    bytes: 1_300_000,
    warning: null,
  });
  outbox_list = () => this.outbox;
  outbox_cancel = ({ id }: { id: number }) => Object.assign(this.find(id), { state: 'cancelled' as const });
  outbox_resend = ({ id }: { id: number }) => Object.assign(this.find(id), { state: 'queued' as const });
  outbox_confirm_sent = ({ id }: { id: number }) =>
    Object.assign(this.find(id), { state: 'sent' as const, sent_at: '2026-03-05T03:00:00Z', last_error: null });
}
