//! Citizen identity numbers: the 12-digit CCCD and the old 9-digit CMND.
//!
//! A CCCD encodes where the birth was registered (digits 1–3), gender and
//! century (digit 4) and the last two digits of the birth year (digits 5–6),
//! so it can be cross-checked against the birth date and gender.

use crate::staff::Gender;
use crate::text::digits;
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// Province codes of birth registration (Circular 07/2016/TT-BCA, the 63
/// provinces before the 2025 merger; numbers already issued keep them).
const PROVINCE_CODES: [u16; 63] = [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40,
    42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83,
    84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
];

/// A valid 12-digit CCCD (always with its leading zeros).
#[derive(Debug, Clone, PartialEq, Eq, Hash, TS)]
#[ts(type = "string")]
pub struct Cccd(String);

/// An identity number as people hold them: a CCCD or an old CMND.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum IdNumber {
    /// 12-digit citizen identity number.
    Cccd(Cccd),
    /// Old 9-digit identity card number, still seen in old records.
    Cmnd(String),
}

/// Why a text is not an identity number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CccdError {
    /// Letters or other characters besides digits, spaces, dots and dashes.
    #[error("chỉ được gồm chữ số")]
    NotDigits,
    /// Neither 12 (CCCD) nor 9 (CMND) digits.
    #[error("phải có đúng 12 chữ số (đang có {0}); kiểm tra lại trên thẻ căn cước")]
    Length(usize),
    /// The first three digits are not a province code.
    #[error("3 số đầu không phải mã tỉnh/thành phố nơi đăng ký khai sinh; kiểm tra lại trên thẻ căn cước")]
    Province,
}

impl CccdError {
    /// Stable code for reports.
    pub fn code(self) -> &'static str {
        match self {
            CccdError::NotDigits => "cccd_not_digits",
            CccdError::Length(_) => "cccd_length",
            CccdError::Province => "cccd_province",
        }
    }
}

impl IdNumber {
    /// Parses typed or pasted text; spaces, dots and dashes are ignored.
    pub fn parse(s: &str) -> Result<Self, CccdError> {
        if s.chars().any(|c| !(c.is_ascii_digit() || c.is_whitespace() || matches!(c, '.' | '-'))) {
            return Err(CccdError::NotDigits);
        }
        let d = digits(s);
        match d.len() {
            12 => Cccd::from_digits(d).map(IdNumber::Cccd),
            9 => Ok(IdNumber::Cmnd(d)),
            n => Err(CccdError::Length(n)),
        }
    }

    /// The digits as stored.
    pub fn as_str(&self) -> &str {
        match self {
            IdNumber::Cccd(c) => &c.0,
            IdNumber::Cmnd(s) => s,
        }
    }
}

impl Cccd {
    fn from_digits(d: String) -> Result<Self, CccdError> {
        let province: u16 = d[..3].parse().map_err(|_| CccdError::NotDigits)?;
        if !PROVINCE_CODES.contains(&province) {
            return Err(CccdError::Province);
        }
        Ok(Cccd(d))
    }

    /// The 12 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Gender and century of birth from digit 4: even = male, odd = female;
    /// 0/1 → 1900s, 2/3 → 2000s, 4/5 → 2100s…
    pub fn gender_and_century(&self) -> (Gender, i32) {
        let g = i32::from(self.0.as_bytes()[3] - b'0');
        let gender = if g % 2 == 0 { Gender::Male } else { Gender::Female };
        (gender, 1900 + 100 * (g / 2))
    }

    /// The birth year the number encodes.
    pub fn birth_year(&self) -> i32 {
        let (_, century) = self.gender_and_century();
        century + i32::from((self.0.as_bytes()[4] - b'0') * 10 + (self.0.as_bytes()[5] - b'0'))
    }

    /// What disagrees between the number and the person's birth year and
    /// gender, in Vietnamese; empty when all agree or nothing is known.
    pub fn disagreements(&self, birth_year: Option<i32>, gender: Option<Gender>) -> Vec<&'static str> {
        let mut out = Vec::new();
        if birth_year.is_some_and(|y| y != self.birth_year()) {
            out.push("năm sinh ghi trong số CCCD (số thứ 4–6) khác với ngày sinh");
        }
        if gender.is_some_and(|g| g != self.gender_and_century().0) {
            out.push("giới tính ghi trong số CCCD (số thứ 4) khác với giới tính đã nhập");
        }
        out
    }
}

impl fmt::Display for Cccd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for IdNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for IdNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        IdNumber::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}
