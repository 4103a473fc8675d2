//! The outbox end to end through the api, against the test SMTP server on
//! 127.0.0.1 (`crates/mail/tests/support/smtp_server.rs`): a list goes out exactly
//! once, survives a restart and an unreachable server, stops on a refused
//! password, and a crash mid-send leaves it "uncertain", never resent.

#[path = "../../mail/tests/support/mod.rs"]
mod support;

use chungthu_api::mail::{
    INTERRUPTED, LONGEST_SEND, MailDraft, MailError, NamedFile, Password, Security, SmtpSettings, Template,
    retry_due, send_due, send_now,
};
use chungthu_api::model::batch::BatchStatus;
use chungthu_api::model::digest::sha256_hex as sha256;
use chungthu_api::model::outbox::OutboxState;
use chungthu_api::{Api, ApiError};
use chungthu_mail::Transport;
use mail_parser::{MessageParser, MimeHeaders};
use std::path::Path;
use std::sync::Mutex;
use support::{ServerOptions, SmtpServer, TestCa, docx_bytes, free_port, pdf_bytes};
use time::{Duration, OffsetDateTime};

const PASSWORD: &str = "Bí-mật-SMTP-7q2w";
const DOCX_NAME: &str = "Danh sách đề nghị cấp chứng thư số.docx";
const SCAN_NAME: &str = "Bản scan có chữ ký.pdf";

/// The credential store is process-wide: tests that touch it take turns.
static KEYRING: Mutex<()> = Mutex::new(());

fn open(db: &Path) -> Api {
    Api::open(db).unwrap()
}

fn settings(port: u16, security: Security, user: &str) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        security,
        user: user.into(),
        from_address: "vanthu@thcs-leloi.edu.vn".into(),
        from_name: "Trường THCS Lê Lợi".into(),
    }
}

/// An exported list as the export writes it (inserted directly: the
/// export's api is another feature).
fn insert_batch(db: &Path, docx: &[u8], superseded_by: Option<i64>) -> i64 {
    let conn = chungthu_store::rusqlite::Connection::open(db).unwrap();
    conn.execute(
        "INSERT INTO batch (kind, file_name, sha256, row_count, date_mode, superseded_by, created_at)
         VALUES ('issuance', ?1, ?2, 12, 'today', ?3, '2026-03-05T02:00:00Z')",
        chungthu_store::rusqlite::params![DOCX_NAME, sha256(docx), superseded_by],
    )
    .unwrap();
    conn.last_insert_rowid()
}

fn draft(batch_id: Option<i64>, api: &Api) -> MailDraft {
    let preview = api.mail_preview(batch_id).unwrap();
    MailDraft {
        batch_id,
        to: "vanphong@sogd.example.vn".into(),
        subject: preview.subject,
        body: preview.body,
        files: vec![
            NamedFile { file_name: DOCX_NAME.into(), content: docx_bytes() },
            NamedFile { file_name: SCAN_NAME.into(), content: pdf_bytes() },
        ],
    }
}

fn setup(db: &Path, smtp: &SmtpSettings) -> (Api, i64) {
    let mut api = open(db);
    let mut unit = api.unit().unwrap();
    unit.name = "Trường THCS Lê Lợi".into();
    api.save_unit(unit).unwrap();
    api.save_mail_settings(smtp, &Template::default()).unwrap();
    let batch = insert_batch(db, &docx_bytes(), None);
    (api, batch)
}

fn assert_list_received(raw: &[u8]) {
    let msg = MessageParser::default().parse(raw).unwrap();
    assert_eq!(
        msg.subject(),
        Some("Trường THCS Lê Lợi gửi danh sách đề nghị cấp chứng thư số (12 người)"),
        "the template filled with the unit and the list"
    );
    let atts: Vec<_> = msg.attachments().collect();
    assert_eq!(atts.len(), 2);
    assert_eq!(atts[0].attachment_name(), Some(DOCX_NAME));
    assert_eq!(atts[0].contents(), docx_bytes().as_slice(), "the Word list arrives byte-identical");
    assert_eq!(atts[1].attachment_name(), Some(SCAN_NAME));
    assert_eq!(atts[1].contents(), pdf_bytes().as_slice(), "the scan arrives byte-identical");
}

/// Every byte the database keeps on disk (main file and write-ahead log).
fn db_bytes(db: &Path) -> Vec<u8> {
    let mut all = std::fs::read(db).unwrap();
    if let Ok(wal) = std::fs::read(db.with_extension("db-wal")) {
        all.extend(wal);
    }
    all
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn a_list_goes_out_once_and_the_batch_becomes_sent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let server = SmtpServer::start(&dir.path().join("in"), &ServerOptions::default());
    let (mut api, batch) = setup(&db, &settings(server.port, Security::Plain, ""));

    let queued = api.queue_mail(&draft(Some(batch), &api)).unwrap();
    assert_eq!(queued.item.state, OutboxState::Queued);
    assert_eq!(queued.warning, None);
    assert_eq!(queued.item.files.len(), 2);
    assert_eq!(queued.item.files[0].sha256, sha256(&docx_bytes()));
    let item = send_now(&mut api, queued.item.id, None).unwrap();
    assert_eq!(item.state, OutboxState::Sent, "{:?}", item.last_error);
    assert!(item.sent_at.is_some());
    assert_eq!(item.message_id, queued.item.message_id, "the Message-ID fixed at queue time went out");
    let b = api.mail_batches().unwrap().into_iter().find(|b| b.id == batch).unwrap();
    assert_eq!(b.status, BatchStatus::Sent);
    assert!(b.sent_at.is_some());

    let got = server.wait_for(1);
    assert_eq!(got.len(), 1);
    assert_list_received(&got[0]);
    let msg = MessageParser::default().parse(&got[0]).unwrap();
    assert_eq!(msg.message_id().map(|m| format!("<{m}>")), item.message_id);

    assert_eq!(retry_due(&mut api, None).unwrap().sent, 0, "a sent message is not sent again");
    assert!(matches!(send_now(&mut api, item.id, None), Err(ApiError::Refused(_))));
    assert_eq!(server.messages().len(), 1);
    assert_eq!(api.mail_settings().unwrap().last_recipients, "vanphong@sogd.example.vn");
}

#[test]
fn only_the_exported_word_file_of_the_latest_export_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let (mut api, batch) = setup(&db, &settings(2525, Security::Plain, ""));
    let mut edited = draft(Some(batch), &api);
    edited.files[0].content.push(b'!');
    let err = api.queue_mail(&edited).unwrap_err();
    assert!(matches!(&err, ApiError::Refused(m) if m.contains("khác với tệp đã xuất")), "{err}");

    let newer = insert_batch(&db, b"PK\x03\x04 word/document.xml newer", None);
    let old = insert_batch(&db, &docx_bytes(), Some(newer));
    let err = api.queue_mail(&draft(Some(old), &api)).unwrap_err();
    assert!(matches!(&err, ApiError::Refused(m) if m.contains(&format!("bản số {newer}"))), "{err}");

    let mut wrong_type = draft(None, &api);
    wrong_type.files[1].file_name = "Bản scan.png".into();
    assert_eq!(api.queue_mail(&wrong_type).unwrap_err().code(), "mail_file_type");
    let mut nobody = draft(None, &api);
    nobody.to = " ; ".into();
    assert_eq!(api.queue_mail(&nobody).unwrap_err().code(), "mail_address");
    assert!(api.outbox().unwrap().is_empty(), "nothing was queued");
}

#[test]
fn server_down_then_up_sends_exactly_once_after_the_backoff() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let port = free_port();
    let (mut api, batch) = setup(&db, &settings(port, Security::Plain, ""));
    let t0 = OffsetDateTime::now_utc();
    let queued = api.queue_mail_at(&draft(Some(batch), &api), t0).unwrap();

    let report = send_due(&mut api, || t0, send_plain).unwrap();
    assert_eq!((report.sent, report.requeued), (0, 1));
    let item = api.outbox_item(queued.item.id).unwrap();
    assert_eq!(item.state, OutboxState::Queued);
    assert_eq!(item.attempts, 1);
    assert!(item.last_error.as_deref().unwrap().contains("Không kết nối được máy chủ thư"), "{item:?}");
    assert_eq!(
        item.next_attempt_at.as_deref(),
        Some(chungthu_api::mail::iso(t0 + Duration::minutes(1)).as_str())
    );

    // The app restarts while the server is still down: the message is kept whole.
    drop(api);
    let mut api = open(&db);
    assert_eq!(api.recover_interrupted_sends(OffsetDateTime::now_utc()).unwrap(), 0);
    assert_eq!(api.outbox_item(item.id).unwrap(), item, "the outbox survives a restart");

    let server = SmtpServer::start(&dir.path().join("in"), &ServerOptions { port, ..Default::default() });
    let early = send_due(&mut api, || t0 + Duration::seconds(30), send_plain).unwrap();
    assert_eq!(early.sent + early.requeued, 0, "not due before its back-off");
    let later = send_due(&mut api, || t0 + Duration::minutes(2), send_plain).unwrap();
    assert_eq!(later.sent, 1);
    let again = send_due(&mut api, || t0 + Duration::hours(3), send_plain).unwrap();
    assert_eq!(again.sent + again.requeued, 0);
    let item = api.outbox_item(item.id).unwrap();
    assert_eq!((item.state, item.attempts), (OutboxState::Sent, 2));
    let got = server.wait_for(1);
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert_eq!(server.messages().len(), 1, "sent exactly once");
    assert_list_received(&got[0]);
}

fn send_plain(c: &chungthu_api::mail::Claimed) -> Result<chungthu_api::mail::Sent, MailError> {
    chungthu_api::mail::deliver_smtp(c, None)
}

#[test]
fn the_requests_of_a_sent_list_become_sent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let server = SmtpServer::start(&dir.path().join("in"), &ServerOptions::default());
    let (mut api, batch) = setup(&db, &settings(server.port, Security::Plain, ""));
    let person = api
        .add_staff(&chungthu_api::model::StaffInput {
            full_name: "Nguyễn Thị Hương".into(),
            ..Default::default()
        })
        .unwrap()
        .staff
        .id;
    let conn = chungthu_store::rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "INSERT INTO request (staff_id, kind, status, batch_id, created_at, updated_at)
         VALUES (?1, 'issuance', 'exported', ?2, '2026-03-05T02:00:00Z', '2026-03-05T02:00:00Z')",
        [person, batch],
    )
    .unwrap();
    let request = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO batch_request (batch_id, request_id, position) VALUES (?1, ?2, 1)",
        [batch, request],
    )
    .unwrap();
    let id = api.queue_mail(&draft(Some(batch), &api)).unwrap().item.id;
    assert_eq!(send_now(&mut api, id, None).unwrap().state, OutboxState::Sent);
    let status: String =
        conn.query_row("SELECT status FROM request WHERE id = ?1", [request], |r| r.get(0)).unwrap();
    assert_eq!(status, "sent", "the request moved with its list");
    let events: i64 = conn
        .query_row(
            "SELECT count(*) FROM request_event WHERE request_id = ?1 AND to_status = 'sent'",
            [request],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(events, 1, "the move is dated in the request's history");
}

#[test]
fn the_word_file_is_read_from_where_the_export_wrote_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let server = SmtpServer::start(&dir.path().join("in"), &ServerOptions::default());
    let (mut api, batch) = setup(&db, &settings(server.port, Security::Plain, ""));
    let exported = dir.path().join(DOCX_NAME);
    std::fs::write(&exported, docx_bytes()).unwrap();
    let conn = chungthu_store::rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE batch SET path = ?1 WHERE id = ?2", (exported.display().to_string(), batch))
        .unwrap();
    let mut only_scan = draft(Some(batch), &api);
    only_scan.files.remove(0);
    let id = api.queue_mail(&only_scan).unwrap().item.id;
    send_now(&mut api, id, None).unwrap();
    assert_list_received(&server.wait_for(1)[0]);

    std::fs::write(&exported, b"PK\x03\x04 word/document.xml edited after export").unwrap();
    let err = api.queue_mail(&only_scan).unwrap_err();
    assert!(matches!(&err, ApiError::Refused(m) if m.contains("đã khác với lúc xuất")), "{err}");
    std::fs::remove_file(&exported).unwrap();
    let err = api.queue_mail(&only_scan).unwrap_err();
    assert!(matches!(&err, ApiError::Refused(m) if m.contains("Không đọc được tệp Word")), "{err}");
}

#[test]
fn backoff_grows_then_stays_hourly() {
    let minutes: Vec<u64> = (1..=8).map(|n| chungthu_api::mail::backoff(n).as_secs() / 60).collect();
    assert_eq!(minutes, [1, 2, 5, 10, 30, 60, 60, 60]);
}

#[test]
fn a_refused_password_fails_for_good_and_never_leaks() {
    let _turn = KEYRING.lock().unwrap_or_else(|p| p.into_inner());
    keyring_core::set_default_store(keyring_core::mock::Store::new().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let ca = TestCa::new(dir.path());
    let server = SmtpServer::start(
        &dir.path().join("in"),
        &ServerOptions {
            tls: Some((ca.cert.clone(), ca.key.clone())),
            login: Some(("vanthu@thcs-leloi.edu.vn".into(), PASSWORD.into())),
            ..Default::default()
        },
    );
    let smtp = settings(server.port, Security::Starttls, "vanthu@thcs-leloi.edu.vn");
    let (mut api, batch) = setup(&db, &smtp);
    let wrong = "Sai-mật-khẩu-55";
    api.save_mail_password(wrong).unwrap();
    assert!(api.mail_settings().unwrap().password_saved);
    let queued = api.queue_mail(&draft(Some(batch), &api)).unwrap();

    let ca_pem = ca.ca_pem.clone();
    let stored = api.stored_mail_password().unwrap();
    let mut tries = 0;
    let mut deliver = |c: &chungthu_api::mail::Claimed| {
        tries += 1;
        chungthu_mail::send(&Transport::new(&c.smtp)?.trusting_only(&ca_pem), stored.as_ref(), &c.outgoing)
    };
    let report = send_due(&mut api, OffsetDateTime::now_utc, &mut deliver).unwrap();
    assert_eq!(report.failed, 1);
    let item = api.outbox_item(queued.item.id).unwrap();
    assert_eq!(item.state, OutboxState::Failed);
    let error = item.last_error.clone().unwrap();
    assert!(error.contains("từ chối tên đăng nhập hoặc mật khẩu"), "{error}");
    let later = OffsetDateTime::now_utc() + Duration::days(1);
    send_due(&mut api, || later, &mut deliver).unwrap();
    assert_eq!(tries, 1, "a permanent error is not retried");
    assert_eq!(api.outbox_item(item.id).unwrap().attempts, 1);

    // The user fixes the password and decides to send again.
    api.save_mail_password(PASSWORD).unwrap();
    let good = api.stored_mail_password().unwrap();
    api.resend_outbox(item.id).unwrap();
    let report = send_due(&mut api, OffsetDateTime::now_utc, |c| {
        chungthu_mail::send(&Transport::new(&c.smtp)?.trusting_only(&ca_pem), good.as_ref(), &c.outgoing)
    })
    .unwrap();
    assert_eq!(report.sent, 1);
    assert_list_received(&server.wait_for(1)[0]);

    let everything_said = format!(
        "{:?} {:?} {:?}",
        api.outbox().unwrap(),
        api.audit_recent(100).unwrap(),
        api.mail_settings().unwrap()
    );
    for secret in [wrong, PASSWORD] {
        assert!(!everything_said.contains(secret), "password in the outbox, audit or settings");
        assert!(!contains(&db_bytes(&db), secret), "password in the database file");
    }
    keyring_core::unset_default_store();
}

#[test]
fn stored_password_is_used_by_the_periodic_retry() {
    let _turn = KEYRING.lock().unwrap_or_else(|p| p.into_inner());
    keyring_core::set_default_store(keyring_core::mock::Store::new().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    // Plain text with a login is allowed on loopback only (settings refuse it elsewhere).
    let server = SmtpServer::start(
        &dir.path().join("in"),
        &ServerOptions { login: Some(("vanthu".into(), PASSWORD.into())), ..Default::default() },
    );
    let (mut api, batch) = setup(&db, &settings(server.port, Security::Plain, "vanthu"));
    api.queue_mail(&draft(Some(batch), &api)).unwrap();
    api.forget_mail_password().unwrap();
    assert_eq!(
        retry_due(&mut api, None).unwrap().waiting_for_password,
        1,
        "without a password nothing is attempted"
    );
    assert_eq!(api.outbox().unwrap()[0].attempts, 0);
    api.save_mail_password(&format!("{PASSWORD}\n")).unwrap();
    assert_eq!(retry_due(&mut api, None).unwrap().sent, 1, "the trailing newline of stdin is not part of it");
    assert_eq!(server.wait_for(1).len(), 1);
    keyring_core::unset_default_store();

    let err = api.save_mail_password(PASSWORD).unwrap_err();
    assert_eq!(err.code(), "no_credential_store");
    assert!(!err.to_string().contains(PASSWORD));
    assert!(!contains(&db_bytes(&db), PASSWORD));
}

#[test]
fn a_crash_mid_send_leaves_the_message_uncertain_and_never_resent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let server = SmtpServer::start(&dir.path().join("in"), &ServerOptions::default());
    let (mut api, batch) = setup(&db, &settings(server.port, Security::Plain, ""));
    let queued = api.queue_mail(&draft(Some(batch), &api)).unwrap();
    // 'sending' is committed, then the program dies before recording anything.
    let t0 = OffsetDateTime::now_utc();
    api.claim_outbox(queued.item.id, t0).unwrap();
    drop(api);

    let mut api = open(&db);
    assert_eq!(api.outbox_item(queued.item.id).unwrap().state, OutboxState::Sending, "committed before SMTP");
    assert_eq!(api.recover_interrupted_sends(t0 + LONGEST_SEND + Duration::seconds(1)).unwrap(), 1);
    let item = api.outbox_item(queued.item.id).unwrap();
    assert_eq!(item.state, OutboxState::Uncertain);
    assert_eq!(item.last_error.as_deref(), Some(INTERRUPTED));
    let report = send_due(
        &mut api,
        || OffsetDateTime::now_utc() + Duration::days(2),
        |_| panic!("never resent by itself"),
    )
    .unwrap();
    assert_eq!(report, Default::default());
    assert!(server.messages().is_empty());

    // The user found it in the Sent folder.
    let item = api.confirm_outbox_sent(item.id).unwrap();
    assert_eq!(item.state, OutboxState::Sent);
    assert_eq!(api.mail_batches().unwrap()[0].status, BatchStatus::Sent);
    assert!(matches!(api.cancel_outbox(item.id), Err(ApiError::Refused(_))));
}

#[test]
fn a_send_under_way_in_another_process_is_not_made_uncertain() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let (mut window, batch) = setup(&db, &settings(2525, Security::Plain, ""));
    let id = window.queue_mail(&draft(Some(batch), &window)).unwrap().item.id;
    let t0 = OffsetDateTime::now_utc();
    // The window has claimed the message and is talking to the server...
    window.claim_outbox(id, t0).unwrap();
    // ...when `chungthu mail retry` starts on the same file.
    let mut cli = open(&db);
    assert_eq!(cli.recover_interrupted_sends(t0 + Duration::minutes(5)).unwrap(), 0);
    assert_eq!(cli.outbox_item(id).unwrap().state, OutboxState::Sending, "the live send is left alone");
    // An attempt older than any send can take was interrupted.
    assert_eq!(cli.recover_interrupted_sends(t0 + LONGEST_SEND + Duration::seconds(1)).unwrap(), 1);
    assert_eq!(cli.outbox_item(id).unwrap().state, OutboxState::Uncertain);
}

#[test]
fn a_damaged_attachment_fails_its_message_and_the_next_one_still_goes_out() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let server = SmtpServer::start(&dir.path().join("in"), &ServerOptions::default());
    let (mut api, batch) = setup(&db, &settings(server.port, Security::Plain, ""));
    let t0 = OffsetDateTime::now_utc();
    let damaged = api.queue_mail_at(&draft(Some(batch), &api), t0).unwrap().item.id;
    let fine = api.queue_mail_at(&draft(Some(batch), &api), t0).unwrap().item.id;
    let conn = chungthu_store::rusqlite::Connection::open(&db).unwrap();
    // A bit flipped on the disk under the stored scan.
    let mut scan: Vec<u8> = conn
        .query_row(
            "SELECT content FROM outbox_attachment WHERE outbox_id = ?1 AND file_name = ?2",
            (damaged, SCAN_NAME),
            |r| r.get(0),
        )
        .unwrap();
    let last = scan.len() - 1;
    scan[last] ^= 1;
    conn.execute(
        "UPDATE outbox_attachment SET content = ?1 WHERE outbox_id = ?2 AND file_name = ?3",
        (scan, damaged, SCAN_NAME),
    )
    .unwrap();

    let report = send_due(&mut api, || t0, send_plain).unwrap();
    assert_eq!((report.sent, report.failed, report.requeued), (1, 1, 0));
    let item = api.outbox_item(damaged).unwrap();
    assert_eq!((item.state, item.attempts), (OutboxState::Failed, 0), "never handed to the server");
    let error = item.last_error.unwrap();
    assert!(error.contains(SCAN_NAME) && error.contains("không còn nguyên vẹn"), "{error}");
    assert_eq!(api.outbox_item(fine).unwrap().state, OutboxState::Sent);
    assert_eq!(server.wait_for(1).len(), 1);
    // The failed one waits for the user; the next pass has nothing to do.
    assert_eq!(send_due(&mut api, || t0 + Duration::hours(1), send_plain).unwrap(), Default::default());
}

#[test]
fn uncertain_can_be_resent_or_cancelled_by_the_user() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let server = SmtpServer::start(&dir.path().join("in"), &ServerOptions::default());
    let (mut api, batch) = setup(&db, &settings(server.port, Security::Plain, ""));
    let a = api.queue_mail(&draft(Some(batch), &api)).unwrap().item.id;
    let b = api.queue_mail(&draft(Some(batch), &api)).unwrap().item.id;
    let t0 = OffsetDateTime::now_utc();
    api.claim_outbox(a, t0).unwrap();
    api.claim_outbox(b, t0).unwrap();
    assert_eq!(api.recover_interrupted_sends(t0 + Duration::hours(2)).unwrap(), 2);
    assert_eq!(api.cancel_outbox(b).unwrap().state, OutboxState::Cancelled);
    assert_eq!(api.resend_outbox(a).unwrap().state, OutboxState::Queued);
    assert_eq!(send_now(&mut api, a, None).unwrap().state, OutboxState::Sent);
    assert_eq!(server.wait_for(1).len(), 1);
    assert_eq!(api.outbox_item(b).unwrap().state, OutboxState::Cancelled);
}

#[test]
fn settings_refuse_plain_text_abroad_and_unknown_placeholders() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir.path().join("t.db"));
    let mut smtp = settings(25, Security::Plain, "");
    smtp.host = "mail.example.vn".into();
    assert_eq!(api.save_mail_settings(&smtp, &Template::default()).unwrap_err().code(), "mail_settings");
    let bad = Template { subject: "{ten_truong}".into(), body: String::new() };
    let err = api.save_mail_settings(&settings(587, Security::Starttls, ""), &bad).unwrap_err();
    assert!(err.to_string().contains("{ten_truong}"), "{err}");
    let err = api.queue_mail(&MailDraft {
        batch_id: None,
        to: "a@b.vn".into(),
        subject: "x".into(),
        body: String::new(),
        files: vec![],
    });
    assert!(matches!(err, Err(ApiError::Refused(m)) if m.contains("Chưa cài đặt máy chủ gửi thư")));
    let saved = api.save_mail_settings(&settings(587, Security::Starttls, ""), &Template::default()).unwrap();
    assert_eq!(saved.smtp.port, 587);
    assert!(saved.presets.iter().any(|p| p.host == "smtp.gmail.com"));
}

#[test]
fn draft_needs_no_server_and_carries_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut api = open(&db);
    let mut unit = api.unit().unwrap();
    unit.name = "Trường THCS Lê Lợi".into();
    unit.focal_email = "vanthu@thcs-leloi.edu.vn".into();
    api.save_unit(unit).unwrap();
    let batch = insert_batch(&db, &docx_bytes(), None);
    let out = dir.path().join("Thư gửi Sở.eml");
    let saved = api.write_mail_draft(&draft(Some(batch), &api), &out).unwrap();
    assert_eq!(saved.bytes, std::fs::metadata(&out).unwrap().len());
    let raw = std::fs::read(&out).unwrap();
    let msg = MessageParser::default().parse(&raw).unwrap();
    assert_eq!(msg.header_raw("X-Unsent").map(str::trim), Some("1"));
    assert_eq!(
        msg.from().and_then(|f| f.first()).and_then(|a| a.address()),
        Some("vanthu@thcs-leloi.edu.vn")
    );
    assert_list_received(&raw);
    assert!(api.outbox().unwrap().is_empty(), "a draft is not queued");
    assert_eq!(
        api.mail_batches().unwrap()[0].status,
        BatchStatus::Exported,
        "a draft does not make the list sent"
    );
}

#[test]
fn the_send_password_can_be_given_per_send() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let server = SmtpServer::start(
        &dir.path().join("in"),
        &ServerOptions { login: Some(("vanthu".into(), PASSWORD.into())), ..Default::default() },
    );
    let (mut api, batch) = setup(&db, &settings(server.port, Security::Plain, "vanthu"));
    let id = api.queue_mail(&draft(Some(batch), &api)).unwrap().item.id;
    let _turn = KEYRING.lock().unwrap_or_else(|p| p.into_inner());
    keyring_core::unset_default_store();
    let err = send_now(&mut api, id, None).unwrap_err();
    assert_eq!(err.code(), "no_password");
    assert_eq!(api.outbox_item(id).unwrap().attempts, 0, "nothing attempted without a password");
    let item = send_now(&mut api, id, Password::new(PASSWORD)).unwrap();
    assert_eq!(item.state, OutboxState::Sent);
}
