//! `chungthu export …` and `chungthu batch …` on a temporary database: the
//! JSON contract, the file's real SHA-256, exit 2 with the Vietnamese
//! message for an empty list and bad input, supersede and re-export.

mod common;

use common::{add_staff, json, run};

use serde_json::Value;
use sha2::{Digest, Sha256};
use std::path::Path;

fn sha256(path: &Path) -> String {
    Sha256::digest(std::fs::read(path).unwrap()).iter().map(|b| format!("{b:02x}")).collect()
}

/// A unit and two people marked for issuance; returns their ids.
fn seed(db: &Path) -> Vec<String> {
    json(&run(
        db,
        &[
            "unit",
            "set",
            "--name",
            "Trường THCS Lê Lợi",
            "--managing-body",
            "UBND phường Lê Chân",
            "--place",
            "Hải Phòng",
            "--json",
        ],
    ));
    let mut ids = Vec::new();
    for (name, cccd, birth) in
        [("Nguyễn Thị Hương", "001185012345", "05/03/1985"), ("Trần Văn An", "031080000001", "01/02/1980")]
    {
        let p = json(&add_staff(db, name, birth, cccd, "0912345678", &["--position", "Giáo viên"]));
        let id = p["id"].to_string();
        json(&run(db, &["request", "add", "--staff", &id, "--kind", "issuance", "--json"]));
        ids.push(id);
    }
    ids
}

#[test]
fn export_prints_the_batch_and_batch_list_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    seed(&db);
    let file = dir.path().join("Danh sách đề nghị cấp CTS.docx");
    let out = json(&run(
        &db,
        &["export", "issuance", "--out", file.to_str().unwrap(), "--date", "blank", "--json"],
    ));
    assert_eq!(out["kind"], "issuance");
    assert_eq!(out["rows"], 2);
    assert_eq!(out["file"], file.to_str().unwrap());
    assert_eq!(out["sha256"], sha256(&file), "the file's real SHA-256");
    let batch_id = out["batch_id"].as_i64().unwrap();

    let list = json(&run(&db, &["batch", "list", "--json"]));
    let b = &list.as_array().unwrap()[0];
    assert_eq!(b["id"], batch_id);
    assert_eq!(b["kind"], "issuance");
    assert_eq!(b["file_name"], "Danh sách đề nghị cấp CTS.docx");
    assert_eq!(b["sha256"], out["sha256"]);
    assert_eq!(b["row_count"], 2);
    assert_eq!(b["status"], "exported");
    assert_eq!(b["date_mode"], "blank");
    assert_eq!(b["superseded_by"], Value::Null);
    assert!(b["created_at"].as_str().unwrap().ends_with('Z'), "UTC time");
    let requests = json(&run(&db, &["request", "list", "--status", "exported", "--json"]));
    assert_eq!(requests.as_array().unwrap().len(), 2, "both requests moved to exported");

    // A corrected export replaces it; the re-export of the first is the same file.
    let second = dir.path().join("lan-2.docx");
    let again = json(&run(&db, &["export", "issuance", "--out", second.to_str().unwrap(), "--json"]));
    assert_eq!(again["superseded"], serde_json::json!([batch_id]));
    let list = json(&run(&db, &["batch", "list", "--json"]));
    assert_eq!(list[1]["superseded_by"], again["batch_id"]);
    let copy = dir.path().join("ban-sao.docx");
    let re = json(&run(
        &db,
        &["batch", "reexport", &batch_id.to_string(), "--out", copy.to_str().unwrap(), "--json"],
    ));
    assert_eq!(re["sha256"], out["sha256"]);
    assert_eq!(re["same_as_recorded"], true);
}

#[test]
fn empty_lists_and_bad_input_exit_2_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    seed(&db);
    let file = dir.path().join("thu-hoi.docx");
    let out = run(&db, &["export", "revocation", "--out", file.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Chưa có đề nghị thu hồi nào"), "{err}");
    assert!(out.stdout.is_empty() && !file.exists());

    let pdf = dir.path().join("ds.pdf");
    let out = run(&db, &["export", "issuance", "--out", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".docx"));

    let out = run(&db, &["export", "nonsense", "--out", "x.docx"]);
    assert_eq!(out.status.code(), Some(2), "clap refuses an unknown form");

    let list = json(&run(&db, &["batch", "list", "--json"]));
    assert!(list.as_array().unwrap().is_empty(), "nothing recorded");
}
