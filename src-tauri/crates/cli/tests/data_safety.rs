//! The `chungthu` binary and the safety of the data: backups and restore,
//! a second writer waiting then giving up with the Vietnamese "in use"
//! message, the personal-data commands, and — over a full scenario — no
//! CCCD, birth date or phone in anything printed on stderr or kept in the
//! audit log.

mod common;

use common::{add_staff, json, run};

use rusqlite::Connection;
use serde_json::Value;
use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Fictional people: (name, birth, CCCD, phone).
const PEOPLE: [(&str, &str, &str, &str); 3] = [
    ("Nguyễn Thị Hương", "05/03/1985", "031185012345", "0912345678"),
    ("Trần Văn Bình", "17/08/1979", "031079004321", "0983456712"),
    ("Phạm Thu Trang", "09/12/1990", "031190006543", "0904111222"),
];

fn add(db: &Path, (name, birth, cccd, phone): (&str, &str, &str, &str)) -> (Output, Option<String>) {
    let out = add_staff(db, name, birth, cccd, phone, &["--email", "gv@haiphong.edu.vn"]);
    let id = out.status.success().then(|| json(&out)["id"].as_i64().unwrap().to_string());
    (out, id)
}

#[test]
fn backup_list_and_restore_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("chungthu.db");
    add(&db, PEOPLE[0]);
    let first = json(&run(&db, &["backup", "now", "--json"]));
    let name = first["file_name"].as_str().unwrap().to_owned();
    assert!(name.ends_with("-thu-cong.db"), "{name}");
    assert_eq!(first["content"]["staff"], 1);
    add(&db, PEOPLE[1]);

    let list = json(&run(&db, &["backup", "list", "--json"]));
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let text = run(&db, &["backup", "list"]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("Sao lưu thủ công"));

    let done = json(&run(&db, &["backup", "restore", &name, "--json"]));
    assert_eq!(done["restored"]["file_name"], name.as_str());
    let people = json(&run(&db, &["staff", "list", "--json"]));
    assert_eq!(people.as_array().unwrap().len(), 1, "back to the backup's one person");
    let undo = done["undo"]["file_name"].as_str().unwrap();
    assert_eq!(done["undo"]["content"]["staff"], 2);
    let plain = run(&db, &["backup", "restore", undo]);
    assert!(String::from_utf8_lossy(&plain.stdout).contains("Muốn hoàn tác"));
    assert_eq!(json(&run(&db, &["staff", "list", "--json"])).as_array().unwrap().len(), 2);

    let missing = run(&db, &["backup", "restore", "../chungthu.db"]);
    assert_eq!(missing.status.code(), Some(2), "a name that is not a backup is bad input");
    let relative = run(&db, &["backup", "dir", "saoluu"]);
    assert_eq!(relative.status.code(), Some(2));
}

#[test]
fn a_second_writer_waits_then_says_the_data_is_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("chungthu.db");
    add(&db, PEOPLE[0]);
    // The window (or another command) in the middle of a save.
    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE; UPDATE unit SET name = 'Trường THCS Lê Lợi';").unwrap();

    let started = Instant::now();
    let (out, id) = add(&db, PEOPLE[1]);
    let waited = started.elapsed();
    assert_eq!(id, None);
    assert_eq!(out.status.code(), Some(1), "not the user's input: status 1");
    let err = stderr(&out);
    assert!(err.contains("đang được") && err.contains("sử dụng"), "{err}");
    assert!(waited >= Duration::from_secs(4), "it waited for the other writer first ({waited:?})");
    assert!(waited < Duration::from_secs(20), "…but not forever ({waited:?})");

    holder.execute_batch("ROLLBACK").unwrap();
    let (_, id) = add(&db, PEOPLE[1]);
    assert!(id.is_some(), "once the other writer is done, the save goes through");
    let reading = run(&db, &["staff", "list", "--json"]);
    assert!(reading.status.success());
}

#[test]
fn export_and_erase_a_persons_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("chungthu.db");
    let (_, id) = add(&db, PEOPLE[0]);
    let id = id.unwrap();
    let out = dir.path().join("Hương.json");
    let done = run(&db, &["staff", "export", &id, "--out", out.to_str().unwrap()]);
    assert!(done.status.success(), "{}", stderr(&done));
    let exported: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(exported["staff"]["cccd"], PEOPLE[0].2);
    assert!(exported["audit"].as_array().unwrap().iter().any(|a| a["action"] == "create"));

    let active = run(&db, &["staff", "erase", &id]);
    assert_eq!(active.status.code(), Some(2));
    assert!(stderr(&active).contains("đang công tác"));
    assert!(run(&db, &["staff", "leave", &id, "--reason", "retired", "--on", "01/06/2024"]).status.success());
    let erased = json(&run(&db, &["staff", "erase", &id, "--json"]));
    assert_eq!(erased["full_name"], PEOPLE[0].0);
    for field in ["cccd", "phone", "email", "birth_date", "birth_year", "cccd_issued_on"] {
        assert_eq!(erased[field], Value::Null, "{field} is erased");
    }
    assert_eq!(erased["status"], "left");
}

/// Every shape a personal value could take in text.
fn secrets() -> Vec<String> {
    let mut s = vec!["10/05/2021".to_owned(), "2021-05-10".to_owned()];
    for (_, birth, cccd, phone) in PEOPLE {
        let iso = {
            let p: Vec<&str> = birth.split('/').collect();
            format!("{}-{}-{}", p[2], p[1], p[0])
        };
        s.extend([birth.to_owned(), iso, cccd.to_owned(), phone.to_owned(), phone[1..].to_owned()]);
    }
    s
}

#[test]
fn no_personal_value_reaches_stderr_or_the_audit_log_over_a_full_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("chungthu.db");
    let mut outputs: Vec<(String, Output)> = Vec::new();
    let mut ids = Vec::new();
    for p in PEOPLE {
        let (out, id) = add(&db, p);
        ids.push(id.expect("saved"));
        outputs.push(("add".into(), out));
    }
    let (a, b, c) = (ids[0].as_str(), ids[1].as_str(), ids[2].as_str());
    let wrong_birth_for_cccd = PEOPLE[1].1;
    let csv = dir.path().join("nhat-ky.csv");
    let export = dir.path().join("nguoi.json");
    let scenario: Vec<Vec<&str>> = vec![
        // Refused inputs: each message must describe the problem, not echo the value.
        vec!["staff", "add", "--name", "Lê Văn Tám", "--cccd", PEOPLE[0].2],
        vec!["staff", "add", "--name", "Lê Văn Tám", "--cccd", "03118501234"],
        vec!["staff", "add", "--name", "Lê Văn Tám", "--phone", "091234567"],
        vec!["staff", "add", "--name", "Lê Văn Tám", "--birth-date", "31/02/1985"],
        vec!["staff", "add", "--name", "Lê Văn Tám", "--birth-date", "05/03/2030"],
        vec!["staff", "edit", a, "--cccd", PEOPLE[1].2],
        // Saved with warnings (CCCD that disagrees with the birth date).
        vec!["staff", "edit", c, "--birth-date", wrong_birth_for_cccd],
        vec!["staff", "edit", a, "--phone", "0977000111", "--notes", "Chuyển tổ"],
        vec!["staff", "edit", a, "--phone", PEOPLE[0].3],
        vec!["staff", "leave", b, "--reason", "transfer", "--on", "01/09/2024"],
        vec!["staff", "leave", c, "--reason", "other", "--on", "01/09/2026"],
        vec!["staff", "list"],
        vec!["staff", "list", "--search", "huong"],
        vec!["staff", "show", "4242"],
        vec!["staff", "erase", a],
        vec!["staff", "erase", c],
        vec!["staff", "export", b, "--out", export.to_str().unwrap()],
        vec!["staff", "erase", b],
        vec!["backup", "now"],
        vec!["backup", "list"],
        vec!["audit", "list", "--limit", "0"],
        vec!["audit", "list", "--entity", "staff", "--id", a, "--json"],
        vec!["audit", "list", "--from", "31/02/2026"],
        vec!["audit", "export", "--out", csv.to_str().unwrap()],
        vec!["unit", "set", "--focal-phone", "12345"],
    ];
    for args in &scenario {
        outputs.push((args.join(" "), run(&db, args)));
    }
    let refused = outputs.iter().filter(|(_, o)| !o.status.success()).count();
    assert!(refused >= 8, "the scenario exercises the error paths ({refused} refused)");
    let warned = outputs.iter().filter(|(_, o)| stderr(o).contains("Lưu ý")).count();
    assert!(warned >= 1, "and the warning path");

    let secrets = secrets();
    for (what, out) in &outputs {
        let err = stderr(out);
        for s in &secrets {
            assert!(!err.contains(s.as_str()), "stderr of `{what}` holds a personal value: {err}");
        }
    }
    // What is meant for reading by anyone (the audit log and its CSV).
    let audit_text =
        String::from_utf8_lossy(&outputs.iter().find(|(w, _)| w == "audit list --limit 0").unwrap().1.stdout)
            .into_owned();
    let csv_text = std::fs::read_to_string(&csv).unwrap();
    let conn = Connection::open(&db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT at || os_user || entity || coalesce(entity_id, '') || action || fields FROM audit_log",
        )
        .unwrap();
    let table: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    assert!(table.len() >= 10, "{table:?}");
    for (what, text) in [("audit list", audit_text), ("audit CSV", csv_text), ("audit_log", table.join("\n"))]
    {
        for s in &secrets {
            assert!(!text.contains(s.as_str()), "{what} holds a personal value");
        }
    }
}
