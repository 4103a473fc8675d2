//! Turns one cell into the text the model's validation expects for a field,
//! undoing what spreadsheets do to values: numbers that lost their leading
//! zeros, floats such as 1.23e11, date cells and serials, control characters.
//!
//! It never invents data: a year alone stays a year (the validation flags
//! it), a value it cannot read is reported, not guessed.

use crate::cell::Cell;
use crate::header::ImportField;
use chungthu_model::VnDate;
use chungthu_model::text::clean_line;
use std::borrow::Cow;

/// Why a cell could not be turned into text for its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CellIssue {
    /// Stable code.
    pub code: &'static str,
    /// Vietnamese explanation (after the field label).
    pub message: &'static str,
}

const CELL_ERROR: CellIssue = CellIssue {
    code: "cell_unreadable",
    message: "ô có lỗi công thức (#N/A, #REF!…) hoặc giá trị không đọc được; sửa trong tệp rồi nhập lại",
};
const NOT_A_DATE: CellIssue = CellIssue {
    code: "date_unreadable",
    message: "ô ngày tháng không đọc được; ghi theo dạng dd/mm/yyyy",
};
const DATE_IN_NUMBER_FIELD: CellIssue = CellIssue {
    code: "cell_is_date",
    message: "ô đang định dạng ngày tháng nhưng cột này cần chữ số; đổi định dạng ô thành Văn bản",
};
const TOO_LONG: CellIssue = CellIssue {
    code: "cell_too_long",
    message: "ô dài quá giới hạn cho phép; kiểm tra lại ô này trong tệp",
};

/// Largest integer a double holds exactly; beyond it digits are already lost.
const EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

/// Text of a cell for display (headers, STT): numbers without ".0".
pub(crate) fn display_text<'c>(cell: &'c Cell<'_>) -> Cow<'c, str> {
    match cell {
        Cell::Empty | Cell::Unusable => Cow::Borrowed(""),
        Cell::Text(t) | Cell::DateIso(t) => Cow::Borrowed(t.as_ref()),
        Cell::Float(f) => Cow::Owned(number_text(*f)),
        Cell::Int(i) => Cow::Owned(i.to_string()),
        Cell::Date(Some((y, m, d))) => Cow::Owned(format!("{d:02}/{m:02}/{y:04}")),
        Cell::Date(None) => Cow::Borrowed(""),
        Cell::Bool(b) => Cow::Borrowed(if *b { "TRUE" } else { "FALSE" }),
    }
}

/// A number as digits: integers exactly ("123456789012", never "1.23e11"
/// or "123456789012.0"), others as Rust prints them.
fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < EXACT_INTEGER {
        format!("{f:.0}")
    } else {
        f.to_string()
    }
}

/// Whether the cell is a row number (STT): an integer, or text such as
/// "12" or "12.".
pub(crate) fn is_row_number(cell: &Cell<'_>) -> bool {
    match cell {
        Cell::Int(_) => true,
        Cell::Float(f) => f.is_finite() && f.fract() == 0.0,
        Cell::Text(t) => {
            let t = t.trim().trim_end_matches('.');
            !t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// Removes characters that XML (and so the Word forms) cannot hold; line
/// breaks and tabs become spaces except in notes, which keep lines.
fn strip_controls(s: &str, keep_lines: bool) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() && !(keep_lines && (c == '\n' || c == '\t'));
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' if !keep_lines => Some(' '),
                '\r' if keep_lines => None,
                c if bad(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// Restores the leading zeros a number-formatted identity number lost: a
/// CCCD has 12 digits and starts with a province code 001–096, so 11 digits
/// lost one zero and 10 lost two; an old CMND has 9 (8 seen). The model's
/// province check still judges the result.
fn restore_id_zeros(digits: String) -> String {
    match digits.len() {
        10 | 11 => format!("{digits:0>12}"),
        8 => format!("0{digits}"),
        _ => digits,
    }
}

/// The text `field` should get from `cell`. `loose_text` is true for CSV,
/// where every value is text and a number exported from Excel has already
/// lost its zeros, so digit-only identity numbers are padded too.
pub(crate) fn field_text(
    cell: &Cell<'_>,
    field: ImportField,
    loose_text: bool,
    max_chars: usize,
) -> Result<String, CellIssue> {
    let is_date_field = matches!(field, ImportField::BirthDate | ImportField::CccdIssuedOn);
    let text = match cell {
        Cell::Empty => String::new(),
        Cell::Unusable => return Err(CELL_ERROR),
        Cell::Bool(_) if field != ImportField::Notes => return Err(CELL_ERROR),
        Cell::Bool(_) => display_text(cell).into_owned(),
        Cell::Text(t) => {
            if t.chars().nth(max_chars).is_some() {
                return Err(TOO_LONG);
            }
            let t = strip_controls(t, field == ImportField::Notes);
            match field {
                // A CSV holds an unformatted date cell as its serial number.
                _ if is_date_field && loose_text && is_serial_text(t.trim()) => {
                    number_date_text(t.trim().parse::<f64>().unwrap_or(0.0))?
                }
                _ if is_date_field => date_text(t.trim()),
                ImportField::Cccd if loose_text && t.trim().bytes().all(|b| b.is_ascii_digit()) => {
                    restore_id_zeros(t.trim().to_owned())
                }
                ImportField::Notes => t.into_owned(),
                // What the user sees is NFC with single spaces, as stored.
                _ => clean_line(&t),
            }
        }
        Cell::Float(_) | Cell::Int(_) => {
            let value = match cell {
                Cell::Float(f) => *f,
                Cell::Int(i) => *i as f64,
                _ => 0.0,
            };
            if !value.is_finite() {
                return Err(CELL_ERROR);
            }
            match field {
                _ if is_date_field => number_date_text(value)?,
                ImportField::Gender => return Err(CELL_ERROR),
                ImportField::Cccd => match cell {
                    Cell::Int(i) => restore_id_zeros(i.to_string()),
                    _ if value.fract() == 0.0 && value.abs() < EXACT_INTEGER => {
                        restore_id_zeros(number_text(value))
                    }
                    _ => number_text(value),
                },
                _ => match cell {
                    Cell::Int(i) => i.to_string(),
                    _ => number_text(value),
                },
            }
        }
        Cell::Date(date) => match field {
            ImportField::Cccd | ImportField::Phone | ImportField::StaffCode | ImportField::Gender => {
                return Err(DATE_IN_NUMBER_FIELD);
            }
            _ => match date {
                Some((y, m, d)) => VnDate::from_ymd(*y, *m, *d).ok_or(NOT_A_DATE)?.to_string(),
                None => return Err(NOT_A_DATE),
            },
        },
        Cell::DateIso(t) if is_date_field => date_text(t.trim()),
        Cell::DateIso(t) => t.to_string(),
    };
    Ok(text)
}

/// A date field's text from a number: a year stays a year (so validation
/// flags it), anything else is a day serial.
fn number_date_text(value: f64) -> Result<String, CellIssue> {
    if value.fract() == 0.0 && (1900.0..=2100.0).contains(&value) {
        return Ok(format!("{value:.0}"));
    }
    VnDate::from_excel_serial(value).map(|d| d.to_string()).ok_or(NOT_A_DATE)
}

/// Five digits: a day serial (1927–2173), never a year or a written date.
fn is_serial_text(t: &str) -> bool {
    t.len() == 5 && t.bytes().all(|b| b.is_ascii_digit())
}

/// A date field's text from text: a readable date is written dd/mm/yyyy
/// (ISO date-times lose their time part); anything else, a year alone
/// included, goes through untouched for the validation to judge.
fn date_text(t: &str) -> String {
    let bytes = t.as_bytes();
    let iso_date_time = bytes.len() > 10
        && bytes[..10]
            .iter()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() })
        && matches!(bytes[10], b'T' | b' ');
    let date = if iso_date_time { &t[..10] } else { t };
    VnDate::parse(date).map_or_else(|_| t.to_owned(), |d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(cell: Cell<'_>, field: ImportField) -> Result<String, CellIssue> {
        field_text(&cell, field, false, 1000)
    }

    #[test]
    fn numbers_get_their_zeros_back_exactly() {
        assert_eq!(text(Cell::Float(31_185_000_123.0), ImportField::Cccd).unwrap(), "031185000123");
        assert_eq!(text(Cell::Float(1.23e11), ImportField::Cccd).unwrap(), "123000000000");
        assert_eq!(text(Cell::Int(12_345_678), ImportField::Cccd).unwrap(), "012345678");
        assert_eq!(text(Cell::Float(1_085_001_234.0), ImportField::Cccd).unwrap(), "001085001234");
        assert_eq!(text(Cell::Float(912_345_678.0), ImportField::Phone).unwrap(), "912345678");
        assert_eq!(text(Cell::Float(1.5), ImportField::Cccd).unwrap(), "1.5");
        assert_eq!(
            field_text(&Cell::Text("31185000123".into()), ImportField::Cccd, true, 99).unwrap(),
            "031185000123"
        );
        assert_eq!(text(Cell::Text("31185000123".into()), ImportField::Cccd).unwrap(), "31185000123");
    }

    #[test]
    fn dates_come_from_cells_serials_text_and_years() {
        assert_eq!(text(Cell::Date(Some((1985, 3, 5))), ImportField::BirthDate).unwrap(), "05/03/1985");
        assert_eq!(text(Cell::Float(31048.0), ImportField::BirthDate).unwrap(), "01/01/1985");
        assert_eq!(text(Cell::Int(1980), ImportField::BirthDate).unwrap(), "1980");
        assert_eq!(text(Cell::Text("5/3/1985".into()), ImportField::BirthDate).unwrap(), "05/03/1985");
        assert_eq!(text(Cell::Text("1980".into()), ImportField::BirthDate).unwrap(), "1980");
        let csv_serial = field_text(&Cell::Text("31048".into()), ImportField::BirthDate, true, 99);
        assert_eq!(csv_serial.unwrap(), "01/01/1985");
        assert_eq!(text(Cell::Text("ngày 5".into()), ImportField::BirthDate).unwrap(), "ngày 5");
        assert_eq!(
            text(Cell::DateIso("1985-03-05T00:00:00".into()), ImportField::BirthDate).unwrap(),
            "05/03/1985"
        );
        assert_eq!(text(Cell::Float(-3.0), ImportField::BirthDate).unwrap_err().code, "date_unreadable");
        assert_eq!(
            text(Cell::Date(Some((1900, 2, 29))), ImportField::BirthDate).unwrap_err().code,
            "date_unreadable"
        );
        assert_eq!(text(Cell::Date(Some((1985, 3, 5))), ImportField::Cccd).unwrap_err().code, "cell_is_date");
    }

    #[test]
    fn control_characters_and_limits() {
        assert_eq!(
            text(Cell::Text("Lê\u{0007} Văn\nAn".into()), ImportField::FullName).unwrap(),
            "Lê Văn An"
        );
        assert_eq!(text(Cell::Text("a\nb\u{0001}".into()), ImportField::Notes).unwrap(), "a\nb");
        assert_eq!(
            field_text(&Cell::Text("x".repeat(11).into()), ImportField::Notes, false, 10).unwrap_err().code,
            "cell_too_long"
        );
        assert_eq!(text(Cell::Unusable, ImportField::FullName).unwrap_err().code, "cell_unreadable");
        assert!(is_row_number(&Cell::Text(" 12. ".into())));
        assert!(!is_row_number(&Cell::Text("Tổng cộng".into())));
    }
}
