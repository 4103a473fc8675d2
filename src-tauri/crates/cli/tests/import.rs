//! `chungthu staff import` on the import crate's fixtures: the JSON report
//! (rows read, added, problems with row and column), unreadable files (exit 2,
//! nothing written), dry runs, and a reconcile reported vs applied.

mod common;

use common::{json, run};

use serde_json::Value;
use std::path::Path;
use std::process::Output;

fn fixture(name: &str) -> String {
    common::fixture("import", name)
}

fn import(db: &Path, name: &str, flags: &[&str]) -> Output {
    let file = fixture(name);
    let mut args = vec!["staff", "import", file.as_str(), "--json"];
    args.extend_from_slice(flags);
    run(db, &args)
}

fn count_people(db: &Path) -> usize {
    json(&run(db, &["staff", "list", "--json"])).as_array().expect("a list").len()
}

/// (row, column letter, severity, code) of every problem.
fn problems(report: &Value) -> Vec<(u64, String, String, String)> {
    report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            let text = |k: &str| p[k].as_str().unwrap_or_default().to_owned();
            (p["row"].as_u64().expect("row"), text("column_letter"), text("severity"), text("code"))
        })
        .collect()
}

#[test]
fn every_format_is_imported_with_its_problems_at_row_and_column() {
    for name in ["export.xlsx", "export.xls", "export.ods", "export_bom_semicolon.csv"] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        let report = json(&import(&db, name, &[]));
        assert_eq!(report["rows_read"], 20, "{name}");
        assert_eq!(report["added"], 16, "{name}: rows with errors are not added");
        assert_eq!(report["applied"], true, "{name}: a first import into an empty register is written");
        assert_eq!(report["reconcile"], false, "{name}");
        assert_eq!(count_people(&db), 16, "{name}");
        let found = problems(&report);
        let errors: Vec<(u64, &str)> =
            found.iter().filter(|p| p.2 == "error").map(|p| (p.0, p.1.as_str())).collect();
        let row_18 = if name.ends_with(".xlsx") { (18, "J") } else { (18, "D") };
        assert_eq!(errors, [(17, "C"), row_18, (19, "H"), (20, "H")], "{name}: errors at row and column");
        assert!(found.contains(&(12, "D".into(), "warning".into(), "birth_year_only".into())), "{name}");
        let first = &report["problems"][0];
        assert!(
            first["column"].is_string() && first["message"].is_string(),
            "{name}: header text and message"
        );
    }
}

#[test]
fn unreadable_files_exit_2_with_a_message_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    json(&import(&db, "export_clean.xlsx", &[]));
    let list_before = run(&db, &["staff", "list", "--json"]).stdout;
    for (name, words) in [
        ("encrypted.xlsx", "mật khẩu"),
        ("renamed_docx.xlsx", "không phải bảng tính"),
        ("no_header.xlsx", "dòng tiêu đề"),
        ("huge_dimension.xls", "vùng ô quá lớn"),
    ] {
        let out = import(&db, name, &["--apply-reconcile"]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(words), "{name}: Vietnamese reason on stderr, got {stderr}");
        assert!(out.stdout.is_empty(), "{name}: no report for a file that was not read");
    }
    assert_eq!(run(&db, &["staff", "list", "--json"]).stdout, list_before, "nothing changed");
}

#[test]
fn a_far_corner_cell_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let report = json(&import(&db, "far_corner.xlsx", &[]));
    assert_eq!((report["rows_read"].as_u64(), report["added"].as_u64()), (Some(20), Some(20)));
}

#[test]
fn dry_run_reports_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let report = json(&import(&db, "export.xlsx", &["--dry-run"]));
    assert_eq!((report["dry_run"].as_bool(), report["applied"].as_bool()), (Some(true), Some(false)));
    assert_eq!(report["added"], 16, "what would be added");
    assert_eq!(count_people(&db), 0);
}

#[test]
fn a_later_export_is_reported_and_applied_only_with_apply_reconcile() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    json(&import(&db, "export_clean.xlsx", &[]));
    let before = run(&db, &["staff", "list", "--json"]).stdout;

    let report = json(&import(&db, "export_later.xlsx", &[]));
    assert_eq!((report["reconcile"].as_bool(), report["applied"].as_bool()), (Some(true), Some(false)));
    let counts = |r: &Value| ["added", "updated", "unchanged", "left"].map(|k| r[k].as_u64().unwrap_or(99));
    assert_eq!(counts(&report), [2, 3, 14, 2], "2 joiners, 3 changed, 14 unchanged, 2 gone");
    assert!(problems(&report).contains(&(23, "H".into(), "error".into(), "cccd_registered_to_other".into())));
    assert_eq!(run(&db, &["staff", "list", "--json"]).stdout, before, "only reported");

    // Who: every joiner, leaver and changed person, with the fields, to check before applying.
    let register: Value = serde_json::from_slice(&before).unwrap();
    let by_code = |code: &str| {
        let p = register.as_array().unwrap().iter().find(|p| p["staff_code"] == code).unwrap();
        (p["id"].as_i64(), p["full_name"].as_str().unwrap().to_owned())
    };
    let change = |kind: &str, (id, name): (Option<i64>, String), fields: &[&str]| {
        (kind.to_owned(), id, name, fields.iter().map(|f| (*f).to_owned()).collect::<Vec<_>>())
    };
    let mut expected = vec![
        change("joined", (None, "Nguyễn Thị Thanh Tâm".into()), &[]),
        change("joined", (None, "Trần Quang Huy".into()), &[]),
        change("left", by_code("CB004"), &[]),
        change("left", by_code("CB011"), &[]),
        change("updated", by_code("CB003"), &["phone"]),
        change("updated", by_code("CB008"), &["phone"]),
        change("updated", by_code("CB017"), &["position"]),
    ];
    let mut listed: Vec<_> = report["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| {
            let fields = c["fields"].as_array().unwrap().iter().map(|f| f.as_str().unwrap().to_owned());
            (
                c["kind"].as_str().unwrap().to_owned(),
                c["staff_id"].as_i64(),
                c["full_name"].as_str().unwrap().to_owned(),
                fields.collect(),
            )
        })
        .collect();
    expected.sort();
    listed.sort();
    assert_eq!(listed, expected);
    let text = run(&db, &["staff", "import", &fixture("export_later.xlsx")]);
    let text = String::from_utf8(text.stdout).unwrap();
    for (kind, _, name, _) in &expected {
        let verb = match kind.as_str() {
            "joined" => "Thêm: ",
            "left" => "Đánh dấu đã nghỉ: ",
            _ => "Cập nhật: ",
        };
        let said = text.lines().any(|l| l.trim_start().starts_with(verb) && l.contains(name.as_str()));
        assert!(said, "{verb}{name} missing:\n{text}");
    }
    let cb017 = by_code("CB017").1;
    assert!(text.lines().any(|l| l.contains(&cb017) && l.ends_with("— Chức vụ")), "{text}");

    let applied = json(&import(&db, "export_later.xlsx", &["--apply-reconcile"]));
    assert_eq!(applied["applied"], true);
    assert_eq!(counts(&applied), [2, 3, 14, 2]);
    let left = json(&run(&db, &["staff", "list", "--status", "left", "--json"]));
    assert_eq!(left.as_array().map(Vec::len), Some(2), "the two people gone are marked left");
    assert_eq!(count_people(&db), 22);

    let again = json(&import(&db, "export_later.xlsx", &["--apply-reconcile"]));
    assert_eq!(
        counts(&again),
        [0, 0, 19, 0],
        "applying twice changes nothing more (19: every row but the conflict)"
    );
}
