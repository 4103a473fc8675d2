//! Certificates entered by hand, edited or marked revoked, their derived
//! status, and the views the window and the lists show.

use super::reminders::{largest, reminder_days};
use crate::{Api, ApiError, Result};
use chungthu_model::certificate::{CertForm, Certificate};
use chungthu_model::provider::{CertKind, Provider};
use chungthu_model::staff::{Staff, StaffQuery};
use chungthu_model::text::{clean_line, clean_multiline, fold};
use chungthu_model::{Field, Problem, StaffStatus, VnDate};
use chungthu_store::certificate::{self as table, CertFields, FileFacts};
use chungthu_store::provider::{self};
use chungthu_store::rusqlite::Connection;
use chungthu_store::staff as staff_table;
use chungthu_store::{audit, unit};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// Where a certificate stands today. Derived, never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CertStatus {
    /// Còn hiệu lực.
    Valid,
    /// Sắp hết hạn (within the largest reminder threshold).
    Expiring,
    /// Đã hết hạn.
    Expired,
    /// Đã thu hồi.
    Revoked,
}

impl CertStatus {
    /// Every status.
    pub const ALL: [CertStatus; 4] =
        [CertStatus::Valid, CertStatus::Expiring, CertStatus::Expired, CertStatus::Revoked];

    /// Vietnamese name.
    pub fn label(self) -> &'static str {
        match self {
            CertStatus::Valid => "Còn hiệu lực",
            CertStatus::Expiring => "Sắp hết hạn",
            CertStatus::Expired => "Đã hết hạn",
            CertStatus::Revoked => "Đã thu hồi",
        }
    }

    /// Valid or expiring: the holder can still sign with it.
    pub fn usable(self) -> bool {
        matches!(self, CertStatus::Valid | CertStatus::Expiring)
    }
}

/// The status of a certificate on `today`, with `window` days of warning.
pub fn status_of(cert: &Certificate, today: VnDate, window: u32) -> CertStatus {
    let days_left = today.days_until(cert.valid_to);
    if cert.revoked_on.is_some_and(|d| d <= today) {
        CertStatus::Revoked
    } else if days_left < 0 {
        CertStatus::Expired
    } else if days_left <= i64::from(window) {
        CertStatus::Expiring
    } else {
        CertStatus::Valid
    }
}

/// A certificate as the window and the CLI show it: stored fields plus the
/// holder, the provider and what today makes of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CertView {
    /// Row id.
    pub id: i64,
    /// Holder; `None` for the unit's own certificate.
    pub staff_id: Option<i64>,
    /// Holder's name in the register (the unit's name for its own).
    pub holder_name: String,
    /// The holder still works at the unit (always true for the unit).
    pub holder_active: bool,
    /// Provider.
    pub provider_id: Option<i64>,
    /// Provider's short name.
    pub provider: Option<String>,
    /// Specialised or public.
    pub kind: CertKind,
    /// Token, SIM or remote signing.
    pub form: Option<CertForm>,
    /// Serial, upper-case hex.
    pub serial_hex: String,
    /// Name in the certificate.
    pub subject_name: String,
    /// Issuer's name.
    pub issuer_name: String,
    /// First valid day.
    pub valid_from: Option<VnDate>,
    /// Last valid day.
    pub valid_to: VnDate,
    /// Purpose.
    pub purpose: Option<String>,
    /// Revocation day.
    pub revoked_on: Option<VnDate>,
    /// Notes.
    pub notes: Option<String>,
    /// Derived status.
    pub status: CertStatus,
    /// Days from today to the last valid day (negative: expired that long ago).
    pub days_left: i64,
}

/// Who holds a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Holder {
    /// A person of the register.
    Staff(i64),
    /// The unit itself (organisation certificate).
    Unit,
}

impl Holder {
    pub(super) fn staff_id(self) -> Option<i64> {
        match self {
            Holder::Staff(id) => Some(id),
            Holder::Unit => None,
        }
    }
}

/// A certificate typed by hand (or edited). Dates as dd/mm/yyyy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CertInput {
    /// Holder.
    pub holder: Holder,
    /// Provider, when known.
    pub provider_id: Option<i64>,
    /// Specialised or public.
    pub kind: CertKind,
    /// Token, SIM, remote.
    pub form: Option<CertForm>,
    /// Serial (hex; spaces and colons are ignored).
    pub serial_hex: String,
    /// Name in the certificate (the holder's name when empty).
    pub subject_name: String,
    /// First valid day (optional).
    pub valid_from: String,
    /// Last valid day.
    pub valid_to: String,
    /// Purpose.
    pub purpose: String,
    /// Notes.
    pub notes: String,
}

/// Which certificates to list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CertQuery {
    /// Only this person's.
    pub staff_id: Option<i64>,
    /// Only these statuses (empty: all).
    pub statuses: Vec<CertStatus>,
    /// Only this provider.
    pub provider_id: Option<i64>,
    /// Only those ending within this many days (not yet expired).
    pub expiring_within: Option<u32>,
    /// Name or serial, ignoring case and diacritics.
    pub search: String,
}

/// A person in a short list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StaffBrief {
    /// Row id.
    pub id: i64,
    /// Họ và tên.
    pub full_name: String,
    /// Chức vụ.
    pub position: Option<String>,
}

impl From<&Staff> for StaffBrief {
    fn from(s: &Staff) -> Self {
        StaffBrief { id: s.id, full_name: s.full_name.clone(), position: s.position.clone() }
    }
}

impl Api {
    /// Certificates matching `query`, soonest expiry first.
    pub fn list_certificates(&self, query: &CertQuery) -> Result<Vec<CertView>> {
        let conn = self.store.conn();
        let views = Views::load(conn, self.today())?;
        let words: Vec<String> = fold(&query.search).split_whitespace().map(str::to_owned).collect();
        let certs = table::all(conn)?;
        Ok(certs
            .iter()
            .map(|c| views.view(c))
            .filter(|v| query.staff_id.is_none_or(|id| v.staff_id == Some(id)))
            .filter(|v| query.statuses.is_empty() || query.statuses.contains(&v.status))
            .filter(|v| query.provider_id.is_none_or(|id| v.provider_id == Some(id)))
            .filter(|v| {
                query.expiring_within.is_none_or(|days| v.status.usable() && v.days_left <= i64::from(days))
            })
            .filter(|v| {
                let text = fold(&format!("{} {} {}", v.holder_name, v.subject_name, v.serial_hex));
                words.iter().all(|w| text.contains(w.as_str()))
            })
            .collect())
    }

    /// One certificate.
    pub fn certificate(&self, id: i64) -> Result<CertView> {
        let conn = self.store.conn();
        let cert = table::get(conn, id)?.ok_or_else(|| cert_not_found(id))?;
        Ok(Views::load(conn, self.today())?.view(&cert))
    }

    /// Adds a certificate typed by hand.
    pub fn add_certificate(&mut self, input: &CertInput) -> Result<CertView> {
        self.save_certificate(None, input)
    }

    /// Edits a certificate's fields (what an imported file said about its
    /// issuer stays as it was).
    pub fn edit_certificate(&mut self, id: i64, input: &CertInput) -> Result<CertView> {
        table::get(self.store.conn(), id)?.ok_or_else(|| cert_not_found(id))?;
        self.save_certificate(Some(id), input)
    }

    fn save_certificate(&mut self, id: Option<i64>, input: &CertInput) -> Result<CertView> {
        let os_user = self.os_user.clone();
        let id = self.store.write(|tx| {
            let fields = cert_fields(tx, input)?;
            if let Some(same) = table::same_as(tx, &fields.serial_hex, "")?.filter(|c| Some(c.id) != id) {
                return Err(ApiError::Invalid(vec![Problem::error(
                    Field::CertSerial,
                    "cert_duplicate",
                    format!("đã có chứng thư số mang số hiệu này (mã {})", same.id),
                )]));
            }
            let id = match id {
                Some(id) => {
                    table::update(tx, id, &fields)?;
                    audit::record(tx, &os_user, "certificate", Some(id), "update", &CERT_FIELDS)?;
                    id
                }
                None => {
                    let id = table::insert(tx, &fields, &FileFacts::default())?;
                    audit::record(tx, &os_user, "certificate", Some(id), "create", &CERT_FIELDS)?;
                    id
                }
            };
            Ok::<_, ApiError>(id)
        })?;
        self.certificate(id)
    }

    /// Records that a certificate was revoked on `on` (dd/mm/yyyy), or
    /// clears that mark when `on` is empty.
    pub fn mark_revoked(&mut self, id: i64, on: &str) -> Result<CertView> {
        let cert = table::get(self.store.conn(), id)?.ok_or_else(|| cert_not_found(id))?;
        let on = match on.trim() {
            "" => None,
            text => {
                let day = VnDate::parse(text).map_err(|e| {
                    ApiError::Invalid(vec![Problem::error(
                        Field::CertValidTo,
                        "date_shape",
                        format!("ngày thu hồi {e}"),
                    )])
                })?;
                if cert.valid_from.is_some_and(|from| day < from) {
                    return Err(ApiError::Refused(
                        "Ngày thu hồi phải sau ngày chứng thư số bắt đầu có hiệu lực.".to_owned(),
                    ));
                }
                Some(day)
            }
        };
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            table::set_revoked(tx, id, on)?;
            let action = if on.is_some() { "revoked" } else { "unrevoked" };
            audit::record(tx, &os_user, "certificate", Some(id), action, &["revoked_on"])?;
            Ok::<_, ApiError>(())
        })?;
        self.certificate(id)
    }
}

pub(super) const CERT_FIELDS: [&str; 10] = [
    "staff_id",
    "provider_id",
    "kind",
    "form",
    "serial_hex",
    "subject_name",
    "valid_from",
    "valid_to",
    "purpose",
    "notes",
];

/// Holder names, providers and thresholds, loaded once to turn many
/// certificates into views.
pub(crate) struct Views {
    pub(crate) today: VnDate,
    pub(crate) reminder_days: Vec<u32>,
    pub(crate) people: HashMap<i64, Staff>,
    providers: HashMap<i64, Provider>,
    unit_name: String,
}

impl Views {
    pub(crate) fn load(conn: &Connection, today: VnDate) -> Result<Self> {
        let people =
            staff_table::search(conn, &StaffQuery::default())?.items.into_iter().map(|s| (s.id, s)).collect();
        let providers = provider::list(conn)?.into_iter().map(|p| (p.id, p)).collect();
        let unit_name = unit::get(conn)?.name;
        Ok(Views { today, reminder_days: reminder_days(conn)?, people, providers, unit_name })
    }

    pub(crate) fn view(&self, c: &Certificate) -> CertView {
        let person = c.staff_id.and_then(|id| self.people.get(&id));
        let holder_name = match (c.staff_id, person) {
            (Some(_), Some(p)) => p.full_name.clone(),
            (Some(id), None) => format!("Mã {id}"),
            (None, _) if self.unit_name.is_empty() => "Đơn vị (chứng thư số của trường)".to_owned(),
            (None, _) => self.unit_name.clone(),
        };
        CertView {
            id: c.id,
            staff_id: c.staff_id,
            holder_name,
            holder_active: person.is_none_or(|p| p.status == StaffStatus::Active),
            provider_id: c.provider_id,
            provider: c.provider_id.and_then(|id| self.providers.get(&id)).map(|p| p.short_name.clone()),
            kind: c.kind,
            form: c.form,
            serial_hex: c.serial_hex.clone(),
            subject_name: c.subject_name.clone(),
            issuer_name: c.issuer_name.clone(),
            valid_from: c.valid_from,
            valid_to: c.valid_to,
            purpose: c.purpose.clone(),
            revoked_on: c.revoked_on,
            notes: c.notes.clone(),
            status: status_of(c, self.today, largest(&self.reminder_days)),
            days_left: self.today.days_until(c.valid_to),
        }
    }

    pub(crate) fn provider_name(&self, id: Option<i64>) -> Option<String> {
        id.and_then(|id| self.providers.get(&id)).map(|p| p.name.clone())
    }
}

/// Validates a typed certificate against the database.
fn cert_fields(conn: &Connection, input: &CertInput) -> Result<CertFields> {
    let mut problems = Vec::new();
    let mut holder_name = String::new();
    if let Holder::Staff(id) = input.holder {
        match staff_table::get(conn, id)? {
            Some(p) => holder_name = p.full_name,
            None => problems.push(Problem::error(
                Field::CertHolder,
                "not_found",
                format!("không có người mã {id}"),
            )),
        }
    }
    if let Some(id) = input.provider_id
        && provider::get(conn, id)?.is_none()
    {
        problems.push(Problem::error(
            Field::ProviderName,
            "not_found",
            "không có trong danh mục nhà cung cấp",
        ));
    }
    let serial: String = input
        .serial_hex
        .chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, ':' | '-')))
        .flat_map(char::to_uppercase)
        .collect();
    let serial = serial.trim_start_matches("0X").to_owned();
    if serial.is_empty() {
        problems.push(Problem::error(Field::CertSerial, "required", "chưa nhập"));
    } else if !serial.chars().all(|c| c.is_ascii_hexdigit()) {
        problems.push(Problem::error(
            Field::CertSerial,
            "serial_hex",
            "chỉ gồm chữ số 0–9 và chữ A–F (như trong mục Serial number của chứng thư số)",
        ));
    }
    let mut date = |field: Field, text: &str, required: bool| -> Option<VnDate> {
        if text.trim().is_empty() {
            if required {
                problems.push(Problem::error(field, "required", "chưa nhập"));
            }
            return None;
        }
        VnDate::parse(text)
            .map_err(|e| problems.push(Problem::error(field, "date_shape", e.to_string())))
            .ok()
    };
    let valid_from = date(Field::CertValidFrom, &input.valid_from, false);
    let valid_to = date(Field::CertValidTo, &input.valid_to, true);
    if let (Some(from), Some(to)) = (valid_from, valid_to)
        && to < from
    {
        problems.push(Problem::error(
            Field::CertValidTo,
            "valid_to_before_from",
            "phải sau ngày bắt đầu hiệu lực",
        ));
    }
    let subject = clean_line(&input.subject_name);
    let subject = if subject.is_empty() { holder_name } else { subject };
    if subject.is_empty() && input.holder == Holder::Unit {
        problems.push(Problem::error(Field::CertSubject, "required", "chưa nhập"));
    }
    let (Some(valid_to), true) = (valid_to, problems.is_empty()) else {
        return Err(ApiError::Invalid(problems));
    };
    let text = |s: &str| Some(clean_multiline(s)).filter(|s| !s.is_empty());
    Ok(CertFields {
        staff_id: input.holder.staff_id(),
        provider_id: input.provider_id,
        kind: input.kind,
        form: input.form,
        serial_hex: serial,
        subject_name: subject,
        valid_from,
        valid_to,
        purpose: Some(clean_line(&input.purpose)).filter(|s| !s.is_empty()),
        notes: text(&input.notes),
    })
}

fn cert_not_found(id: i64) -> ApiError {
    ApiError::NotFound(format!("Không tìm thấy chứng thư số có mã {id}."))
}
