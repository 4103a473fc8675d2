// Generated from the Rust labels by src-tauri/crates/api/tests/bindings.rs. Do not edit.

import type { CertKind, CertStatus, Gender, RequestStatus } from './bindings';

export const CERT_STATUS_LABEL: Record<CertStatus, string> = {
  valid: 'Còn hiệu lực',
  expiring: 'Sắp hết hạn',
  expired: 'Đã hết hạn',
  revoked: 'Đã thu hồi',
};

export const CERT_KIND_LABEL: Record<CertKind, string> = {
  specialised: 'Chuyên dùng',
  public: 'Công cộng',
};

export const REQUEST_STATUS_LABEL: Record<RequestStatus, string> = {
  marked: 'Đã đánh dấu',
  exported: 'Đã xuất danh sách',
  sent: 'Đã gửi',
  done: 'Đã xong',
  rejected: 'Bị trả lại',
};

export const GENDER_LABEL: Record<Gender, string> = {
  male: 'Nam',
  female: 'Nữ',
};
