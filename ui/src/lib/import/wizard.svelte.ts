// The import wizard's state: the file, its preview, the user's column
// mapping and ticks, and the apply. Reading runs in the backend's worker
// thread; its steps arrive as `import-progress` events.

import { listen } from '@tauri-apps/api/event';
import { open } from '@tauri-apps/plugin-dialog';
import type {
  ColumnMapping,
  ErrorBody,
  StaffImportChoices,
  ImportField,
  StaffImportOutcome,
  StaffImportPreview,
  StaffImportProgress,
  StaffImportRequest,
  LeftReason,
} from '../bindings';
import { call, errorBody } from '../ipc';

/** Vietnamese names of what a column can hold, in the backend's order. */
export const FIELD_LABEL: Record<ImportField, string> = {
  stt: 'STT',
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
};

export const IMPORT_FIELDS = Object.keys(FIELD_LABEL) as ImportField[];

/** The file kinds the sector database exports, for the open dialog. */
const FILTERS = [{ name: 'Bảng tính (Excel, OpenDocument, CSV)', extensions: ['xlsx', 'xls', 'ods', 'csv'] }];

export type LeaverReason = { reason: LeftReason; note: string };

export class ImportWizard {
  path = $state('');
  sheet = $state<string | null>(null);
  preview = $state.raw<StaffImportPreview | null>(null);
  /** The request the preview was made with; the apply re-reads the same. */
  private previewed: StaffImportRequest | null = null;
  busy = $state<'preview' | 'apply' | null>(null);
  progress = $state.raw<StaffImportProgress | null>(null);
  error = $state.raw<ErrorBody | null>(null);
  outcome = $state.raw<StaffImportOutcome | null>(null);
  /** Ticked proposal ids. */
  accepted = $state(new Set<string>());
  /** Reason and note per leaver (register id). */
  reasons = $state<Record<number, LeaverReason>>({});

  /** Opens the system's file dialog; a chosen file is previewed at once. */
  async browse(): Promise<void> {
    const chosen = await open({ multiple: false, directory: false, filters: FILTERS, title: 'Chọn tệp xuất từ CSDL ngành' });
    if (typeof chosen === 'string' && chosen) {
      this.path = chosen;
      this.sheet = null;
      await this.load(null);
    }
  }

  /** Previews the typed path with detection (or the remembered mapping). */
  async start(): Promise<void> {
    this.sheet = null;
    await this.load(null);
  }

  /** Another sheet of the same file. */
  async pickSheet(sheet: string): Promise<void> {
    this.sheet = sheet;
    await this.load(null);
  }

  /** Puts `field` (or nothing) on the header cell at `index` and previews again. */
  async remap(index: number, field: ImportField | ''): Promise<void> {
    const p = this.preview;
    if (!p) return;
    const cell = p.headers.find((h) => h.index === index) ?? p.mapping.columns.find((c) => c.index === index);
    if (!cell) return;
    // One field per column and one column per field: the new choice wins.
    const columns = p.mapping.columns.filter((c) => c.index !== index && c.field !== field);
    if (field) columns.push({ field, index, letter: cell.letter, header: cell.header });
    columns.sort((a, b) => a.index - b.index);
    const mapping: ColumnMapping = { ...p.mapping, columns };
    await this.load(mapping);
  }

  private async load(mapping: ColumnMapping | null): Promise<void> {
    const path = this.path.trim();
    if (!path) {
      this.error = { code: 'path_missing', message: 'Chưa chọn tệp: bấm “Chọn tệp…” hoặc dán đường dẫn của tệp vào ô.', problems: [] };
      return;
    }
    const request: StaffImportRequest = { path, sheet: this.sheet, mapping };
    this.error = null;
    this.outcome = null;
    const preview = await this.run('preview', () => call('staff_import_preview', { request }));
    if (!preview) return;
    this.previewed = { ...request, sheet: preview.sheet };
    this.sheet = preview.sheet;
    this.preview = preview;
    this.tickDefaults(preview);
  }

  /** New people, changes and returners are proposed ticked; leaving is the user's call. */
  private tickDefaults(p: StaffImportPreview): void {
    const ids = new Set<string>();
    const plan = p.plan;
    if (plan) {
      plan.joiners.forEach((j) => ids.add(j.id));
      plan.returners.forEach((r) => ids.add(r.id));
      plan.changes.forEach((person) => person.changes.forEach((c) => ids.add(c.id)));
    }
    this.accepted = ids;
    this.reasons = Object.fromEntries((plan?.leavers ?? []).map((l) => [l.register_id, { reason: 'other', note: '' }]));
  }

  toggle(id: string, on: boolean): void {
    const next = new Set(this.accepted);
    if (on) next.add(id);
    else next.delete(id);
    this.accepted = next;
  }

  toggleAll(ids: string[], on: boolean): void {
    const next = new Set(this.accepted);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    this.accepted = next;
  }

  /** Number of people the apply will add. */
  get toAdd(): number {
    const p = this.preview;
    if (!p) return 0;
    if (p.first_import) return p.counts.importable;
    return p.plan?.joiners.filter((j) => this.accepted.has(j.id)).length ?? 0;
  }

  /** Whether "Nhập" has anything to do. */
  get anything(): boolean {
    const p = this.preview;
    if (!p) return false;
    return p.first_import ? p.counts.importable > 0 : this.accepted.size > 0;
  }

  async apply(): Promise<void> {
    const p = this.preview;
    const request = this.previewed;
    if (!p || !request || !this.anything) return;
    const leavers = (p.plan?.leavers ?? [])
      .filter((l) => this.accepted.has(l.id))
      .map((l) => {
        const { reason, note }: LeaverReason = this.reasons[l.register_id] ?? { reason: 'other', note: '' };
        return { register_id: l.register_id, reason, note };
      });
    const choices: StaffImportChoices = {
      sha256: p.sha256,
      first_import: p.first_import,
      accepted: p.first_import ? [] : [...this.accepted],
      leavers,
    };
    this.error = null;
    const outcome = await this.run('apply', () => call('staff_import_apply', { request, choices }));
    if (outcome) {
      this.outcome = outcome;
      this.preview = null;
      this.previewed = null;
    }
  }

  /** Starts over with another file. */
  reset(): void {
    this.preview = null;
    this.previewed = null;
    this.outcome = null;
    this.error = null;
    this.path = '';
    this.sheet = null;
  }

  private async run<T>(kind: 'preview' | 'apply', work: () => Promise<T>): Promise<T | null> {
    this.busy = kind;
    this.progress = null;
    // Progress is a courtesy: without events the bar simply stays indeterminate.
    const stop = await listen<StaffImportProgress>('import-progress', (e) => (this.progress = e.payload)).catch(() => null);
    try {
      return await work();
    } catch (e) {
      this.error = errorBody(e);
      return null;
    } finally {
      stop?.();
      this.busy = null;
      this.progress = null;
    }
  }
}
