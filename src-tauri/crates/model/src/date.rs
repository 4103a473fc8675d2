//! Calendar dates as Vietnamese users write them (dd/mm/yyyy) and as the
//! database and the JSON contract hold them (yyyy-mm-dd).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use time::{Date, Month};
use ts_rs::TS;

/// A calendar date. Shown `dd/mm/yyyy`; stored and serialised `yyyy-mm-dd`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(type = "string")]
pub struct VnDate(Date);

/// Why a text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not in a date shape at all.
    #[error("không đúng dạng ngày/tháng/năm (ví dụ 05/03/1985)")]
    Shape,
    /// Shaped like a date but no such day exists (31/02).
    #[error("không có ngày này trong lịch")]
    NoSuchDay,
}

impl VnDate {
    /// A date from its parts, if the day exists.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        let month = Month::try_from(month).ok()?;
        Date::from_calendar_date(year, month, day).ok().map(VnDate)
    }

    /// Parses `dd/mm/yyyy` or `d/m/yyyy` (also with `-` or `.`), or ISO
    /// `yyyy-mm-dd`. Two-digit years are refused: guessing the century of a
    /// birth date is how wrong data is made.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let s = s.trim();
        let parts: Vec<&str> = s.split(['/', '-', '.']).map(str::trim).collect();
        let [a, b, c] = parts.as_slice() else { return Err(DateError::Shape) };
        if ![a, b, c].iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(DateError::Shape);
        }
        let (y, m, d) = if a.len() == 4 && s.contains('-') {
            (a, b, c)
        } else if c.len() == 4 && a.len() <= 2 && b.len() <= 2 {
            (c, b, a)
        } else {
            return Err(DateError::Shape);
        };
        let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>()) else {
            return Err(DateError::Shape);
        };
        Self::from_ymd(y, m, d).ok_or(DateError::NoSuchDay)
    }

    /// The date from a spreadsheet serial number (days since 1899-12-30,
    /// the 1900 date system that Excel and LibreOffice both use).
    pub fn from_excel_serial(serial: f64) -> Option<Self> {
        if !(1.0..=2_958_465.0).contains(&serial) {
            return None;
        }
        let epoch = Date::from_calendar_date(1899, Month::December, 30).ok()?;
        epoch.checked_add(time::Duration::days(serial.floor() as i64)).map(VnDate)
    }

    /// The underlying `time::Date`.
    pub fn date(self) -> Date {
        self.0
    }

    /// Year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// `yyyy-mm-dd`, as stored.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.0.year(), u8::from(self.0.month()), self.0.day())
    }

    /// Whole years from `self` to `on` (age on that day).
    pub fn years_until(self, on: VnDate) -> i32 {
        let (a, b) = (self.0, on.0);
        let mut years = b.year() - a.year();
        if (u8::from(b.month()), b.day()) < (u8::from(a.month()), a.day()) {
            years -= 1;
        }
        years
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: VnDate) -> i64 {
        (other.0 - self.0).whole_days()
    }
}

impl From<Date> for VnDate {
    fn from(d: Date) -> Self {
        VnDate(d)
    }
}

impl fmt::Display for VnDate {
    /// `dd/mm/yyyy`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.0.day(), u8::from(self.0.month()), self.0.year())
    }
}

impl Serialize for VnDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for VnDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        VnDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_vietnamese_and_iso_shapes() {
        let d = VnDate::from_ymd(1985, 3, 5).unwrap();
        for s in ["05/03/1985", "5/3/1985", "05-03-1985", "5.3.1985", "1985-03-05", " 05 / 03 / 1985 "] {
            assert_eq!(VnDate::parse(s), Ok(d), "{s}");
        }
        assert_eq!(d.to_string(), "05/03/1985");
        assert_eq!(d.iso(), "1985-03-05");
    }

    #[test]
    fn refuses_impossible_and_ambiguous() {
        assert_eq!(VnDate::parse("31/02/1990"), Err(DateError::NoSuchDay));
        assert_eq!(VnDate::parse("05/03/85"), Err(DateError::Shape));
        assert_eq!(VnDate::parse("1985"), Err(DateError::Shape));
        assert_eq!(VnDate::parse("ngày 5"), Err(DateError::Shape));
        assert_eq!(VnDate::parse("1985/03/05"), Err(DateError::Shape));
    }

    #[test]
    fn excel_serial_and_age() {
        // 31048 is 1985-01-01 in the 1900 date system.
        assert_eq!(VnDate::from_excel_serial(31048.0), VnDate::from_ymd(1985, 1, 1));
        let birth = VnDate::from_ymd(1985, 3, 5).unwrap();
        assert_eq!(birth.years_until(VnDate::from_ymd(2026, 3, 4).unwrap()), 40);
        assert_eq!(birth.years_until(VnDate::from_ymd(2026, 3, 5).unwrap()), 41);
    }
}
