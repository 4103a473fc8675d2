//! Certificates read from files (or every certificate file of chosen
//! folders): a preview of whose each seems to be, then the apply of what the
//! user confirmed, in one transaction.

use super::certificates::{CERT_FIELDS, CertStatus, Holder, StaffBrief, status_of};
use super::reminders::{largest, reminder_days};
use crate::{Api, ApiError, Result};
use chungthu_certs::{CertFacts, IdentityKind};
use chungthu_model::certificate::Certificate;
use chungthu_model::provider::CertKind;
use chungthu_model::staff::{Staff, StaffQuery};
use chungthu_model::text::fold;
use chungthu_model::{StaffStatus, VnDate};
use chungthu_store::certificate::{self as table, CertFields, FileFacts};
use chungthu_store::provider::{self};
use chungthu_store::staff as staff_table;
use chungthu_store::{audit, unit};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use ts_rs::TS;

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
