// Vietnamese words for the backend's codes.

import type { LeftReason, StaffStatus } from '../bindings';

export { GENDER_LABEL } from '../labels';

export const STATUS_LABEL: Record<StaffStatus, string> = { active: 'Đang công tác', left: 'Đã nghỉ' };

/** The three cases of the Department's plan, as the revocation list words them. */
export const REASON_LABEL: Record<LeftReason, string> = {
  transfer: 'Chuyển công tác ra ngoài tỉnh/thành phố',
  retired: 'Nghỉ hưu, nghỉ việc',
  other: 'Trường hợp khác',
};
