//! `chungthu cert …` and `chungthu request …` on a temporary database with
//! the certificate fixtures of the certs crate: the JSON contract of the README.

mod common;

use common::{add_huong, json, run};

use serde_json::Value;
use std::path::Path;

fn fixture(name: &str) -> String {
    common::fixture("certs", name)
}

/// Hương's CCCD is the one in huong.cer's UID; Đức has none yet (name match only).
fn seed(db: &Path) -> (String, String) {
    let huong = add_huong(db);
    let duc = json(&run(db, &["staff", "add", "--name", "Đặng Văn Đức", "--json"]));
    (huong, duc["id"].to_string())
}

#[test]
fn import_adds_identity_matches_and_holds_name_matches_for_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let (huong, duc) = seed(&db);
    let out = run(&db, &["cert", "import", &fixture("huong.cer"), &fixture("duc.crt"), "--json"]);
    let rows = json(&out);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let h = &rows[0];
    assert_eq!(h["file"], fixture("huong.cer"));
    assert_eq!(h["serial_hex"], "8A3C5E7F00112233445566778899AABB");
    assert_eq!(h["provider"], "Ban Cơ yếu");
    assert_eq!(h["not_after"], "2028-03-09");
    assert_eq!(h["subject_name"], "Nguyễn Thị Hương");
    assert_eq!(h["staff_id"].to_string(), huong);
    assert_eq!(h["match"], "cccd");
    assert_eq!(h["status"], "added");
    assert_eq!(h["error"], Value::Null);
    let d = &rows[1];
    assert_eq!(d["match"], "name");
    assert_eq!(d["staff_id"].to_string(), duc);
    assert_eq!(d["status"], "needs_confirmation", "a name match is not applied without confirmation");

    let accepted =
        json(&run(&db, &["cert", "import", &fixture("duc.crt"), "--accept-name-matches", "--json"]));
    assert_eq!(accepted[0]["status"], "added");
    let again = json(&run(&db, &["cert", "import", &fixture("huong-bundle.p7b"), "--json"]));
    assert_eq!(again[0]["status"], "duplicate", "the bundle holds the same certificate");
    assert_eq!(again[0]["certificate_id"], h["certificate_id"]);

    let list = json(&run(&db, &["cert", "list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 2);
    let mine = json(&run(&db, &["cert", "list", "--staff", &duc, "--json"]));
    assert_eq!(mine[0]["status"], "expired");
    assert_eq!(mine[0]["valid_to"], "2024-05-21");
    let soon = json(&run(&db, &["cert", "list", "--expiring-within", "36500", "--json"]));
    assert_eq!(soon.as_array().unwrap().len(), 1, "expired ones are not 'expiring'");
    // On the pinned today (common::TODAY), whatever the real date.
    let hers = json(&run(&db, &["cert", "list", "--staff", &huong, "--json"]));
    assert_eq!((&hers[0]["status"], &hers[0]["days_left"]), (&Value::from("valid"), &Value::from(633)));
    let within = |days: &str| json(&run(&db, &["cert", "list", "--expiring-within", days, "--json"]));
    assert_eq!((within("633").as_array().unwrap().len(), within("632").as_array().unwrap().len()), (1, 0));
}

#[test]
fn a_broken_file_is_reported_with_status_2_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    seed(&db);
    let out =
        run(&db, &["cert", "import", &fixture("truncated.cer"), &fixture("renamed-docx.cer"), "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["status"], "error");
    assert_eq!(rows[0]["error"]["code"], "cert_damaged");
    assert_eq!(rows[1]["error"]["code"], "cert_not_certificate");
    assert!(rows[1]["error"]["message"].as_str().unwrap().contains("không phải chứng thư số"));
    let list = json(&run(&db, &["cert", "list", "--json"]));
    assert!(list.as_array().unwrap().is_empty());
}

#[test]
fn requests_are_added_listed_and_moved_and_illegal_moves_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let (huong, duc) = seed(&db);
    let r = json(&run(&db, &["request", "add", "--staff", &huong, "--kind", "issuance", "--json"]));
    assert_eq!(r["status"], "marked");
    assert_eq!(r["kind"], "issuance");
    assert_eq!(r["missing"], Value::Array(vec![]));
    let id = r["id"].to_string();

    let lacking = json(&run(&db, &["request", "add", "--staff", &duc, "--kind", "issuance", "--json"]));
    let missing: Vec<&str> =
        lacking["missing"].as_array().unwrap().iter().map(|p| p["field"].as_str().unwrap()).collect();
    assert_eq!(missing, ["birth_date", "position", "cccd", "cccd_issued_on", "phone"]);
    let blocked = run(&db, &["request", "move", &lacking["id"].to_string(), "--to", "exported"]);
    assert_eq!(blocked.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&blocked.stderr).contains("còn thiếu Ngày sinh"));

    let no_reason = run(&db, &["request", "add", "--staff", &duc, "--kind", "revocation"]);
    assert_eq!(no_reason.status.code(), Some(2), "a revocation needs its case");
    assert!(
        String::from_utf8_lossy(&no_reason.stderr).contains("Lý do thu hồi: chọn một trong ba trường hợp"),
        "{no_reason:?}"
    );

    let skip = run(&db, &["request", "move", &id, "--to", "done"]);
    assert_eq!(skip.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&skip.stderr).contains("Không chuyển được"));
    let moved = json(&run(&db, &["request", "move", &id, "--to", "exported", "--json"]));
    assert_eq!(moved["status"], "exported");
    json(&run(&db, &["request", "move", &id, "--to", "sent", "--json"]));
    let rejected =
        json(&run(&db, &["request", "move", &id, "--to", "rejected", "--note", "Thiếu email", "--json"]));
    assert_eq!(rejected["last_note"], "Thiếu email");

    let marked = json(&run(&db, &["request", "list", "--status", "marked", "--json"]));
    assert_eq!(marked.as_array().unwrap().len(), 1, "only Đức's");
    let all = json(&run(&db, &["request", "list", "--json"]));
    assert_eq!(all.as_array().unwrap().len(), 2);
}

#[test]
fn a_revocation_without_cert_takes_the_only_usable_one_and_asks_among_several() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let (huong, duc) = seed(&db);
    json(&run(&db, &["cert", "import", &fixture("huong.cer"), "--json"]));
    // Đức's only certificate expired in 2024: nothing usable to revoke.
    json(&run(&db, &["cert", "import", &fixture("duc.crt"), "--accept-name-matches", "--json"]));
    let revoke = |who: &str| {
        run(
            &db,
            &["request", "add", "--staff", who, "--kind", "revocation", "--reason", "transfer", "--json"],
        )
    };

    let none = revoke(&duc);
    assert_eq!(none.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&none.stderr).contains("không có chứng thư số nào còn dùng được"));

    let only = revoke(&huong);
    let r = json(&only);
    let listed = json(&run(&db, &["cert", "list", "--staff", &huong, "--json"]));
    assert_eq!(r["certificate_id"], listed[0]["id"], "her one usable certificate");
    assert_eq!(r["certificate_serial"], "8A3C5E7F00112233445566778899AABB");
    let said = String::from_utf8_lossy(&only.stderr);
    assert!(said.contains("duy nhất") && said.contains("8A3C5E7F00112233445566778899AABB"), "{said}");
    json(&run(&db, &["request", "move", &r["id"].to_string(), "--to", "exported", "--json"]));

    let mut api = chungthu_api::Api::open(&db).unwrap();
    let second = api
        .add_certificate(&chungthu_api::certs::CertInput {
            holder: chungthu_api::certs::Holder::Staff(huong.parse().unwrap()),
            provider_id: None,
            kind: chungthu_api::model::provider::CertKind::Public,
            form: None,
            serial_hex: "5403A1".into(),
            subject_name: "NGUYỄN THỊ HƯƠNG".into(),
            valid_from: "01/01/2025".into(),
            valid_to: "31/12/2027".into(),
            purpose: String::new(),
            notes: String::new(),
        })
        .unwrap();
    drop(api);
    let several = revoke(&huong);
    assert_eq!(several.status.code(), Some(2), "which one is asked, nothing written");
    let asked = String::from_utf8_lossy(&several.stderr);
    assert!(asked.contains("--cert") && asked.contains("5403A1") && asked.contains("8A3C5E7F"), "{asked}");
    let chosen = json(&run(
        &db,
        &[
            "request",
            "add",
            "--staff",
            &huong,
            "--kind",
            "revocation",
            "--reason",
            "transfer",
            "--cert",
            &second.id.to_string(),
            "--json",
        ],
    ));
    assert_eq!(chosen["certificate_id"], second.id);
    assert_eq!(json(&run(&db, &["request", "list", "--json"])).as_array().unwrap().len(), 2);
}
