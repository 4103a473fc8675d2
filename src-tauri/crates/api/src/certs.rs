//! Certificates: the provider catalogue, certificates entered by hand or
//! imported from files (preview, then apply what the user confirmed), their
//! derived status, the expiry dashboard, reminders and the `.ics` calendar.

use crate::requests::{self, RequestView};
use crate::{Api, ApiError, Result};
use chungthu_certs::{CertFacts, IdentityKind};
use chungthu_model::text::{clean_line, clean_multiline, fold};
use chungthu_model::{Field, Problem, StaffStatus, VnDate};
use chungthu_store::certificate::{self as table, CertFields, CertForm, Certificate, FileFacts};
use chungthu_store::provider::{self, CertKind, Provider, ProviderFields};
use chungthu_store::request::RequestStatus;
use chungthu_store::rusqlite::Connection;
use chungthu_store::staff::{self as staff_table, Staff, StaffQuery};
use chungthu_store::{audit, setting, unit};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// Reminder thresholds when the user has set none: 90, 30 and 7 days.
pub const DEFAULT_REMINDER_DAYS: [u32; 3] = [90, 30, 7];
const REMINDER_KEY: &str = "expiry_reminder_days";
/// What was last notified, per certificate: the stage it had reached.
const NOTIFIED_KEY: &str = "expiry_notified";

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
    fn staff_id(self) -> Option<i64> {
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

/// How many requests are in one state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusCount {
    /// The state.
    pub status: RequestStatus,
    /// How many.
    pub count: u32,
}

/// What needs attention today: the first page of the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Dashboard {
    /// The day it was computed for.
    pub today: VnDate,
    /// Reminder thresholds, largest first.
    pub reminder_days: Vec<u32>,
    /// Expired certificates of people still working (and of the unit) who
    /// have no newer usable certificate of the same kind.
    pub expired: Vec<CertView>,
    /// Certificates ending within the largest threshold.
    pub expiring: Vec<CertView>,
    /// Working people without a usable certificate.
    pub without_valid: Vec<StaffBrief>,
    /// Requests per state (every state, zero included).
    pub requests: Vec<StatusCount>,
    /// Requests not finished yet.
    pub waiting: Vec<RequestView>,
    /// Usable certificates in all.
    pub usable_count: u32,
}

/// How a certificate file was tied to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The identity number in the certificate (CCCD or CMND) is a person's.
    Cccd,
    /// Only the name agrees: the user must confirm.
    Name,
    /// An organisation certificate (tax code): the unit's own; confirm.
    Unit,
}

/// Why one file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FileError {
    /// Stable code (`cert_damaged`, `cert_private_key`, `cert_is_ca`, `file_missing`…).
    pub code: String,
    /// Vietnamese sentence for the user.
    pub message: String,
}

/// What one file holds and who it seems to belong to, before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportItem {
    /// The file, as found.
    pub file: String,
    /// Serial.
    pub serial_hex: Option<String>,
    /// Name in the certificate.
    pub subject_name: Option<String>,
    /// Issuer's name.
    pub issuer_name: Option<String>,
    /// First valid day.
    pub not_before: Option<VnDate>,
    /// Last valid day.
    pub not_after: Option<VnDate>,
    /// Status the certificate would have today.
    pub status: Option<CertStatus>,
    /// Recognised provider.
    pub provider_id: Option<i64>,
    /// Its short name.
    pub provider: Option<String>,
    /// How the holder was found.
    pub matched: Option<MatchKind>,
    /// Proposed holder (for a person).
    pub staff_id: Option<i64>,
    /// Proposed holder's name.
    pub staff_name: Option<String>,
    /// People with the same name, when several could be meant.
    pub candidates: Vec<StaffBrief>,
    /// The certificate already stored, when this file is one we have.
    pub duplicate_of: Option<i64>,
    /// Why the file cannot be used.
    pub error: Option<FileError>,
}

/// One file the user confirmed, and for whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportChoice {
    /// The file (as in the preview).
    pub file: String,
    /// The confirmed holder.
    pub holder: Holder,
}

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    /// Stored.
    Added,
    /// Already stored: nothing written.
    Duplicate,
    /// Not readable or not usable: nothing written.
    Error,
    /// Matched by name only: waits for the user's confirmation.
    NeedsConfirmation,
    /// No holder found: waits for the user to choose one.
    NoMatch,
}

/// The result for one confirmed file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportOutcome {
    /// The file.
    pub file: String,
    /// Added, duplicate or error.
    pub status: ImportStatus,
    /// The stored certificate (new, or the existing duplicate).
    pub certificate_id: Option<i64>,
    /// Why, for an error.
    pub error: Option<FileError>,
}

/// A provider typed in the catalogue editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProviderInput {
    /// Full name.
    pub name: String,
    /// Short name.
    pub short_name: String,
    /// Specialised or public.
    pub kind: CertKind,
    /// Issuer-name fragments, one per line.
    pub issuer_fragments: String,
}

/// Something that newly reached a reminder threshold since the last check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Crossing {
    /// The certificate.
    pub certificate_id: i64,
    /// Holder's name.
    pub holder_name: String,
    /// Days left (negative: expired).
    pub days_left: i64,
    /// The threshold reached; `None` when it expired.
    pub threshold: Option<u32>,
}

/// File extensions taken from a folder.
const CERT_EXTENSIONS: [&str; 6] = ["cer", "crt", "p7b", "p7c", "pem", "der"];
/// How deep a chosen folder is searched.
const MAX_FOLDER_DEPTH: usize = 3;
/// Certificate files taken from one chosen folder, and entries looked at in
/// it: a whole drive chosen by mistake is cut short and reported, not read.
const MAX_FOLDER_FILES: usize = 1_000;
const MAX_FOLDER_ENTRIES: usize = 20_000;

/// The chosen files read (folders searched), before the register is
/// looked at: reading can be slow (a network drive, a large folder), so
/// the window does it without holding the register.
#[derive(Debug)]
pub struct CertFiles(Vec<(String, std::result::Result<CertFacts, FileError>)>);

/// Reads the given files, and the certificate files inside given folders.
pub fn read_cert_files(paths: &[PathBuf]) -> CertFiles {
    CertFiles(
        expand(paths)
            .into_iter()
            .map(|found| {
                let facts = found.error.map(Err).unwrap_or_else(|| read_usable(Path::new(&found.file)));
                (found.file, facts)
            })
            .collect(),
    )
}

impl Api {
    /// Fills the provider catalogue from the seed when it is empty (a new
    /// database), in one transaction.
    pub(crate) fn seed_providers_if_empty(&mut self) -> Result<()> {
        if provider::count(self.store.conn())? > 0 {
            return Ok(());
        }
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            for seed in chungthu_certs::seed_providers() {
                let fields = ProviderFields {
                    name: seed.name,
                    short_name: seed.short_name,
                    kind: kind_of(seed.kind),
                    issuer_fragments: seed.issuer_fragments,
                };
                provider::insert(tx, &fields, true)?;
            }
            audit::record(tx, &os_user, "provider", None, "seed", &[])?;
            Ok::<_, ApiError>(())
        })
    }

    /// The provider catalogue.
    pub fn providers(&self) -> Result<Vec<Provider>> {
        Ok(provider::list(self.store.conn())?)
    }

    /// One provider of the catalogue.
    pub fn provider(&self, id: i64) -> Result<Provider> {
        provider::get(self.store.conn(), id)?.ok_or_else(|| provider_not_found(id))
    }

    /// Adds a provider to the catalogue.
    pub fn add_provider(&mut self, input: &ProviderInput) -> Result<Provider> {
        self.save_provider(None, input)
    }

    /// Edits a provider of the catalogue.
    pub fn edit_provider(&mut self, id: i64, input: &ProviderInput) -> Result<Provider> {
        self.provider(id)?;
        self.save_provider(Some(id), input)
    }

    fn save_provider(&mut self, id: Option<i64>, input: &ProviderInput) -> Result<Provider> {
        let fields = ProviderFields {
            name: clean_line(&input.name),
            short_name: clean_line(&input.short_name),
            kind: input.kind,
            issuer_fragments: input
                .issuer_fragments
                .lines()
                .map(clean_line)
                .filter(|f| !f.is_empty())
                .collect(),
        };
        let mut problems = Vec::new();
        if fields.name.is_empty() {
            problems.push(Problem::error(Field::ProviderName, "required", "chưa nhập"));
        }
        let fields = ProviderFields {
            short_name: if fields.short_name.is_empty() { fields.name.clone() } else { fields.short_name },
            ..fields
        };
        let os_user = self.os_user.clone();
        let id = self.store.write(|tx| {
            if let Some(other) = provider::by_name(tx, &fields.name, id)? {
                problems.push(Problem::error(
                    Field::ProviderName,
                    "provider_duplicate",
                    format!("đã có nhà cung cấp này trong danh mục ({})", other.short_name),
                ));
            }
            if !problems.is_empty() {
                return Err(ApiError::Invalid(problems));
            }
            let id = match id {
                Some(id) => {
                    provider::update(tx, id, &fields)?;
                    audit::record(
                        tx,
                        &os_user,
                        "provider",
                        Some(id),
                        "update",
                        &["name", "short_name", "kind", "issuer_fragments"],
                    )?;
                    id
                }
                None => {
                    let id = provider::insert(tx, &fields, false)?;
                    audit::record(tx, &os_user, "provider", Some(id), "create", &[])?;
                    id
                }
            };
            Ok(id)
        })?;
        self.provider(id)
    }

    /// Reminder thresholds in days, largest first.
    pub fn reminder_days(&self) -> Result<Vec<u32>> {
        reminder_days(self.store.conn())
    }

    /// Sets the reminder thresholds (1 to 5 values, each 1–3650 days).
    pub fn save_reminder_days(&mut self, days: &[u32]) -> Result<Vec<u32>> {
        let mut days: Vec<u32> = days.to_vec();
        days.sort_unstable_by(|a, b| b.cmp(a));
        days.dedup();
        let wrong = if days.is_empty() {
            Some("cần ít nhất một mốc nhắc")
        } else if days.len() > 5 {
            Some("tối đa 5 mốc nhắc")
        } else if days.iter().any(|d| !(1..=3650).contains(d)) {
            Some("mỗi mốc từ 1 đến 3650 ngày")
        } else {
            None
        };
        if let Some(text) = wrong {
            return Err(ApiError::Invalid(vec![Problem::error(Field::ReminderDays, "reminder_days", text)]));
        }
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            setting::set(tx, REMINDER_KEY, &days)?;
            audit::record(tx, &os_user, "setting", None, "update", &[REMINDER_KEY])?;
            Ok::<_, ApiError>(())
        })?;
        Ok(days)
    }

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

    /// Says, for each file read by [`read_cert_files`], what it is and
    /// whose it seems to be. Writes nothing.
    pub fn import_preview(&self, files: &CertFiles) -> Result<Vec<ImportItem>> {
        let conn = self.store.conn();
        let today = self.today();
        let window = largest(&reminder_days(conn)?);
        let providers = provider::list(conn)?;
        let catalogue: Vec<(i64, Vec<String>)> =
            providers.iter().map(|p| (p.id, p.issuer_fragments.clone())).collect();
        let people = staff_table::search(conn, &StaffQuery::default())?.items;
        let unit_name = fold(&unit::get(conn)?.name);
        let mut seen: HashMap<(String, String), String> = HashMap::new();
        let mut items = Vec::new();
        for (file, facts) in &files.0 {
            let mut item = ImportItem::empty(file);
            let facts = match facts {
                Ok(facts) => facts,
                Err(error) => {
                    item.error = Some(error.clone());
                    items.push(item);
                    continue;
                }
            };
            let provider_id =
                chungthu_certs::recognise(&facts.issuer_name, facts.issuer_org.as_deref(), &catalogue);
            let provider = providers.iter().find(|p| Some(p.id) == provider_id);
            item.provider_id = provider_id;
            item.provider = provider.map(|p| p.short_name.clone());
            item.serial_hex = Some(facts.serial_hex.clone());
            item.subject_name = Some(facts.subject_name.clone());
            item.issuer_name = Some(facts.issuer_name.clone());
            item.not_before = Some(facts.not_before);
            item.not_after = Some(facts.not_after);
            let probe = Certificate {
                id: 0,
                staff_id: None,
                provider_id,
                kind: CertKind::Public,
                form: None,
                serial_hex: facts.serial_hex.clone(),
                subject_name: String::new(),
                issuer_name: String::new(),
                email: None,
                valid_from: Some(facts.not_before),
                valid_to: facts.not_after,
                purpose: None,
                revoked_on: None,
                notes: None,
                created_at: String::new(),
                updated_at: String::new(),
            };
            item.status = Some(status_of(&probe, today, window));
            match_holder(&mut item, facts, &people, &unit_name);
            item.duplicate_of = table::same_as(conn, &facts.serial_hex, &facts.issuer_name)?.map(|c| c.id);
            let key = (facts.serial_hex.clone(), facts.issuer_name.clone());
            if item.duplicate_of.is_none()
                && let Some(first) = seen.get(&key)
            {
                item.error = Some(FileError {
                    code: "cert_repeated".into(),
                    message: format!("Cùng một chứng thư số với tệp {first} ở trên; chỉ cần nhập một lần."),
                });
            }
            seen.entry(key).or_insert_with(|| file.clone());
            items.push(item);
        }
        Ok(items)
    }

    /// Stores the confirmed files in one transaction. Each file is read
    /// again (it may have changed since the preview); one that cannot be
    /// read, or is already stored, is reported and nothing is written for it.
    pub fn import_apply(&mut self, choices: &[ImportChoice]) -> Result<Vec<ImportOutcome>> {
        let conn = self.store.conn();
        let providers = provider::list(conn)?;
        let catalogue: Vec<(i64, Vec<String>)> =
            providers.iter().map(|p| (p.id, p.issuer_fragments.clone())).collect();
        let read: Vec<(String, Holder, std::result::Result<CertFacts, FileError>)> =
            choices.iter().map(|c| (c.file.clone(), c.holder, read_usable(Path::new(&c.file)))).collect();
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            let mut outcomes = Vec::with_capacity(read.len());
            let mut added = 0;
            for (file, holder, facts) in read {
                let outcome = |status, certificate_id, error| ImportOutcome {
                    file: file.clone(),
                    status,
                    certificate_id,
                    error,
                };
                let facts = match facts {
                    Ok(f) => f,
                    Err(e) => {
                        outcomes.push(outcome(ImportStatus::Error, None, Some(e)));
                        continue;
                    }
                };
                if let Holder::Staff(id) = holder
                    && staff_table::get(tx, id)?.is_none()
                {
                    let error = FileError {
                        code: "not_found".into(),
                        message: format!("Không tìm thấy người có mã {id} trong danh sách."),
                    };
                    outcomes.push(outcome(ImportStatus::Error, None, Some(error)));
                    continue;
                }
                if let Some(same) = table::same_as(tx, &facts.serial_hex, &facts.issuer_name)? {
                    outcomes.push(outcome(ImportStatus::Duplicate, Some(same.id), None));
                    continue;
                }
                let provider_id =
                    chungthu_certs::recognise(&facts.issuer_name, facts.issuer_org.as_deref(), &catalogue);
                let kind =
                    providers.iter().find(|p| Some(p.id) == provider_id).map_or(CertKind::Public, |p| p.kind);
                let fields = CertFields {
                    staff_id: holder.staff_id(),
                    provider_id,
                    kind,
                    form: None,
                    serial_hex: facts.serial_hex.clone(),
                    subject_name: facts.subject_name.clone(),
                    valid_from: Some(facts.not_before),
                    valid_to: facts.not_after,
                    purpose: None,
                    notes: None,
                };
                let file_facts = FileFacts {
                    issuer_name: facts.issuer_name.clone(),
                    identity: facts
                        .identity
                        .as_ref()
                        .map(|i| format!("{}:{}", identity_label(i.kind), i.number)),
                    email: facts.email.clone(),
                };
                let id = table::insert(tx, &fields, &file_facts)?;
                added += 1;
                outcomes.push(outcome(ImportStatus::Added, Some(id), None));
            }
            if added > 0 {
                audit::record(tx, &os_user, "certificate", None, "import", &CERT_FIELDS)?;
            }
            Ok::<_, ApiError>(outcomes)
        })
    }

    /// The expiry dashboard for today.
    pub fn dashboard(&self) -> Result<Dashboard> {
        let conn = self.store.conn();
        let today = self.today();
        let views = Views::load(conn, today)?;
        let all: Vec<CertView> = table::all(conn)?.iter().map(|c| views.view(c)).collect();
        let current = |v: &&CertView| v.holder_active;
        let has_newer_usable = |v: &CertView| {
            all.iter().any(|o| {
                o.staff_id == v.staff_id && o.kind == v.kind && o.status.usable() && o.valid_to > v.valid_to
            })
        };
        let expired = all
            .iter()
            .filter(current)
            .filter(|v| v.status == CertStatus::Expired && !has_newer_usable(v))
            .cloned()
            .collect();
        let expiring = all
            .iter()
            .filter(current)
            .filter(|v| v.status == CertStatus::Expiring && !has_newer_usable(v))
            .cloned()
            .collect();
        let with_usable: std::collections::HashSet<i64> =
            all.iter().filter(|v| v.status.usable()).filter_map(|v| v.staff_id).collect();
        let without_valid = views
            .people
            .values()
            .filter(|s| s.status == StaffStatus::Active && !with_usable.contains(&s.id))
            .map(StaffBrief::from)
            .collect::<Vec<_>>();
        let mut without_valid = without_valid;
        let order = &self.order;
        without_valid.sort_by(|a, b| order.compare(&a.full_name, &b.full_name));
        let requests_all = requests::views(conn, &Default::default(), &views)?;
        let requests = RequestStatus::ALL
            .into_iter()
            .map(|status| StatusCount {
                status,
                count: requests_all.iter().filter(|r| r.status == status).count() as u32,
            })
            .collect();
        let waiting = requests_all.into_iter().filter(|r| r.status != RequestStatus::Done).collect();
        Ok(Dashboard {
            today,
            reminder_days: views.reminder_days.clone(),
            expired,
            expiring,
            without_valid,
            requests,
            waiting,
            usable_count: all.iter().filter(|v| v.status.usable()).count() as u32,
        })
    }

    /// What newly reached a reminder threshold (or expired) since the last
    /// check, remembering what was seen so it is said only once.
    pub fn expiry_check(&mut self) -> Result<Vec<Crossing>> {
        let today = self.today();
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            let views = Views::load(tx, today)?;
            let days = &views.reminder_days;
            let before: BTreeMap<String, u32> = setting::get(tx, NOTIFIED_KEY)?.unwrap_or_default();
            let mut now: BTreeMap<String, u32> = BTreeMap::new();
            let mut crossings = Vec::new();
            for cert in table::all(tx)? {
                let v = views.view(&cert);
                if !v.holder_active || v.status == CertStatus::Revoked {
                    continue;
                }
                // Stage 0 is "expired"; otherwise the smallest threshold reached.
                let stage = if v.days_left < 0 {
                    Some(0)
                } else {
                    days.iter().copied().filter(|&d| v.days_left <= i64::from(d)).min()
                };
                let Some(stage) = stage else { continue };
                let key = cert.id.to_string();
                if before.get(&key).is_none_or(|&seen| stage < seen) {
                    crossings.push(Crossing {
                        certificate_id: cert.id,
                        holder_name: v.holder_name.clone(),
                        days_left: v.days_left,
                        threshold: (stage > 0).then_some(stage),
                    });
                }
                now.insert(key, stage);
            }
            if now != before {
                setting::set(tx, NOTIFIED_KEY, &now)?;
                audit::record(tx, &os_user, "setting", None, "update", &[NOTIFIED_KEY])?;
            }
            Ok::<_, ApiError>(crossings)
        })
    }

    /// The `.ics` calendar of the usable certificates of working people and
    /// of the unit, with one reminder per threshold.
    pub fn expiry_calendar(&self) -> Result<(String, usize)> {
        let conn = self.store.conn();
        let views = Views::load(conn, self.today())?;
        let events: Vec<chungthu_certs::ExpiryEvent> = table::all(conn)?
            .iter()
            .map(|c| views.view(c))
            .filter(|v| v.holder_active && v.status.usable())
            .map(|v| chungthu_certs::ExpiryEvent {
                holder_name: v.holder_name,
                provider: v.provider.unwrap_or_default(),
                serial_hex: v.serial_hex,
                not_after: v.valid_to,
            })
            .collect();
        let text = chungthu_certs::expiry_calendar(&events, &views.reminder_days, time::UtcDateTime::now());
        Ok((text, events.len()))
    }

    /// Writes the expiry calendar to `path` atomically (a temporary file in
    /// the same folder, then renamed over), so a crash never leaves half a
    /// file. Returns how many certificates it holds.
    pub fn write_expiry_calendar(&self, path: &Path) -> Result<usize> {
        let (text, count) = self.expiry_calendar()?;
        chungthu_files::write_atomic(path, text.as_bytes()).map_err(|e| ApiError::File(e.to_string()))?;
        Ok(count)
    }
}

const CERT_FIELDS: [&str; 10] = [
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

fn reminder_days(conn: &Connection) -> Result<Vec<u32>> {
    let mut days: Vec<u32> = setting::get(conn, REMINDER_KEY)?
        .filter(|d: &Vec<u32>| !d.is_empty())
        .unwrap_or_else(|| DEFAULT_REMINDER_DAYS.to_vec());
    days.sort_unstable_by(|a, b| b.cmp(a));
    Ok(days)
}

fn largest(days: &[u32]) -> u32 {
    days.iter().copied().max().unwrap_or(0)
}

fn kind_of(kind: chungthu_certs::ProviderKind) -> CertKind {
    match kind {
        chungthu_certs::ProviderKind::Specialised => CertKind::Specialised,
        chungthu_certs::ProviderKind::Public => CertKind::Public,
    }
}

fn identity_label(kind: IdentityKind) -> &'static str {
    match kind {
        IdentityKind::Cccd => "CCCD",
        IdentityKind::Cmnd => "CMND",
        IdentityKind::Mst => "MST",
        IdentityKind::Passport => "HC",
        IdentityKind::Other => "UID",
    }
}

/// Reads a file and refuses a provider's own (CA) certificate.
fn read_usable(path: &Path) -> std::result::Result<CertFacts, FileError> {
    let facts = chungthu_certs::read_file(path)
        .map_err(|e| FileError { code: e.code().to_owned(), message: e.to_string() })?;
    if facts.is_ca {
        return Err(FileError {
            code: "cert_is_ca".into(),
            message: "Đây là chứng thư của nhà cung cấp (CA), không phải chứng thư số của người dùng. Hãy chọn tệp chứng thư số của cán bộ, xuất từ USB Token hoặc do nhà cung cấp gửi.".into(),
        });
    }
    Ok(facts)
}

/// Proposes a holder: the identity number first, then the folded name.
fn match_holder(item: &mut ImportItem, facts: &CertFacts, people: &[Staff], unit_name: &str) {
    let by_number = facts
        .identity
        .as_ref()
        .filter(|i| matches!(i.kind, IdentityKind::Cccd | IdentityKind::Cmnd))
        .and_then(|i| {
            let holders = people.iter().filter(|s| s.cccd.as_deref() == Some(i.number.as_str()));
            // The working person first; among those who left, the latest entry.
            holders.max_by_key(|s| (s.status == StaffStatus::Active, s.id))
        });
    if let Some(person) = by_number {
        item.matched = Some(MatchKind::Cccd);
        item.staff_id = Some(person.id);
        item.staff_name = Some(person.full_name.clone());
        return;
    }
    let organisation = facts.identity.as_ref().is_some_and(|i| i.kind == IdentityKind::Mst)
        || (!unit_name.is_empty() && fold(&facts.subject_name) == unit_name);
    if organisation {
        item.matched = Some(MatchKind::Unit);
        return;
    }
    let name = fold(&facts.subject_name);
    let mut same: Vec<&Staff> = people.iter().filter(|s| fold(&s.full_name) == name).collect();
    same.sort_by_key(|s| (s.status != StaffStatus::Active, s.id));
    if let Some(first) = same.first() {
        item.matched = Some(MatchKind::Name);
        if same.len() == 1 {
            item.staff_id = Some(first.id);
            item.staff_name = Some(first.full_name.clone());
        }
        item.candidates = same.into_iter().map(StaffBrief::from).collect();
    }
}

impl ImportItem {
    fn empty(file: &str) -> Self {
        ImportItem {
            file: file.to_owned(),
            serial_hex: None,
            subject_name: None,
            issuer_name: None,
            not_before: None,
            not_after: None,
            status: None,
            provider_id: None,
            provider: None,
            matched: None,
            staff_id: None,
            staff_name: None,
            candidates: Vec::new(),
            duplicate_of: None,
            error: None,
        }
    }
}

struct Found {
    file: String,
    error: Option<FileError>,
}

/// Files as given, and the certificate files inside given folders (at
/// most [`MAX_FOLDER_FILES`] each, the cut reported).
fn expand(paths: &[PathBuf]) -> Vec<Found> {
    let mut out = Vec::new();
    for path in paths {
        let file = path.display().to_string();
        if path.is_dir() {
            let mut walk = Walk { files: Vec::new(), entries: 0, cut: false };
            walk.collect(path, 0);
            walk.files.sort();
            let cut = walk.cut.then(|| Found {
                file: file.clone(),
                error: Some(FileError {
                    code: "folder_too_large".into(),
                    message: format!(
                        "Thư mục này có quá nhiều tệp: chỉ đọc {} tệp chứng thư số đầu tiên (tìm trong tối đa {} tệp và thư mục con). Hãy chọn thư mục nhỏ hơn, chỉ chứa các tệp chứng thư số.",
                        walk.files.len(),
                        MAX_FOLDER_ENTRIES
                    ),
                }),
            });
            if walk.files.is_empty() && cut.is_none() {
                out.push(Found {
                    file,
                    error: Some(FileError {
                        code: "folder_empty".into(),
                        message: "Thư mục này không có tệp chứng thư số (.cer, .crt, .p7b). Hãy chọn thư mục khác hoặc chọn từng tệp.".into(),
                    }),
                });
            }
            out.extend(cut);
            out.extend(walk.files.into_iter().map(|f| Found { file: f.display().to_string(), error: None }));
        } else if path.exists() {
            out.push(Found { file, error: None });
        } else {
            out.push(Found {
                file,
                error: Some(FileError {
                    code: "file_missing".into(),
                    message: "Không tìm thấy tệp hoặc thư mục này. Hãy kiểm tra lại đường dẫn.".into(),
                }),
            });
        }
    }
    out
}

/// A folder search under way.
struct Walk {
    files: Vec<PathBuf>,
    /// Entries looked at.
    entries: usize,
    /// Some were left unread.
    cut: bool,
}

impl Walk {
    fn collect(&mut self, dir: &Path, depth: usize) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            if self.files.len() >= MAX_FOLDER_FILES || self.entries >= MAX_FOLDER_ENTRIES {
                self.cut = true;
                return;
            }
            self.entries += 1;
            let path = entry.path();
            if path.is_dir() {
                if depth < MAX_FOLDER_DEPTH {
                    self.collect(&path, depth + 1);
                }
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| CERT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            {
                self.files.push(path);
            }
        }
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

fn provider_not_found(id: i64) -> ApiError {
    ApiError::NotFound(format!("Không tìm thấy nhà cung cấp có mã {id} trong danh mục."))
}
