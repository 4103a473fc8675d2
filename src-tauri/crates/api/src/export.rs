//! Word forms for the principal's signature: the review of what a list will
//! hold (exactly its rows, in document order, each with what is wrong with
//! it), the export that writes the file and records the batch in one go,
//! re-export of a recorded batch, and the list of batches.
//!
//! A list of requests (issuance, revocation, renewal, change) holds the
//! requests of that kind that are marked, plus those of an earlier list of
//! the same kind that was exported but not sent: a corrected export replaces
//! that list (`superseded_by`), and only the last one counts. The
//! certificates-in-use list and the e-mail request are snapshots of the
//! register and replace an unsent list of their kind the same way.
//!
//! Requests change state only through [`crate::requests::transition`].

use crate::certs::{CertStatus, Views};
use crate::requests::{missing, transition};
use crate::{Api, ApiError, Result};
pub use chungthu_forms::{CellAlign, FormPage, PageColumn, PageGeometry, PageTable};
use chungthu_forms::{
    CertChangeRow, CertificateRow, DateLine, EmailPersonRow, EmailRequest, FileFormat, Form, FormKind,
    IssuanceRow, RevocationRow, Signer, UnitInfo, build_docx, certificates_xlsx, default_file_name,
    form_page,
};
use chungthu_model::order::NameKey;
use chungthu_model::text::clean_line;
use chungthu_model::{IdNumber, Phone, StaffStatus, VnDate};
use chungthu_store::batch::{self as table, Batch, BatchKind, BatchStatus, DateMode, NewBatch};
use chungthu_store::certificate::{self as cert_table, Certificate};
use chungthu_store::request::{self as request_table, Request, RequestFilter, RequestKind, RequestStatus};
use chungthu_store::rusqlite::Connection;
use chungthu_store::staff::{self as staff_table, Staff};
use chungthu_store::unit::{self, SignerRole, Unit};
use chungthu_store::{StoreError, audit};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// How much a flag matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FlagLevel {
    /// The list cannot be exported until this is fixed.
    Blocking,
    /// Printed as it is; worth a look before the principal signs.
    Warning,
}

/// Something to know about a row (or about the unit's settings), in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RowFlag {
    /// Stable code, e.g. `cccd_missing`, `cccd_birth_mismatch`, `cert_expired`.
    pub code: String,
    /// Short Vietnamese label, e.g. "Thiếu CCCD". Never a value.
    pub label: String,
    /// Blocking or warning.
    pub level: FlagLevel,
}

impl RowFlag {
    fn blocking(code: &str, label: impl Into<String>) -> Self {
        RowFlag { code: code.to_owned(), label: label.into(), level: FlagLevel::Blocking }
    }
    fn warning(code: &str, label: impl Into<String>) -> Self {
        RowFlag { code: code.to_owned(), label: label.into(), level: FlagLevel::Warning }
    }
}

/// One row of the list, at its place in the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReviewRow {
    /// STT in the document (1-based).
    pub position: u32,
    /// The request, for lists of requests.
    pub request_id: Option<i64>,
    /// The person.
    pub staff_id: Option<i64>,
    /// The certificate.
    pub certificate_id: Option<i64>,
    /// The name the row is ordered by.
    pub full_name: String,
    /// The cells as printed (empty while a blocking flag keeps the row out
    /// of the document).
    pub cells: Vec<String>,
    /// What is wrong or worth checking.
    pub flags: Vec<RowFlag>,
}

/// What a list will hold if exported now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportReview {
    /// Which list.
    pub kind: BatchKind,
    /// The form's title.
    pub title: String,
    /// Columns of the list's table (the people table of the e-mail request),
    /// as the document prints them.
    pub columns: Vec<PageColumn>,
    /// The rows, in document order.
    pub rows: Vec<ReviewRow>,
    /// Unit settings the form lacks.
    pub unit_flags: Vec<RowFlag>,
    /// How many blocking flags (rows and unit) stop the export.
    pub blocking: u32,
    /// Why there is nothing to export, when the list is empty.
    pub empty_message: Option<String>,
    /// Earlier unsent lists of this kind that this export replaces.
    pub supersedes: Vec<BatchView>,
    /// The whole page as printed, for the preview (absent when the list is
    /// empty or a row is blocked).
    pub page: Option<FormPage>,
    /// Suggested Word file name.
    pub default_file_name: String,
    /// Suggested Excel file name (certificates list only).
    pub default_xlsx_name: Option<String>,
    /// Folder the save dialog opens in.
    pub default_dir: String,
}

/// An exported list as the window and the CLI show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BatchView {
    /// The list's number.
    pub id: i64,
    /// Which list.
    pub kind: BatchKind,
    /// The form's title.
    pub title: String,
    /// UTC time of the export.
    pub created_at: String,
    /// File name of the Word document.
    pub file_name: String,
    /// Full path it was written to.
    pub path: String,
    /// SHA-256 of the document, hex.
    pub sha256: String,
    /// Rows in it.
    pub row_count: u32,
    /// Date line printed with the day, or blank.
    pub date_mode: DateMode,
    /// The day printed.
    pub date_on: Option<VnDate>,
    /// Exported or sent.
    pub status: BatchStatus,
    /// The later list that replaced it.
    pub superseded_by: Option<i64>,
    /// The Excel copy, when one was written.
    pub xlsx_path: Option<String>,
}

impl From<Batch> for BatchView {
    fn from(b: Batch) -> Self {
        BatchView {
            id: b.id,
            kind: b.kind,
            title: title(b.kind).to_owned(),
            created_at: b.created_at,
            file_name: b.file_name,
            path: b.path,
            sha256: b.sha256,
            row_count: b.row_count,
            date_mode: b.date_mode,
            date_on: b.date_on,
            status: b.status,
            superseded_by: b.superseded_by,
            xlsx_path: b.xlsx_path,
        }
    }
}

/// What an export or a re-export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportOutcome {
    /// The list's number.
    pub batch_id: i64,
    /// Which list.
    pub kind: BatchKind,
    /// Rows in the document.
    pub rows: u32,
    /// SHA-256 of the written document, hex.
    pub sha256: String,
    /// The Word file.
    pub file: String,
    /// The Excel copy, when asked for.
    pub xlsx_file: Option<String>,
    /// Earlier lists this one replaced.
    pub superseded: Vec<i64>,
    /// For a re-export: the bytes are those recorded at the export (false
    /// when the register changed since, e.g. a corrected name, or when the
    /// list was exported before Word files were written schema-valid: it is
    /// then written in the valid form, with the same content and layout).
    pub same_as_recorded: bool,
}

/// The form's title of a kind.
pub fn title(kind: BatchKind) -> &'static str {
    match kind {
        BatchKind::Issuance => "Danh sách đề nghị cấp chứng thư số",
        BatchKind::Revocation => "Danh sách thu hồi chứng thư số",
        BatchKind::Renewal => "Danh sách đề nghị gia hạn chứng thư số",
        BatchKind::Change => "Danh sách đề nghị thay đổi thông tin chứng thư số",
        BatchKind::Certificates => "Danh sách chứng thư số đang sử dụng",
        BatchKind::EmailSummary => "Đề nghị cấp email công vụ",
    }
}

fn form_kind(kind: BatchKind) -> FormKind {
    match kind {
        BatchKind::Issuance => FormKind::Issuance,
        BatchKind::Revocation => FormKind::Revocation,
        BatchKind::Renewal => FormKind::Renewal,
        BatchKind::Change => FormKind::ChangeInfo,
        BatchKind::Certificates => FormKind::CertificatesInUse,
        BatchKind::EmailSummary => FormKind::EmailRequest,
    }
}

fn request_kind(kind: BatchKind) -> Option<RequestKind> {
    match kind {
        BatchKind::Issuance => Some(RequestKind::Issuance),
        BatchKind::Revocation => Some(RequestKind::Revocation),
        BatchKind::Renewal => Some(RequestKind::Renewal),
        BatchKind::Change => Some(RequestKind::Change),
        BatchKind::Certificates | BatchKind::EmailSummary => None,
    }
}

/// Why a list is empty, per kind.
fn empty_message(kind: BatchKind) -> String {
    match request_kind(kind) {
        Some(k) => format!(
            "Chưa có đề nghị {} nào đang chờ đưa vào danh sách. Hãy đánh dấu người cần {} ở trang Đề nghị rồi xuất lại.",
            k.label(),
            k.label()
        ),
        None if kind == BatchKind::Certificates => {
            "Chưa có chứng thư số nào còn hiệu lực của cán bộ đang làm việc. Hãy nhập chứng thư số rồi xuất lại."
                .to_owned()
        }
        None => "Mọi cán bộ đang làm việc đều đã có email công vụ: không có ai cần đề nghị cấp.".to_owned(),
    }
}

/// A row's data for its form, or nothing when a blocking flag keeps it out.
enum RowData {
    Issuance(IssuanceRow),
    Revocation(RevocationRow),
    Change(CertChangeRow),
    Certificate(CertificateRow),
    Email(EmailPersonRow),
}

/// One row of a list before ordering.
struct Item {
    request: Option<Request>,
    staff_id: Option<i64>,
    certificate_id: Option<i64>,
    name: String,
    flags: Vec<RowFlag>,
    data: Option<RowData>,
}

/// A list's rows in document order and what it needs around them.
struct Gathered {
    unit: Unit,
    items: Vec<Item>,
    live: Vec<Batch>,
}

impl Gathered {
    fn blocking_rows(&self) -> usize {
        self.items.iter().filter(|i| i.flags.iter().any(|f| f.level == FlagLevel::Blocking)).count()
    }
}

/// The e-mail domains of official accounts (the sector's `…edu.vn`, the
/// government's `…gov.vn`); other addresses are personal.
fn is_official_email(email: &str) -> bool {
    let domain = email.rsplit_once('@').map(|(_, d)| d.to_ascii_lowercase()).unwrap_or_default();
    domain.ends_with(".edu.vn") || domain.ends_with(".gov.vn")
}

/// Flags about a person's CCCD, computed from what is stored now (the same
/// rule that stored the warning at save time). Never the values.
fn cccd_flags(p: &Staff, required: bool, flags: &mut Vec<RowFlag>) {
    match p.cccd.as_deref().map(IdNumber::parse) {
        None if required => flags.push(RowFlag::blocking("cccd_missing", "Thiếu CCCD")),
        None => {}
        Some(Ok(IdNumber::Cccd(c))) => {
            let year = p.birth_date.map(VnDate::year).or(p.birth_year);
            if year.is_some_and(|y| y != c.birth_year()) {
                flags.push(RowFlag::warning("cccd_birth_mismatch", "CCCD không khớp ngày sinh"));
            }
            if !c.disagreements(None, p.gender).is_empty() {
                flags.push(RowFlag::warning("cccd_gender_mismatch", "CCCD không khớp giới tính"));
            }
        }
        Some(Ok(IdNumber::Cmnd(_))) if required => {
            flags.push(RowFlag::blocking("cccd_old_cmnd", "Chỉ có số CMND cũ, thiếu CCCD 12 số"))
        }
        Some(_) if required => flags.push(RowFlag::blocking("cccd_invalid", "CCCD không hợp lệ")),
        Some(_) => {}
    }
}

/// "Thiếu …" for each field the request's form lacks (the same rule that
/// refuses the move to "exported").
fn missing_flags(conn: &Connection, r: &Request, p: Option<&Staff>, flags: &mut Vec<RowFlag>) -> Result<()> {
    use chungthu_model::Field;
    for problem in missing(conn, r, p)? {
        let (code, label) = match problem.field {
            // Said by cccd_flags, which also tells an old CMND from nothing.
            Field::Cccd => continue,
            Field::FullName => ("person_missing", "Không còn trong danh sách cán bộ".to_owned()),
            Field::RequestCertificate => ("certificate_missing", "Chưa chọn chứng thư số".to_owned()),
            Field::RequestReason => ("reason_missing", "Chưa chọn trường hợp thu hồi".to_owned()),
            Field::RequestDetail => ("detail_missing", "Chưa ghi nội dung thay đổi".to_owned()),
            field => ("field_missing", format!("Thiếu {}", field.label().to_lowercase())),
        };
        flags.push(RowFlag::blocking(code, label));
    }
    Ok(())
}

fn cert_status_flags(status: CertStatus, blocking: bool, flags: &mut Vec<RowFlag>) {
    let make = if blocking { RowFlag::blocking } else { RowFlag::warning };
    match status {
        CertStatus::Expired => flags.push(make("cert_expired", "Chứng thư đã hết hạn".to_owned())),
        CertStatus::Revoked => flags.push(make("cert_revoked", "Chứng thư đã thu hồi".to_owned())),
        CertStatus::Valid | CertStatus::Expiring => {}
    }
}

/// The row of one request, with its flags.
fn request_item(conn: &Connection, r: Request, unit: &Unit, views: &Views) -> Result<Item> {
    let person = staff_table::get(conn, r.staff_id)?;
    let cert = match r.certificate_id {
        Some(id) => cert_table::get(conn, id)?,
        None => None,
    };
    let mut flags = Vec::new();
    missing_flags(conn, &r, person.as_ref(), &mut flags)?;
    let name = person.as_ref().map(|p| p.full_name.clone()).unwrap_or_default();
    let mut item = Item {
        staff_id: Some(r.staff_id),
        certificate_id: r.certificate_id,
        name,
        flags,
        data: None,
        request: None,
    };
    let Some(p) = person else {
        item.request = Some(r);
        return Ok(item);
    };
    let cert_status = cert.as_ref().map(|c| views.view(c).status);
    let flags = &mut item.flags;
    item.data = match r.kind {
        RequestKind::Issuance => {
            cccd_flags(&p, true, flags);
            if p.status == StaffStatus::Left {
                flags.push(RowFlag::blocking("staff_left", "Đã nghỉ: không đề nghị cấp mới"));
            }
            let id_number = p.cccd.as_deref().and_then(|c| IdNumber::parse(c).ok());
            match (p.birth_date, id_number) {
                (Some(birth_date), Some(id_number @ IdNumber::Cccd(_))) => {
                    Some(RowData::Issuance(IssuanceRow {
                        full_name: p.full_name.clone(),
                        birth_date,
                        position: p.position.clone().unwrap_or_default(),
                        unit: unit.name.clone(),
                        id_number,
                        id_issued_on: p.cccd_issued_on,
                        phone: p.phone.as_deref().and_then(|s| Phone::parse(s).ok()),
                    }))
                }
                _ => None,
            }
        }
        RequestKind::Revocation => {
            if let Some(status) = cert_status {
                cert_status_flags(status, status == CertStatus::Revoked, flags);
            }
            match (&cert, r.reason) {
                (Some(c), Some(reason)) => match c.valid_from {
                    Some(valid_from) => Some(RowData::Revocation(RevocationRow {
                        full_name: p.full_name.clone(),
                        birth_date: p.birth_date,
                        unit: unit.name.clone(),
                        serial: c.serial_hex.clone(),
                        valid_from,
                        valid_to: c.valid_to,
                        provider: views.provider_name(c.provider_id).unwrap_or_default(),
                        reason,
                        reason_note: r.detail.clone(),
                    })),
                    None => {
                        flags.push(RowFlag::blocking(
                            "cert_valid_from_missing",
                            "Thiếu ngày bắt đầu hiệu lực",
                        ));
                        None
                    }
                },
                _ => None,
            }
        }
        RequestKind::Renewal | RequestKind::Change => {
            cccd_flags(&p, true, flags);
            if let Some(status) = cert_status {
                cert_status_flags(status, true, flags);
            }
            cert.as_ref().map(|c| {
                let email = c.email.clone().or_else(|| p.email.clone()).unwrap_or_default();
                if email.is_empty() {
                    flags.push(RowFlag::warning("email_missing", "Thiếu email"));
                }
                let (content, new_info) = match r.kind {
                    RequestKind::Renewal => ("Gia hạn".to_owned(), String::new()),
                    _ => ("Thay đổi thông tin".to_owned(), r.detail.clone().unwrap_or_default()),
                };
                RowData::Change(CertChangeRow {
                    holder_name: holder_name(c, &p),
                    serial: c.serial_hex.clone(),
                    email,
                    device_code: String::new(),
                    content,
                    new_info,
                    valid_until: None,
                })
            })
        }
    };
    // The renewal and change forms list the name in the certificate.
    if let (Some(RowData::Change(row)), RequestKind::Renewal | RequestKind::Change) = (&item.data, r.kind) {
        item.name = row.holder_name.clone();
    }
    if item.flags.iter().any(|f| f.level == FlagLevel::Blocking) {
        item.data = None;
    }
    item.request = Some(r);
    Ok(item)
}

/// The holder's name as the certificate writes it, else the register's.
fn holder_name(c: &Certificate, p: &Staff) -> String {
    let subject = clean_line(&c.subject_name);
    if subject.is_empty() { p.full_name.clone() } else { subject }
}

/// The row of a certificate in use.
fn certificate_item(c: &Certificate, views: &Views) -> Item {
    let v = views.view(c);
    let mut flags = Vec::new();
    let status = if v.status == CertStatus::Expiring {
        flags.push(RowFlag::warning("cert_expiring", format!("Sắp hết hạn (còn {} ngày)", v.days_left)));
        "Sắp hết hạn"
    } else {
        "Đang sử dụng"
    };
    cert_status_flags(v.status, true, &mut flags);
    Item {
        request: None,
        staff_id: c.staff_id,
        certificate_id: Some(c.id),
        name: v.holder_name.clone(),
        flags,
        data: Some(RowData::Certificate(CertificateRow {
            holder_name: v.holder_name,
            provider: views.provider_name(c.provider_id).or(v.provider).unwrap_or_default(),
            serial: c.serial_hex.clone(),
            valid_to: c.valid_to,
            status: status.to_owned(),
        })),
    }
}

/// The row of a person who needs an official e-mail.
fn email_item(p: &Staff) -> Item {
    let mut flags = Vec::new();
    if p.birth_date.is_none() {
        flags.push(RowFlag::warning("birth_date_missing", "Thiếu ngày sinh"));
    }
    if p.phone.is_none() {
        flags.push(RowFlag::warning("phone_missing", "Thiếu điện thoại"));
    }
    cccd_flags(p, false, &mut flags);
    Item {
        request: None,
        staff_id: Some(p.id),
        certificate_id: None,
        name: p.full_name.clone(),
        flags,
        data: Some(RowData::Email(EmailPersonRow {
            full_name: p.full_name.clone(),
            birth_date: p.birth_date,
            position: p.position.clone().unwrap_or_default(),
            phone: p.phone.as_deref().and_then(|s| Phone::parse(s).ok()),
        })),
    }
}

/// What the unit's settings lack for this form.
fn unit_flags(unit: &Unit, kind: BatchKind) -> Vec<RowFlag> {
    let mut flags = Vec::new();
    if clean_line(&unit.name).is_empty() {
        flags.push(RowFlag::blocking("unit_name_missing", "Chưa có tên đơn vị (trang Thông tin đơn vị)"));
    }
    if clean_line(&unit.managing_body).is_empty() {
        flags.push(RowFlag::blocking(
            "managing_body_missing",
            "Chưa có tên đơn vị quản lý (trang Thông tin đơn vị)",
        ));
    }
    if clean_line(&unit.place).is_empty() {
        flags.push(RowFlag::warning("place_missing", "Chưa có địa danh cho dòng ngày tháng"));
    }
    if clean_line(&unit.signer_name).is_empty() {
        flags.push(RowFlag::warning("signer_name_missing", "Chưa có tên người ký: để trống, ký ghi tay"));
    }
    if kind == BatchKind::EmailSummary {
        if clean_line(&unit.commune).is_empty() {
            flags.push(RowFlag::blocking(
                "commune_missing",
                "Chưa có tên UBND cấp xã (trang Thông tin đơn vị)",
            ));
        }
        if clean_line(&unit.focal_name).is_empty() {
            flags.push(RowFlag::blocking(
                "focal_name_missing",
                "Chưa có cán bộ đầu mối (trang Thông tin đơn vị)",
            ));
        }
        if unit.focal_phone.trim().is_empty() {
            flags.push(RowFlag::warning("focal_phone_missing", "Chưa có điện thoại cán bộ đầu mối"));
        }
    }
    flags
}

fn unit_info(unit: &Unit) -> UnitInfo {
    UnitInfo {
        managing_body: unit.managing_body.clone(),
        unit_name: unit.name.clone(),
        place: unit.place.clone(),
        signer: match unit.signer_role {
            SignerRole::Principal => Signer::Principal,
            SignerRole::Deputy => Signer::Deputy,
        },
        signer_name: unit.signer_name.clone(),
        recipients: Vec::new(),
    }
}

/// Orders items as the form prints them: Vietnamese order by the name the
/// form sorts on (the same key `chungthu-forms` uses, whose sort is stable),
/// ties by id so that the order never depends on the database's.
fn order_items(order: &chungthu_model::NameOrder, items: &mut Vec<Item>) {
    let key = |i: &Item| -> (NameKey, i64) {
        let id = i.request.as_ref().map(|r| r.id).or(i.certificate_id).or(i.staff_id).unwrap_or(0);
        (order.key(&clean_line(&i.name)), id)
    };
    let mut keyed: Vec<((NameKey, i64), Item)> = items.drain(..).map(|i| (key(&i), i)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    items.extend(keyed.into_iter().map(|(_, i)| i));
}

/// The rows a list of `kind` would hold now.
fn gather(
    conn: &Connection,
    kind: BatchKind,
    views: &Views,
    order: &chungthu_model::NameOrder,
) -> Result<Gathered> {
    let unit = unit::get(conn)?;
    let live = table::live_of_kind(conn, kind)?;
    let mut items = Vec::new();
    match request_kind(kind) {
        Some(rk) => {
            let live_ids: Vec<i64> = live.iter().map(|b| b.id).collect();
            let requests =
                request_table::list(conn, &RequestFilter { kind: Some(rk), ..Default::default() })?;
            for r in requests {
                let in_list = match r.status {
                    RequestStatus::Marked => true,
                    RequestStatus::Exported => r.batch_id.is_some_and(|b| live_ids.contains(&b)),
                    _ => false,
                };
                if in_list {
                    items.push(request_item(conn, r, &unit, views)?);
                }
            }
        }
        None if kind == BatchKind::Certificates => {
            for c in cert_table::all(conn)? {
                let v = views.view(&c);
                if v.holder_active && v.status.usable() {
                    items.push(certificate_item(&c, views));
                }
            }
        }
        None => {
            for p in views.people.values() {
                if p.status == StaffStatus::Active && !p.email.as_deref().is_some_and(is_official_email) {
                    items.push(email_item(p));
                }
            }
        }
    }
    order_items(order, &mut items);
    Ok(Gathered { unit, items, live })
}

/// The form of items that all have their data.
fn form_of(kind: BatchKind, unit: &Unit, items: &[Item]) -> Option<Form> {
    let data: Option<Vec<&RowData>> = items.iter().map(|i| i.data.as_ref()).collect();
    let data = data?;
    macro_rules! rows {
        ($variant:ident) => {
            data.iter()
                .filter_map(|d| match d {
                    RowData::$variant(r) => Some(r.clone()),
                    _ => None,
                })
                .collect()
        };
    }
    Some(match kind {
        BatchKind::Issuance => Form::Issuance(rows!(Issuance)),
        BatchKind::Revocation => Form::Revocation(rows!(Revocation)),
        BatchKind::Renewal => Form::Renewal(rows!(Change)),
        BatchKind::Change => Form::ChangeInfo(rows!(Change)),
        BatchKind::Certificates => Form::CertificatesInUse(rows!(Certificate)),
        BatchKind::EmailSummary => Form::EmailRequest(EmailRequest {
            commune: unit.commune.clone(),
            focal_point: unit.focal_name.clone(),
            focal_phone: Phone::parse(&unit.focal_phone).ok(),
            people: rows!(Email),
        }),
    })
}

fn date_line(mode: DateMode, today: VnDate) -> DateLine {
    match mode {
        DateMode::Today => DateLine::Today(today),
        DateMode::Blank => DateLine::Blank,
    }
}

fn form_error(e: chungthu_forms::FormError) -> ApiError {
    use chungthu_forms::FormError;
    match e {
        FormError::EmptyList { .. } | FormError::MissingUnitField { .. } => ApiError::Refused(e.to_string()),
        FormError::Docx(_) | FormError::Xlsx(_) => ApiError::File(e.to_string()),
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Checks that `path` names a file with extension `ext` (".docx").
fn check_target(path: &Path, ext: &str) -> Result<()> {
    let ok = path.file_name().is_some()
        && path.extension().and_then(|e| e.to_str()).is_some_and(|e| format!(".{}", e.to_lowercase()) == ext);
    if ok {
        Ok(())
    } else {
        Err(ApiError::Refused(format!(
            "Tên tệp cần lưu phải kết thúc bằng {ext} (đang là «{}»). Hãy chọn lại nơi lưu và tên tệp.",
            path.display()
        )))
    }
}

/// Files written during an export, with what they held before, so that a
/// failure after writing puts them back as they were.
#[derive(Default)]
struct Written(Vec<(PathBuf, Option<Vec<u8>>)>);

impl Written {
    fn write(&mut self, path: &Path, bytes: &[u8]) -> Result<()> {
        let before = std::fs::read(path).ok();
        chungthu_files::write_atomic(path, bytes).map_err(|e| ApiError::File(e.to_string()))?;
        self.0.push((path.to_owned(), before));
        Ok(())
    }

    /// Best effort: the error that made the export fail is the one the
    /// user must read, so a failure to put a file back is not reported over it.
    fn undo(self) {
        for (path, before) in self.0.into_iter().rev() {
            let _ = match before {
                Some(bytes) => chungthu_files::write_atomic(&path, &bytes).map_err(|_| ()),
                None => std::fs::remove_file(&path).map_err(|_| ()),
            };
        }
    }
}

impl Api {
    /// What the list of `kind` holds if exported now, row by row, with
    /// the page as it will print (date line per `date_mode`).
    pub fn export_review(&self, kind: BatchKind, date_mode: DateMode) -> Result<ExportReview> {
        let conn = self.store.conn();
        let today = self.today();
        let views = Views::load(conn, today)?;
        let g = gather(conn, kind, &views, &self.order)?;
        let unit_flags = unit_flags(&g.unit, kind);
        let page = match form_of(kind, &g.unit, &g.items) {
            Some(form) if !g.items.is_empty() => {
                Some(form_page(&form, &unit_info(&g.unit), date_line(date_mode, today)).map_err(form_error)?)
            }
            _ => None,
        };
        // The e-mail request's first table is its one summary row.
        let main = page.as_ref().map(|p| p.tables.len() - 1);
        let columns = match (&page, main) {
            (Some(p), Some(m)) => p.tables[m].columns.clone(),
            _ => Vec::new(),
        };
        let rows = g
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| ReviewRow {
                position: i as u32 + 1,
                request_id: item.request.as_ref().map(|r| r.id),
                staff_id: item.staff_id,
                certificate_id: item.certificate_id,
                full_name: clean_line(&item.name),
                cells: match (&page, main) {
                    (Some(p), Some(m)) => p.tables[m].rows.get(i).cloned().unwrap_or_default(),
                    _ => Vec::new(),
                },
                flags: item.flags.clone(),
            })
            .collect::<Vec<_>>();
        let blocking = rows
            .iter()
            .flat_map(|r| &r.flags)
            .chain(&unit_flags)
            .filter(|f| f.level == FlagLevel::Blocking)
            .count();
        let fk = form_kind(kind);
        Ok(ExportReview {
            kind,
            title: title(kind).to_owned(),
            columns,
            empty_message: rows.is_empty().then(|| empty_message(kind)),
            rows,
            unit_flags,
            blocking: blocking as u32,
            supersedes: g.live.into_iter().map(BatchView::from).collect(),
            page,
            default_file_name: default_file_name(fk, &g.unit.name, today, FileFormat::Docx),
            default_xlsx_name: (kind == BatchKind::Certificates)
                .then(|| default_file_name(fk, &g.unit.name, today, FileFormat::Xlsx)),
            default_dir: crate::paths::default_export_dir().display().to_string(),
        })
    }

    /// Writes the list of `kind` to `out` (and its Excel copy to `xlsx`,
    /// certificates list only), records the batch with the file's SHA-256
    /// and moves its requests marked → exported, all in one transaction.
    /// A list of 0 rows, a blocked row or missing unit settings are refused
    /// with nothing written. If writing fails nothing is recorded; if
    /// recording fails the files are put back as they were.
    pub fn export(
        &mut self,
        kind: BatchKind,
        out: &Path,
        date_mode: DateMode,
        xlsx: Option<&Path>,
    ) -> Result<ExportOutcome> {
        check_target(out, ".docx")?;
        if let Some(x) = xlsx {
            if kind != BatchKind::Certificates {
                return Err(ApiError::Refused(
                    "Chỉ danh sách chứng thư số đang sử dụng có bản Excel kèm theo.".to_owned(),
                ));
            }
            check_target(x, ".xlsx")?;
        }
        let today = self.today();
        let os_user = self.os_user.clone();
        let order = &self.order;
        let mut written = Written::default();
        let result = self.store.write(|tx| {
            let views = Views::load(tx, today)?;
            let g = gather(tx, kind, &views, order)?;
            if g.items.is_empty() {
                return Err(ApiError::Refused(empty_message(kind)));
            }
            let blocked = g.blocking_rows();
            if let Some(flag) = unit_flags(&g.unit, kind).into_iter().find(|f| f.level == FlagLevel::Blocking)
            {
                return Err(ApiError::Refused(format!("Chưa xuất được: {}.", flag.label)));
            }
            if blocked > 0 {
                let names: Vec<String> = g
                    .items
                    .iter()
                    .filter(|i| i.flags.iter().any(|f| f.level == FlagLevel::Blocking))
                    .take(5)
                    .map(|i| {
                        let what: Vec<&str> = i
                            .flags
                            .iter()
                            .filter(|f| f.level == FlagLevel::Blocking)
                            .map(|f| f.label.as_str())
                            .collect();
                        format!("{} ({})", clean_line(&i.name), what.join(", "))
                    })
                    .collect();
                return Err(ApiError::Refused(format!(
                    "Chưa xuất được: {blocked} dòng còn thiếu thông tin: {}{}. Hãy bổ sung rồi xuất lại.",
                    names.join("; "),
                    if blocked > 5 { "; …" } else { "" }
                )));
            }
            let form =
                form_of(kind, &g.unit, &g.items).ok_or_else(|| ApiError::Refused(empty_message(kind)))?;
            let date = date_line(date_mode, today);
            let bytes = build_docx(&form, &unit_info(&g.unit), date).map_err(form_error)?;
            let sha = sha256_hex(&bytes);
            let xlsx_bytes = match (&form, xlsx) {
                (Form::CertificatesInUse(rows), Some(_)) => {
                    Some(certificates_xlsx(rows).map_err(form_error)?)
                }
                _ => None,
            };
            let xlsx_sha = xlsx_bytes.as_deref().map(sha256_hex);
            let path_text = out.display().to_string();
            let xlsx_text = xlsx.map(|x| x.display().to_string());
            let file_name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let batch_id = table::insert(
                tx,
                &NewBatch {
                    kind,
                    file_name: &file_name,
                    path: &path_text,
                    sha256: &sha,
                    row_count: g.items.len() as u32,
                    date_mode,
                    date_on: (date_mode == DateMode::Today).then_some(today),
                    xlsx: xlsx_text.as_deref().zip(xlsx_sha.as_deref()),
                },
            )?;
            let superseded: Vec<i64> = g.live.iter().map(|b| b.id).collect();
            for old in &superseded {
                table::supersede(tx, *old, batch_id)?;
            }
            for (i, item) in g.items.iter().enumerate() {
                let position = i as u32 + 1;
                match &item.request {
                    Some(r) => {
                        if r.status == RequestStatus::Exported {
                            // The earlier list is withdrawn: its requests go back
                            // to "marked" and on into this one, both moves dated.
                            let note = format!(
                                "Danh sách số {} được thay bằng danh sách số {batch_id}",
                                r.batch_id.unwrap_or_default()
                            );
                            transition(tx, r.id, RequestStatus::Marked, Some(&note), today)?;
                        }
                        let note = format!("Danh sách số {batch_id}");
                        transition(tx, r.id, RequestStatus::Exported, Some(&note), today)?;
                        table::add_request(tx, batch_id, r.id, position)?;
                    }
                    None => table::add_row(tx, batch_id, position, item.staff_id, item.certificate_id)?,
                }
            }
            audit::record(
                tx,
                &os_user,
                "batch",
                Some(batch_id),
                "export",
                &["kind", "file_name", "sha256", "row_count", "date_mode"],
            )?;
            // Last, so that a refusal above writes nothing.
            written.write(out, &bytes)?;
            if let (Some(x), Some(b)) = (xlsx, &xlsx_bytes) {
                written.write(x, b)?;
            }
            Ok::<_, ApiError>(ExportOutcome {
                batch_id,
                kind,
                rows: g.items.len() as u32,
                sha256: sha,
                file: path_text,
                xlsx_file: xlsx_text,
                superseded,
                same_as_recorded: true,
            })
        });
        if result.is_err() {
            written.undo();
        }
        result
    }

    /// Writes list `batch_id` again to `out`: the same rows in the same
    /// order and the same date line as recorded, with the register's data
    /// as it is now. Changes no state; says whether the bytes are the ones
    /// recorded.
    pub fn reexport(&mut self, batch_id: i64, out: &Path) -> Result<ExportOutcome> {
        check_target(out, ".docx")?;
        let conn = self.store.conn();
        let batch = table::get(conn, batch_id)?
            .ok_or_else(|| ApiError::NotFound(format!("Không tìm thấy danh sách số {batch_id}.")))?;
        let views = Views::load(conn, self.today())?;
        let unit = unit::get(conn)?;
        let mut items = Vec::new();
        if request_kind(batch.kind).is_some() {
            for id in table::requests_of(conn, batch_id)? {
                if let Some(r) = request_table::get(conn, id)? {
                    items.push(request_item(conn, r, &unit, &views)?);
                }
            }
        } else {
            for (staff_id, cert_id) in table::rows_of(conn, batch_id)? {
                if let Some(c) = cert_id.map(|id| cert_table::get(conn, id)).transpose()?.flatten() {
                    items.push(certificate_item(&c, &views));
                } else if let Some(p) = staff_id.and_then(|id| views.people.get(&id)) {
                    items.push(email_item(p));
                }
            }
        }
        // History is written as it was: flags that appeared since (a
        // certificate that expired) do not keep it from being printed.
        let form = form_of(batch.kind, &unit, &items).filter(|_| !items.is_empty()).ok_or_else(|| {
            ApiError::Refused(format!(
                "Không dựng lại được danh sách số {batch_id}: có người hoặc chứng thư số trong danh sách đã bị xoá hoặc thiếu thông tin. Hãy xuất danh sách mới."
            ))
        })?;
        let date = match (batch.date_mode, batch.date_on) {
            (DateMode::Today, Some(d)) => DateLine::Today(d),
            _ => DateLine::Blank,
        };
        let bytes = build_docx(&form, &unit_info(&unit), date).map_err(form_error)?;
        let sha = sha256_hex(&bytes);
        let os_user = self.os_user.clone();
        chungthu_files::write_atomic(out, &bytes).map_err(|e| ApiError::File(e.to_string()))?;
        self.store.write(|tx| {
            audit::record(tx, &os_user, "batch", Some(batch_id), "reexport", &["file_name"])?;
            Ok::<_, StoreError>(())
        })?;
        Ok(ExportOutcome {
            batch_id,
            kind: batch.kind,
            rows: items.len() as u32,
            same_as_recorded: sha == batch.sha256,
            sha256: sha,
            file: out.display().to_string(),
            xlsx_file: None,
            superseded: Vec::new(),
        })
    }

    /// Every exported list, newest first.
    pub fn batches(&self) -> Result<Vec<BatchView>> {
        Ok(table::list(self.store.conn())?.into_iter().map(BatchView::from).collect())
    }

    /// One exported list.
    pub fn batch_view(&self, id: i64) -> Result<BatchView> {
        table::get(self.store.conn(), id)?
            .map(BatchView::from)
            .ok_or_else(|| ApiError::NotFound(format!("Không tìm thấy danh sách số {id}.")))
    }
}
