//! The audit log as the user reads it: who changed what and which fields
//! (never values), filtered by kind of thing and by local dates, and as a
//! CSV file for the principal or an inspection.

use crate::{Api, ApiError, Result};
use chungthu_model::VnDate;
use chungthu_store::audit::{self, AuditFilter};
use serde::{Deserialize, Serialize};
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};
use ts_rs::TS;

/// What the audit viewer asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AuditQuery {
    /// Only this kind of thing (`staff`, `unit`, `certificate`…).
    pub entity: Option<String>,
    /// Only this one thing (e.g. one person's id).
    pub entity_id: Option<i64>,
    /// From this local day (inclusive).
    pub from: Option<VnDate>,
    /// To this local day (inclusive).
    pub to: Option<VnDate>,
    /// Page size (0 = no limit).
    pub limit: u32,
    /// Rows to skip.
    pub offset: u32,
}

/// One entry, with Vietnamese words for the window and the CSV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditRow {
    /// Entry id.
    pub id: i64,
    /// UTC time, ISO 8601.
    pub at: String,
    /// Local time, `dd/mm/yyyy hh:mm:ss`.
    pub at_local: String,
    /// The operating-system user.
    pub os_user: String,
    /// Kind of thing (code).
    pub entity: String,
    /// Kind of thing, in Vietnamese.
    pub entity_label: String,
    /// Which one, when it has an id.
    pub entity_id: Option<i64>,
    /// What was done (code).
    pub action: String,
    /// What was done, in Vietnamese.
    pub action_label: String,
    /// Names of the fields that changed (codes).
    pub fields: Vec<String>,
    /// The same, in Vietnamese.
    pub field_labels: Vec<String>,
}

/// A page of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditPage {
    /// Newest first.
    pub items: Vec<AuditRow>,
    /// How many match in all.
    pub total: u32,
    /// Kinds of things that have entries, for the filter: `[code, label]`.
    pub entities: Vec<(String, String)>,
}

impl Api {
    /// Entries matching `q`, newest first.
    pub fn audit_search(&self, q: &AuditQuery) -> Result<AuditPage> {
        let offset = local_offset();
        let (entries, total) = audit::search(self.store.conn(), &filter(q, offset)?)?;
        Ok(AuditPage {
            items: entries.into_iter().map(|e| row(e, offset)).collect(),
            total,
            entities: audit::entities(self.store.conn())?
                .into_iter()
                .map(|e| {
                    let label = entity_label(&e).to_owned();
                    (e, label)
                })
                .collect(),
        })
    }

    /// Every entry matching `q` (no paging) as CSV: UTF-8 with a byte order
    /// mark so Excel shows Vietnamese correctly.
    pub fn audit_csv(&self, q: &AuditQuery) -> Result<Vec<u8>> {
        Ok(self.csv_with_count(q)?.0)
    }

    fn csv_with_count(&self, q: &AuditQuery) -> Result<(Vec<u8>, usize)> {
        let all = AuditQuery { limit: 0, offset: 0, ..q.clone() };
        let page = self.audit_search(&all)?;
        let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
        let write_err = |e: csv::Error| ApiError::File(format!("Không tạo được tệp CSV: {e}"));
        out.write_record(["Thời gian", "Người dùng máy", "Đối tượng", "Mã", "Thao tác", "Các mục thay đổi"])
            .map_err(write_err)?;
        for r in &page.items {
            out.write_record([
                r.at_local.clone(),
                spreadsheet_safe(&r.os_user),
                r.entity_label.clone(),
                r.entity_id.map(|i| i.to_string()).unwrap_or_default(),
                r.action_label.clone(),
                spreadsheet_safe(&r.field_labels.join(", ")),
            ])
            .map_err(write_err)?;
        }
        let bytes =
            out.into_inner().map_err(|e| ApiError::File(format!("Không tạo được tệp CSV: {}", e.error())))?;
        Ok((bytes, page.items.len()))
    }

    /// [`Api::audit_csv`] written to `path`, all or nothing; returns how
    /// many entries it holds.
    pub fn audit_csv_to(&self, q: &AuditQuery, path: &std::path::Path) -> Result<usize> {
        let (bytes, count) = self.csv_with_count(q)?;
        chungthu_files::write_atomic(path, &bytes).map_err(|e| ApiError::File(e.to_string()))?;
        Ok(count)
    }
}

/// Vietnam has no daylight saving time: the offset of now is the offset of
/// any day shown.
fn local_offset() -> UtcOffset {
    UtcOffset::current_local_offset().unwrap_or_else(|_| UtcOffset::from_hms(7, 0, 0).expect("valid offset"))
}

fn filter(q: &AuditQuery, offset: UtcOffset) -> Result<AuditFilter> {
    if let (Some(from), Some(to)) = (q.from, q.to)
        && from > to
    {
        return Err(ApiError::Refused(
            "Ngày bắt đầu đang sau ngày kết thúc; hãy đổi lại khoảng ngày.".to_owned(),
        ));
    }
    let utc_midnight = |d: time::Date| {
        PrimitiveDateTime::new(d, time::Time::MIDNIGHT)
            .assume_offset(offset)
            .to_offset(UtcOffset::UTC)
            .format(format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]"))
            .expect("a date-time always formats")
    };
    Ok(AuditFilter {
        entity: q.entity.clone().filter(|e| !e.is_empty()),
        entity_id: q.entity_id,
        from: q.from.map(|d| utc_midnight(d.date())),
        until: q.to.and_then(|d| d.date().next_day()).map(utc_midnight),
        limit: q.limit,
        offset: q.offset,
    })
}

fn row(e: chungthu_model::audit::AuditEntry, offset: UtcOffset) -> AuditRow {
    let fields: Vec<String> = e.fields.split(',').filter(|f| !f.is_empty()).map(str::to_owned).collect();
    let at_local = OffsetDateTime::parse(&e.at, &time::format_description::well_known::Rfc3339)
        .ok()
        .and_then(|t| {
            t.to_offset(offset)
                .format(format_description!("[day]/[month]/[year] [hour]:[minute]:[second]"))
                .ok()
        })
        .unwrap_or_else(|| e.at.clone());
    AuditRow {
        id: e.id,
        at_local,
        os_user: e.os_user,
        entity_label: entity_label(&e.entity).to_owned(),
        action_label: action_label(&e.action).to_owned(),
        field_labels: fields.iter().map(|f| field_label(f).to_owned()).collect(),
        fields,
        entity: e.entity,
        entity_id: e.entity_id,
        action: e.action,
        at: e.at,
    }
}

/// A cell that starts with `=`, `+`, `-`, `@` (or a tab/CR) would be run as
/// a formula by Excel: prefix it with an apostrophe.
fn spreadsheet_safe(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_owned() }
}

fn entity_label(e: &str) -> &str {
    match e {
        "staff" => "Cán bộ",
        "unit" => "Thông tin đơn vị",
        "certificate" => "Chứng thư số",
        "provider" => "Nhà cung cấp",
        "request" => "Đề nghị",
        "batch" => "Danh sách đã xuất",
        "outbox" | "mail" => "Thư điện tử",
        "setting" => "Cài đặt",
        "database" => "Dữ liệu",
        other => other,
    }
}

fn action_label(a: &str) -> &str {
    match a {
        "create" => "Thêm",
        "create_many" => "Thêm nhiều",
        "update" => "Sửa",
        "delete" => "Xoá",
        "left" => "Đánh dấu đã nghỉ",
        "reinstate" => "Đưa trở lại",
        "import" => "Nhập từ tệp",
        "import_create" => "Thêm khi nhập",
        "import_update" => "Sửa khi nhập",
        "seed" => "Tạo sẵn",
        "restore" => "Khôi phục từ bản sao lưu",
        "recover" => "Khôi phục tệp bị hỏng",
        "erase_personal_data" => "Xoá dữ liệu cá nhân",
        "export_personal_data" => "Xuất dữ liệu cá nhân",
        "revoke" | "revoked" => "Thu hồi",
        "marked" => "Đánh dấu đề nghị",
        "exported" => "Đã đưa vào danh sách",
        "sent" => "Đã gửi",
        "done" => "Đã xong",
        "rejected" => "Bị trả lại",
        other => other,
    }
}

fn field_label(f: &str) -> &str {
    match f {
        "full_name" => "Họ và tên",
        "birth_date" => "Ngày sinh",
        "birth_year" => "Năm sinh",
        "gender" => "Giới tính",
        "position" => "Chức vụ",
        "team" => "Tổ chuyên môn",
        "staff_code" => "Mã cán bộ",
        "cccd" => "Số CCCD",
        "cccd_issued_on" => "Ngày cấp CCCD",
        "phone" => "Điện thoại",
        "email" => "Email",
        "notes" => "Ghi chú",
        "status" => "Trạng thái",
        "left_reason" => "Lý do nghỉ",
        "left_on" => "Ngày nghỉ",
        "name" => "Tên",
        "managing_body" => "Đơn vị quản lý",
        "commune" => "UBND cấp xã",
        "place" => "Địa danh",
        "signer_name" => "Người ký",
        "signer_role" => "Chức danh người ký",
        "focal_name" => "Cán bộ đầu mối",
        "focal_phone" => "Điện thoại đầu mối",
        "focal_email" => "Email đầu mối",
        "backup_dir" => "Thư mục sao lưu",
        "certificate.identity" => "Số định danh trên chứng thư",
        "certificate.email" => "Email trên chứng thư",
        "revoked_on" => "Ngày thu hồi",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_formulas_are_defused() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("-1+1"), "'-1+1");
        assert_eq!(spreadsheet_safe("vanthu"), "vanthu");
    }

    #[test]
    fn local_days_become_utc_bounds() {
        let q = AuditQuery {
            from: VnDate::from_ymd(2026, 11, 23),
            to: VnDate::from_ymd(2026, 11, 23),
            ..AuditQuery::default()
        };
        let f = filter(&q, UtcOffset::from_hms(7, 0, 0).unwrap()).unwrap();
        assert_eq!(
            f.from.as_deref(),
            Some("2026-11-22T17:00:00"),
            "midnight in Hà Nội is 17:00 UTC the day before"
        );
        assert_eq!(f.until.as_deref(), Some("2026-11-23T17:00:00"), "the whole of the last day is included");
        let backwards = AuditQuery { from: q.to, to: VnDate::from_ymd(2026, 11, 1), ..q };
        assert!(filter(&backwards, UtcOffset::UTC).is_err());
    }
}
