//! `chungthu mail …` on a temporary database against the test SMTP server
//! on 127.0.0.1: the JSON contract of settings, send, outbox, retry and
//! draft, and the password read from stdin or the environment only.

mod common;
#[path = "../../mail/tests/support/mod.rs"]
mod support;

use common::{chungthu, json};
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};
use support::{ServerOptions, SmtpServer, docx_bytes, free_port, pdf_bytes};

fn run(db: &Path, args: &[&str]) -> Output {
    chungthu(db)
        .args(args)
        .env_remove("CHUNGTHU_SMTP_PASSWORD")
        // No session bus: the credential store is unavailable, as on a bare server.
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("XDG_RUNTIME_DIR", db.parent().unwrap())
        .output()
        .expect("run chungthu")
}

fn files(dir: &Path) -> (String, String) {
    let docx = dir.join("Danh sách đề nghị cấp.docx");
    let scan = dir.join("Bản scan.pdf");
    std::fs::write(&docx, docx_bytes()).unwrap();
    std::fs::write(&scan, pdf_bytes()).unwrap();
    (docx.display().to_string(), scan.display().to_string())
}

fn batch(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute(
        "INSERT INTO batch (kind, file_name, sha256, row_count, date_mode, created_at)
         VALUES ('revocation', 'Danh sách thu hồi.docx', ?1, 3, 'today', '2026-03-05T02:00:00Z')",
        [chungthu_api::model::digest::sha256_hex(&docx_bytes())],
    )
    .unwrap();
    conn.last_insert_rowid().to_string()
}

/// `mail settings` for the test server on `port`, with plain SMTP, plus `extra`.
fn settings(db: &Path, port: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "mail",
        "settings",
        "--host",
        "127.0.0.1",
        "--port",
        port,
        "--security",
        "plain",
        "--from",
        "vanthu@thcs-leloi.edu.vn",
        "--json",
    ];
    args.extend_from_slice(extra);
    json(&run(db, &args))
}

/// `mail send` of batch `id` with both files to the Department's address.
fn send(db: &Path, id: &str, docx: &str, scan: &str) -> Output {
    run(
        db,
        &[
            "mail",
            "send",
            "--batch",
            id,
            "--to",
            "vanphong@sogd.example.vn",
            "--docx",
            docx,
            "--scan",
            scan,
            "--json",
        ],
    )
}

#[test]
fn settings_send_outbox_and_retry_speak_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let port = free_port();
    let port_s = port.to_string();
    let s = settings(&db, &port_s, &["--from-name", "Trường THCS Lê Lợi"]);
    assert_eq!(s["smtp"]["host"], "127.0.0.1");
    assert_eq!(s["smtp"]["port"], port);
    assert_eq!(s["smtp"]["security"], "plain");
    assert_eq!(s["smtp"]["from_address"], "vanthu@thcs-leloi.edu.vn");
    assert!(s["template"]["subject"].as_str().unwrap().contains("{loai_danh_sach}"));
    assert!(s["presets"].as_array().unwrap().iter().any(|p| p["id"] == "gmail"));
    assert_eq!(s["password_saved"], false);

    let id = batch(&db);
    let (docx, scan) = files(dir.path());
    // Server down: the message stays queued, exit 0, the JSON says so.
    let out = json(&send(&db, &id, &docx, &scan));
    assert_eq!(out["item"]["state"], "queued");
    assert_eq!(out["item"]["attempts"], 1);
    assert_eq!(out["item"]["files"].as_array().unwrap().len(), 2);
    assert!(out["item"]["last_error"].as_str().unwrap().contains("Không kết nối được"));
    assert_eq!(out["warning"], Value::Null);

    let list = json(&run(&db, &["mail", "outbox", "--json"]));
    assert_eq!(list[0]["subject"], "Trường THCS Lê Lợi gửi danh sách thu hồi chứng thư số (3 người)");
    assert_eq!(list[0]["recipients"][0], "vanphong@sogd.example.vn");

    let server = SmtpServer::start(&dir.path().join("in"), &ServerOptions { port, ..Default::default() });
    // Not due yet (the first back-off is one minute): resend makes it due now.
    let report = json(&run(&db, &["mail", "retry", "--json"]));
    assert_eq!(report, serde_json::json!({"sent": 0, "requeued": 0, "failed": 0, "waiting_for_password": 0}));
    let id0 = list[0]["id"].as_i64().unwrap().to_string();
    assert_eq!(
        run(&db, &["mail", "resend", &id0]).status.code(),
        Some(2),
        "a queued message is not 'resent'"
    );
    assert_eq!(json(&run(&db, &["mail", "cancel", &id0, "--json"]))["state"], "cancelled");
    assert_eq!(json(&run(&db, &["mail", "resend", &id0, "--json"]))["state"], "queued");
    let report = json(&run(&db, &["mail", "retry", "--json"]));
    assert_eq!(report["sent"], 1);
    assert_eq!(server.wait_for(1).len(), 1);
    let list = json(&run(&db, &["mail", "outbox", "--json"]));
    assert_eq!(list[0]["state"], "sent");
    assert!(list[0]["message_id"].as_str().unwrap().ends_with("@thcs-leloi.edu.vn>"));

    // Sending again straight away works too.
    let out = json(&run(&db, &["mail", "send", "--batch", &id, "--docx", &docx, "--scan", &scan, "--json"]));
    assert_eq!(out["item"]["state"], "sent", "recipients default to the last ones");
    assert_eq!(server.wait_for(2).len(), 2);
}

#[test]
fn draft_and_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let unit = run(
        &db,
        &["unit", "set", "--name", "Trường THCS Lê Lợi", "--focal-email", "vanthu@thcs-leloi.edu.vn"],
    );
    assert!(unit.status.success(), "{}", String::from_utf8_lossy(&unit.stderr));
    let id = batch(&db);
    let (docx, scan) = files(dir.path());
    let eml = dir.path().join("thư nháp.eml");
    let eml_s = eml.display().to_string();
    let out = json(&run(
        &db,
        &[
            "mail",
            "draft",
            "--batch",
            &id,
            "--to",
            "a@sogd.example.vn",
            "--docx",
            &docx,
            "--scan",
            &scan,
            "--out",
            &eml_s,
            "--json",
        ],
    ));
    assert_eq!(out["path"], eml_s.as_str());
    assert_eq!(out["bytes"].as_u64(), Some(std::fs::metadata(&eml).unwrap().len()));
    assert!(std::fs::read(&eml).unwrap().starts_with(b"X-Unsent: 1\r\n"));

    // A list recorded without its path: the Word file must be chosen.
    let no_docx = run(&db, &["mail", "draft", "--batch", &id, "--to", "a@sogd.example.vn", "--out", &eml_s]);
    assert_eq!(no_docx.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_docx.stderr).contains("không ghi nơi lưu tệp Word"));
    let plain_abroad = run(
        &db,
        &["mail", "settings", "--host", "smtp.gmail.com", "--security", "plain", "--from", "a@b.vn"],
    );
    assert_eq!(plain_abroad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&plain_abroad.stderr).contains("mã hoá"));
}

#[test]
fn password_comes_from_stdin_or_the_environment_and_is_never_printed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let secret = "Mật-khẩu-CLI-42x";
    let server = SmtpServer::start(
        &dir.path().join("in"),
        &ServerOptions { login: Some(("vanthu".into(), secret.into())), ..Default::default() },
    );
    let port_s = server.port.to_string();
    settings(&db, &port_s, &["--user", "vanthu"]);
    // Linux here has no credential store (no session bus): the password cannot
    // be kept and the message says what to do instead. Windows always has
    // the Credential Manager: the password is kept, then forgotten so that
    // the rest runs the same.
    let mut child = chungthu(&db)
        .args(["mail", "password"])
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("XDG_RUNTIME_DIR", dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(format!("{secret}\n").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    if cfg!(windows) {
        assert!(out.status.success(), "{said}");
        assert!(run(&db, &["mail", "password", "--forget"]).status.success());
    } else {
        assert_eq!(out.status.code(), Some(2));
        assert!(said.contains("nhập mật khẩu mỗi lần gửi"), "{said}");
    }

    let id = batch(&db);
    let (docx, scan) = files(dir.path());
    let without = send(&db, &id, &docx, &scan);
    assert_eq!(without.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&without.stderr).contains("Chưa có mật khẩu"));
    let with = chungthu(&db)
        .args(["mail", "retry", "--json"])
        .env("CHUNGTHU_SMTP_PASSWORD", secret)
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("XDG_RUNTIME_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(json(&with)["sent"], 1);
    assert_eq!(server.wait_for(1).len(), 1);
    for out in [&out, &without, &with] {
        assert!(!String::from_utf8_lossy(&out.stdout).contains(secret));
        assert!(!String::from_utf8_lossy(&out.stderr).contains(secret));
    }
    let db_bytes = std::fs::read(&db).unwrap();
    assert!(!db_bytes.windows(secret.len()).any(|w| w == secret.as_bytes()));
}

#[test]
fn retry_leaves_alone_the_message_the_open_window_is_sending() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let port = free_port().to_string();
    settings(&db, &port, &[]);
    let id = batch(&db);
    let (docx, scan) = files(dir.path());
    let queued = json(&send(&db, &id, &docx, &scan));
    let message = queued["item"]["id"].as_i64().unwrap();
    // The window (this process) claims it now and is talking to the server...
    let mut window = chungthu_api::Api::open(&db).unwrap();
    assert!(matches!(
        window.claim_outbox(message, time::OffsetDateTime::now_utc()).unwrap(),
        chungthu_api::mail::Claim::Ready(_)
    ));
    // ...when `chungthu mail retry` runs on the same file.
    json(&run(&db, &["mail", "retry", "--json"]));
    let outbox = json(&run(&db, &["mail", "outbox", "--json"]));
    assert_eq!(outbox[0]["state"], "sending", "the window's live send is not made uncertain");
    assert_ne!(outbox[0]["last_error"], chungthu_api::mail::INTERRUPTED);
}
