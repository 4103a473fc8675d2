//! Every field of every readable fixture, exactly.

use crate::{fixture, fixture_path, thumbprints};
use chungthu_certs::{CertFacts, Identity, IdentityKind, read_certificate, read_file};
use chungthu_model::VnDate;

fn date(y: i32, m: u8, d: u8) -> VnDate {
    VnDate::from_ymd(y, m, d).expect("valid test date")
}

fn read(name: &str) -> CertFacts {
    read_certificate(&fixture(name)).unwrap_or_else(|e| panic!("{name} should be readable: {e}"))
}

const VGCA_CN: &str = "CA phục vụ các cơ quan Nhà nước G2";
const VGCA_O: &str = "Ban Cơ yếu Chính phủ";

fn huong() -> CertFacts {
    let (sha1_hex, sha256_hex) = thumbprints("huong");
    CertFacts {
        subject_name: "Nguyễn Thị Hương".into(),
        subject_org: Some("Trường THPT Ngô Quyền".into()),
        // DER stores 00 8A 3C…: the padding byte is not part of the serial.
        serial_hex: "8A3C5E7F00112233445566778899AABB".into(),
        // 2025-03-10 02:00 UTC is 09:00 the same day in Vietnam.
        not_before: date(2025, 3, 10),
        // 2028-03-09 16:59:59 UTC is 23:59:59 the same day in Vietnam.
        not_after: date(2028, 3, 9),
        issuer_name: VGCA_CN.into(),
        issuer_org: Some(VGCA_O.into()),
        email: Some("huong.nt@haiphong.edu.vn".into()),
        identity: Some(Identity { kind: IdentityKind::Cccd, number: "031185001234".into() }),
        sha1_hex,
        sha256_hex,
        is_ca: false,
    }
}

fn duc() -> CertFacts {
    let (sha1_hex, sha256_hex) = thumbprints("duc");
    CertFacts {
        // Stored as a BMPString, upper case kept as written.
        subject_name: "ĐẶNG VĂN ĐỨC".into(),
        subject_org: None,
        serial_hex: "5404FFFEB7033FB316D672C0F3D2A6F6".into(),
        not_before: date(2021, 5, 20),
        // 2024-05-20 17:00 UTC is midnight of the 21st in Vietnam.
        not_after: date(2024, 5, 21),
        issuer_name: "VNPT Certification Authority".into(),
        issuer_org: Some("VNPT Group".into()),
        // Only in the subject alternative name.
        email: Some("duc.dv@haiphong.edu.vn".into()),
        // Written " cccd : 031 090 004567 " in the UID.
        identity: Some(Identity { kind: IdentityKind::Cccd, number: "031090004567".into() }),
        sha1_hex,
        sha256_hex,
        is_ca: false,
    }
}

#[test]
fn der_cer_specialised_certificate() {
    assert_eq!(read("huong.cer"), huong());
}

#[test]
fn pem_crt_bmp_upper_case_name_expired() {
    assert_eq!(read("duc.crt"), duc());
}

#[test]
fn nfd_name_becomes_nfc_and_cmnd_read_from_serial_number() {
    let (sha1_hex, sha256_hex) = thumbprints("lan");
    let facts = read("lan.cer");
    assert_eq!(
        facts,
        CertFacts {
            subject_name: "Phạm Thị Lan".into(),
            subject_org: None,
            serial_hex: "0F".into(),
            not_before: date(2024, 8, 1),
            not_after: date(2027, 8, 1),
            issuer_name: VGCA_CN.into(),
            issuer_org: Some(VGCA_O.into()),
            email: None,
            identity: Some(Identity { kind: IdentityKind::Cmnd, number: "031456789".into() }),
            sha1_hex,
            sha256_hex,
            is_ca: false,
        }
    );
    assert!(
        facts.subject_name.chars().all(|c| !('\u{0300}'..='\u{036F}').contains(&c)),
        "no combining marks"
    );
}

#[test]
fn organisation_certificate_with_tax_code() {
    let (sha1_hex, sha256_hex) = thumbprints("school");
    assert_eq!(
        read("school.cer"),
        CertFacts {
            subject_name: "Trường THPT Ngô Quyền".into(),
            subject_org: Some("Trường THPT Ngô Quyền".into()),
            serial_hex: "0123456789ABCDEF".into(),
            not_before: date(2025, 1, 2),
            not_after: date(2028, 1, 2),
            issuer_name: "VNPT Certification Authority".into(),
            issuer_org: Some("VNPT Group".into()),
            email: None,
            identity: Some(Identity { kind: IdentityKind::Mst, number: "0201234567".into() }),
            sha1_hex,
            sha256_hex,
            is_ca: false,
        }
    );
}

#[test]
fn a_lone_ca_certificate_is_read_and_flagged() {
    let facts = read("vgca-root.cer");
    assert!(facts.is_ca, "basicConstraints CA=true");
    assert_eq!(facts.subject_name, VGCA_CN);
    assert_eq!(facts.issuer_name, VGCA_CN, "self-signed");
    assert_eq!(facts.serial_hex, "1001");
    assert_eq!(facts.identity, None);
    assert_eq!(facts.sha1_hex, thumbprints("vgca-root").0);
}

#[test]
fn der_p7b_gives_the_end_entity_even_after_its_ca() {
    // The bundle lists the CA first; the holder's certificate must win.
    assert_eq!(read("huong-bundle.p7b"), huong());
}

#[test]
fn pem_p7b_gives_the_end_entity() {
    assert_eq!(read("duc-bundle-pem.p7b"), duc());
}

#[test]
fn read_file_reads_from_disk() {
    assert_eq!(read_file(fixture_path("huong.cer")).expect("readable"), huong());
}

#[test]
fn serialises_dates_as_iso_and_round_trips() {
    let facts = huong();
    let json = serde_json::to_value(&facts).expect("serialises");
    assert_eq!(json["not_before"], "2025-03-10");
    assert_eq!(json["not_after"], "2028-03-09");
    assert_eq!(json["identity"], serde_json::json!({"kind": "cccd", "number": "031185001234"}));
    let back: CertFacts = serde_json::from_value(json).expect("deserialises");
    assert_eq!(back, facts);
}

#[test]
fn pem_with_byte_order_mark_and_windows_line_ends() {
    // As Notepad saves it after the user opened and saved the file.
    let text = String::from_utf8(fixture("duc.crt")).expect("PEM is text").replace('\n', "\r\n");
    let bytes = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert_eq!(read_certificate(&bytes).expect("readable"), duc());
}

#[test]
fn pem_chain_with_the_holder_twice() {
    let bytes = [fixture("duc.crt"), fixture("duc-bundle-pem.p7b"), fixture("duc.crt")].concat();
    assert_eq!(read_certificate(&bytes).expect("one holder, listed twice"), duc());
}
