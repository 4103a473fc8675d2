// Generated from the Rust types by src-tauri/crates/api/tests/bindings.rs. Do not edit.
// Dates are "yyyy-mm-dd" strings.

export type AppInfo = { 
/**
 * The database file in use.
 */
db_path: string, 
/**
 * The app's version.
 */
version: string, 
/**
 * Positions offered in the staff form.
 */
usual_positions: Array<string>, };

export type ErrorBody = { 
/**
 * Stable code: `invalid`, `not_found`, `refused`, `busy`, `damaged`, `newer_version`, `internal`.
 */
code: string, 
/**
 * Vietnamese sentence for the user.
 */
message: string, 
/**
 * Field problems, for `invalid`.
 */
problems: Array<Problem>, };

export type VnDate = string;

export type Field = "full_name" | "birth_date" | "gender" | "position" | "team" | "staff_code" | "cccd" | "cccd_issued_on" | "phone" | "email" | "notes" | "left_on" | "left_reason" | "unit_name" | "focal_phone" | "focal_email";

export type Severity = "error" | "warning";

export type Problem = { 
/**
 * Which field.
 */
field: Field, 
/**
 * Error or warning.
 */
severity: Severity, 
/**
 * Stable machine code, e.g. `cccd_length` (part of the CLI's JSON contract).
 */
code: string, 
/**
 * Vietnamese sentence starting with the field's label.
 */
message: string, };

export type Gender = "male" | "female";

export type StaffStatus = "active" | "left";

export type LeftReason = "transfer" | "retired" | "other";

export type StaffInput = { 
/**
 * Họ và tên
 */
full_name: string, 
/**
 * Ngày sinh: dd/mm/yyyy, yyyy-mm-dd, or a year alone (flagged)
 */
birth_date: string, 
/**
 * Giới tính
 */
gender: Gender | null, 
/**
 * Chức vụ
 */
position: string, 
/**
 * Tổ chuyên môn
 */
team: string, 
/**
 * Mã cán bộ
 */
staff_code: string, 
/**
 * Số CCCD (or an old CMND)
 */
cccd: string, 
/**
 * Ngày cấp CCCD
 */
cccd_issued_on: string, 
/**
 * Điện thoại
 */
phone: string, 
/**
 * Email công vụ
 */
email: string, 
/**
 * Ghi chú
 */
notes: string, };

export type Staff = { 
/**
 * Row id.
 */
id: number, 
/**
 * Họ và tên.
 */
full_name: string, 
/**
 * Ngày sinh (yyyy-mm-dd), when the full date is known.
 */
birth_date: VnDate | null, 
/**
 * Năm sinh (also when only the year is known).
 */
birth_year: number | null, 
/**
 * Giới tính.
 */
gender: Gender | null, 
/**
 * Chức vụ.
 */
position: string | null, 
/**
 * Tổ chuyên môn.
 */
team: string | null, 
/**
 * Mã cán bộ.
 */
staff_code: string | null, 
/**
 * Số CCCD (12 digits) or old CMND (9 digits).
 */
cccd: string | null, 
/**
 * Ngày cấp CCCD (yyyy-mm-dd).
 */
cccd_issued_on: VnDate | null, 
/**
 * Điện thoại (10 digits).
 */
phone: string | null, 
/**
 * Email công vụ.
 */
email: string | null, 
/**
 * Ghi chú.
 */
notes: string | null, 
/**
 * Active or left.
 */
status: StaffStatus, 
/**
 * Why the person left.
 */
left_reason: LeftReason | null, 
/**
 * When the person left (yyyy-mm-dd).
 */
left_on: VnDate | null, 
/**
 * Note on leaving (case 3 text).
 */
left_note: string | null, 
/**
 * Warnings accepted when saved: the person needs follow-up.
 */
warnings: Array<Problem>, 
/**
 * UTC creation time.
 */
created_at: string, 
/**
 * UTC time of the last change.
 */
updated_at: string, };

export type StaffQuery = { 
/**
 * Free text; matches name, CCCD, phone, e-mail, position, team, code,
 * ignoring case and diacritics. Every word must match.
 */
search: string, 
/**
 * Only active or only left people; `None` for everyone.
 */
status: StaffStatus | null, 
/**
 * Exact position.
 */
position: string | null, 
/**
 * Exact team.
 */
team: string | null, 
/**
 * Only people with warnings to follow up.
 */
flagged_only: boolean, 
/**
 * Page size (0 = no limit).
 */
limit: number, 
/**
 * Rows to skip.
 */
offset: number, };

export type StaffPage = { 
/**
 * The people on this page, in Vietnamese list order.
 */
items: Array<Staff>, 
/**
 * How many match the filter in all.
 */
total: number, };

export type StaffSummary = { 
/**
 * People working at the unit.
 */
active: number, 
/**
 * People who left.
 */
left: number, 
/**
 * Active people with warnings to follow up.
 */
flagged: number, 
/**
 * Positions in use, for the filter.
 */
positions: Array<string>, 
/**
 * Teams in use, for the filter.
 */
teams: Array<string>, };

export type Saved = { 
/**
 * The person as stored.
 */
staff: Staff, 
/**
 * Warnings saved with the person (to follow up).
 */
warnings: Array<Problem>, };

export type Leaving = { 
/**
 * Case 1, 2 or 3 of the Department's plan.
 */
reason: LeftReason, 
/**
 * The date (dd/mm/yyyy).
 */
on: string, 
/**
 * Required for "other".
 */
note: string, };

export type SignerRole = "principal" | "deputy";

export type Unit = { 
/**
 * Tên đơn vị, e.g. "Trường THCS Lê Lợi".
 */
name: string, 
/**
 * Đơn vị quản lý, e.g. "UBND PHƯỜNG HỒNG BÀNG".
 */
managing_body: string, 
/**
 * Tên UBND cấp xã (for the e-mail summary).
 */
commune: string, 
/**
 * Place name of the date line, e.g. "Hải Phòng".
 */
place: string, 
/**
 * Name of the person who signs.
 */
signer_name: string, 
/**
 * Principal or deputy.
 */
signer_role: SignerRole, 
/**
 * Cán bộ đầu mối.
 */
focal_name: string, 
/**
 * Focal point's phone (10 digits).
 */
focal_phone: string, 
/**
 * Focal point's e-mail.
 */
focal_email: string, };

export type AuditEntry = { 
/**
 * Row id.
 */
id: number, 
/**
 * UTC time, ISO 8601.
 */
at: string, 
/**
 * Operating-system user who made the change.
 */
os_user: string, 
/**
 * What kind of thing changed ("staff", "unit"…).
 */
entity: string, 
/**
 * Its id, when it has one.
 */
entity_id: number | null, 
/**
 * "create", "update", "left", "reinstate"…
 */
action: string, 
/**
 * Names of the fields that changed, comma-separated.
 */
fields: string, };
