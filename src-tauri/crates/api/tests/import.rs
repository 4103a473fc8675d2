//! Importing the generated exports (the import crate's fixtures) into a real
//! database through the use cases: preview, apply in one transaction,
//! refusal of a changed file, rollback on a failure, remembered mappings.

use chungthu_api::import::ImportField;
use chungthu_api::import::{LeaverChoice, StaffImportChoices, StaffImportRequest};
use chungthu_api::model::staff::{Staff, StaffQuery};
use chungthu_api::model::{LeftReason, StaffStatus, VnDate};
use chungthu_api::{Api, ApiError};
use chungthu_store::rusqlite::Connection;
use std::path::{Path, PathBuf};

fn today() -> VnDate {
    VnDate::from_ymd(2026, 3, 1).expect("a real date")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../import/tests/fixtures").join(name)
}

fn request(path: &Path) -> StaffImportRequest {
    StaffImportRequest { path: path.display().to_string(), ..StaffImportRequest::default() }
}

struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn fresh() -> (Db, Api) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("dữ liệu.db");
    let api = Api::open(&path).expect("open").with_today(today);
    (Db { _dir: dir, path }, api)
}

fn everyone(api: &Api) -> Vec<Staff> {
    api.list_staff(&StaffQuery::default()).expect("list").items
}

fn by_code<'a>(people: &'a [Staff], code: &str) -> &'a Staff {
    people.iter().find(|s| s.staff_code.as_deref() == Some(code)).unwrap_or_else(|| panic!("{code}"))
}

/// Every row of the tables an import writes, as text: equal snapshots mean
/// nothing was written.
fn snapshot(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).expect("open for a snapshot");
    let mut out = Vec::new();
    for table in ["staff", "audit_log", "setting"] {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY rowid")).expect("select");
        let width = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..width)
                    .map(|i| format!("{:?}", r.get_ref(i).map(|v| format!("{v:?}")).unwrap_or_default()))
                    .collect();
                Ok(format!("{table}: {}", cells.join(" | ")))
            })
            .expect("query");
        out.extend(rows.map(|r| r.expect("row")));
    }
    out
}

/// The register after a first import of the clean export (20 people).
fn registered() -> (Db, Api) {
    let (db, mut api) = fresh();
    let preview = api.preview_import(&request(&fixture("export_clean.xlsx"))).expect("preview");
    api.apply_import(&request(&fixture("export_clean.xlsx")), &preview.accept_all()).expect("first import");
    assert_eq!(everyone(&api).len(), 20);
    (db, api)
}

/// Applies the later export to the registered school after another writer
/// added `trigger` between the preview and the apply: the api, the error the
/// apply ends in, and whether the database is exactly as before the apply.
fn apply_later_with_trigger(trigger: &str) -> (Api, ApiError, bool) {
    let (db, mut api) = registered();
    let later = request(&fixture("export_later.xlsx"));
    let preview = api.preview_import(&later).expect("preview");
    Connection::open(&db.path).expect("open").execute_batch(trigger).expect("trigger");
    let before = snapshot(&db.path);
    let err = api.apply_import(&later, &preview.accept_all()).expect_err("the apply fails");
    let unchanged = snapshot(&db.path) == before;
    (api, err, unchanged)
}

#[test]
fn preview_of_a_first_import_shows_counts_mapping_and_problem_rows() {
    let (db, api) = fresh();
    let before = snapshot(&db.path);
    let preview = api.preview_import(&request(&fixture("export.xlsx"))).expect("preview");
    assert_eq!(preview.file_name, "export.xlsx");
    assert_eq!(preview.sha256.len(), 64, "hex SHA-256");
    assert_eq!(preview.sheets, ["Hướng dẫn", "Danh sách"]);
    assert_eq!(preview.sheet, "Danh sách", "the sheet with a staff header is picked");
    assert!(preview.first_import && preview.plan.is_none(), "an empty register has nothing to reconcile");
    assert_eq!((preview.counts.rows, preview.counts.importable, preview.counts.with_errors), (20, 16, 4));
    let cccd = preview.mapping.column(ImportField::Cccd).expect("CCCD column");
    assert_eq!((cccd.letter.as_str(), cccd.header.as_str()), ("H", "Căn cước công dân / Số"));
    assert_eq!(preview.headers.len(), 12, "every header cell, for the mapping table");
    let errors: Vec<(u32, &str)> = preview
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| (p.row, p.column_letter.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(errors, [(17, "C"), (18, "J"), (19, "H"), (20, "H")], "errors at their row and column");
    assert!(!preview.mapping_remembered);
    assert_eq!(snapshot(&db.path), before, "a preview writes nothing");
}

#[test]
fn a_first_import_adds_every_importable_row_and_flags_warnings() {
    let (_db, mut api) = fresh();
    let preview = api.preview_import(&request(&fixture("export.xlsx"))).expect("preview");
    let outcome = api.apply_import(&request(&fixture("export.xlsx")), &preview.accept_all()).expect("apply");
    assert_eq!((outcome.added, outcome.flagged), (16, 4));
    let people = everyone(&api);
    assert_eq!(people.len(), 16, "rows with errors are not added");
    assert_eq!(by_code(&people, "CB001").cccd.as_deref(), Some("031072000123"), "zeros restored");
    let flagged = api.list_staff(&StaffQuery { flagged_only: true, ..StaffQuery::default() }).expect("list");
    assert_eq!(flagged.total, 4, "warnings are stored on the person, for the “Cần kiểm tra” filter");
    assert!(flagged.items.iter().all(|s| !s.warnings.is_empty()));
    let audit = api.audit_recent(10).expect("audit");
    let entry = audit.iter().find(|a| a.action == "import_create").expect("one entry for the batch");
    assert!(entry.fields.contains("cccd") && entry.fields.contains("full_name"));
    assert!(!entry.fields.bytes().any(|b| b.is_ascii_digit()), "field names only, never values");
}

#[test]
fn a_later_export_applies_only_what_was_ticked_in_one_transaction() {
    let (_db, mut api) = registered();
    let people = everyone(&api);
    let (cb003, cb004, cb008, cb011, cb017) = (
        by_code(&people, "CB003").id,
        by_code(&people, "CB004").id,
        by_code(&people, "CB008").id,
        by_code(&people, "CB011").id,
        by_code(&people, "CB017").id,
    );
    let later = request(&fixture("export_later.xlsx"));
    let preview = api.preview_import(&later).expect("preview");
    assert!(!preview.first_import);
    let plan = preview.plan.as_ref().expect("a plan against the register");
    assert_eq!(plan.joiners.len(), 2);
    let mut leavers: Vec<i64> = plan.leavers.iter().map(|l| l.register_id).collect();
    leavers.sort_unstable();
    let mut expected = [cb004, cb011];
    expected.sort_unstable();
    assert_eq!(leavers, expected, "CB004 and CB011 are no longer in the export");
    let conflict = preview.problems.iter().find(|p| p.code == "cccd_registered_to_other").expect("conflict");
    assert!(
        conflict.is_error() && conflict.row == 23,
        "a CCCD held by another registered person is an error"
    );
    assert_eq!(preview.counts.with_errors, 1, "the conflicting row counts as an error");

    let mut accepted: Vec<String> = plan.joiners.iter().map(|j| j.id.clone()).collect();
    accepted.push(format!("leave:{cb004}"));
    accepted.push(format!("leave:{cb011}"));
    accepted.push(format!("change:{cb003}:phone"));
    accepted.push(format!("change:{cb017}:position"));
    let choices = StaffImportChoices {
        sha256: preview.sha256.clone(),
        first_import: false,
        accepted,
        leavers: vec![LeaverChoice { register_id: cb011, reason: LeftReason::Retired, note: String::new() }],
    };
    let outcome = api.apply_import(&later, &choices).expect("apply");
    assert_eq!((outcome.added, outcome.updated, outcome.left), (2, 2, 2));

    let people = everyone(&api);
    assert_eq!(people.len(), 22);
    assert_eq!(by_code(&people, "CB003").phone.as_deref(), Some("0905123999"), "ticked change applied");
    assert_eq!(by_code(&people, "CB008").phone.as_deref(), Some("0989666777"), "unticked change left alone");
    assert_eq!(by_code(&people, "CB017").position.as_deref(), Some("Tổ phó chuyên môn"));
    let retired = api.staff(cb011).expect("CB011");
    assert_eq!(
        (retired.status, retired.left_reason, retired.left_on),
        (StaffStatus::Left, Some(LeftReason::Retired), Some(today()))
    );
    let other = api.staff(cb004).expect("CB004");
    assert_eq!(other.left_reason, Some(LeftReason::Other), "no reason chosen: “other”");
    assert_eq!(other.left_note.as_deref(), Some(preview.default_left_note.as_str()), "with the default note");
    assert_eq!(api.staff(cb008).expect("CB008").status, StaffStatus::Active);
    let audit = api.audit_recent(20).expect("audit");
    let update =
        audit.iter().find(|a| a.entity_id == Some(cb003) && a.action == "import_update").expect("audit");
    assert_eq!(update.fields, "phone", "the field's name, not its value");
}

#[test]
fn a_file_changed_after_the_preview_is_refused_and_nothing_is_written() {
    let (db, mut api) = registered();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("danh sách.xlsx");
    std::fs::copy(fixture("export_later.xlsx"), &file).expect("copy");
    let preview = api.preview_import(&request(&file)).expect("preview");
    let before = snapshot(&db.path);
    std::fs::copy(fixture("export.xlsx"), &file).expect("the file is exported again");
    let err = api.apply_import(&request(&file), &preview.accept_all()).expect_err("stale preview");
    assert!(matches!(err, ApiError::Refused(_)), "{err}");
    assert!(err.to_string().contains("xem trước lại"), "tells the user what to do: {err}");
    assert_eq!(snapshot(&db.path), before, "nothing written");
}

#[test]
fn a_failure_halfway_rolls_back_every_change_of_the_import() {
    // Leavers and changes are written before joiners: make the last joiner's
    // insert fail, so the earlier writes of the same import must be undone.
    let (api, err, unchanged) = apply_later_with_trigger(
        "CREATE TRIGGER refuse_one AFTER INSERT ON staff WHEN NEW.full_name = 'Trần Quang Huy'
         BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
    );
    assert!(!err.is_user_error(), "a database failure, not bad input: {err}");
    assert!(unchanged, "all or nothing: leavers and changes rolled back too");
    assert!(everyone(&api).iter().all(|s| s.status == StaffStatus::Active));
}

#[test]
fn a_register_changed_since_the_preview_is_refused() {
    let (db, mut api) = fresh();
    let file = request(&fixture("export_clean.xlsx"));
    let preview = api.preview_import(&file).expect("preview of a first import");
    let input = chungthu_api::model::StaffInput { full_name: "Phan Văn Tâm".into(), ..Default::default() };
    api.add_staff(&input).expect("someone adds a person meanwhile");
    let before = snapshot(&db.path);
    let err = api.apply_import(&file, &preview.accept_all()).expect_err("stale");
    assert!(matches!(err, ApiError::Refused(_)), "{err}");
    assert_eq!(snapshot(&db.path), before);
}

#[test]
fn a_confirmed_mapping_is_remembered_for_the_next_export_with_that_header() {
    let (_db, mut api) = fresh();
    let file = fixture("export.xlsx");
    let detected = api.preview_import(&request(&file)).expect("preview").mapping;
    let mut mapping = detected.clone();
    // The user says column J is not a phone number.
    mapping.columns.retain(|c| c.field != ImportField::Phone);
    let custom = StaffImportRequest { mapping: Some(mapping.clone()), ..request(&file) };
    let preview = api.preview_import(&custom).expect("preview with the user's mapping");
    assert!(!preview.problems.iter().any(|p| p.code == "cell_unreadable"), "column J no longer read");
    api.apply_import(&custom, &preview.accept_all()).expect("apply");

    let again = api.preview_import(&request(&file)).expect("preview, no mapping given");
    assert!(again.mapping_remembered, "the confirmed mapping is found by the header's signature");
    assert_eq!(again.mapping, mapping);
    assert!(everyone(&api).iter().all(|s| s.phone.is_none()));
}

#[test]
fn unreadable_files_are_import_errors_with_their_code() {
    let (db, api) = fresh();
    let before = snapshot(&db.path);
    for (name, code) in
        [("encrypted.xlsx", "encrypted"), ("renamed_docx.xlsx", "not_spreadsheet"), ("missing.xlsx", "io")]
    {
        let err = api.preview_import(&request(&fixture(name))).expect_err(name);
        assert_eq!(err.code(), code, "{name}");
        assert!(err.is_user_error(), "{name}: the user can pick another file");
    }
    assert_eq!(snapshot(&db.path), before);
}

#[test]
fn two_active_people_sharing_a_cccd_is_refused_as_a_whole() {
    // Another writer gives a joiner's CCCD to someone registered, after the
    // preview and without changing the export: only the unique index sees it.
    let (_, err, unchanged) = apply_later_with_trigger(
        "CREATE TRIGGER steal_number BEFORE INSERT ON staff WHEN NEW.full_name = 'Trần Quang Huy'
         BEGIN UPDATE staff SET cccd = NEW.cccd WHERE staff_code = 'CB001'; END;",
    );
    assert!(matches!(err, ApiError::Refused(_)), "{err}");
    assert!(!err.to_string().chars().any(|c| c.is_ascii_digit()), "no number in the message: {err}");
    assert!(unchanged, "nothing written");
}
