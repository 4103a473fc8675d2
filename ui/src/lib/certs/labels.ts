// Vietnamese words for the certificate and request codes of the backend.

import type { CertForm, MatchKind, RequestKind, RequestStatus } from '../bindings';

export { CERT_KIND_LABEL, CERT_STATUS_LABEL, REQUEST_STATUS_LABEL } from '../labels';

export const CERT_FORM_LABEL: Record<CertForm, string> = {
  token: 'USB Token',
  sim: 'SIM PKI',
  remote: 'Ký số tập trung',
};

export const MATCH_LABEL: Record<MatchKind, string> = {
  cccd: 'Khớp theo CCCD',
  name: 'Khớp theo tên — hãy xác nhận',
  unit: 'Chứng thư số của đơn vị — hãy xác nhận',
};

export const REQUEST_KIND_LABEL: Record<RequestKind, string> = {
  issuance: 'Cấp mới',
  renewal: 'Gia hạn',
  change: 'Thay đổi thông tin',
  revocation: 'Thu hồi',
};

/** The moves the backend allows from each state (api/src/requests.rs `next_states`). */
export const NEXT_STATUS: Record<RequestStatus, RequestStatus[]> = {
  marked: ['exported'],
  exported: ['sent', 'marked'],
  sent: ['done', 'rejected'],
  rejected: ['marked'],
  done: [],
};

/** The button that moves a request to `to`. */
export const MOVE_LABEL: Record<RequestStatus, string> = {
  marked: 'Đánh dấu lại',
  exported: 'Đã đưa vào danh sách',
  sent: 'Đã gửi',
  done: 'Đã xong',
  rejected: 'Bị trả lại…',
};

/** "còn 12 ngày", "hết hạn 3 ngày trước", "hết hạn hôm nay". */
export function daysLeftText(days: number): string {
  if (days > 0) return `còn ${days} ngày`;
  if (days === 0) return 'hết hạn hôm nay';
  return `hết hạn ${-days} ngày trước`;
}
