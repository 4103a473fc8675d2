// What the "Dữ liệu & sao lưu" page and the recovery screen's tests answer
// for their commands: backups with their content, a restore that swaps the
// data and leaves an undo backup, an audit log filtered like the backend's.
import type { AuditPage, AuditQuery, AuditRow, BackupInfo, BackupList, Recovered, Restored } from '../lib/bindings';
import type { Commands } from '../lib/ipc';

/** The commands of the data page (the staff fake backend does not answer them). */
export type DataCommand =
  | 'backup_list'
  | 'backup_now'
  | 'backup_restore'
  | 'backup_dir_choose'
  | 'backup_dir_reset'
  | 'audit_search'
  | 'audit_export'
  | 'staff_export_personal'
  | 'staff_erase_personal'
  | 'recovery_backups'
  | 'recovery_restore';

export function backup(taken_at: string, reason: BackupInfo['reason'], staff = 20, problem: string | null = null): BackupInfo {
  const stamp = taken_at.replace(/:/g, '-');
  const slug = { manual: 'thu-cong', daily: 'hang-ngay', before_migration: 'truoc-khi-nang-cap', before_import: 'truoc-khi-nhap', before_reconcile: 'truoc-khi-doi-chieu', before_restore: 'truoc-khi-khoi-phuc' }[reason];
  return {
    file_name: `chungthu-${stamp}-${slug}.db`,
    taken_at,
    reason,
    size_bytes: 245760,
    content: problem ? null : { staff, certificates: 12, requests: 3, schema_version: 2 },
    problem,
  };
}

function row(id: number, entity: string, action: string, at_local: string, fields: string[] = []): AuditRow {
  const labels: Record<string, string> = { staff: 'Cán bộ', unit: 'Thông tin đơn vị', database: 'Dữ liệu' };
  const actions: Record<string, string> = { create: 'Thêm', update: 'Sửa', left: 'Đánh dấu đã nghỉ', restore: 'Khôi phục từ bản sao lưu' };
  const fieldLabels: Record<string, string> = { phone: 'Điện thoại', cccd: 'Số CCCD', name: 'Tên', position: 'Chức vụ' };
  const [d, t] = at_local.split(' ');
  const [dd, mm, yyyy] = (d ?? '').split('/');
  return {
    id,
    at: `${yyyy}-${mm}-${dd}T${t}Z`,
    at_local,
    os_user: 'vanthu',
    entity,
    entity_label: labels[entity] ?? entity,
    entity_id: entity === 'staff' ? 7 : null,
    action,
    action_label: actions[action] ?? action,
    fields,
    field_labels: fields.map((f) => fieldLabels[f] ?? f),
  };
}

type Handlers = { [C in DataCommand]: (args: Commands[C]['args']) => Commands[C]['reply'] };

export class FakeData {
  dir = 'C:\\Users\\vanthu\\AppData\\Roaming\\ChungThu\\backups';
  chosenDir: string | null = null;
  /** What the folder dialog returns (null: the user cancelled). */
  pickedDir: string | null = 'E:\\SaoLuu';
  /** What the save dialog returns (null: the user cancelled). */
  savedPath: string | null = 'C:\\Users\\vanthu\\Documents\\nhat-ky-thay-doi.csv';
  staffCount = 20;
  backups: BackupInfo[] = [
    backup('2026-11-23T08:00:05', 'daily', 20),
    backup('2026-11-20T14:31:10', 'before_import', 12),
    backup('2026-11-02T08:00:01', 'daily', 12, 'Bản sao lưu bị hỏng, không dùng để khôi phục được.'),
  ];
  audit: AuditRow[] = [
    row(4, 'database', 'restore', '23/11/2026 09:12:40'),
    row(3, 'staff', 'update', '22/11/2026 15:02:11', ['phone', 'position']),
    row(2, 'unit', 'update', '20/11/2026 10:00:00', ['name']),
    row(1, 'staff', 'create', '02/11/2026 08:30:00', ['full_name', 'cccd']),
  ];
  queries: AuditQuery[] = [];
  exported: AuditQuery[] = [];
  /** The backups the window asked to restore, by file name. */
  restores: string[] = [];
  private clock = 0;

  list(): BackupList {
    const dir = this.chosenDir ?? this.dir;
    return { dir, default_dir: this.dir, chosen: this.chosenDir !== null, items: [...this.backups] };
  }

  private take(reason: BackupInfo['reason']): BackupInfo {
    this.clock++;
    const b = backup(`2026-11-23T18:0${this.clock}:00`, reason, this.staffCount);
    this.backups.unshift(b);
    return b;
  }

  readonly handlers: Handlers = {
    backup_list: () => this.list(),
    backup_now: () => this.take('manual'),
    backup_restore: ({ fileName }): Restored => {
      this.restores.push(fileName);
      const restored = this.backups.find((b) => b.file_name === fileName);
      if (!restored) throw { code: 'not_found', message: `Không tìm thấy bản sao lưu ${fileName}.`, problems: [] };
      const undo = this.take('before_restore');
      this.staffCount = restored.content?.staff ?? 0;
      this.audit.unshift(row(this.audit.length + 1, 'database', 'restore', '23/11/2026 18:10:00'));
      return { restored, undo };
    },
    backup_dir_choose: () => {
      if (this.pickedDir === null) return null;
      this.chosenDir = this.pickedDir;
      return this.list();
    },
    backup_dir_reset: () => {
      this.chosenDir = null;
      return this.list();
    },
    audit_search: ({ query }): AuditPage => {
      this.queries.push(query);
      const dayOf = (r: AuditRow) => r.at.slice(0, 10);
      const matches = this.audit.filter(
        (r) =>
          (!query.entity || r.entity === query.entity) &&
          (!query.from || dayOf(r) >= query.from) &&
          (!query.to || dayOf(r) <= query.to),
      );
      const end = query.limit === 0 ? undefined : query.offset + query.limit;
      const entities = [...new Set(this.audit.map((r) => r.entity))].sort().map((e) => {
        const label = this.audit.find((r) => r.entity === e)?.entity_label ?? e;
        return [e, label] as [string, string];
      });
      return { items: matches.slice(query.offset, end), total: matches.length, entities };
    },
    audit_export: ({ query }) => {
      this.exported.push(query);
      return this.savedPath;
    },
    staff_export_personal: () => this.savedPath,
    staff_erase_personal: () => {
      throw { code: 'refused', message: 'Không dùng trong các bài kiểm tra này.', problems: [] };
    },
    recovery_backups: () => [...this.backups],
    recovery_restore: ({ fileName }): Recovered => {
      const restored = this.backups.find((b) => b.file_name === fileName);
      if (!restored) throw { code: 'not_found', message: 'Không tìm thấy.', problems: [] };
      return { restored, damaged_moved_to: 'C:\\Users\\vanthu\\AppData\\Roaming\\ChungThu\\chungthu.damaged-2026-11-23T18-00-00.db' };
    },
  };

  /** The `mockIPC` callback. */
  handle = (command: string, args: unknown): unknown => {
    const handler = (this.handlers as Record<string, ((x: unknown) => unknown) | undefined>)[command];
    if (!handler) throw `command ${command} not found`;
    return structuredClone(handler(args ?? {}));
  };
}
