// Words for the "Biểu mẫu" page: list kinds, batch states, flag levels.
import type { BatchKind, BatchView, FlagLevel } from '../bindings';

export const KINDS: { id: BatchKind; label: string; hint: string }[] = [
  { id: 'issuance', label: 'Đề nghị cấp mới', hint: 'Người đã đánh dấu cần cấp chứng thư số' },
  { id: 'revocation', label: 'Thu hồi', hint: 'Chứng thư số của người đã chuyển đi, nghỉ hưu, nghỉ việc' },
  { id: 'renewal', label: 'Gia hạn', hint: 'Chứng thư số sắp hết hạn cần gia hạn' },
  { id: 'change', label: 'Thay đổi thông tin', hint: 'Đổi chức vụ, đơn vị… trên chứng thư số' },
  { id: 'certificates', label: 'Chứng thư số đang dùng', hint: 'Danh sách chứng thư số còn hiệu lực (kèm Excel)' },
  { id: 'email_summary', label: 'Đề nghị email công vụ', hint: 'Cán bộ đang làm việc chưa có email công vụ' },
];

export const KIND_LABEL: Record<BatchKind, string> = Object.fromEntries(
  KINDS.map((k) => [k.id, k.label]),
) as Record<BatchKind, string>;

export const LEVEL_LABEL: Record<FlagLevel, string> = {
  blocking: 'Cần bổ sung',
  warning: 'Nên kiểm tra',
};

/** The state of a recorded list, in words, and its colour class. */
export function batchState(b: BatchView): { label: string; tone: 'old' | 'sent' | 'open' } {
  if (b.superseded_by !== null) return { label: `Đã được thay bằng số ${b.superseded_by}`, tone: 'old' };
  if (b.status === 'sent') return { label: 'Đã gửi', tone: 'sent' };
  return { label: 'Đã xuất, chưa gửi', tone: 'open' };
}


/** `dir` joined with `name` using the folder's own separator (Windows or not). */
export function joinPath(dir: string, name: string): string {
  if (!dir) return name;
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

/** The same path with another extension (".xlsx" beside the ".docx"). */
export function withExtension(path: string, ext: string): string {
  return path.replace(/\.[^./\\]*$/, '') + ext;
}
