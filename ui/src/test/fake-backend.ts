// An in-memory stand-in for the Rust commands, for component tests (through
// `mockIPC`) and for the screenshot script. It follows the contract of
// src-tauri/src/lib.rs closely enough for the window to behave as with the
// real register; the real rules live in Rust and are tested there.

import type {
  AppInfo,
  ErrorBody,
  Field,
  Problem,
  Saved,
  Staff,
  StaffInput,
  StaffPage,
  StaffQuery,
  StaffSummary,
  Unit,
} from '../lib/bindings';
import type { Command, Commands } from '../lib/ipc';
import { emptyInput } from '../lib/staff/input';
import type { MailHandlers } from './fake-mail';
import type { FormsCommand } from './fake-forms';
import { type CertCommand, FakeCerts } from './fake-certs';
import type { DataCommand } from './fake-data';

const LABELS: Record<Field, string> = {
  full_name: 'Họ và tên',
  birth_date: 'Ngày sinh',
  gender: 'Giới tính',
  position: 'Chức vụ',
  team: 'Tổ chuyên môn',
  staff_code: 'Mã cán bộ',
  cccd: 'Số CCCD',
  cccd_issued_on: 'Ngày cấp CCCD',
  phone: 'Điện thoại',
  email: 'Email',
  notes: 'Ghi chú',
  left_on: 'Ngày nghỉ',
  left_reason: 'Lý do nghỉ',
  unit_name: 'Tên đơn vị',
  focal_phone: 'Điện thoại cán bộ đầu mối',
  focal_email: 'Email cán bộ đầu mối',
  cert_holder: 'Người giữ',
  cert_serial: 'Số hiệu chứng thư số',
  cert_subject: 'Tên trên chứng thư số',
  cert_valid_from: 'Hiệu lực từ ngày',
  cert_valid_to: 'Hiệu lực đến ngày',
  provider_name: 'Tên nhà cung cấp',
  provider_short_name: 'Tên viết tắt',
  request_certificate: 'Chứng thư số',
  request_reason: 'Lý do thu hồi',
  request_detail: 'Nội dung đề nghị',
  reminder_days: 'Số ngày nhắc trước',
};

export const USUAL_POSITIONS = [
  'Hiệu trưởng',
  'Phó hiệu trưởng',
  'Tổ trưởng chuyên môn',
  'Tổ phó chuyên môn',
  'Giáo viên',
  'Tổng phụ trách Đội',
  'Kế toán',
  'Văn thư',
  'Thủ quỹ',
  'Nhân viên thư viện',
  'Nhân viên thiết bị',
  'Nhân viên y tế',
  'Nhân viên',
  'Bảo vệ',
];

function problem(field: Field, severity: Problem['severity'], code: string, text: string): Problem {
  return { field, severity, code, message: `${LABELS[field]}: ${text}` };
}

/** Lower case without diacritics, as the backend's search compares. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
}

const collator = new Intl.Collator('vi');

/** Vietnamese list order: given name (last word) first, then the rest. */
function byVietnameseName(a: Staff, b: Staff): number {
  const key = (s: Staff) => {
    const words = s.full_name.split(' ');
    return [words[words.length - 1] ?? '', words.slice(0, -1).join(' ')] as const;
  };
  const [ga, ra] = key(a);
  const [gb, rb] = key(b);
  return collator.compare(ga, gb) || collator.compare(ra, rb) || a.id - b.id;
}

/** "dd/mm/yyyy" or "yyyy-mm-dd" to "yyyy-mm-dd"; null when not a real date. */
function parseDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const [y, mo, d] = m
    ? [Number(m[3]), Number(m[2]), Number(m[1])]
    : (m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))
      ? [Number(m[1]), Number(m[2]), Number(m[3])]
      : [0, 0, 0];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (!y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// The certificate and request commands live in fake-certs.ts.
type Handlers = { [C in Exclude<Command, FormsCommand | CertCommand | DataCommand>]: (args: Commands[C]['args']) => Commands[C]['reply'] };

/** One recorded call, to let tests see what the window sent. */
export type Call = { command: string; args: Record<string, unknown> };

export class FakeBackend {
  staff: Staff[] = [];
  unit: Unit = {
    name: 'Trường THCS Lê Lợi',
    managing_body: 'UBND PHƯỜNG HỒNG BÀNG',
    commune: 'UBND phường Hồng Bàng',
    place: 'Hải Phòng',
    signer_name: 'Nguyễn Thị Hồng Nhung',
    signer_role: 'principal',
    focal_name: 'Mai Thị Thảo',
    focal_phone: '0912345678',
    focal_email: 'thaomt@haiphong.edu.vn',
  };
  info: AppInfo = {
    db_path: 'C:\\Users\\vanthu\\AppData\\Roaming\\ChungThu\\chungthu.db',
    version: '0.1.0',
    usual_positions: USUAL_POSITIONS,
    warnings: [],
  };
  /** When set, every command fails with it (a database that could not be opened). */
  openError: ErrorBody | null = null;
  /** People who have certificates or requests: never deleted. */
  withHistory = new Set<number>();
  calls: Call[] = [];
  /** The e-mail commands, for the tests of the "Gửi thư" page. */
  mail: MailHandlers | null = null;
  private mailOrFail(): MailHandlers {
    if (!this.mail) throw 'mail commands are not set up in this test';
    return this.mail;
  }
  /** The import commands, for the tests of the import wizard (no file is read here). */
  importer: { [C in 'staff_import_preview' | 'staff_import_apply']: (args: Commands[C]['args']) => Commands[C]['reply'] } | null =
    null;
  /** Certificates, providers, imports and requests. */
  readonly certs = new FakeCerts(this);
  private nextId = 1;

  /** The `mockIPC` callback. */
  handle = (command: string, args: unknown): unknown => {
    const a = (args ?? {}) as Record<string, unknown>;
    this.calls.push({ command, args: structuredClone(a) });
    if (this.openError) throw this.openError;
    const handler =
      (this.handlers as Record<string, ((x: unknown) => unknown) | undefined>)[command] ??
      (this.certs.handlers as Record<string, ((x: unknown) => unknown) | undefined>)[command];
    if (!handler) throw `command ${command} not found`;
    return structuredClone(handler(a));
  };

  /** The arguments of every call to `command`, oldest first. */
  callsTo<C extends Command>(command: C): Commands[C]['args'][] {
    return this.calls.filter((c) => c.command === command).map((c) => c.args as Commands[C]['args']);
  }

  /** Adds a person as the backend would store them (no checks). */
  seed(input: Partial<StaffInput> & { full_name: string }, extra: Partial<Staff> = {}): Staff {
    const full: StaffInput = { ...emptyInput(), ...input };
    const person = this.build(this.nextId++, full, this.validate(full, null));
    Object.assign(person, extra);
    this.staff.push(person);
    return person;
  }

  private readonly handlers: Handlers = {
    app_info: () => this.info,
    unit_get: () => this.unit,
    unit_save: ({ unit }) => {
      const problems: Problem[] = [];
      if (!unit.name.trim()) problems.push(problem('unit_name', 'error', 'required', 'chưa nhập'));
      if (unit.focal_phone.trim() && !/^0\d{9}$/.test(unit.focal_phone.replace(/\s/g, ''))) {
        problems.push(problem('focal_phone', 'error', 'phone_shape', 'phải gồm 10 chữ số, bắt đầu bằng 0'));
      }
      if (unit.focal_email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(unit.focal_email.trim())) {
        problems.push(
          problem('focal_email', 'error', 'email_syntax', 'không đúng dạng địa chỉ thư (ví dụ: ten@haiphong.edu.vn)'),
        );
      }
      if (problems.length) throw invalid(problems);
      this.unit = { ...unit, focal_phone: unit.focal_phone.replace(/\s/g, '') };
      return this.unit;
    },
    staff_list: ({ query }) => this.list(query),
    staff_summary: () => this.summary(),
    staff_get: ({ id }) => this.get(id),
    staff_check: ({ input, id }) => this.validate(input, id),
    staff_add: ({ input }) => this.save(null, input),
    staff_edit: ({ id, input }) => this.save(id, input),
    staff_mark_left: ({ id, leaving }) => {
      const person = this.get(id);
      const problems: Problem[] = [];
      const on = parseDate(leaving.on);
      if (!on) problems.push(problem('left_on', 'error', 'date_shape', 'không đúng dạng ngày/tháng/năm (ví dụ 05/09/2024)'));
      if (leaving.reason === 'other' && !leaving.note.trim()) {
        problems.push(problem('left_reason', 'error', 'reason_note_required', 'trường hợp khác cần ghi rõ lý do'));
      }
      if (problems.length) throw invalid(problems);
      Object.assign(person, {
        status: 'left',
        left_reason: leaving.reason,
        left_on: on,
        left_note: leaving.note.trim() || null,
      });
      return person;
    },
    staff_reinstate: ({ id }) => {
      const person = this.get(id);
      Object.assign(person, { status: 'active', left_reason: null, left_on: null, left_note: null });
      return person;
    },
    staff_import_preview: (args) => this.importerOrFail().staff_import_preview(args),
    staff_import_apply: (args) => this.importerOrFail().staff_import_apply(args),
    mail_settings_get: (args) => this.mailOrFail().mail_settings_get(args),
    mail_settings_save: (args) => this.mailOrFail().mail_settings_save(args),
    mail_password_save: (args) => this.mailOrFail().mail_password_save(args),
    mail_password_forget: (args) => this.mailOrFail().mail_password_forget(args),
    mail_batches: (args) => this.mailOrFail().mail_batches(args),
    mail_preview: (args) => this.mailOrFail().mail_preview(args),
    mail_pick_files: (args) => this.mailOrFail().mail_pick_files(args),
    mail_queue: (args) => this.mailOrFail().mail_queue(args),
    mail_send_now: (args) => this.mailOrFail().mail_send_now(args),
    mail_draft_save: (args) => this.mailOrFail().mail_draft_save(args),
    outbox_list: (args) => this.mailOrFail().outbox_list(args),
    outbox_cancel: (args) => this.mailOrFail().outbox_cancel(args),
    outbox_resend: (args) => this.mailOrFail().outbox_resend(args),
    outbox_confirm_sent: (args) => this.mailOrFail().outbox_confirm_sent(args),
    staff_delete: ({ id }) => {
      const person = this.get(id);
      if (this.withHistory.has(id)) {
        throw {
          code: 'refused',
          message: `Không xoá ${person.full_name}: người này đã có chứng thư số hoặc đề nghị. Hãy đánh dấu “đã nghỉ” thay vì xoá.`,
          problems: [],
        } satisfies ErrorBody;
      }
      this.staff = this.staff.filter((s) => s.id !== id);
      return null;
    },
  };

  private importerOrFail(): NonNullable<FakeBackend['importer']> {
    if (!this.importer) throw 'import commands are not set up in this test';
    return this.importer;
  }

  /** One person, or the backend's not-found error. */
  get(id: number): Staff {
    const person = this.staff.find((s) => s.id === id);
    if (!person) {
      throw { code: 'not_found', message: `Không tìm thấy người có mã ${id} trong danh sách.`, problems: [] };
    }
    return person;
  }

  private list(q: StaffQuery): StaffPage {
    const words = fold(q.search).split(/\s+/).filter(Boolean);
    const matches = this.staff
      .filter((s) => {
        if (q.status && s.status !== q.status) return false;
        if (q.position && s.position !== q.position) return false;
        if (q.team && s.team !== q.team) return false;
        if (q.flagged_only && (s.status !== 'active' || s.warnings.length === 0)) return false;
        const text = fold(
          [s.full_name, s.cccd, s.phone, s.email, s.position, s.team, s.staff_code].filter(Boolean).join(' '),
        );
        return words.every((w) => text.includes(w));
      })
      .sort(byVietnameseName);
    const end = q.limit === 0 ? undefined : q.offset + q.limit;
    return { items: matches.slice(q.offset, end), total: matches.length };
  }

  private summary(): StaffSummary {
    const active = this.staff.filter((s) => s.status === 'active');
    const distinct = (values: (string | null)[]) =>
      [...new Set(values.filter((v): v is string => !!v))].sort(collator.compare);
    return {
      active: active.length,
      left: this.staff.length - active.length,
      flagged: active.filter((s) => s.warnings.length > 0).length,
      positions: distinct(this.staff.map((s) => s.position)),
      teams: distinct(this.staff.map((s) => s.team)),
    };
  }

  private validate(input: StaffInput, id: number | null): Problem[] {
    const p: Problem[] = [];
    const name = input.full_name.trim();
    if (!name) p.push(problem('full_name', 'error', 'required', 'chưa nhập'));
    else if (/[\d@/\\;,_]/.test(name)) p.push(problem('full_name', 'error', 'name_chars', 'chỉ được gồm chữ cái và dấu cách'));
    const birth = input.birth_date.trim();
    if (/^\d{4}$/.test(birth)) {
      p.push(problem('birth_date', 'warning', 'birth_year_only', 'chỉ có năm sinh, thiếu ngày và tháng; bổ sung theo hồ sơ'));
    } else if (birth && !parseDate(birth)) {
      p.push(problem('birth_date', 'error', 'date_shape', 'không đúng dạng ngày/tháng/năm (ví dụ 05/09/1985)'));
    }
    const cccd = input.cccd.replace(/\s/g, '');
    if (!cccd) {
      p.push(problem('cccd', 'warning', 'cccd_missing', 'chưa có; cần bổ sung để đề nghị cấp chứng thư số'));
    } else if (/^\d{9}$/.test(cccd)) {
      p.push(problem('cccd', 'warning', 'cmnd_old', 'là số CMND cũ (9 chữ số); cần cập nhật số CCCD 12 chữ số'));
    } else if (!/^\d{12}$/.test(cccd)) {
      p.push(problem('cccd', 'error', 'cccd_length', 'phải gồm đúng 12 chữ số'));
    } else {
      const other = this.staff.find((s) => s.status === 'active' && s.cccd === cccd && s.id !== id);
      if (other) {
        p.push(
          problem('cccd', 'error', 'cccd_duplicate', `trùng với người đang công tác ${other.full_name} (mã ${other.id}); mỗi người một số`),
        );
      }
    }
    if (input.cccd_issued_on.trim() && !parseDate(input.cccd_issued_on)) {
      p.push(problem('cccd_issued_on', 'error', 'date_shape', 'không đúng dạng ngày/tháng/năm (ví dụ 05/09/2021)'));
    }
    const phone = input.phone.replace(/[\s.]/g, '');
    if (phone && !/^0\d{9}$/.test(phone)) {
      p.push(problem('phone', 'error', 'phone_shape', 'phải gồm 10 chữ số, bắt đầu bằng 0'));
    }
    if (input.email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email.trim())) {
      p.push(problem('email', 'error', 'email_syntax', 'không đúng dạng địa chỉ thư (ví dụ: ten@haiphong.edu.vn)'));
    }
    return p;
  }

  private save(id: number | null, input: StaffInput): Saved {
    const problems = this.validate(input, id);
    if (problems.some((x) => x.severity === 'error')) throw invalid(problems);
    const warnings = problems.filter((x) => x.severity === 'warning');
    const built = this.build(id ?? this.nextId++, input, warnings);
    if (id === null) {
      this.staff.push(built);
      return { staff: built, warnings };
    }
    const person = this.get(id);
    Object.assign(person, { ...built, status: person.status, left_on: person.left_on, left_reason: person.left_reason, left_note: person.left_note, created_at: person.created_at });
    return { staff: person, warnings };
  }

  private build(id: number, input: StaffInput, problems: Problem[]): Staff {
    const text = (s: string) => s.trim() || null;
    const birth = input.birth_date.trim();
    const birthDate = parseDate(birth);
    const now = '2025-09-05T02:00:00Z';
    return {
      id,
      full_name: input.full_name.trim().replace(/\s+/g, ' '),
      birth_date: birthDate,
      birth_year: birthDate ? Number(birthDate.slice(0, 4)) : /^\d{4}$/.test(birth) ? Number(birth) : null,
      gender: input.gender,
      position: text(input.position),
      team: text(input.team),
      staff_code: text(input.staff_code),
      cccd: text(input.cccd.replace(/\s/g, '')),
      cccd_issued_on: parseDate(input.cccd_issued_on),
      phone: text(input.phone.replace(/[\s.]/g, '')),
      email: text(input.email.toLowerCase()),
      notes: text(input.notes),
      status: 'active',
      left_reason: null,
      left_on: null,
      left_note: null,
      warnings: problems.filter((x) => x.severity === 'warning'),
      created_at: now,
      updated_at: now,
      erased_at: null,
    };
  }
}

function invalid(problems: Problem[]): ErrorBody {
  const errors = problems.filter((p) => p.severity === 'error').map((p) => p.message);
  return { code: 'invalid', message: `Chưa lưu được vì dữ liệu chưa hợp lệ: ${errors.join('; ')}`, problems };
}
