// Outbox states in words and the colour that goes with them (never colour
// alone), and list kinds as the user calls them.

import type { OutboxState } from '../bindings';

export const STATE_LABEL: Record<OutboxState, string> = {
  queued: 'Chờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Gửi không được',
  cancelled: 'Đã huỷ',
  uncertain: 'Có thể đã gửi',
};

/** Tone of the state's badge: ok (green), warn (amber), danger (red), muted (grey), info (blue). */
export const STATE_TONE: Record<OutboxState, 'ok' | 'warn' | 'danger' | 'muted' | 'info'> = {
  queued: 'info',
  sending: 'info',
  sent: 'ok',
  failed: 'danger',
  cancelled: 'muted',
  uncertain: 'warn',
};

export const KIND_LABEL: Record<string, string> = {
  issuance: 'Đề nghị cấp chứng thư số',
  revocation: 'Thu hồi chứng thư số',
  renewal: 'Đề nghị gia hạn',
  change: 'Đề nghị thay đổi thông tin',
  certificates: 'Chứng thư số đang dùng',
  email_summary: 'Đề nghị cấp email công vụ',
};


/** 1234567 → "1,2 MB". */
export function size(bytes: number): string {
  if (bytes < 1000_000) return `${Math.max(1, Math.round(bytes / 1000))} KB`;
  return `${(bytes / 1000_000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}
