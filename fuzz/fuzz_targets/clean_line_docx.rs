//! The text cleaning that feeds the Word forms, then a form built from it.
//!
//! The input is split on 0xFF bytes into a name, a position, a unit and a
//! managing body (decoded lossily, as pasted text would be). Checked:
//! - `clean_line` gives one clean line: no control or line-breaking
//!   character, no XML-forbidden character, single inner spaces, trimmed,
//!   NFC, and cleaning again changes nothing;
//! - an issuance form with that one row builds (or refuses with an error)
//!   and, when built, its `word/document.xml` is well-formed XML.
#![no_main]

use chungthu_forms::{DateLine, Form, IssuanceRow, Signer, UnitInfo, build_docx};
use chungthu_model::text::clean_line;
use chungthu_model::{IdNumber, Phone, VnDate};
use libfuzzer_sys::fuzz_target;
use std::io::Read;

fn xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn check_clean(raw: &str) -> String {
    let s = clean_line(raw);
    assert!(!s.starts_with(' ') && !s.ends_with(' ') && !s.contains("  "), "spaces: {s:?}");
    for c in s.chars() {
        assert!(c == ' ' || !c.is_whitespace(), "white space other than a space: {c:?}");
        assert!(!c.is_control(), "control character: {c:?}");
        assert!(xml_char(c) && !matches!(c, '\u{9}' | '\u{A}' | '\u{D}'), "not for one XML line: {c:?}");
    }
    assert!(unicode_normalization::is_nfc(&s), "not NFC: {s:?}");
    assert_eq!(clean_line(&s), s, "cleaning is idempotent");
    s
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|b| *b == 0xFF).map(|p| String::from_utf8_lossy(p).into_owned());
    let mut next = || check_clean(&parts.next().unwrap_or_default());
    let (name, position, unit_name, managing_body) = (next(), next(), next(), next());

    let date = VnDate::from_ymd(2026, 11, 23).expect("a real date");
    let unit = UnitInfo {
        managing_body: if managing_body.is_empty() {
            "UBND PHƯỜNG LÊ CHÂN".into()
        } else {
            managing_body
        },
        unit_name: if unit_name.is_empty() { "Trường THCS Lê Lợi".into() } else { unit_name.clone() },
        place: "Hải Phòng".into(),
        signer: Signer::Principal,
        signer_name: name.clone(),
        recipients: vec![position.clone()],
    };
    let row = IssuanceRow {
        full_name: name,
        birth_date: VnDate::from_ymd(1985, 3, 5).expect("a real date"),
        position,
        unit: unit_name,
        id_number: IdNumber::parse("031185012345").expect("a valid CCCD"),
        id_issued_on: VnDate::from_ymd(2021, 5, 10),
        phone: Phone::parse("0912345678").ok(),
    };
    let Ok(bytes) = build_docx(&Form::Issuance(vec![row]), &unit, DateLine::Today(date)) else {
        return;
    };
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("document.xml").read_to_string(&mut xml).expect("UTF-8");
    if let Err(e) = roxmltree::Document::parse(&xml) {
        panic!("document.xml is not well-formed: {e}");
    }
});
