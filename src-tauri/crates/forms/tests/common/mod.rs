//! Realistic generated Vietnamese test data (never real people):
//! deterministic, with every tone mark, leading-zero CCCDs and phones.
#![allow(dead_code)] // each test binary uses its own part of the generator

use chungthu_forms::{
    CertChangeRow, CertificateRow, EmailPersonRow, EmailRequest, IssuanceRow, RevocationRow, Signer, UnitInfo,
};
use chungthu_model::{IdNumber, LeftReason, Phone, VnDate};

pub const FAMILY: [&str; 16] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý",
];
pub const MIDDLE: [&str; 12] =
    ["Thị", "Văn", "Ngọc", "Minh", "Thu", "Hồng", "Đức", "Quốc", "Thanh", "Hữu", "Mỹ", "Xuân"];
/// Given names covering the six tones (ngang, huyền, hỏi, ngã, sắc, nặng)
/// and the letters ă â đ ê ô ơ ư.
pub const GIVEN: [&str; 30] = [
    "An", "Ánh", "Ân", "Bảo", "Chi", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hằng", "Hương", "Khánh",
    "Lan", "Linh", "Lộc", "Mai", "Nga", "Ngọc", "Phúc", "Quỳnh", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn",
    "Uyên", "Vỹ", "Yến",
];
pub const POSITIONS: [&str; 7] = [
    "Giáo viên",
    "Tổ trưởng chuyên môn",
    "Phó hiệu trưởng",
    "Kế toán",
    "Văn thư",
    "Nhân viên thiết bị",
    "Giáo viên",
];
/// Province codes: Hà Nội "001" (leading zeros), Hải Phòng "031", others.
pub const PROVINCES: [&str; 5] = ["001", "031", "030", "034", "036"];
pub const PROVIDERS: [&str; 4] = ["Ban Cơ yếu Chính phủ", "VNPT-CA", "Viettel-CA", "BKAV-CA"];

/// A small deterministic generator (no external crate, same data every run).
pub struct Gen(u64);

impl Gen {
    pub fn new(seed: u64) -> Self {
        Gen(seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407))
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() as usize) % items.len()]
    }

    pub fn digits(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b'0' + (self.next() % 10) as u8)).collect()
    }

    pub fn name(&mut self) -> String {
        format!("{} {} {}", self.pick(&FAMILY), self.pick(&MIDDLE), self.pick(&GIVEN))
    }

    pub fn date(&mut self, from_year: i32, years: u64) -> VnDate {
        let y = from_year + (self.next() % years) as i32;
        VnDate::from_ymd(y, 1 + (self.next() % 12) as u8, 1 + (self.next() % 28) as u8).unwrap()
    }

    /// A CCCD consistent with the birth year (digits 4–6).
    pub fn cccd(&mut self, birth: VnDate) -> IdNumber {
        let province = self.pick(&PROVINCES);
        let century = if birth.year() >= 2000 { 2 } else { 0 };
        let gender = century + (self.next() % 2);
        let s = format!("{province}{gender}{:02}{}", birth.year() % 100, self.digits(6));
        IdNumber::parse(&s).unwrap()
    }

    pub fn phone(&mut self) -> Phone {
        let prefix = self.pick(&["09", "03", "08", "07"]);
        Phone::parse(&format!("{prefix}{}", self.digits(8))).unwrap()
    }

    pub fn serial(&mut self) -> String {
        (0..32).map(|_| char::from(b"0123456789ABCDEF"[(self.next() % 16) as usize])).collect()
    }

    pub fn issuance(&mut self) -> IssuanceRow {
        let birth = self.date(1965, 38);
        IssuanceRow {
            full_name: self.name(),
            birth_date: birth,
            position: self.pick(&POSITIONS).to_owned(),
            unit: "Trường THCS Lê Lợi".to_owned(),
            id_number: self.cccd(birth),
            id_issued_on: Some(self.date(2021, 5)),
            phone: Some(self.phone()),
        }
    }

    pub fn revocation(&mut self) -> RevocationRow {
        let from = self.date(2022, 3);
        let reason =
            [LeftReason::Transfer, LeftReason::Retired, LeftReason::Other][(self.next() % 3) as usize];
        RevocationRow {
            full_name: self.name(),
            birth_date: Some(self.date(1960, 40)),
            unit: "Trường THCS Lê Lợi".to_owned(),
            serial: self.serial(),
            valid_from: from,
            valid_to: VnDate::from_ymd(from.year() + 3, 6, 30).unwrap(),
            provider: self.pick(&PROVIDERS).to_owned(),
            reason,
            reason_note: (reason == LeftReason::Other).then(|| "Mất thiết bị lưu khóa".to_owned()),
        }
    }

    pub fn cert_change(&mut self) -> CertChangeRow {
        let renew = self.next().is_multiple_of(2);
        CertChangeRow {
            holder_name: self.name(),
            serial: self.serial(),
            email: format!("gv{}@haiphong.edu.vn", self.digits(4)),
            device_code: format!("TK{}", self.digits(8)),
            content: if renew { "Gia hạn".to_owned() } else { "Thay đổi chức vụ".to_owned() },
            new_info: if renew { String::new() } else { "Tổ trưởng chuyên môn".to_owned() },
            valid_until: Some(self.date(2027, 3)),
        }
    }

    pub fn certificate(&mut self) -> CertificateRow {
        CertificateRow {
            holder_name: self.name(),
            provider: self.pick(&PROVIDERS).to_owned(),
            serial: self.serial(),
            valid_to: self.date(2026, 4),
            status: self.pick(&["Đang sử dụng", "Sắp hết hạn", "Đang sử dụng"]).to_owned(),
        }
    }

    pub fn email_person(&mut self) -> EmailPersonRow {
        EmailPersonRow {
            full_name: self.name(),
            birth_date: Some(self.date(1965, 38)),
            position: self.pick(&POSITIONS).to_owned(),
            phone: Some(self.phone()),
        }
    }

    pub fn email_request(&mut self, n: usize) -> EmailRequest {
        EmailRequest {
            commune: "UBND phường Lê Chân".to_owned(),
            focal_point: "Phạm Thị Thu Hằng".to_owned(),
            focal_phone: Some(Phone::parse("0912345678").unwrap()),
            people: (0..n).map(|_| self.email_person()).collect(),
        }
    }
}

pub fn unit() -> UnitInfo {
    UnitInfo {
        managing_body: "UBND phường Lê Chân".to_owned(),
        unit_name: "Trường THCS Lê Lợi".to_owned(),
        place: "Hải Phòng".to_owned(),
        signer: Signer::Principal,
        signer_name: "Nguyễn Văn Bình".to_owned(),
        recipients: vec!["Như trên".to_owned(), "Lưu: VT".to_owned()],
    }
}
