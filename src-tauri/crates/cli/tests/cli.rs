//! The `chungthu` binary on a temporary database: exit codes, messages and
//! the JSON contract documented in the README.

mod common;

use common::{json, run};

use serde_json::Value;

const HUONG: &[&str] = &[
    "staff",
    "add",
    "--name",
    "Nguyễn Thị Hương",
    "--birth-date",
    "05/03/1985",
    "--gender",
    "nu",
    "--position",
    "Giáo viên",
    "--team",
    "Tổ Ngữ văn",
    "--code",
    "CB0012",
    "--cccd",
    "001185012345",
    "--cccd-issued-on",
    "10/05/2021",
    "--phone",
    "+84 912 345 678",
    "--email",
    "huongnt@haiphong.edu.vn",
    "--json",
];

#[test]
fn add_then_find_without_diacritics() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let added = json(&run(&db, HUONG));
    let list = json(&run(&db, &["staff", "list", "--search", "nguyen thi huong", "--json"]));
    let people = list.as_array().unwrap();
    assert_eq!(people.len(), 1);
    let p = &people[0];
    assert_eq!(p, &added);
    assert_eq!(p["full_name"], "Nguyễn Thị Hương");
    assert_eq!(p["birth_date"], "1985-03-05");
    assert_eq!(p["gender"], "female");
    assert_eq!(p["position"], "Giáo viên");
    assert_eq!(p["team"], "Tổ Ngữ văn");
    assert_eq!(p["staff_code"], "CB0012");
    assert_eq!(p["cccd"], "001185012345", "leading zeros kept");
    assert_eq!(p["cccd_issued_on"], "2021-05-10");
    assert_eq!(p["phone"], "0912345678");
    assert_eq!(p["email"], "huongnt@haiphong.edu.vn");
    assert_eq!(p["status"], "active");
    let id = p["id"].as_i64().unwrap().to_string();
    assert_eq!(json(&run(&db, &["staff", "show", &id, "--json"])), added);
}

#[test]
fn invalid_cccd_is_refused_with_status_2_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    json(&run(&db, HUONG));
    let out = run(&db, &["staff", "add", "--name", "Lê Văn Tám", "--cccd", "12345678901"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Số CCCD: phải có đúng 12 chữ số"), "{err}");
    assert!(out.stdout.is_empty());
    let all = json(&run(&db, &["staff", "list", "--json"]));
    assert_eq!(all.as_array().unwrap().len(), 1, "the refused person was not written");

    let dup = run(&db, &["staff", "add", "--name", "Lê Văn Tám", "--cccd", "001185012345"]);
    assert_eq!(dup.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&dup.stderr).contains("trùng với người đang công tác Nguyễn Thị Hương"));
}

#[test]
fn edit_changes_only_the_given_fields_and_leave_marks_status() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let id = json(&run(&db, HUONG))["id"].as_i64().unwrap().to_string();
    let edited = json(&run(
        &db,
        &["staff", "edit", &id, "--position", "Tổ trưởng chuyên môn", "--phone", "", "--json"],
    ));
    assert_eq!(edited["position"], "Tổ trưởng chuyên môn");
    assert_eq!(edited["phone"], Value::Null, "an empty value clears the field");
    assert_eq!(edited["cccd"], "001185012345", "untouched fields stay");

    let no_note = run(&db, &["staff", "leave", &id, "--reason", "other", "--on", "01/09/2026"]);
    assert_eq!(no_note.status.code(), Some(2), "case 3 needs a note");
    let left =
        json(&run(&db, &["staff", "leave", &id, "--reason", "transfer", "--on", "01/09/2026", "--json"]));
    assert_eq!(left["status"], "left");
    assert_eq!(left["left_reason"], "transfer");
    assert_eq!(left["left_on"], "2026-09-01");
    let active = json(&run(&db, &["staff", "list", "--status", "active", "--json"]));
    assert!(active.as_array().unwrap().is_empty());
}

#[test]
fn unit_settings_round_trip_and_unknown_person_is_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let unit = json(&run(
        &db,
        &[
            "unit",
            "set",
            "--name",
            "Trường THCS Lê Lợi",
            "--managing-body",
            "UBND PHƯỜNG HỒNG BÀNG",
            "--place",
            "Hải Phòng",
            "--signer-name",
            "Phạm Văn Quang",
            "--signer-role",
            "deputy",
            "--focal-phone",
            "0983.456.789",
            "--json",
        ],
    ));
    assert_eq!(unit["name"], "Trường THCS Lê Lợi");
    assert_eq!(unit["signer_role"], "deputy");
    let out = run(&db, &["unit", "set", "--focal-phone", "12345"]);
    assert_eq!(out.status.code(), Some(2), "five digits are not a phone number");
    assert_eq!(json(&run(&db, &["unit", "show", "--json"])), unit);
    let missing = run(&db, &["staff", "show", "4242", "--json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("Không tìm thấy"));
}

#[test]
fn a_damaged_database_is_an_internal_error_with_status_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    std::fs::write(&db, b"this is not a database, but it is long enough to look like one........").unwrap();
    let out = run(&db, &["staff", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bị hỏng"));
}

#[test]
fn a_reader_that_stops_early_ends_the_program_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    json(&run(&db, HUONG));
    // `chungthu staff list --json | head -0`: the reader is gone before the first line.
    let mut child = common::chungthu(&db)
        .args(["staff", "list", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked") && !stderr.contains("Broken pipe"), "{stderr}");
    assert!(stderr.is_empty(), "quietly: {stderr}");
    assert_eq!(out.status.code(), Some(0));
}
