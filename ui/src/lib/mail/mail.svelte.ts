// The "Gửi thư" page's state: SMTP settings, the message being composed, the
// outbox; every action goes through one backend command.

import type {
  Batch,
  ErrorBody,
  MailCompose,
  MailSettings,
  OutboxItem,
  Preset,
} from '../bindings';
import { call, errorBody } from '../ipc';

export class MailState {
  settings = $state<MailSettings | null>(null);
  batches = $state.raw<Batch[]>([]);
  outbox = $state.raw<OutboxItem[]>([]);
  failure = $state.raw<ErrorBody | null>(null);
  busy = $state(false);

  /** The message being composed. */
  batchId = $state<number | null>(null);
  to = $state('');
  subject = $state('');
  body = $state('');
  files = $state<string[]>([]);
  /** Password typed for this send (when none is stored). */
  sendPassword = $state('');

  /** Outcome of the last compose action, in words. */
  notice = $state.raw<{ tone: 'ok' | 'warn' | 'danger'; text: string } | null>(null);

  batch = $derived(this.batches.find((b) => b.id === this.batchId) ?? null);
  /** Exported lists that may still be sent (the latest of each export). */
  live = $derived(this.batches.filter((b) => b.superseded_by === null));
  waiting = $derived(this.outbox.filter((i) => i.state === 'queued' || i.state === 'sending').length);

  async load(): Promise<void> {
    try {
      const [settings, batches, outbox] = await Promise.all([
        call('mail_settings_get'),
        call('mail_batches'),
        call('outbox_list'),
      ]);
      await this.fill();
      // All at once, so the page never shows settings without the lists.
      [this.batches, this.outbox, this.settings] = [batches, outbox, settings];
    } catch (e) {
      this.failure = errorBody(e);
    }
  }

  async refreshOutbox(): Promise<void> {
    try {
      this.outbox = await call('outbox_list');
    } catch (e) {
      this.failure = errorBody(e);
    }
  }

  /** Subject, body and recipients from the template for the chosen list. */
  async fill(): Promise<void> {
    const preview = await call('mail_preview', { batchId: this.batchId });
    this.subject = preview.subject;
    this.body = preview.body;
    if (!this.to) this.to = preview.to;
  }

  async chooseBatch(id: number | null): Promise<void> {
    this.batchId = id;
    this.files = [];
    this.notice = null;
    try {
      await this.fill();
    } catch (e) {
      this.notice = { tone: 'danger', text: errorBody(e).message };
    }
  }

  async pickFiles(): Promise<void> {
    const picked = await call('mail_pick_files');
    for (const p of picked) if (!this.files.includes(p)) this.files.push(p);
  }

  removeFile(path: string): void {
    this.files = this.files.filter((f) => f !== path);
  }

  compose(): MailCompose {
    return { batch_id: this.batchId, to: this.to, subject: this.subject, body: this.body, files: [...this.files] };
  }

  /** Queues the message and tries to send it at once. */
  async send(): Promise<boolean> {
    return this.#run(async () => {
      const queued = await call('mail_queue', { compose: this.compose() });
      const password = this.sendPassword || null;
      let item = queued.item;
      try {
        item = await call('mail_send_now', { id: item.id, password });
      } catch (e) {
        const body = errorBody(e);
        if (body.code !== 'no_password') throw e;
        this.notice = {
          tone: 'warn',
          text: 'Thư đã vào hộp thư đi nhưng chưa gửi: chưa có mật khẩu. Hãy nhập mật khẩu rồi bấm “Gửi ngay” trong hộp thư đi.',
        };
        return;
      } finally {
        this.sendPassword = '';
        await this.refreshAll();
      }
      if (item.state === 'sent') this.notice = { tone: 'ok', text: 'Đã gửi thư.' };
      else if (item.state === 'queued')
        this.notice = { tone: 'warn', text: `Chưa gửi được, thư nằm trong hộp thư đi và sẽ tự gửi lại. ${item.last_error ?? ''}` };
      else this.notice = { tone: 'danger', text: item.last_error ?? 'Gửi không được.' };
      if (queued.warning) this.notice = { tone: 'warn', text: `${this.notice.text} ${queued.warning}` };
      if (item.state !== 'failed') this.files = [];
    });
  }

  async saveDraft(): Promise<void> {
    await this.#run(async () => {
      const saved = await call('mail_draft_save', { compose: this.compose() });
      if (saved) {
        this.notice = {
          tone: saved.warning ? 'warn' : 'ok',
          text: `Đã lưu thư nháp: ${saved.path}. Mở tệp này bằng Outlook hoặc Thunderbird để gửi.${saved.warning ? ' ' + saved.warning : ''}`,
        };
      }
    });
  }

  async sendNow(id: number, password: string): Promise<void> {
    await this.#act(() => call('mail_send_now', { id, password: password || null }));
  }
  async cancel(id: number): Promise<void> {
    await this.#act(() => call('outbox_cancel', { id }));
  }
  async resend(id: number): Promise<void> {
    await this.#act(() => call('outbox_resend', { id }));
  }
  async confirmSent(id: number): Promise<void> {
    await this.#act(() => call('outbox_confirm_sent', { id }));
  }

  applyPreset(p: Preset): void {
    if (!this.settings) return;
    this.settings.smtp.host = p.host;
    this.settings.smtp.port = p.port;
    this.settings.smtp.security = p.security;
  }

  async saveSettings(): Promise<boolean> {
    if (!this.settings) return false;
    const { smtp, template } = $state.snapshot(this.settings);
    return this.#run(async () => {
      this.settings = await call('mail_settings_save', { smtp, template });
      this.notice = null;
    });
  }

  async savePassword(password: string): Promise<boolean> {
    return this.#run(async () => {
      await call('mail_password_save', { password });
      this.settings = await call('mail_settings_get');
    });
  }

  async forgetPassword(): Promise<boolean> {
    return this.#run(async () => {
      await call('mail_password_forget');
      this.settings = await call('mail_settings_get');
    });
  }

  async refreshAll(): Promise<void> {
    this.outbox = await call('outbox_list');
    this.batches = await call('mail_batches');
  }

  async #act(action: () => Promise<OutboxItem>): Promise<void> {
    await this.#run(async () => {
      await action();
      await this.refreshAll();
    });
  }

  /** Runs an action; a refusal is shown in `failure`. True when it went through. */
  async #run(action: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.failure = null;
    try {
      await action();
      return true;
    } catch (e) {
      this.failure = errorBody(e);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
