//! Importing the sector database's staff export: a preview (counts, column
//! mapping, problem rows and, when the register already has people, what
//! the export would change) and the apply of what the user ticked, in one
//! transaction.
//!
//! Reading a file needs no database, so a caller holding the register behind
//! a lock (the window) can read outside it: [`Api::import_setup`] (quick,
//! locked) → [`ImportSetup::read`] (slow, unlocked) → [`Api::import_preview_of`]
//! or [`Api::import_apply_of`] (locked). [`Api::preview_import`] and
//! [`Api::apply_import`] do all of it in one call.

use crate::staff::input_of;
use crate::{Api, ApiError, Result};
/// The importer's types that a preview or an outcome carries.
pub use chungthu_import::{
    ColumnMapping, Conflict, FieldChange, FileFormat, HeaderCell, ImportCounts, ImportField, ImportProblem,
    Joiner, Leaver, MappedColumn, PersonChanges, ReconcilePlan, Returner,
};
use chungthu_import::{
    ImportOptions, ImportReport, ImportedRow, Limits, RegisterEntry, import_bytes, read_file,
};
use chungthu_model::backup::BackupReason;
use chungthu_model::digest::sha256_hex;
use chungthu_model::staff::{FIELD_NAMES, StaffFields, validate};
use chungthu_model::staff::{Staff, StaffQuery};
use chungthu_model::{Field, IdNumber, LeftReason, NameOrder, Phone, Problem, Severity, StaffInput, VnDate};
use chungthu_store::rusqlite::{Connection, Error, ffi};
use chungthu_store::staff as table;
use chungthu_store::{StoreError, audit, setting};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use ts_rs::TS;

/// SQLite page cache while an import writes, in KiB (negative: a size, not pages).
const IMPORT_CACHE_KIB: i64 = -65_536;

/// Setting holding the mappings the user confirmed, by header signature.
const MAPPINGS_KEY: &str = "import_mappings";

/// Which file to read, and how.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct StaffImportRequest {
    /// The file's path, as chosen or pasted (surrounding quotes are ignored).
    pub path: String,
    /// The sheet; `None` takes the first sheet with a staff list.
    pub sheet: Option<String>,
    /// A mapping the user set; `None` uses the remembered one for this
    /// header, else the detected one.
    pub mapping: Option<ColumnMapping>,
}

/// How one ticked leaver leaves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LeaverChoice {
    /// Database id of the person.
    #[ts(type = "number")]
    pub register_id: i64,
    /// Case 1, 2 or 3 of the Department's plan.
    pub reason: LeftReason,
    /// Note; empty gives the default note ([`StaffImportPreview::default_left_note`]).
    pub note: String,
}

/// What the user decided on the preview.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct StaffImportChoices {
    /// The previewed file's SHA-256: a file changed since is refused.
    pub sha256: String,
    /// The preview found the register empty: every importable row is added.
    pub first_import: bool,
    /// Ticked proposal ids (`join:<row>`, `leave:<id>`, `return:<id>`, `change:<id>:<field>`).
    pub accepted: Vec<String>,
    /// Reasons of ticked leavers; a leaver without one leaves as "other"
    /// with the default note.
    pub leavers: Vec<LeaverChoice>,
}

/// What the window shows before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaffImportPreview {
    /// The file's name (not its folder).
    pub file_name: String,
    /// SHA-256 of the file, hex; the apply must see the same.
    pub sha256: String,
    /// Format detected from the content.
    pub format: FileFormat,
    /// Worksheet names, for the picker.
    pub sheets: Vec<String>,
    /// The sheet read.
    pub sheet: String,
    /// Columns used.
    pub mapping: ColumnMapping,
    /// Every header cell, mapped or not.
    pub headers: Vec<HeaderCell>,
    /// True when the mapping is one the user confirmed on an earlier import.
    pub mapping_remembered: bool,
    /// Row counts; a row in conflict with the register counts as an error.
    pub counts: ImportCounts,
    /// Row where the data was taken to end, if before the sheet's end.
    pub end_row: Option<u32>,
    /// Every problem, row by row, conflicts with the register included.
    pub problems: Vec<ImportProblem>,
    /// The register is empty: every importable row will be added.
    pub first_import: bool,
    /// What the export changes in a register that has people.
    pub plan: Option<ReconcilePlan>,
    /// The note a leaver gets when the user gives none.
    pub default_left_note: String,
}

/// What an import did (or, before the apply, would do).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StaffImportOutcome {
    /// People added.
    pub added: u32,
    /// People whose fields changed.
    pub updated: u32,
    /// People matched with nothing to change.
    pub unchanged: u32,
    /// People marked as left.
    pub left: u32,
    /// People back at work.
    pub returned: u32,
    /// Added or updated people saved with warnings ("Cần kiểm tra").
    pub flagged: u32,
}

/// Where a long import is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StaffImportProgress {
    /// The current step.
    pub stage: StaffImportStage,
    /// Data rows read so far (known once the file is read).
    pub rows: u32,
}

/// Steps of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StaffImportStage {
    /// Reading and checking the file.
    Reading,
    /// Comparing with the register.
    Comparing,
    /// Writing to the register.
    Writing,
}

/// What reading a file needs from the register: "today" and the mappings
/// confirmed earlier. Taken under the lock, used outside it.
#[derive(Debug, Clone)]
pub struct ImportSetup {
    today: VnDate,
    remembered: BTreeMap<String, ColumnMapping>,
}

/// A file read and checked, not yet compared with the register.
#[derive(Debug, Clone)]
pub struct ImportRead {
    file_name: String,
    sha256: String,
    report: ImportReport,
    remembered: bool,
}

impl ImportRead {
    /// The crate's report (rows, problems, mapping).
    pub fn report(&self) -> &ImportReport {
        &self.report
    }
}

impl ImportSetup {
    /// Reads and checks the file. Nothing is written.
    pub fn read(
        &self,
        request: &StaffImportRequest,
        progress: &mut dyn FnMut(StaffImportProgress),
    ) -> Result<ImportRead> {
        progress(StaffImportProgress { stage: StaffImportStage::Reading, rows: 0 });
        let path = Path::new(unquote(&request.path));
        let limits = Limits::default();
        let bytes = read_file(path, &limits)?;
        let sha256 = sha256_hex(&bytes);
        let mut options = ImportOptions {
            today: self.today,
            sheet: request.sheet.clone(),
            mapping: request.mapping.clone(),
            limits,
        };
        let mut report = import_bytes(&bytes, &options)?;
        let mut remembered = false;
        if request.mapping.is_none()
            && let Some(mapping) = self.remembered.get(&report.mapping.signature)
        {
            if *mapping == report.mapping {
                remembered = true;
            } else {
                options.sheet = Some(report.sheet.clone());
                options.mapping = Some(mapping.clone());
                // A remembered mapping that no longer fits (the layout
                // moved) is dropped in favour of the detected one.
                if let Ok(again) = import_bytes(&bytes, &options) {
                    report = again;
                    remembered = true;
                }
            }
        }
        progress(StaffImportProgress { stage: StaffImportStage::Comparing, rows: report.counts.rows });
        let file_name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        Ok(ImportRead { file_name, sha256, report, remembered })
    }
}

impl Api {
    /// What reading a file needs from the register.
    pub fn import_setup(&self) -> Result<ImportSetup> {
        let remembered = setting::get(self.store.conn(), MAPPINGS_KEY)?.unwrap_or_default();
        Ok(ImportSetup { today: self.today(), remembered })
    }

    /// Reads `request`'s file and previews it against the register.
    pub fn preview_import(&self, request: &StaffImportRequest) -> Result<StaffImportPreview> {
        let read = self.import_setup()?.read(request, &mut |_| {})?;
        self.import_preview_of(&read)
    }

    /// Re-reads `request`'s file (refused when it changed since the preview)
    /// and applies `choices`.
    pub fn apply_import(
        &mut self,
        request: &StaffImportRequest,
        choices: &StaffImportChoices,
    ) -> Result<StaffImportOutcome> {
        let read = self.import_setup()?.read(request, &mut |_| {})?;
        self.import_apply_of(&read, choices, &mut |_| {})
    }

    /// Compares a read file with the register. Nothing is written.
    pub fn import_preview_of(&self, read: &ImportRead) -> Result<StaffImportPreview> {
        let report = &read.report;
        let register = register_entries(self.store.conn())?;
        let first_import = register.is_empty();
        let plan = (!first_import).then(|| report.reconcile(&register));
        let mut problems: Vec<ImportProblem> = report.problems().cloned().collect();
        let conflicts = plan.iter().flat_map(|p| p.conflicts.iter().map(|c| c.problem.clone()));
        problems.extend(conflicts);
        // Stable: a row's own problems keep their order, conflicts follow.
        problems.sort_by_key(|p| p.row);
        Ok(StaffImportPreview {
            file_name: read.file_name.clone(),
            sha256: read.sha256.clone(),
            format: report.format,
            sheets: report.sheets.clone(),
            sheet: report.sheet.clone(),
            mapping: report.mapping.clone(),
            headers: report.headers.clone(),
            mapping_remembered: read.remembered,
            counts: counts(report, plan.as_ref()),
            end_row: report.end_row,
            problems,
            first_import,
            plan,
            default_left_note: default_left_note(self.today()),
        })
    }

    /// Applies `choices` to the register in one transaction: ticked leavers
    /// are marked left, returners reinstated, ticked changes saved, joiners
    /// added (every importable row on a first import). All of it, or nothing.
    /// The mapping used is remembered for the next export with this header.
    pub fn import_apply_of(
        &mut self,
        read: &ImportRead,
        choices: &StaffImportChoices,
        progress: &mut dyn FnMut(StaffImportProgress),
    ) -> Result<StaffImportOutcome> {
        if read.sha256 != choices.sha256 {
            return Err(ApiError::Refused(
                "Tệp đã thay đổi kể từ lúc xem trước (có thể vừa được sửa hoặc xuất lại). Hãy xem trước lại để kiểm tra; chưa có gì được ghi."
                    .to_owned(),
            ));
        }
        let report = &read.report;
        progress(StaffImportProgress { stage: StaffImportStage::Writing, rows: report.counts.rows });
        let os_user = self.os_user.clone();
        let today = self.today();
        let order = &self.order;
        // The automatic backup of every import that writes: before the
        // write transaction opens (a backup cannot run inside it); when it
        // fails, nothing is written.
        self.backup_before(BackupReason::BeforeImport)?;
        // A large import dirties more pages than SQLite's default cache (2 MB)
        // holds; spilling them to the WAL in the middle of the transaction
        // was the costliest part of writing 50,000 people. The cache grows
        // for this transaction and is set back after it.
        let cache: i64 = self
            .store
            .conn()
            .pragma_query_value(None, "cache_size", |r| r.get(0))
            .map_err(StoreError::from)?;
        self.store.conn().pragma_update(None, "cache_size", IMPORT_CACHE_KIB).map_err(StoreError::from)?;
        let outcome = self.store.write(|tx| {
            let register = register_entries(tx)?;
            let mut outcome = StaffImportOutcome::default();
            let mut added = Added::default();
            if choices.first_import {
                // Nothing to compare with: every importable row is a joiner.
                if !register.is_empty() {
                    return Err(register_changed());
                }
                added.insert_all(tx, report)?;
            } else {
                let plan = report.reconcile(&register);
                let proposed: HashSet<&str> = plan.ids().into_iter().collect();
                let accepted: HashSet<&str> = choices.accepted.iter().map(String::as_str).collect();
                if accepted.iter().any(|id| !proposed.contains(id)) {
                    return Err(register_changed());
                }
                outcome.unchanged = plan.unchanged;
                apply_plan(
                    tx,
                    &plan,
                    &accepted,
                    choices,
                    &mut outcome,
                    Context { order, os_user: &os_user, today, report },
                )?;
                for joiner in plan.joiners.iter().filter(|j| accepted.contains(j.id.as_str())) {
                    added.insert(tx, order, report.row(joiner.row).ok_or_else(register_changed)?)?;
                }
            }
            if added.count > 0 {
                // One entry for the whole batch, naming the fields filled.
                audit::record(tx, &os_user, "staff", None, "import_create", &added.field_names())?;
            }
            outcome.added = added.count;
            outcome.flagged += added.flagged;
            let mut remembered: BTreeMap<String, ColumnMapping> =
                setting::get(tx, MAPPINGS_KEY)?.unwrap_or_default();
            remembered.insert(report.mapping.signature.clone(), report.mapping.clone());
            setting::set(tx, MAPPINGS_KEY, &remembered)?;
            Ok::<_, ApiError>(outcome)
        });
        // Only a cache ceiling: failing to set it back changes no data.
        let _ = self.store.conn().pragma_update(None, "cache_size", cache);
        outcome.map_err(constraint_refused)
    }
}

/// What applying a plan needs besides the transaction.
#[derive(Clone, Copy)]
struct Context<'a> {
    order: &'a NameOrder,
    os_user: &'a str,
    today: VnDate,
    report: &'a ImportReport,
}

/// Marks ticked leavers left, reinstates ticked returners and saves ticked
/// changes (joiners are added by the caller).
fn apply_plan(
    tx: &Connection,
    plan: &ReconcilePlan,
    accepted: &HashSet<&str>,
    choices: &StaffImportChoices,
    outcome: &mut StaffImportOutcome,
    cx: Context<'_>,
) -> Result<()> {
    // Leavers first: their identity numbers may return with someone else.
    for leaver in plan.leavers.iter().filter(|l| accepted.contains(l.id.as_str())) {
        let choice = choices.leavers.iter().find(|c| c.register_id == leaver.register_id);
        let reason = choice.map_or(LeftReason::Other, |c| c.reason);
        let note = choice.map(|c| chungthu_model::text::clean_line(&c.note)).unwrap_or_default();
        let note =
            if note.is_empty() && reason == LeftReason::Other { default_left_note(cx.today) } else { note };
        let note = Some(note.as_str()).filter(|n| !n.is_empty());
        table::mark_left(tx, leaver.register_id, reason, cx.today, note)?;
        audit::record(tx, cx.os_user, "staff", Some(leaver.register_id), "left", &LEFT_FIELDS)?;
        outcome.left += 1;
    }
    for back in plan.returners.iter().filter(|r| accepted.contains(r.id.as_str())) {
        table::reinstate(tx, back.register_id)?;
        audit::record(tx, cx.os_user, "staff", Some(back.register_id), "reinstate", &["status"])?;
        outcome.returned += 1;
    }
    for person in &plan.changes {
        let ticked: Vec<&FieldChange> =
            person.changes.iter().filter(|c| accepted.contains(c.id.as_str())).collect();
        if ticked.is_empty() {
            outcome.unchanged += 1;
            continue;
        }
        let row = cx.report.row(person.row).ok_or_else(register_changed)?;
        let old = table::get(tx, person.register_id)?.ok_or_else(register_changed)?;
        let mut input = input_of(&old);
        for change in &ticked {
            take_field(&mut input, &row.input, change.field);
        }
        let v = validate(&input, cx.today);
        if v.has_errors() {
            let problems = v.problems.into_iter().filter(Problem::is_error).map(|mut p| {
                p.message = format!("Dòng {}: {}", row.row, p.message);
                p
            });
            return Err(ApiError::Invalid(problems.collect()));
        }
        table::update(tx, cx.order, person.register_id, &v.fields, &v.problems)?;
        // The id ends with the field's column name (`change:<id>:<field>`).
        let names: Vec<&str> = ticked.iter().filter_map(|c| c.id.rsplit(':').next()).collect();
        audit::record(tx, cx.os_user, "staff", Some(person.register_id), "import_update", &names)?;
        outcome.updated += 1;
        outcome.flagged += u32::from(v.problems.iter().any(|p| !p.is_error()));
    }
    Ok(())
}

/// The people an import adds, counted, and which fields they filled (for
/// the one audit entry of the batch).
#[derive(Default)]
struct Added {
    count: u32,
    flagged: u32,
    filled: [bool; FIELD_NAMES.len()],
}

impl Added {
    fn insert(&mut self, tx: &Connection, order: &NameOrder, row: &ImportedRow) -> Result<()> {
        let warnings = warnings_of(row);
        table::insert(tx, order, &row.fields, &warnings)?;
        self.tally(row, !warnings.is_empty());
        Ok(())
    }

    /// Inserts every importable row of `report`. The derived columns (sort
    /// keys, search text) are computed on a second thread while this one
    /// writes: on a large export they cost about as much as the writing.
    fn insert_all(&mut self, tx: &Connection, report: &ImportReport) -> Result<()> {
        std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel(1024);
            scope.spawn(move || {
                let order = NameOrder::new();
                for row in report.importable() {
                    let warnings = warnings_of(row);
                    let new = table::NewStaff::new(&order, &row.fields, &warnings);
                    // A closed channel means the writer failed: stop.
                    if send.send((row, new, !warnings.is_empty())).is_err() {
                        return;
                    }
                }
            });
            for (row, new, flagged) in receive {
                table::insert_new(tx, &new)?;
                self.tally(row, flagged);
            }
            Ok(())
        })
    }

    fn tally(&mut self, row: &ImportedRow, flagged: bool) {
        for (seen, filled) in self.filled.iter_mut().zip(filled(&row.fields)) {
            *seen |= filled;
        }
        self.count += 1;
        self.flagged += u32::from(flagged);
    }

    fn field_names(&self) -> Vec<&'static str> {
        FIELD_NAMES.iter().zip(self.filled).filter_map(|(name, filled)| filled.then_some(*name)).collect()
    }
}

/// Which of [`FIELD_NAMES`] a new person has; a year of birth alone counts
/// as `birth_date`, the field the user filled.
fn filled(f: &StaffFields) -> [bool; FIELD_NAMES.len()] {
    [
        true,
        f.birth_date.is_some() || f.birth_year.is_some(),
        false,
        f.gender.is_some(),
        f.position.is_some(),
        f.team.is_some(),
        f.staff_code.is_some(),
        f.id_number.is_some(),
        f.cccd_issued_on.is_some(),
        f.phone.is_some(),
        f.email.is_some(),
        f.notes.is_some(),
    ]
}

impl StaffImportPreview {
    /// Choices that accept every proposal, leavers as "other" with the
    /// default note (the CLI's `--apply-reconcile`, and a first import).
    pub fn accept_all(&self) -> StaffImportChoices {
        let accepted = self.plan.as_ref().map(|p| p.ids().into_iter().map(str::to_owned).collect());
        StaffImportChoices {
            sha256: self.sha256.clone(),
            first_import: self.first_import,
            accepted: accepted.unwrap_or_default(),
            leavers: Vec::new(),
        }
    }

    /// What applying [`StaffImportPreview::accept_all`] would do.
    pub fn outcome_if_all_accepted(&self) -> StaffImportOutcome {
        match &self.plan {
            None => StaffImportOutcome {
                added: self.counts.importable,
                flagged: self.counts.with_warnings,
                ..StaffImportOutcome::default()
            },
            Some(plan) => StaffImportOutcome {
                added: plan.joiners.len() as u32,
                updated: plan.changes.len() as u32,
                unchanged: plan.unchanged,
                left: plan.leavers.len() as u32,
                returned: plan.returners.len() as u32,
                flagged: 0,
            },
        }
    }
}

const LEFT_FIELDS: [&str; 4] = ["status", "left_reason", "left_on", "left_note"];

/// The default note of a leaver: why the app proposed it, and when.
fn default_left_note(today: VnDate) -> String {
    format!("Không còn trong danh sách xuất từ CSDL ngành (nhập ngày {today})")
}

fn register_changed() -> ApiError {
    ApiError::Refused(
        "Danh sách cán bộ đã thay đổi kể từ lúc xem trước. Hãy xem trước lại rồi nhập; chưa có gì được ghi."
            .to_owned(),
    )
}

/// A unique index refusing the write: two active people would share a CCCD
/// or a staff code. SQLite names the column, never the value.
fn constraint_refused(e: ApiError) -> ApiError {
    match e {
        ApiError::Store(StoreError::Sqlite(Error::SqliteFailure(ref f, _)))
            if f.extended_code == ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            ApiError::Refused(
                "Không nhập được: hai người đang công tác sẽ trùng số CCCD hoặc mã cán bộ. Hãy xem trước lại để kiểm tra; chưa có gì được ghi."
                    .to_owned(),
            )
        }
        e => e,
    }
}

/// Every person of the register, as the reconcile compares them.
fn register_entries(conn: &Connection) -> Result<Vec<RegisterEntry>> {
    let all = table::search(conn, &StaffQuery::default())?;
    Ok(all.items.into_iter().map(register_entry).collect())
}

fn register_entry(s: Staff) -> RegisterEntry {
    RegisterEntry {
        id: s.id,
        status: s.status,
        fields: StaffFields {
            full_name: s.full_name,
            birth_date: s.birth_date,
            birth_year: s.birth_year,
            gender: s.gender,
            position: s.position,
            team: s.team,
            staff_code: s.staff_code,
            id_number: s.cccd.as_deref().and_then(|n| IdNumber::parse(n).ok()),
            cccd_issued_on: s.cccd_issued_on,
            phone: s.phone.as_deref().and_then(|p| Phone::parse(p).ok()),
            email: s.email,
            notes: s.notes,
        },
    }
}

/// The report's counts, with rows in conflict with the register moved from
/// importable to errors.
fn counts(report: &ImportReport, plan: Option<&ReconcilePlan>) -> ImportCounts {
    let mut counts = report.counts;
    let Some(plan) = plan else { return counts };
    let conflicting: HashSet<u32> = plan.conflicts.iter().map(|c| c.problem.row).collect();
    for row in conflicting.iter().filter_map(|r| report.row(*r)).filter(|r| !r.has_errors()) {
        counts.importable -= 1;
        counts.with_errors += 1;
        counts.with_warnings -= u32::from(row.has_warnings());
    }
    counts
}

/// A row's warnings, stored on the person as the staff form stores them.
fn warnings_of(row: &ImportedRow) -> Vec<Problem> {
    row.problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
        .filter_map(|p| {
            p.field.map(|field| Problem {
                field,
                severity: Severity::Warning,
                code: p.code.clone(),
                message: p.message.clone(),
            })
        })
        .collect()
}

/// Copies one field's text from the export's row into a stored person's input.
fn take_field(input: &mut StaffInput, row: &StaffInput, field: Field) {
    let text = match field {
        Field::FullName => &mut input.full_name,
        Field::BirthDate => &mut input.birth_date,
        Field::Position => &mut input.position,
        Field::Team => &mut input.team,
        Field::StaffCode => &mut input.staff_code,
        Field::Cccd => &mut input.cccd,
        Field::CccdIssuedOn => &mut input.cccd_issued_on,
        Field::Phone => &mut input.phone,
        Field::Email => &mut input.email,
        Field::Notes => &mut input.notes,
        Field::Gender => {
            input.gender = row.gender;
            return;
        }
        // Not in an export.
        _ => return,
    };
    let source = match field {
        Field::FullName => &row.full_name,
        Field::BirthDate => &row.birth_date,
        Field::Position => &row.position,
        Field::Team => &row.team,
        Field::StaffCode => &row.staff_code,
        Field::Cccd => &row.cccd,
        Field::CccdIssuedOn => &row.cccd_issued_on,
        Field::Phone => &row.phone,
        Field::Email => &row.email,
        _ => &row.notes,
    };
    text.clone_from(source);
}

/// A pasted path without the quotes Windows' "Copy as path" adds.
fn unquote(path: &str) -> &str {
    let t = path.trim();
    t.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(t)
}
