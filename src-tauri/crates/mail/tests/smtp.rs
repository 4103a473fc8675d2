//! Sending to a real SMTP server on 127.0.0.1 (tests/support/smtp_server.rs): plain
//! on loopback, STARTTLS and implicit TLS with a login and a throwaway CA;
//! what the receiver decodes; how each failure is classified.

mod support;

use chungthu_mail::compose::new_message_id;
use chungthu_mail::{Attachment, MailError, Outgoing, Password, Security, SmtpSettings, Transport, send};
use mail_parser::{MessageParser, MimeHeaders};
use support::{ServerOptions, SmtpServer, TestCa, docx_bytes, free_port, pdf_bytes};

const PASSWORD: &str = "Mật-khẩu-ứng-dụng-9f3k";
const SUBJECT: &str = "Trường THCS Lê Lợi gửi danh sách đề nghị cấp chứng thư số (12 người)";
const DOCX_NAME: &str = "Danh sách đề nghị cấp chứng thư số – đợt 1.docx";
const PDF_NAME: &str = "Bản scan có chữ ký, đóng dấu.pdf";

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

fn outgoing() -> Outgoing {
    Outgoing {
        from_name: "Trường THCS Lê Lợi".into(),
        from_address: "vanthu@thcs-leloi.edu.vn".into(),
        to: vec!["vanphong@sogd.example.vn".into(), "ubnd@phuong.example.vn".into()],
        subject: SUBJECT.into(),
        body:
            "Kính gửi Quý cơ quan,\n\nTrường xin gửi danh sách gồm 12 người.\n.\nDòng bắt đầu bằng dấu chấm."
                .into(),
        attachments: vec![
            Attachment::new(DOCX_NAME, docx_bytes()).unwrap(),
            Attachment::new(PDF_NAME, pdf_bytes()).unwrap(),
        ],
        message_id: new_message_id("vanthu@thcs-leloi.edu.vn"),
    }
}

/// What the receiving side decodes must be exactly what was sent.
fn assert_received(raw: &[u8], sent: &Outgoing) {
    let msg = MessageParser::default().parse(raw).expect("a parsable message");
    assert_eq!(msg.subject(), Some(SUBJECT), "the Vietnamese subject decodes intact");
    let from = msg.from().and_then(|f| f.first()).unwrap();
    assert_eq!(from.name(), Some("Trường THCS Lê Lợi"));
    assert_eq!(from.address(), Some("vanthu@thcs-leloi.edu.vn"));
    assert_eq!(msg.to().map(|t| t.iter().count()), Some(2));
    assert_eq!(msg.message_id(), Some(sent.message_id.trim_matches(['<', '>'])));
    assert!(msg.body_text(0).unwrap().contains("Dòng bắt đầu bằng dấu chấm"), "a lone dot line survives");
    let atts: Vec<_> = msg.attachments().collect();
    assert_eq!(atts.len(), 2);
    for (got, want) in atts.iter().zip(&sent.attachments) {
        assert_eq!(
            got.attachment_name(),
            Some(want.file_name.as_str()),
            "Vietnamese file name decodes intact"
        );
        assert_eq!(got.contents(), want.content.as_slice(), "{} arrives byte-identical", want.file_name);
        let ct = got.content_type().unwrap();
        assert_eq!(format!("{}/{}", ct.ctype(), ct.subtype().unwrap()), want.mime());
    }
}

#[test]
fn plain_on_loopback_delivers_intact() {
    let dir = tempfile::tempdir().unwrap();
    let server = SmtpServer::start(&dir.path().join("in"), &ServerOptions::default());
    let t = Transport::new(&settings(server.port, Security::Plain, "")).unwrap();
    let o = outgoing();
    let sent = send(&t, None, &o).unwrap();
    assert_eq!(sent.message_id, o.message_id);
    assert!(sent.server_reply.contains("queued"), "{}", sent.server_reply);
    let got = server.wait_for(1);
    assert_eq!(got.len(), 1);
    assert_received(&got[0], &o);
}

#[test]
fn starttls_with_login_delivers_and_wrong_password_is_permanent() {
    let dir = tempfile::tempdir().unwrap();
    let ca = TestCa::new(dir.path());
    let server = SmtpServer::start(
        &dir.path().join("in"),
        &ServerOptions {
            tls: Some((ca.cert.clone(), ca.key.clone())),
            login: Some(("vanthu@thcs-leloi.edu.vn".into(), PASSWORD.into())),
            ..Default::default()
        },
    );
    let t = Transport::new(&settings(server.port, Security::Starttls, "vanthu@thcs-leloi.edu.vn"))
        .unwrap()
        .trusting_only(&ca.ca_pem);
    let o = outgoing();
    send(&t, Some(&Password::new(PASSWORD).unwrap()), &o).unwrap();
    assert_received(&server.wait_for(1)[0], &o);

    let wrong = Password::new("sai-mật-khẩu-123").unwrap();
    let err = send(&t, Some(&wrong), &o).unwrap_err();
    assert!(matches!(&err, MailError::AuthRejected { code } if code == "535"), "{err:?}");
    assert!(err.is_permanent(), "a refused password must not be retried");
    for text in [err.to_string(), format!("{err:?}")] {
        assert!(!text.contains("sai-mật-khẩu-123") && !text.contains(PASSWORD), "password leaked: {text}");
    }
    assert!(err.to_string().contains("mật khẩu ứng dụng"), "the message says what to do: {err}");
    assert!(matches!(send(&t, None, &o), Err(MailError::NoPassword)));
    assert_eq!(server.messages().len(), 1, "nothing more was accepted");
}

#[test]
fn implicit_tls_delivers() {
    let dir = tempfile::tempdir().unwrap();
    let ca = TestCa::new(dir.path());
    let server = SmtpServer::start(
        &dir.path().join("in"),
        &ServerOptions {
            tls: Some((ca.cert.clone(), ca.key.clone())),
            implicit_tls: true,
            ..Default::default()
        },
    );
    let t = Transport::new(&settings(server.port, Security::Tls, "")).unwrap().trusting_only(&ca.ca_pem);
    let o = outgoing();
    send(&t, None, &o).unwrap();
    assert_received(&server.wait_for(1)[0], &o);
}

#[test]
fn untrusted_certificate_is_a_tls_error() {
    let dir = tempfile::tempdir().unwrap();
    let ca = TestCa::new(dir.path());
    let other_dir = dir.path().join("other");
    std::fs::create_dir_all(&other_dir).unwrap();
    let other = TestCa::new(&other_dir);
    let server = SmtpServer::start(
        &dir.path().join("in"),
        &ServerOptions { tls: Some((ca.cert.clone(), ca.key.clone())), ..Default::default() },
    );
    let t =
        Transport::new(&settings(server.port, Security::Starttls, "")).unwrap().trusting_only(&other.ca_pem);
    let err = send(&t, None, &outgoing()).unwrap_err();
    assert!(matches!(err, MailError::Tls { .. }), "{err:?}");
    assert!(!err.is_permanent());
    assert!(server.messages().is_empty());
}

#[test]
fn starttls_required_even_when_the_server_does_not_offer_it() {
    let dir = tempfile::tempdir().unwrap();
    let server = SmtpServer::start(&dir.path().join("in"), &ServerOptions::default());
    // Trusting a test CA rather than the system's store: Wine 8 cannot set up
    // Windows' certificate chain engine the way the platform verifier asks
    // (E_INVALIDARG), and no certificate is looked at here anyway.
    let ca = TestCa::new(dir.path());
    let t = Transport::new(&settings(server.port, Security::Starttls, "")).unwrap().trusting_only(&ca.ca_pem);
    let err = send(&t, None, &outgoing()).unwrap_err();
    assert!(matches!(err, MailError::Incompatible { .. }), "{err:?}");
    assert!(err.is_permanent(), "retrying cannot make the server offer STARTTLS");
    assert!(server.messages().is_empty(), "nothing went out unencrypted");
}

#[test]
fn server_down_is_transient() {
    let port = free_port();
    let t = Transport::new(&settings(port, Security::Plain, "")).unwrap();
    let err = send(&t, None, &outgoing()).unwrap_err();
    assert!(matches!(&err, MailError::Unreachable { port: p, .. } if *p == port), "{err:?}");
    assert!(!err.is_permanent());
    assert_eq!(err.code(), "mail_offline");
}

#[test]
fn refused_recipient_is_permanent_and_deferred_is_transient() {
    let dir = tempfile::tempdir().unwrap();
    let server = SmtpServer::start(
        &dir.path().join("in"),
        &ServerOptions {
            refuse: vec!["ubnd@phuong.example.vn".into()],
            defer: vec!["bận@example.vn".into(), "busy@example.vn".into()],
            ..Default::default()
        },
    );
    let t = Transport::new(&settings(server.port, Security::Plain, "")).unwrap();
    let err = send(&t, None, &outgoing()).unwrap_err();
    assert!(matches!(&err, MailError::Rejected { code, .. } if code == "550"), "{err:?}");
    assert!(err.is_permanent());
    assert!(err.to_string().contains("User unknown"), "the server's words are kept: {err}");
    let mut o = outgoing();
    o.to = vec!["busy@example.vn".into()];
    let err = send(&t, None, &o).unwrap_err();
    assert!(matches!(&err, MailError::Deferred { code, .. } if code == "451"), "{err:?}");
    assert!(!err.is_permanent());
    assert!(server.messages().is_empty());
}

#[test]
fn draft_parses_with_both_attachments_and_vietnamese_headers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Thư nháp gửi Sở.eml");
    let o = outgoing();
    chungthu_mail::write_draft(&path, &o.draft().unwrap()).unwrap();
    let raw = std::fs::read(&path).unwrap();
    let msg = MessageParser::default().parse(&raw).unwrap();
    assert_eq!(msg.header_raw("X-Unsent").map(str::trim), Some("1"), "opens as unsent in Outlook");
    assert_received(&raw, &o);
}
