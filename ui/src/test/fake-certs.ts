// The certificate, import and request commands of the in-memory backend
// (see fake-backend.ts). Status and days left are computed from a fixed
// "today" like the Rust api does; the real rules live and are tested there.

import type {
  CertStatus,
  CertView,
  ImportItem,
  ImportOutcome,
  Problem,
  Provider,
  ProviderInput,
  RequestEvent,
  RequestStatus,
  RequestView,
} from '../lib/bindings';
import { NEXT_STATUS } from '../lib/certs/labels';
import type { Command, Commands } from '../lib/ipc';
import type { FakeBackend } from './fake-backend';

export type CertCommand =
  | 'cert_list'
  | 'cert_add'
  | 'cert_edit'
  | 'cert_mark_revoked'
  | 'provider_list'
  | 'provider_add'
  | 'provider_edit'
  | 'cert_import_preview'
  | 'cert_import_apply'
  | 'cert_pick_files'
  | 'cert_pick_folder'
  | 'dashboard'
  | 'reminder_days_save'
  | 'calendar_export'
  | 'request_add'
  | 'request_add_many'
  | 'request_list'
  | 'request_move'
  | 'request_delete'
  | 'revocation_proposals'
  | 'staff_history';

type Handlers<K extends Command> = { [C in K]: (args: Commands[C]['args']) => Commands[C]['reply'] };

/** The fake's today. */
export const TODAY = '2026-06-01';

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

export class FakeCerts {
  certs: CertView[] = [];
  requests: RequestView[] = [];
  events: RequestEvent[] = [];
  reminderDays = [90, 30, 7];
  providers: Provider[] = [
    { id: 1, name: 'Ban Cơ yếu Chính phủ', short_name: 'Ban Cơ yếu', kind: 'specialised', issuer_fragments: ['Ban Cơ yếu Chính phủ'], builtin: true },
    { id: 2, name: 'Tập đoàn Bưu chính Viễn thông Việt Nam (VNPT)', short_name: 'VNPT-CA', kind: 'public', issuer_fragments: ['VNPT-CA'], builtin: true },
  ];
  /** What reading a path gives (the test says what each "file" holds). */
  previews = new Map<string, ImportItem[]>();
  /** What the file dialog "returns". */
  picked: string[] = [];
  private nextId = 1;

  constructor(private readonly backend: FakeBackend) {}

  /** Adds a certificate for a person (or the unit with `null`). */
  seed(staffId: number | null, serial: string, validTo: string, extra: Partial<CertView> = {}): CertView {
    const holder = staffId === null ? null : this.backend.get(staffId);
    const cert: CertView = {
      id: this.nextId++,
      staff_id: staffId,
      holder_name: holder?.full_name ?? this.backend.unit.name,
      holder_active: holder ? holder.status === 'active' : true,
      provider_id: 1,
      provider: 'Ban Cơ yếu',
      kind: 'specialised',
      form: 'token',
      serial_hex: serial,
      subject_name: holder?.full_name ?? this.backend.unit.name,
      issuer_name: 'CA phục vụ các cơ quan Nhà nước G2',
      valid_from: '2024-01-01',
      valid_to: validTo,
      purpose: null,
      revoked_on: null,
      notes: null,
      status: 'valid',
      days_left: 0,
      ...extra,
    };
    this.certs.push(cert);
    return this.fresh(cert);
  }

  private fresh(c: CertView): CertView {
    const days = daysBetween(TODAY, c.valid_to);
    const window = Math.max(...this.reminderDays);
    const status: CertStatus = c.revoked_on ? 'revoked' : days < 0 ? 'expired' : days <= window ? 'expiring' : 'valid';
    // The provider's short name is joined at read time, as the api does.
    const provider = this.providers.find((p) => p.id === c.provider_id);
    Object.assign(c, { days_left: days, status, provider: provider?.short_name ?? null });
    return c;
  }

  private all(): CertView[] {
    return this.certs.map((c) => this.fresh(c)).sort((a, b) => a.valid_to.localeCompare(b.valid_to) || a.id - b.id);
  }

  private addRequest(staffId: number, kind: RequestView['kind'], reason: RequestView['reason'], detail: string, certId: number | null): RequestView {
    const person = this.backend.get(staffId);
    const cert = this.certs.find((c) => c.id === certId);
    const r: RequestView = {
      id: this.nextId++,
      staff_id: staffId,
      staff_name: person.full_name,
      staff_active: person.status === 'active',
      kind,
      reason,
      detail: detail.trim() || null,
      certificate_id: certId,
      certificate_serial: cert?.serial_hex ?? null,
      provider: cert ? (this.providers.find((p) => p.id === cert.provider_id)?.name ?? null) : null,
      status: 'marked',
      batch_id: null,
      since: TODAY,
      last_note: null,
      missing: [],
    };
    this.requests.push(r);
    this.events.push({ id: this.nextId++, request_id: r.id, at: TODAY, from_status: null, to_status: 'marked', note: null });
    return r;
  }

  /** Api's save_provider: cleaned text, a required and unique name, the short name defaulting to it. */
  private saveProvider(id: number | null, input: ProviderInput): Provider {
    const clean = (t: string) => t.normalize('NFC').replace(/\s+/g, ' ').trim();
    const existing = id === null ? null : this.providers.find((p) => p.id === id);
    if (id !== null && !existing) {
      throw { code: 'not_found', message: `Không tìm thấy nhà cung cấp có mã ${id} trong danh mục.`, problems: [] };
    }
    const name = clean(input.name);
    const fields = {
      name,
      short_name: clean(input.short_name) || name,
      kind: input.kind,
      issuer_fragments: input.issuer_fragments.split('\n').map(clean).filter(Boolean),
    };
    const problems: Problem[] = [];
    const other = this.providers.find((p) => p.name === name && p.id !== id);
    if (!name) problems.push({ field: 'provider_name', severity: 'error', code: 'required', message: 'Tên nhà cung cấp: chưa nhập' });
    else if (other) {
      problems.push({
        field: 'provider_name',
        severity: 'error',
        code: 'provider_duplicate',
        message: `Tên nhà cung cấp: đã có nhà cung cấp này trong danh mục (${other.short_name})`,
      });
    }
    if (problems.length) {
      throw { code: 'invalid', message: `Chưa lưu được vì dữ liệu chưa hợp lệ: ${problems.map((p) => p.message).join('; ')}`, problems };
    }
    if (existing) return Object.assign(existing, fields);
    const p: Provider = { id: Math.max(0, ...this.providers.map((x) => x.id)) + 1, ...fields, builtin: false };
    this.providers.push(p);
    return p;
  }

  readonly handlers: Handlers<CertCommand> = {
    cert_list: ({ query }) =>
      this.all().filter(
        (c) =>
          (query.staff_id === null || c.staff_id === query.staff_id) &&
          (query.statuses.length === 0 || query.statuses.includes(c.status)) &&
          (query.provider_id === null || c.provider_id === query.provider_id) &&
          (query.expiring_within === null || ((c.status === 'valid' || c.status === 'expiring') && c.days_left <= query.expiring_within)),
      ),
    cert_add: ({ input }) =>
      this.seed(input.holder === 'unit' ? null : input.holder.staff, input.serial_hex.toUpperCase(), input.valid_to.split('/').reverse().join('-')),
    cert_edit: ({ id }) => this.fresh(this.certs.find((c) => c.id === id)!),
    cert_mark_revoked: ({ id, on }) => {
      const c = this.certs.find((x) => x.id === id)!;
      c.revoked_on = on ? on.split('/').reverse().join('-') : null;
      return this.fresh(c);
    },
    provider_list: () =>
      [...this.providers].sort(
        (a, b) => Number(a.kind === 'public') - Number(b.kind === 'public') || a.short_name.localeCompare(b.short_name, 'en', { sensitivity: 'accent' }) || a.id - b.id,
      ),
    provider_add: ({ input }) => this.saveProvider(null, input),
    provider_edit: ({ id, input }) => this.saveProvider(id, input),
    cert_import_preview: ({ paths }) => paths.flatMap((p) => this.previews.get(p) ?? []),
    cert_import_apply: ({ choices }) =>
      choices.map((choice): ImportOutcome => {
        const item = [...this.previews.values()].flat().find((i) => i.file === choice.file);
        if (!item || item.error || !item.serial_hex || !item.not_after) {
          return { file: choice.file, status: 'error', certificate_id: null, error: item?.error ?? null };
        }
        const cert = this.seed(choice.holder === 'unit' ? null : choice.holder.staff, item.serial_hex, item.not_after);
        return { file: choice.file, status: 'added', certificate_id: cert.id, error: null };
      }),
    cert_pick_files: () => this.picked,
    cert_pick_folder: () => null,
    dashboard: () => {
      const certs = this.all().filter((c) => c.holder_active);
      const usable = new Set(certs.filter((c) => c.status === 'valid' || c.status === 'expiring').map((c) => c.staff_id));
      const statuses: RequestStatus[] = ['marked', 'exported', 'sent', 'done', 'rejected'];
      return {
        today: TODAY,
        reminder_days: [...this.reminderDays].sort((a, b) => b - a),
        expired: certs.filter((c) => c.status === 'expired'),
        expiring: certs.filter((c) => c.status === 'expiring'),
        without_valid: this.backend.staff
          .filter((s) => s.status === 'active' && !usable.has(s.id))
          .map((s) => ({ id: s.id, full_name: s.full_name, position: s.position })),
        requests: statuses.map((status) => ({ status, count: this.requests.filter((r) => r.status === status).length })),
        waiting: this.requests.filter((r) => r.status !== 'done'),
        usable_count: certs.filter((c) => c.status === 'valid' || c.status === 'expiring').length,
      };
    },
    reminder_days_save: ({ days }) => {
      if (!days.length || days.some((d) => d < 1 || d > 3650)) {
        throw {
          code: 'invalid',
          message: 'Chưa lưu được vì dữ liệu chưa hợp lệ: Số ngày nhắc trước: mỗi mốc từ 1 đến 3650 ngày',
          problems: [{ field: 'reminder_days', severity: 'error', code: 'reminder_days', message: 'Số ngày nhắc trước: mỗi mốc từ 1 đến 3650 ngày' }],
        };
      }
      this.reminderDays = days;
      return days;
    },
    calendar_export: () => this.all().filter((c) => c.status === 'valid' || c.status === 'expiring').length,
    request_add: ({ input }) => this.addRequest(input.staff_id, input.kind, input.reason, input.detail, input.certificate_id),
    request_add_many: ({ input }) => {
      const added: RequestView[] = [];
      const skipped = [];
      for (const id of input.staff_ids) {
        const open = this.requests.find((r) => r.staff_id === id && r.kind === input.kind && r.status !== 'done');
        const person = this.backend.get(id);
        if (open) skipped.push({ staff_id: id, full_name: person.full_name, message: `${person.full_name} đã có đề nghị đang chờ (mã ${open.id}).` });
        else added.push(this.addRequest(id, input.kind, input.reason, input.detail, null));
      }
      return { added, skipped };
    },
    request_list: ({ query }) => this.requests.filter((r) => query.status === null || r.status === query.status),
    request_move: ({ id, to, note }) => {
      const r = this.requests.find((x) => x.id === id)!;
      if (!NEXT_STATUS[r.status].includes(to)) {
        throw { code: 'refused', message: `Không chuyển được đề nghị của ${r.staff_name}.`, problems: [] };
      }
      if (to === 'exported' && r.missing.length) {
        throw { code: 'refused', message: `Chưa đưa được ${r.staff_name} vào danh sách: còn thiếu ${r.missing.map((m) => m.message.split(':')[0]).join(', ')}.`, problems: [] };
      }
      this.events.push({ id: this.nextId++, request_id: id, at: TODAY, from_status: r.status, to_status: to, note: note || null });
      return Object.assign(r, { status: to, last_note: note || null, since: TODAY });
    },
    request_delete: ({ id }) => {
      this.requests = this.requests.filter((r) => r.id !== id);
      return null;
    },
    revocation_proposals: ({ staffId }) => {
      const person = this.backend.get(staffId);
      if (person.status !== 'left' || !person.left_reason) return [];
      const reason = person.left_reason;
      return this.all()
        .filter((c) => c.staff_id === staffId && (c.status === 'valid' || c.status === 'expiring'))
        .filter((c) => !this.requests.some((r) => r.kind === 'revocation' && r.certificate_id === c.id && r.status !== 'done'))
        .map((certificate) => ({ certificate, reason, detail: person.left_note ?? '' }));
    },
    staff_history: ({ staffId }) => {
      const requests = this.requests.filter((r) => r.staff_id === staffId).reverse();
      return {
        certificates: this.all().filter((c) => c.staff_id === staffId).reverse(),
        requests,
        events: this.events.filter((e) => requests.some((r) => r.id === e.request_id)),
      };
    },
  };
}
