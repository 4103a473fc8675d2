//! A person's rights under Decree 13/2023/NĐ-CP: see everything held about
//! them (an export), and have their personal data erased once they left
//! long ago.
//!
//! Erasure rule: only for a person who **left at least [`ERASE_AFTER_YEARS`]
//! year ago** and has no request still under way. Until then the unit may
//! still need the data (a revocation to redo, a correction asked by the
//! Department, the yearly review). Erasure clears CCCD (and its issue
//! date), birth date and year, phone, e-mail and notes — and the identity
//! number and e-mail copied from their certificates; it keeps the name,
//! position, leaving details and the certificate and request history, sets
//! `erased_at` and leaves an audit entry. Copies inside older backups
//! disappear as those backups age out (at most a year, see the retention
//! rule).

use crate::staff::input_of;
use crate::{Api, ApiError, Result};
use chungthu_model::audit::AuditEntry;
use chungthu_model::staff::Staff;
use chungthu_model::staff::validate;
use chungthu_model::{StaffStatus, VnDate};
use chungthu_store::audit::{self, AuditFilter};
use chungthu_store::personal::{self, JsonRow};
use chungthu_store::staff as table;
use serde::Serialize;

/// How long after leaving a person's personal data may be erased.
pub const ERASE_AFTER_YEARS: i32 = 1;

/// Everything ChungThu holds about one person.
#[derive(Debug, Clone, Serialize)]
pub struct PersonExport {
    /// What this file is.
    pub about: String,
    /// UTC time of the export.
    pub exported_at: String,
    /// The person's fields (with `erased_at` once their data was erased).
    pub staff: Staff,
    /// Their certificates (every stored column).
    pub certificates: Vec<JsonRow>,
    /// Their requests (every stored column).
    pub requests: Vec<JsonRow>,
    /// State changes of those requests.
    pub request_events: Vec<JsonRow>,
    /// Audit entries about them (field names only, never values).
    pub audit: Vec<AuditEntry>,
}

impl Api {
    /// Everything held about person `id`, for a JSON file given to them.
    /// The export itself is recorded in the audit log.
    pub fn export_person(&mut self, id: i64) -> Result<PersonExport> {
        let staff = self.staff(id)?;
        let conn = self.store.conn();
        let filter =
            AuditFilter { entity: Some("staff".into()), entity_id: Some(id), ..AuditFilter::default() };
        let export = PersonExport {
            about: "Dữ liệu ChungThu lưu về một người (Nghị định 13/2023/NĐ-CP)".to_owned(),
            exported_at: time::OffsetDateTime::now_utc()
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
            certificates: personal::certificates_of(conn, id)?,
            requests: personal::requests_of(conn, id)?,
            request_events: personal::request_events_of(conn, id)?,
            audit: audit::search(conn, &filter)?.0,
            staff,
        };
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            audit::record(tx, &os_user, "staff", Some(id), "export_personal_data", &[])?;
            Ok::<_, ApiError>(())
        })?;
        Ok(export)
    }

    /// The earliest day person `id`'s personal data may be erased, or why
    /// never yet (still working, a request under way, already erased).
    pub fn erasable_from(&self, id: i64) -> Result<VnDate> {
        let person = self.staff(id)?;
        let conn = self.store.conn();
        if let Some(at) = &person.erased_at {
            return Err(ApiError::Refused(format!(
                "Dữ liệu cá nhân của {} đã được xoá từ {}.",
                person.full_name,
                at.get(..10).unwrap_or(at)
            )));
        }
        let (StaffStatus::Left, Some(left_on)) = (person.status, person.left_on) else {
            return Err(ApiError::Refused(format!(
                "{} đang công tác: chỉ xoá dữ liệu cá nhân của người đã nghỉ từ {ERASE_AFTER_YEARS} năm trở lên.",
                person.full_name
            )));
        };
        let open = personal::open_requests(conn, id)?;
        if open > 0 {
            return Err(ApiError::Refused(format!(
                "{} còn {open} đề nghị chưa xong: hãy hoàn tất hoặc xoá đề nghị trước khi xoá dữ liệu cá nhân.",
                person.full_name
            )));
        }
        let d = left_on.date();
        let year = d.year() + ERASE_AFTER_YEARS;
        // 29/02 has no twin in the next year: the day after 28/02 is fine.
        let from = d
            .replace_year(year)
            .or_else(|_| {
                d.replace_day(28).and_then(|x| x.replace_year(year)).map(|x| x + time::Duration::DAY)
            })
            .map_err(|_| ApiError::Refused("Ngày nghỉ không hợp lệ.".to_owned()))?;
        Ok(from.into())
    }

    /// Erases person `id`'s personal data (see the module's rule). Returns
    /// the person as now stored.
    pub fn erase_personal_data(&mut self, id: i64) -> Result<Staff> {
        let from = self.erasable_from(id)?;
        let person = self.staff(id)?;
        if self.today() < from {
            return Err(ApiError::Refused(format!(
                "{} nghỉ ngày {}: chỉ xoá được dữ liệu cá nhân từ ngày {} (sau {ERASE_AFTER_YEARS} năm).",
                person.full_name,
                person.left_on.map(|d| d.to_string()).unwrap_or_default(),
                from
            )));
        }
        let mut input = input_of(&person);
        for field in [
            &mut input.birth_date,
            &mut input.cccd,
            &mut input.cccd_issued_on,
            &mut input.phone,
            &mut input.email,
            &mut input.notes,
        ] {
            field.clear();
        }
        // Only what stays is validated; its problems do not matter any more
        // (nobody follows up on an erased person), so none is kept.
        let fields = validate(&input, self.today()).fields;
        let os_user = self.os_user.clone();
        let order = &self.order;
        self.store.write(|tx| {
            table::update(tx, order, id, &fields, &[])?;
            personal::erase(tx, id)?;
            let mut names = vec!["birth_date", "cccd", "cccd_issued_on", "phone", "email", "notes"];
            names.extend(personal::ERASED_ELSEWHERE);
            audit::record(tx, &os_user, "staff", Some(id), "erase_personal_data", &names)?;
            Ok::<_, ApiError>(())
        })?;
        self.staff(id)
    }
}

impl Api {
    /// [`Api::export_person`] written as pretty JSON to `path`, all or
    /// nothing.
    pub fn export_person_to(&mut self, id: i64, path: &std::path::Path) -> Result<PersonExport> {
        let export = self.export_person(id)?;
        let json = serde_json::to_vec_pretty(&export).expect("plain data always serialises");
        chungthu_files::write_atomic(path, &json).map_err(|e| ApiError::File(e.to_string()))?;
        Ok(export)
    }
}
