//! What the api tests on registers with people and certificates share: a
//! temporary database on a pinned "today", people with everything the forms
//! need, certificates typed in by hand. Each test binary uses what it needs.
#![allow(dead_code)]

use chungthu_api::Api;
use chungthu_api::certs::{CertInput, Holder};
use chungthu_api::model::provider::CertKind;
use chungthu_api::model::{StaffInput, VnDate};

/// The pinned "today" of these tests.
pub fn june_2026() -> VnDate {
    VnDate::from_ymd(2026, 6, 1).unwrap()
}

/// A fresh database in `dir`, on [`june_2026`].
pub fn open(dir: &tempfile::TempDir) -> Api {
    Api::open(&dir.path().join("t.db")).unwrap().with_today(june_2026)
}

/// A person with everything the issuance form needs.
pub fn person(name: &str, cccd: &str, birth: &str, phone: &str) -> StaffInput {
    StaffInput {
        full_name: name.into(),
        birth_date: birth.into(),
        position: "Giáo viên".into(),
        cccd: cccd.into(),
        cccd_issued_on: "10/05/2021".into(),
        phone: phone.into(),
        ..StaffInput::default()
    }
}

pub fn add(api: &mut Api, input: StaffInput) -> i64 {
    api.add_staff(&input).unwrap().staff.id
}

/// A certificate typed in by hand, valid from 01/01/2024.
pub fn cert_input(holder: Holder, kind: CertKind, serial: &str, valid_to: &str) -> CertInput {
    CertInput {
        holder,
        provider_id: None,
        kind,
        form: None,
        serial_hex: serial.into(),
        subject_name: String::new(),
        valid_from: "01/01/2024".into(),
        valid_to: valid_to.into(),
        purpose: String::new(),
        notes: String::new(),
    }
}
