//! Every kind of refusal, with its code and what the message tells the user.

use crate::{fixture, fixture_path};
use chungthu_certs::{CertError, MAX_FILE_BYTES, read_certificate, read_file};

fn error(name: &str) -> CertError {
    match read_certificate(&fixture(name)) {
        Ok(facts) => panic!("{name} must be refused, got {}", facts.subject_name),
        Err(e) => e,
    }
}

#[test]
fn empty_and_blank_files() {
    assert!(matches!(error("empty.cer"), CertError::Empty));
    assert!(matches!(read_certificate(b" \r\n\t"), Err(CertError::Empty)), "white space only is empty too");
    assert_eq!(CertError::Empty.code(), "cert_empty");
}

#[test]
fn truncated_certificate_is_damaged() {
    let e = error("truncated.cer");
    assert!(matches!(e, CertError::Damaged), "{e:?}");
    assert_eq!(e.code(), "cert_damaged");
    assert!(e.to_string().contains("xuất lại"), "tells the user to export again: {e}");
}

#[test]
fn random_bytes_are_not_a_certificate() {
    let e = error("random.cer");
    assert!(matches!(e, CertError::NotCertificate { looks_like: "dữ liệu không rõ loại" }), "{e:?}");
    assert_eq!(e.code(), "cert_not_certificate");
}

#[test]
fn renamed_word_document_is_named_as_such() {
    let e = error("renamed-docx.cer");
    let CertError::NotCertificate { looks_like } = e else { panic!("{e:?}") };
    assert!(looks_like.contains("Word"), "{looks_like}");
    assert!(e.to_string().contains(".cer"), "says which file to choose: {e}");
}

#[test]
fn certificate_request_is_not_a_certificate() {
    let e = error("request.csr");
    let CertError::NotCertificate { looks_like } = e else { panic!("{e:?}") };
    assert!(looks_like.contains("CSR"), "{looks_like}");
}

#[test]
fn private_key_containers_are_refused_with_a_warning() {
    for name in ["huong.pfx", "private-key.pem", "cert-and-key.pem"] {
        let e = error(name);
        assert!(matches!(e, CertError::PrivateKey), "{name}: {e:?}");
        assert_eq!(e.code(), "cert_private_key");
        let message = e.to_string();
        assert!(message.contains("KHÓA BÍ MẬT"), "{name}: names the danger: {message}");
        assert!(message.contains("không được gửi hay chia sẻ"), "{name}: says not to share: {message}");
        assert!(message.contains(".cer KHÔNG kèm khóa bí mật"), "{name}: asks for the right file: {message}");
    }
}

#[test]
fn bundle_with_only_ca_certificates() {
    let e = error("only-cas.p7b");
    assert!(matches!(e, CertError::NoEndEntity), "{e:?}");
    assert_eq!(e.code(), "cert_no_end_entity");
}

#[test]
fn bundle_with_two_holders() {
    let e = error("two-people.p7b");
    assert!(matches!(e, CertError::SeveralEndEntities { count: 2 }), "{e:?}");
    assert_eq!(e.code(), "cert_several_end_entities");
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let mut big = fixture("huong.cer");
    big.resize(MAX_FILE_BYTES + 1, 0);
    let e = read_certificate(&big).expect_err("too large");
    assert!(matches!(e, CertError::TooLarge { bytes } if bytes == MAX_FILE_BYTES as u64 + 1), "{e:?}");
    assert_eq!(e.code(), "cert_too_large");
}

#[test]
fn oversized_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lon.cer");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(MAX_FILE_BYTES as u64 * 4).expect("grow");
    assert!(matches!(read_file(&path), Err(CertError::TooLarge { .. })));
}

#[test]
fn missing_file_is_an_io_error_without_the_file_name() {
    // File names may hold a person's CCCD; the message must not repeat them.
    let e = read_file(fixture_path("CCCD 031185001234.cer")).expect_err("missing");
    assert!(matches!(e, CertError::Io(_)), "{e:?}");
    assert_eq!(e.code(), "cert_io");
    assert!(!e.to_string().contains("031185001234"), "{e}");
}
