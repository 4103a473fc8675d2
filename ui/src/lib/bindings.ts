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
usual_positions: Array<string>, 
/**
 * What the user should know about the data's safety (database on a
 * network share, today's backup failed…), in Vietnamese.
 */
warnings: Array<string>, };

export type ErrorBody = { 
/**
 * Stable code: `invalid`, `not_found`, `refused`, `file`, `busy`, `damaged`, `newer_version`, `internal`,
 * or an import error's code (`encrypted`, `not_spreadsheet`, `no_header`…).
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

export type Field = "full_name" | "birth_date" | "gender" | "position" | "team" | "staff_code" | "cccd" | "cccd_issued_on" | "phone" | "email" | "notes" | "left_on" | "left_reason" | "unit_name" | "focal_phone" | "focal_email" | "cert_holder" | "cert_serial" | "cert_subject" | "cert_valid_from" | "cert_valid_to" | "provider_name" | "provider_short_name" | "request_certificate" | "request_reason" | "request_detail" | "reminder_days";

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
updated_at: string, 
/**
 * UTC time the personal data was erased on request, if it was.
 */
erased_at: string | null, };

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

export type CertKind = "specialised" | "public";

export type CertForm = "token" | "sim" | "remote";

export type CertStatus = "valid" | "expiring" | "expired" | "revoked";

export type Provider = { 
/**
 * Row id.
 */
id: number, 
/**
 * Full name, as the "Đơn vị cung cấp" column writes it.
 */
name: string, 
/**
 * Name people use ("VNPT-CA").
 */
short_name: string, 
/**
 * Specialised or public.
 */
kind: CertKind, 
/**
 * Texts of the issuer's name that recognise this provider.
 */
issuer_fragments: Array<string>, 
/**
 * Came with the app (still editable).
 */
builtin: boolean, };

export type ProviderInput = { 
/**
 * Full name.
 */
name: string, 
/**
 * Short name.
 */
short_name: string, 
/**
 * Specialised or public.
 */
kind: CertKind, 
/**
 * Issuer-name fragments, one per line.
 */
issuer_fragments: string, };

export type CertView = { 
/**
 * Row id.
 */
id: number, 
/**
 * Holder; `None` for the unit's own certificate.
 */
staff_id: number | null, 
/**
 * Holder's name in the register (the unit's name for its own).
 */
holder_name: string, 
/**
 * The holder still works at the unit (always true for the unit).
 */
holder_active: boolean, 
/**
 * Provider.
 */
provider_id: number | null, 
/**
 * Provider's short name.
 */
provider: string | null, 
/**
 * Specialised or public.
 */
kind: CertKind, 
/**
 * Token, SIM or remote signing.
 */
form: CertForm | null, 
/**
 * Serial, upper-case hex.
 */
serial_hex: string, 
/**
 * Name in the certificate.
 */
subject_name: string, 
/**
 * Issuer's name.
 */
issuer_name: string, 
/**
 * First valid day.
 */
valid_from: VnDate | null, 
/**
 * Last valid day.
 */
valid_to: VnDate, 
/**
 * Purpose.
 */
purpose: string | null, 
/**
 * Revocation day.
 */
revoked_on: VnDate | null, 
/**
 * Notes.
 */
notes: string | null, 
/**
 * Derived status.
 */
status: CertStatus, 
/**
 * Days from today to the last valid day (negative: expired that long ago).
 */
days_left: number, };

export type Holder = { "staff": number } | "unit";

export type CertInput = { 
/**
 * Holder.
 */
holder: Holder, 
/**
 * Provider, when known.
 */
provider_id: number | null, 
/**
 * Specialised or public.
 */
kind: CertKind, 
/**
 * Token, SIM, remote.
 */
form: CertForm | null, 
/**
 * Serial (hex; spaces and colons are ignored).
 */
serial_hex: string, 
/**
 * Name in the certificate (the holder's name when empty).
 */
subject_name: string, 
/**
 * First valid day (optional).
 */
valid_from: string, 
/**
 * Last valid day.
 */
valid_to: string, 
/**
 * Purpose.
 */
purpose: string, 
/**
 * Notes.
 */
notes: string, };

export type CertQuery = { 
/**
 * Only this person's.
 */
staff_id: number | null, 
/**
 * Only these statuses (empty: all).
 */
statuses: Array<CertStatus>, 
/**
 * Only this provider.
 */
provider_id: number | null, 
/**
 * Only those ending within this many days (not yet expired).
 */
expiring_within: number | null, 
/**
 * Name or serial, ignoring case and diacritics.
 */
search: string, };

export type StaffBrief = { 
/**
 * Row id.
 */
id: number, 
/**
 * Họ và tên.
 */
full_name: string, 
/**
 * Chức vụ.
 */
position: string | null, };

export type StatusCount = { 
/**
 * The state.
 */
status: RequestStatus, 
/**
 * How many.
 */
count: number, };

export type Dashboard = { 
/**
 * The day it was computed for.
 */
today: VnDate, 
/**
 * Reminder thresholds, largest first.
 */
reminder_days: Array<number>, 
/**
 * Expired certificates of people still working (and of the unit) who
 * have no newer usable certificate of the same kind.
 */
expired: Array<CertView>, 
/**
 * Certificates ending within the largest threshold.
 */
expiring: Array<CertView>, 
/**
 * Working people without a usable certificate.
 */
without_valid: Array<StaffBrief>, 
/**
 * Requests per state (every state, zero included).
 */
requests: Array<StatusCount>, 
/**
 * Requests not finished yet.
 */
waiting: Array<RequestView>, 
/**
 * Usable certificates in all.
 */
usable_count: number, };

export type MatchKind = "cccd" | "name" | "unit";

export type FileError = { 
/**
 * Stable code (`cert_damaged`, `cert_private_key`, `cert_is_ca`, `file_missing`…).
 */
code: string, 
/**
 * Vietnamese sentence for the user.
 */
message: string, };

export type ImportItem = { 
/**
 * The file, as found.
 */
file: string, 
/**
 * Serial.
 */
serial_hex: string | null, 
/**
 * Name in the certificate.
 */
subject_name: string | null, 
/**
 * Issuer's name.
 */
issuer_name: string | null, 
/**
 * First valid day.
 */
not_before: VnDate | null, 
/**
 * Last valid day.
 */
not_after: VnDate | null, 
/**
 * Status the certificate would have today.
 */
status: CertStatus | null, 
/**
 * Recognised provider.
 */
provider_id: number | null, 
/**
 * Its short name.
 */
provider: string | null, 
/**
 * How the holder was found.
 */
matched: MatchKind | null, 
/**
 * Proposed holder (for a person).
 */
staff_id: number | null, 
/**
 * Proposed holder's name.
 */
staff_name: string | null, 
/**
 * People with the same name, when several could be meant.
 */
candidates: Array<StaffBrief>, 
/**
 * The certificate already stored, when this file is one we have.
 */
duplicate_of: number | null, 
/**
 * Why the file cannot be used.
 */
error: FileError | null, };

export type ImportChoice = { 
/**
 * The file (as in the preview).
 */
file: string, 
/**
 * The confirmed holder.
 */
holder: Holder, };

export type ImportStatus = "added" | "duplicate" | "error" | "needs_confirmation" | "no_match";

export type ImportOutcome = { 
/**
 * The file.
 */
file: string, 
/**
 * Added, duplicate or error.
 */
status: ImportStatus, 
/**
 * The stored certificate (new, or the existing duplicate).
 */
certificate_id: number | null, 
/**
 * Why, for an error.
 */
error: FileError | null, };

export type Crossing = { 
/**
 * The certificate.
 */
certificate_id: number, 
/**
 * Holder's name.
 */
holder_name: string, 
/**
 * Days left (negative: expired).
 */
days_left: number, 
/**
 * The threshold reached; `None` when it expired.
 */
threshold: number | null, };

export type RequestKind = "issuance" | "renewal" | "change" | "revocation";

export type RequestStatus = "marked" | "exported" | "sent" | "done" | "rejected";

export type RequestEvent = { 
/**
 * Row id.
 */
id: number, 
/**
 * The request.
 */
request_id: number, 
/**
 * Day of the change.
 */
at: VnDate, 
/**
 * State before (`None` when the request was created).
 */
from_status: RequestStatus | null, 
/**
 * State after.
 */
to_status: RequestStatus, 
/**
 * Why (e.g. what the Department said when it sent the list back).
 */
note: string | null, };

export type RequestInput = { 
/**
 * The person.
 */
staff_id: number, 
/**
 * Issue, renew, change, revoke.
 */
kind: RequestKind, 
/**
 * Revocation case; required for revocations, refused otherwise.
 */
reason: LeftReason | null, 
/**
 * Case 3 text (required then), or what changes (required for a change).
 */
detail: string, 
/**
 * The certificate it is about, if any.
 */
certificate_id: number | null, };

export type BulkRequestInput = { 
/**
 * The people.
 */
staff_ids: Array<number>, 
/**
 * Issue, renew, change, revoke.
 */
kind: RequestKind, 
/**
 * Revocation case.
 */
reason: LeftReason | null, 
/**
 * Detail.
 */
detail: string, };

export type RequestQuery = { 
/**
 * Only this state.
 */
status: RequestStatus | null, 
/**
 * Only this person's.
 */
staff_id: number | null, 
/**
 * Only this kind.
 */
kind: RequestKind | null, };

export type RequestView = { 
/**
 * Row id.
 */
id: number, 
/**
 * The person.
 */
staff_id: number, 
/**
 * Their name.
 */
staff_name: string, 
/**
 * They still work at the unit.
 */
staff_active: boolean, 
/**
 * Issue, renew, change, revoke.
 */
kind: RequestKind, 
/**
 * Revocation case.
 */
reason: LeftReason | null, 
/**
 * Detail.
 */
detail: string | null, 
/**
 * The certificate.
 */
certificate_id: number | null, 
/**
 * Its serial.
 */
certificate_serial: string | null, 
/**
 * Its provider's full name ("Đơn vị cung cấp").
 */
provider: string | null, 
/**
 * State.
 */
status: RequestStatus, 
/**
 * The exported list it went into.
 */
batch_id: number | null, 
/**
 * Day of the last change of state.
 */
since: VnDate | null, 
/**
 * Note of the last change (e.g. why it was sent back).
 */
last_note: string | null, 
/**
 * What the form still lacks: the request cannot go into a list until
 * these are filled in.
 */
missing: Array<Problem>, };

export type Skipped = { 
/**
 * The person.
 */
staff_id: number, 
/**
 * Their name.
 */
full_name: string, 
/**
 * Why, in Vietnamese.
 */
message: string, };

export type BulkOutcome = { 
/**
 * Requests made.
 */
added: Array<RequestView>, 
/**
 * People left out.
 */
skipped: Array<Skipped>, };

export type RevocationProposal = { 
/**
 * The certificate.
 */
certificate: CertView, 
/**
 * The case matching why the person left.
 */
reason: LeftReason, 
/**
 * The note given when the person left (case 3 text).
 */
detail: string, };

export type StaffHistory = { 
/**
 * Their certificates, newest expiry first.
 */
certificates: Array<CertView>, 
/**
 * Their requests, newest first.
 */
requests: Array<RequestView>, 
/**
 * Every change of state of those requests, in order.
 */
events: Array<RequestEvent>, };

export type BackupReason = "manual" | "daily" | "before_migration" | "before_import" | "before_reconcile" | "before_restore";

export type BackupContent = { 
/**
 * People in the register.
 */
staff: number, 
/**
 * Certificates.
 */
certificates: number, 
/**
 * Requests (issuance, renewal, change, revocation).
 */
requests: number, 
/**
 * The file's schema version (`user_version`).
 */
schema_version: number, };

export type BackupInfo = { 
/**
 * The file name (no folder): what the window sends back to restore it.
 */
file_name: string, 
/**
 * Local time it was taken, `yyyy-mm-ddThh:mm:ss`.
 */
taken_at: string, 
/**
 * Why it was taken.
 */
reason: BackupReason, 
/**
 * Size in bytes.
 */
size_bytes: number, 
/**
 * Counts, when the file could be read.
 */
content: BackupContent | null, 
/**
 * Why it cannot be restored (damaged, from a newer version…), in Vietnamese.
 */
problem: string | null, };

export type BackupList = { 
/**
 * The folder backups go to now.
 */
dir: string, 
/**
 * The default folder (`backups` beside the database).
 */
default_dir: string, 
/**
 * True when the user chose `dir` (e.g. a USB drive).
 */
chosen: boolean, 
/**
 * Backups in `dir`, newest first; also those left in the default folder
 * (while a chosen drive was unplugged) when it differs.
 */
items: Array<BackupInfo>, };

export type Restored = { 
/**
 * The backup now in use.
 */
restored: BackupInfo, 
/**
 * The backup of the data as it was just before: restore it to undo.
 */
undo: BackupInfo, };

export type Recovered = { 
/**
 * Where the damaged file was moved (kept, never deleted).
 */
damaged_moved_to: string | null, 
/**
 * The backup now in use.
 */
restored: BackupInfo, };

export type AuditQuery = { 
/**
 * Only this kind of thing (`staff`, `unit`, `certificate`…).
 */
entity: string | null, 
/**
 * Only this one thing (e.g. one person's id).
 */
entity_id: number | null, 
/**
 * From this local day (inclusive).
 */
from: VnDate | null, 
/**
 * To this local day (inclusive).
 */
to: VnDate | null, 
/**
 * Page size (0 = no limit).
 */
limit: number, 
/**
 * Rows to skip.
 */
offset: number, };

export type AuditRow = { 
/**
 * Entry id.
 */
id: number, 
/**
 * UTC time, ISO 8601.
 */
at: string, 
/**
 * Local time, `dd/mm/yyyy hh:mm:ss`.
 */
at_local: string, 
/**
 * The operating-system user.
 */
os_user: string, 
/**
 * Kind of thing (code).
 */
entity: string, 
/**
 * Kind of thing, in Vietnamese.
 */
entity_label: string, 
/**
 * Which one, when it has an id.
 */
entity_id: number | null, 
/**
 * What was done (code).
 */
action: string, 
/**
 * What was done, in Vietnamese.
 */
action_label: string, 
/**
 * Names of the fields that changed (codes).
 */
fields: Array<string>, 
/**
 * The same, in Vietnamese.
 */
field_labels: Array<string>, };

export type AuditPage = { 
/**
 * Newest first.
 */
items: Array<AuditRow>, 
/**
 * How many match in all.
 */
total: number, 
/**
 * Kinds of things that have entries, for the filter: `[code, label]`.
 */
entities: Array<[string, string]>, };

export type FileFormat = "xlsx" | "xls" | "ods" | "csv";

export type ImportField = "stt" | "full_name" | "birth_date" | "gender" | "position" | "team" | "staff_code" | "cccd" | "cccd_issued_on" | "phone" | "email" | "notes";

export type MappedColumn = { 
/**
 * What the column holds.
 */
field: ImportField, 
/**
 * 0-based column index.
 */
index: number, 
/**
 * Column letter as Excel shows it ("A", "AB").
 */
letter: string, 
/**
 * The header as written in the file (cleaned), e.g. "Căn cước công dân / Số".
 */
header: string, };

export type ColumnMapping = { 
/**
 * Row number (1-based, as Excel shows it) of the first header row.
 */
header_row: number, 
/**
 * Row number (1-based) where data starts.
 */
first_data_row: number, 
/**
 * Mapped columns, left to right; a field appears at most once.
 */
columns: Array<MappedColumn>, 
/**
 * Folded texts of every header cell: the same export layout gives the
 * same signature, so the app can remember a mapping the user confirmed.
 */
signature: string, };

export type HeaderCell = { 
/**
 * 0-based column index.
 */
index: number, 
/**
 * Column letter ("H").
 */
letter: string, 
/**
 * The header as written (cleaned), e.g. "Căn cước công dân / Số".
 */
header: string, };

export type ImportCounts = { 
/**
 * Data rows read.
 */
rows: number, 
/**
 * Rows without errors (imported).
 */
importable: number, 
/**
 * Rows with at least one error (not imported).
 */
with_errors: number, 
/**
 * Importable rows with warnings (imported, flagged).
 */
with_warnings: number, };

export type ImportProblem = { 
/**
 * Row number as Excel shows it (1-based, title rows counted).
 */
row: number, 
/**
 * The field concerned, when the problem is about one.
 */
field: Field | null, 
/**
 * The column's header as written in the file.
 */
column: string | null, 
/**
 * The column's letter ("F").
 */
column_letter: string | null, 
/**
 * Error (row not imported) or warning (imported, flagged).
 */
severity: Severity, 
/**
 * Stable machine code (`cccd_length`, `cccd_duplicate`…).
 */
code: string, 
/**
 * Vietnamese message starting with the field's label; never quotes a
 * CCCD, birth date or phone number.
 */
message: string, };

export type Joiner = { 
/**
 * Proposal id (`join:<row>`).
 */
id: string, 
/**
 * Excel row of the person.
 */
row: number, 
/**
 * Name, for the list.
 */
full_name: string, };

export type Leaver = { 
/**
 * Proposal id (`leave:<register id>`).
 */
id: string, 
/**
 * Database id.
 */
register_id: number, 
/**
 * Name, for the list.
 */
full_name: string, };

export type Returner = { 
/**
 * Proposal id (`return:<register id>`).
 */
id: string, 
/**
 * Database id.
 */
register_id: number, 
/**
 * Excel row of the person.
 */
row: number, 
/**
 * Name, for the list.
 */
full_name: string, };

export type FieldChange = { 
/**
 * Proposal id (`change:<register id>:<field>`).
 */
id: string, 
/**
 * The field.
 */
field: Field, 
/**
 * Value in the register, as shown (`None`: empty).
 */
old: string | null, 
/**
 * Value in the export, as shown.
 */
new: string, };

export type PersonChanges = { 
/**
 * Database id.
 */
register_id: number, 
/**
 * Excel row of the person (its validated values are that row's `fields`).
 */
row: number, 
/**
 * Name in the register.
 */
full_name: string, 
/**
 * Differing fields; export values never clear a stored one.
 */
changes: Array<FieldChange>, };

export type Conflict = { 
/**
 * Database id of the other registered person involved.
 */
register_id: number, 
/**
 * The error, placed at the row.
 */
problem: ImportProblem, };

export type ReconcilePlan = { 
/**
 * New people.
 */
joiners: Array<Joiner>, 
/**
 * Active people not in the export, proposed as left.
 */
leavers: Array<Leaver>, 
/**
 * People marked left who are back.
 */
returners: Array<Returner>, 
/**
 * Field changes, per person.
 */
changes: Array<PersonChanges>, 
/**
 * People matched with nothing to change.
 */
unchanged: number, 
/**
 * Rows in conflict with the register.
 */
conflicts: Array<Conflict>, };

export type StaffImportRequest = { 
/**
 * The file's path, as chosen or pasted (surrounding quotes are ignored).
 */
path: string, 
/**
 * The sheet; `None` takes the first sheet with a staff list.
 */
sheet: string | null, 
/**
 * A mapping the user set; `None` uses the remembered one for this
 * header, else the detected one.
 */
mapping: ColumnMapping | null, };

export type LeaverChoice = { 
/**
 * Database id of the person.
 */
register_id: number, 
/**
 * Case 1, 2 or 3 of the Department's plan.
 */
reason: LeftReason, 
/**
 * Note; empty gives the default note ([`StaffImportPreview::default_left_note`]).
 */
note: string, };

export type StaffImportChoices = { 
/**
 * The previewed file's SHA-256: a file changed since is refused.
 */
sha256: string, 
/**
 * The preview found the register empty: every importable row is added.
 */
first_import: boolean, 
/**
 * Ticked proposal ids (`join:<row>`, `leave:<id>`, `return:<id>`, `change:<id>:<field>`).
 */
accepted: Array<string>, 
/**
 * Reasons of ticked leavers; a leaver without one leaves as "other"
 * with the default note.
 */
leavers: Array<LeaverChoice>, };

export type StaffImportPreview = { 
/**
 * The file's name (not its folder).
 */
file_name: string, 
/**
 * SHA-256 of the file, hex; the apply must see the same.
 */
sha256: string, 
/**
 * Format detected from the content.
 */
format: FileFormat, 
/**
 * Worksheet names, for the picker.
 */
sheets: Array<string>, 
/**
 * The sheet read.
 */
sheet: string, 
/**
 * Columns used.
 */
mapping: ColumnMapping, 
/**
 * Every header cell, mapped or not.
 */
headers: Array<HeaderCell>, 
/**
 * True when the mapping is one the user confirmed on an earlier import.
 */
mapping_remembered: boolean, 
/**
 * Row counts; a row in conflict with the register counts as an error.
 */
counts: ImportCounts, 
/**
 * Row where the data was taken to end, if before the sheet's end.
 */
end_row: number | null, 
/**
 * Every problem, row by row, conflicts with the register included.
 */
problems: Array<ImportProblem>, 
/**
 * The register is empty: every importable row will be added.
 */
first_import: boolean, 
/**
 * What the export changes in a register that has people.
 */
plan: ReconcilePlan | null, 
/**
 * The note a leaver gets when the user gives none.
 */
default_left_note: string, };

export type StaffImportOutcome = { 
/**
 * People added.
 */
added: number, 
/**
 * People whose fields changed.
 */
updated: number, 
/**
 * People matched with nothing to change.
 */
unchanged: number, 
/**
 * People marked as left.
 */
left: number, 
/**
 * People back at work.
 */
returned: number, 
/**
 * Added or updated people saved with warnings ("Cần kiểm tra").
 */
flagged: number, };

export type StaffImportStage = "reading" | "comparing" | "writing";

export type StaffImportProgress = { 
/**
 * The current step.
 */
stage: StaffImportStage, 
/**
 * Data rows read so far (known once the file is read).
 */
rows: number, };

export type BatchKind = "issuance" | "revocation" | "renewal" | "change" | "certificates" | "email_summary";

export type DateMode = "today" | "blank";

export type BatchStatus = "exported" | "sent";

export type FlagLevel = "blocking" | "warning";

export type RowFlag = { 
/**
 * Stable code, e.g. `cccd_missing`, `cccd_birth_mismatch`, `cert_expired`.
 */
code: string, 
/**
 * Short Vietnamese label, e.g. "Thiếu CCCD". Never a value.
 */
label: string, 
/**
 * Blocking or warning.
 */
level: FlagLevel, };

export type ReviewRow = { 
/**
 * STT in the document (1-based).
 */
position: number, 
/**
 * The request, for lists of requests.
 */
request_id: number | null, 
/**
 * The person.
 */
staff_id: number | null, 
/**
 * The certificate.
 */
certificate_id: number | null, 
/**
 * The name the row is ordered by.
 */
full_name: string, 
/**
 * The cells as printed (empty while a blocking flag keeps the row out
 * of the document).
 */
cells: Array<string>, 
/**
 * What is wrong or worth checking.
 */
flags: Array<RowFlag>, };

export type CellAlign = "left" | "center";

export type PageGeometry = { 
/**
 * Landscape (wider than high) or portrait.
 */
landscape: boolean, 
/**
 * Paper width.
 */
width: number, 
/**
 * Paper height.
 */
height: number, 
/**
 * Top margin.
 */
margin_top: number, 
/**
 * Bottom margin.
 */
margin_bottom: number, 
/**
 * Left (binding) margin.
 */
margin_left: number, 
/**
 * Right margin.
 */
margin_right: number, 
/**
 * Share (percent) of the text width taken by the left column of the
 * header and of the signature block.
 */
left_share_percent: number, 
/**
 * Body text size (header, date line, signature).
 */
body_pt: number, 
/**
 * Table text size.
 */
table_pt: number, 
/**
 * Title size.
 */
title_pt: number, 
/**
 * "Nơi nhận" lines size.
 */
recipients_pt: number, };

export type PageColumn = { 
/**
 * Header text.
 */
header: string, 
/**
 * Width in twips; the widths of a table add up to the text width.
 */
width: number, 
/**
 * Alignment of its cells.
 */
align: CellAlign, };

export type PageTable = { 
/**
 * Bold heading above the table (the e-mail request's people list).
 */
heading: string | null, 
/**
 * Columns, left to right.
 */
columns: Array<PageColumn>, 
/**
 * Rows in document order, each cell as printed.
 */
rows: Array<Array<string>>, };

export type FormPage = { 
/**
 * Paper, margins and sizes.
 */
geometry: PageGeometry, 
/**
 * Header, left: managing body (upper case).
 */
managing_body: string, 
/**
 * Header, left: unit name (bold upper case, ruled under).
 */
unit_name: string, 
/**
 * Header, right: the national title.
 */
national_title: string, 
/**
 * Header, right: the motto (bold, underlined).
 */
national_motto: string, 
/**
 * The italic place-and-date line.
 */
date_line: string, 
/**
 * The form's title.
 */
title: string, 
/**
 * The data tables.
 */
tables: Array<PageTable>, 
/**
 * "Nơi nhận:".
 */
recipients_heading: string, 
/**
 * Recipient lines, "- Như trên;" …
 */
recipients: Array<string>, 
/**
 * Signer's title lines ("HIỆU TRƯỞNG", or "KT. HIỆU TRƯỞNG" / "PHÓ HIỆU TRƯỞNG").
 */
signer_titles: Array<string>, 
/**
 * "(Ký, ghi rõ họ tên, đóng dấu)".
 */
signature_note: string, 
/**
 * Empty lines left for the signature and stamp.
 */
signature_space_lines: number, 
/**
 * The signer's name (empty: written by hand).
 */
signer_name: string, };

export type Batch = { 
/**
 * Row id (the list's number).
 */
id: number, 
/**
 * Which list.
 */
kind: BatchKind, 
/**
 * File name of the Word document.
 */
file_name: string, 
/**
 * Full path it was written to.
 */
path: string, 
/**
 * SHA-256 of the document's bytes, lower-case hex.
 */
sha256: string, 
/**
 * Rows in the document.
 */
row_count: number, 
/**
 * How the date line was printed.
 */
date_mode: DateMode, 
/**
 * The date printed, when `date_mode` is `today`.
 */
date_on: VnDate | null, 
/**
 * Exported or sent.
 */
status: BatchStatus, 
/**
 * The later list that replaced this one.
 */
superseded_by: number | null, 
/**
 * Full path of the Excel copy, when one was written.
 */
xlsx_path: string | null, 
/**
 * SHA-256 of the Excel copy.
 */
xlsx_sha256: string | null, 
/**
 * UTC time of the export.
 */
created_at: string, 
/**
 * UTC time it was sent.
 */
sent_at: string | null, };

export type BatchView = { 
/**
 * The form's title.
 */
title: string, 
/**
 * Row id (the list's number).
 */
id: number, 
/**
 * Which list.
 */
kind: BatchKind, 
/**
 * File name of the Word document.
 */
file_name: string, 
/**
 * Full path it was written to.
 */
path: string, 
/**
 * SHA-256 of the document's bytes, lower-case hex.
 */
sha256: string, 
/**
 * Rows in the document.
 */
row_count: number, 
/**
 * How the date line was printed.
 */
date_mode: DateMode, 
/**
 * The date printed, when `date_mode` is `today`.
 */
date_on: VnDate | null, 
/**
 * Exported or sent.
 */
status: BatchStatus, 
/**
 * The later list that replaced this one.
 */
superseded_by: number | null, 
/**
 * Full path of the Excel copy, when one was written.
 */
xlsx_path: string | null, 
/**
 * SHA-256 of the Excel copy.
 */
xlsx_sha256: string | null, 
/**
 * UTC time of the export.
 */
created_at: string, 
/**
 * UTC time it was sent.
 */
sent_at: string | null, };

export type ExportReview = { 
/**
 * Which list.
 */
kind: BatchKind, 
/**
 * The form's title.
 */
title: string, 
/**
 * Columns of the list's table (the people table of the e-mail request),
 * as the document prints them.
 */
columns: Array<PageColumn>, 
/**
 * The rows, in document order.
 */
rows: Array<ReviewRow>, 
/**
 * Unit settings the form lacks.
 */
unit_flags: Array<RowFlag>, 
/**
 * How many blocking flags (rows and unit) stop the export.
 */
blocking: number, 
/**
 * Why there is nothing to export, when the list is empty.
 */
empty_message: string | null, 
/**
 * Earlier unsent lists of this kind that this export replaces.
 */
supersedes: Array<BatchView>, 
/**
 * The whole page as printed, for the preview (absent when the list is
 * empty or a row is blocked).
 */
page: FormPage | null, 
/**
 * Suggested Word file name.
 */
default_file_name: string, 
/**
 * Suggested Excel file name (certificates list only).
 */
default_xlsx_name: string | null, 
/**
 * Folder the save dialog opens in.
 */
default_dir: string, };

export type ExportOutcome = { 
/**
 * The list's number.
 */
batch_id: number, 
/**
 * Which list.
 */
kind: BatchKind, 
/**
 * Rows in the document.
 */
rows: number, 
/**
 * SHA-256 of the written document, hex.
 */
sha256: string, 
/**
 * The Word file.
 */
file: string, 
/**
 * The Excel copy, when asked for.
 */
xlsx_file: string | null, 
/**
 * Earlier lists this one replaced.
 */
superseded: Array<number>, 
/**
 * For a re-export: the bytes are those recorded at the export (false
 * when the register changed since, e.g. a corrected name, or when the
 * list was exported before Word files were written schema-valid: it is
 * then written in the valid form, with the same content and layout).
 */
same_as_recorded: boolean, };

export type Security = "starttls" | "tls" | "plain";

export type SmtpSettings = { 
/**
 * Server name, e.g. `smtp.gmail.com`.
 */
host: string, 
/**
 * Server port.
 */
port: number, 
/**
 * Connection protection.
 */
security: Security, 
/**
 * Login name (usually the full address); empty: no login.
 */
user: string, 
/**
 * Sender address.
 */
from_address: string, 
/**
 * Sender name shown to the receiver, e.g. the school's name.
 */
from_name: string, };

export type Template = { 
/**
 * Subject line.
 */
subject: string, 
/**
 * Plain-text body.
 */
body: string, };

export type Preset = { 
/**
 * Stable id.
 */
id: string, 
/**
 * Name shown in the list.
 */
label: string, 
/**
 * Server name.
 */
host: string, 
/**
 * Port.
 */
port: number, 
/**
 * Connection protection.
 */
security: Security, 
/**
 * A hint shown under the form.
 */
note: string, };

export type Placeholder = { 
/**
 * Name, written `{name}` in a template.
 */
name: string, 
/**
 * What it becomes.
 */
meaning: string, };

export type MailSettings = { 
/**
 * Server, port, security, login name, sender.
 */
smtp: SmtpSettings, 
/**
 * Subject and body templates.
 */
template: Template, 
/**
 * Recipients used last time (one string, as typed).
 */
last_recipients: string, 
/**
 * Provider presets.
 */
presets: Array<Preset>, 
/**
 * What the templates may contain.
 */
placeholders: Array<Placeholder>, 
/**
 * True when the OS credential store can keep the password.
 */
credential_store: boolean, 
/**
 * True when a password is stored for this server and login.
 */
password_saved: boolean, };

export type MailPreview = { 
/**
 * Subject.
 */
subject: string, 
/**
 * Body.
 */
body: string, 
/**
 * Recipients used last time.
 */
to: string, 
/**
 * The list, when one was chosen.
 */
batch: Batch | null, };

export type MailCompose = { 
/**
 * The exported list it carries.
 */
batch_id: number | null, 
/**
 * Recipients as typed.
 */
to: string, 
/**
 * Subject.
 */
subject: string, 
/**
 * Body.
 */
body: string, 
/**
 * Paths of the files to attach.
 */
files: Array<string>, };

export type OutboxState = "queued" | "sending" | "sent" | "failed" | "cancelled" | "uncertain";

export type OutboxFile = { 
/**
 * File name shown to the receiver.
 */
file_name: string, 
/**
 * MIME type.
 */
mime: string, 
/**
 * Size in bytes.
 */
size: number, 
/**
 * SHA-256, lowercase hex.
 */
sha256: string, };

export type OutboxItem = { 
/**
 * Row id.
 */
id: number, 
/**
 * The exported list it carries, if any.
 */
batch_id: number | null, 
/**
 * Where it is.
 */
state: OutboxState, 
/**
 * Recipients' addresses.
 */
recipients: Array<string>, 
/**
 * Subject.
 */
subject: string, 
/**
 * Plain-text body.
 */
body: string, 
/**
 * Attempts made so far.
 */
attempts: number, 
/**
 * When the next automatic attempt is due (UTC, ISO 8601); for a
 * `sending` row, when the attempt started.
 */
next_attempt_at: string | null, 
/**
 * Why the last attempt failed (Vietnamese, never a password).
 */
last_error: string | null, 
/**
 * The message's `Message-ID`, the same for every attempt.
 */
message_id: string | null, 
/**
 * When the server took it (UTC).
 */
sent_at: string | null, 
/**
 * When it was queued (UTC).
 */
created_at: string, 
/**
 * Its files.
 */
files: Array<OutboxFile>, };

export type Queued = { 
/**
 * The message in the outbox.
 */
item: OutboxItem, 
/**
 * A warning (e.g. the files are larger than many servers accept).
 */
warning: string | null, };

export type DraftSaved = { 
/**
 * Where.
 */
path: string, 
/**
 * Its size in bytes.
 */
bytes: number, 
/**
 * A warning (e.g. the files are large).
 */
warning: string | null, };

export type RetryReport = { 
/**
 * Taken by the server.
 */
sent: number, 
/**
 * Failed for now; will be tried again.
 */
requeued: number, 
/**
 * Refused for good.
 */
failed: number, 
/**
 * Due but not attempted: the server needs a password and none is stored.
 */
waiting_for_password: number, };
