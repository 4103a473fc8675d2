//! Vietnamese phone numbers: stored as 10 digits starting with 0.

use crate::text::digits;
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// A phone number, 10 digits starting with 0.
#[derive(Debug, Clone, PartialEq, Eq, Hash, TS)]
#[ts(type = "string")]
pub struct Phone(String);

/// Why a text is not a phone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// Letters or other characters.
    #[error("chỉ được gồm chữ số (có thể có dấu cách, dấu chấm, “+84”)")]
    NotDigits,
    /// Wrong number of digits.
    #[error("phải có 10 chữ số và bắt đầu bằng số 0 (đang có {0} chữ số)")]
    Length(usize),
}

impl PhoneError {
    /// Stable code for reports.
    pub fn code(self) -> &'static str {
        match self {
            PhoneError::NotDigits => "phone_not_digits",
            PhoneError::Length(_) => "phone_length",
        }
    }
}

impl Phone {
    /// Accepts "0912 345 678", "0912.345.678", "+84 912 345 678",
    /// "84912345678", and "912345678" (the leading 0 that Excel dropped).
    pub fn parse(s: &str) -> Result<Self, PhoneError> {
        let s = s.trim();
        if s.chars()
            .any(|c| !(c.is_ascii_digit() || c.is_whitespace() || matches!(c, '.' | '-' | '(' | ')' | '+')))
        {
            return Err(PhoneError::NotDigits);
        }
        let d = digits(s);
        let national = match d.len() {
            11 if d.starts_with("84") => format!("0{}", &d[2..]),
            9 if !d.starts_with('0') => format!("0{d}"),
            _ => d,
        };
        if national.len() == 10 && national.starts_with('0') && !national.starts_with("00") {
            Ok(Phone(national))
        } else {
            Err(PhoneError::Length(national.len()))
        }
    }

    /// The 10 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Phone {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Phone {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Phone::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}
