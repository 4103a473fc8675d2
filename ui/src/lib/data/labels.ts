// Words for backups: reasons, sizes and times as the clerk reads them.
import type { BackupInfo, BackupReason } from '../bindings';

export const REASONS: Record<BackupReason, string> = {
  manual: 'Sao lưu thủ công',
  daily: 'Sao lưu hằng ngày',
  before_migration: 'Trước khi nâng cấp dữ liệu',
  before_import: 'Trước khi nhập từ tệp Excel',
  before_reconcile: 'Trước khi đối chiếu danh sách mới',
  before_restore: 'Trước khi khôi phục',
};

/** "2026-11-23T18:05:00" → "23/11/2026 18:05". */
export function takenAt(b: Pick<BackupInfo, 'taken_at'>): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(b.taken_at);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : b.taken_at;
}

/** Bytes in KB/MB with a Vietnamese decimal comma. */
export function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/** What a backup holds, in one line. */
export function holds(b: BackupInfo): string {
  const c = b.content;
  return c ? `${c.staff} cán bộ, ${c.certificates} chứng thư, ${c.requests} đề nghị` : 'không đọc được';
}

/** "5/9/2026" or "05/09/2026" → "2026-09-05"; `null` when not a real day. */
export function vnToIso(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
