//! What a list holds: exactly its rows, in document order, each with what
//! is wrong with it, and the review the window shows before exporting.

use super::batches::BatchView;
use super::form::{date_line, form_error, form_kind, form_of, unit_info};
use crate::certs::{CertStatus, Views};
use crate::requests::missing;
use crate::{Api, Result};
use chungthu_forms::{
    CertChangeRow, CertificateRow, EmailPersonRow, FileFormat, IssuanceRow, RevocationRow, default_file_name,
    form_page,
};
use chungthu_forms::{FormPage, PageColumn};
use chungthu_model::batch::{Batch, BatchKind, DateMode};
use chungthu_model::certificate::Certificate;
use chungthu_model::order::NameKey;
use chungthu_model::request::{Request, RequestKind, RequestStatus};
use chungthu_model::staff::Staff;
use chungthu_model::text::clean_line;
use chungthu_model::unit::Unit;
use chungthu_model::{IdNumber, Phone, StaffStatus, VnDate};
use chungthu_store::batch::{self as table};
use chungthu_store::certificate as cert_table;
use chungthu_store::request::{self as request_table, RequestFilter};
use chungthu_store::rusqlite::Connection;
use chungthu_store::staff as staff_table;
use chungthu_store::unit;
use serde::{Deserialize, Serialize};
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

pub(super) fn request_kind(kind: BatchKind) -> Option<RequestKind> {
    match kind {
        BatchKind::Issuance => Some(RequestKind::Issuance),
        BatchKind::Revocation => Some(RequestKind::Revocation),
        BatchKind::Renewal => Some(RequestKind::Renewal),
        BatchKind::Change => Some(RequestKind::Change),
        BatchKind::Certificates | BatchKind::EmailSummary => None,
    }
}

/// Why a list is empty, per kind.
pub(super) fn empty_message(kind: BatchKind) -> String {
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
pub(super) enum RowData {
    Issuance(IssuanceRow),
    Revocation(RevocationRow),
    Change(CertChangeRow),
    Certificate(CertificateRow),
    Email(EmailPersonRow),
}

/// One row of a list before ordering.
pub(super) struct Item {
    pub(super) request: Option<Request>,
    pub(super) staff_id: Option<i64>,
    pub(super) certificate_id: Option<i64>,
    pub(super) name: String,
    pub(super) flags: Vec<RowFlag>,
    pub(super) data: Option<RowData>,
}

/// A list's rows in document order and what it needs around them.
pub(super) struct Gathered {
    pub(super) unit: Unit,
    pub(super) items: Vec<Item>,
    pub(super) live: Vec<Batch>,
}

impl Gathered {
    pub(super) fn blocking_rows(&self) -> usize {
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
pub(super) fn request_item(conn: &Connection, r: Request, unit: &Unit, views: &Views) -> Result<Item> {
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
pub(super) fn certificate_item(c: &Certificate, views: &Views) -> Item {
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
pub(super) fn email_item(p: &Staff) -> Item {
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
pub(super) fn unit_flags(unit: &Unit, kind: BatchKind) -> Vec<RowFlag> {
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
pub(super) fn gather(
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
            title: kind.title().to_owned(),
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
}
