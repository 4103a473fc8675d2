//! Finds the staff list's header row(s) by what they say, and the resulting
//! column mapping that the user sees, may correct, and the app may remember.
//!
//! Header text is compared folded (NFC/NFD alike, no case, no diacritics,
//! punctuation as spaces), so "Họ và tên ", "HỌ VÀ TÊN" and an NFD "Họ và
//! tên" are the same. A header may span two rows: a merged group cell
//! ("Căn cước công dân") over its parts ("Số", "Ngày cấp").

use crate::cell::{Row, column_letter};
use crate::error::{ImportError, Result};
use crate::values::display_text;
use chungthu_model::Field;
use chungthu_model::text::{clean_line, fold};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How many rows from the top are searched for the header.
pub const HEADER_SCAN_ROWS: u32 = 20;

/// What a column of the export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportField {
    /// STT (row number); marks where the data ends.
    Stt,
    /// Họ và tên
    FullName,
    /// Ngày sinh
    BirthDate,
    /// Giới tính
    Gender,
    /// Chức vụ
    Position,
    /// Tổ chuyên môn
    Team,
    /// Mã cán bộ
    StaffCode,
    /// Số CCCD
    Cccd,
    /// Ngày cấp CCCD
    CccdIssuedOn,
    /// Điện thoại
    Phone,
    /// Email
    Email,
    /// Ghi chú
    Notes,
}

impl ImportField {
    /// Every field, in the order the window lists them.
    pub const ALL: [ImportField; 12] = [
        ImportField::Stt,
        ImportField::FullName,
        ImportField::BirthDate,
        ImportField::Gender,
        ImportField::Position,
        ImportField::Team,
        ImportField::StaffCode,
        ImportField::Cccd,
        ImportField::CccdIssuedOn,
        ImportField::Phone,
        ImportField::Email,
        ImportField::Notes,
    ];

    /// The model field it fills (`None` for STT).
    pub fn field(self) -> Option<Field> {
        Some(match self {
            ImportField::Stt => return None,
            ImportField::FullName => Field::FullName,
            ImportField::BirthDate => Field::BirthDate,
            ImportField::Gender => Field::Gender,
            ImportField::Position => Field::Position,
            ImportField::Team => Field::Team,
            ImportField::StaffCode => Field::StaffCode,
            ImportField::Cccd => Field::Cccd,
            ImportField::CccdIssuedOn => Field::CccdIssuedOn,
            ImportField::Phone => Field::Phone,
            ImportField::Email => Field::Email,
            ImportField::Notes => Field::Notes,
        })
    }

    /// Vietnamese label.
    pub fn label(self) -> &'static str {
        self.field().map_or("STT", Field::label)
    }
}

/// One mapped column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MappedColumn {
    /// What the column holds.
    pub field: ImportField,
    /// 0-based column index.
    pub index: u32,
    /// Column letter as Excel shows it ("A", "AB").
    pub letter: String,
    /// The header as written in the file (cleaned), e.g. "Căn cước công dân / Số".
    pub header: String,
}

/// Which column holds which field, and where the data starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnMapping {
    /// Row number (1-based, as Excel shows it) of the first header row.
    pub header_row: u32,
    /// Row number (1-based) where data starts.
    pub first_data_row: u32,
    /// Mapped columns, left to right; a field appears at most once.
    pub columns: Vec<MappedColumn>,
    /// Folded texts of every header cell: the same export layout gives the
    /// same signature, so the app can remember a mapping the user confirmed.
    pub signature: String,
}

impl ColumnMapping {
    /// The column holding `field`, if mapped.
    pub fn column(&self, field: ImportField) -> Option<&MappedColumn> {
        self.columns.iter().find(|c| c.field == field)
    }

    /// The column holding a model field, if mapped.
    pub fn column_of(&self, field: Field) -> Option<&MappedColumn> {
        self.columns.iter().find(|c| c.field.field() == Some(field))
    }

    /// Checks a mapping that came from outside (the window or a remembered
    /// one) before it is used.
    pub(crate) fn check(&self, max_columns: u32) -> Result<()> {
        let invalid = |reason: &str| Err(ImportError::MappingInvalid { reason: reason.to_owned() });
        if self.header_row == 0 || self.first_data_row <= self.header_row {
            return invalid("dòng dữ liệu phải nằm dưới dòng tiêu đề.");
        }
        if self.column(ImportField::FullName).is_none() {
            return invalid("chưa chọn cột “Họ và tên”.");
        }
        for (i, c) in self.columns.iter().enumerate() {
            if c.index >= max_columns {
                return invalid("có cột nằm ngoài phạm vi được đọc.");
            }
            if self.columns[..i].iter().any(|o| o.field == c.field) {
                return invalid("một trường được ghép với hai cột.");
            }
            if self.columns[..i].iter().any(|o| o.index == c.index) {
                return invalid("một cột được ghép với hai trường.");
            }
        }
        Ok(())
    }
}

/// Header names listed when no header is found.
pub(crate) fn expected_headers() -> String {
    ImportField::ALL
        .iter()
        .filter(|f| **f != ImportField::FullName)
        .map(|f| f.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Folded, punctuation-free form of a header cell.
fn normalise(s: &str) -> String {
    let folded: String = fold(s).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The field a header text names, if any. Order matters: "Ngày cấp CCCD"
/// is the issue date, not the number; "Mã định danh cá nhân" is the CCCD
/// (its official name) while a bare "Mã định danh" is the sector database's
/// staff identifier.
fn classify(text: &str) -> Option<ImportField> {
    let t = normalise(text);
    let starts = |p: &str| t == p || t.starts_with(&format!("{p} "));
    let has = |p: &str| t == p || t.contains(p);
    Some(match t.as_str() {
        "" => return None,
        "stt" | "tt" | "so tt" | "so thu tu" | "thu tu" => ImportField::Stt,
        _ if has("ngay cap") => ImportField::CccdIssuedOn,
        _ if starts("ho va ten") || starts("ho ten") => ImportField::FullName,
        _ if has("ngay sinh") || has("nam sinh") => ImportField::BirthDate,
        _ if starts("gioi tinh") || t == "nam nu" => ImportField::Gender,
        _ if starts("chuc vu") || starts("chuc danh") => ImportField::Position,
        _ if has("dien thoai") || starts("sdt") || starts("dtdd") || t == "so dt" || t == "dt" => {
            ImportField::Phone
        }
        _ if has("email") || has("e mail") || has("thu dien tu") => ImportField::Email,
        _ if has("dinh danh ca nhan")
            || has("cccd")
            || has("cmnd")
            || has("can cuoc")
            || has("chung minh") =>
        {
            ImportField::Cccd
        }
        _ if starts("ma can bo")
            || starts("ma cb")
            || starts("ma dinh danh")
            || starts("ma nhan vien")
            || starts("ma giao vien")
            || t == "ma so" =>
        {
            ImportField::StaffCode
        }
        _ if starts("to chuyen mon") || starts("to bo mon") || t == "to" || t == "to cm" => ImportField::Team,
        _ if starts("ghi chu") => ImportField::Notes,
        _ => return None,
    })
}

/// One non-empty header cell, mapped or not: the window lists them so the
/// user can map a column the detection left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HeaderCell {
    /// 0-based column index.
    pub index: u32,
    /// Column letter ("H").
    pub letter: String,
    /// The header as written (cleaned), e.g. "Căn cước công dân / Số".
    pub header: String,
}

/// A header row candidate found in the first rows.
struct Candidate {
    mapping: ColumnMapping,
    score: usize,
    cells: Vec<HeaderCell>,
}

/// Finds the header among `rows` (row index 0-based, cells). Two-row
/// headers win only when they name more fields than the top row alone.
pub(crate) fn detect(rows: &[(u32, Row<'_>)]) -> Option<ColumnMapping> {
    let mut best: Option<Candidate> = None;
    for (i, (index, top)) in rows.iter().enumerate() {
        let mut found = read_header(*index, top, None);
        if let Some((below, bottom)) = rows.get(i + 1).filter(|(b, _)| *b == index + 1) {
            let double = read_header(*index, top, Some((*below, bottom)));
            if double.score > found.score {
                found = double;
            }
        }
        let has_name = found.mapping.column(ImportField::FullName).is_some();
        if has_name && found.score >= 2 && best.as_ref().is_none_or(|b| found.score > b.score) {
            best = Some(found);
        }
    }
    best.map(|b| b.mapping)
}

/// Every non-empty header cell of `mapping`'s header row(s) among `rows`.
pub(crate) fn cells(rows: &[(u32, Row<'_>)], mapping: &ColumnMapping) -> Vec<HeaderCell> {
    let row = |number: u32| rows.iter().find(|(i, _)| i + 1 == number).map(|(i, r)| (*i, r));
    let Some((index, top)) = row(mapping.header_row) else { return Vec::new() };
    let bottom =
        (mapping.first_data_row == mapping.header_row + 2).then(|| row(mapping.header_row + 1)).flatten();
    read_header(index, top, bottom).cells
}

fn read_header(index: u32, top: &Row<'_>, bottom: Option<(u32, &Row<'_>)>) -> Candidate {
    let text = |row: &Row<'_>, c: usize| row.get(c).map(|v| clean_line(&display_text(v))).unwrap_or_default();
    let width = top.len().max(bottom.map_or(0, |(_, b)| b.len()));
    let mut columns: Vec<MappedColumn> = Vec::new();
    let mut signature = Vec::new();
    let mut cells = Vec::new();
    let mut group: Option<String> = None;
    for c in 0..width {
        let t = text(top, c);
        let b = bottom.map(|(_, row)| text(row, c)).unwrap_or_default();
        // A group label carries right over empty top cells (a merged cell
        // keeps its text in the first column only) while parts follow below.
        group = match (t.is_empty(), b.is_empty()) {
            (false, false) => Some(t.clone()),
            (true, false) => group,
            _ => None,
        };
        let mut options: Vec<String> = Vec::with_capacity(3);
        if b.is_empty() {
            options.push(t.clone());
        } else {
            if let Some(g) = &group {
                options.push(format!("{g} / {b}"));
            }
            options.push(b.clone());
            options.push(t.clone());
        }
        let shown = options.first().cloned().unwrap_or_default();
        let index = u32::try_from(c).unwrap_or(u32::MAX);
        if !shown.is_empty() {
            signature.push(normalise(&shown));
            cells.push(HeaderCell { index, letter: column_letter(index), header: shown.clone() });
        }
        let Some(field) = options.iter().find_map(|o| classify(o)) else { continue };
        if columns.iter().any(|m| m.field == field) {
            continue;
        }
        columns.push(MappedColumn { field, index, letter: column_letter(index), header: shown });
    }
    let rows_used = if bottom.is_some() { 2 } else { 1 };
    let score = columns.len();
    Candidate {
        mapping: ColumnMapping {
            header_row: index + 1,
            first_data_row: index + 1 + rows_used,
            columns,
            signature: format!("{rows_used}|{}", signature.join("|")),
        },
        score,
        cells,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_header_variants() {
        let cases = [
            ("Họ và tên", ImportField::FullName),
            ("HỌ TÊN", ImportField::FullName),
            ("Họ và tên cán bộ ", ImportField::FullName),
            ("Ho\u{0323} va\u{0300} te\u{0302}n", ImportField::FullName),
            ("Số CCCD", ImportField::Cccd),
            ("Số định danh cá nhân", ImportField::Cccd),
            ("Mã định danh cá nhân", ImportField::Cccd),
            ("Số căn cước", ImportField::Cccd),
            ("Ngày cấp CCCD", ImportField::CccdIssuedOn),
            ("SĐT", ImportField::Phone),
            ("Số điện thoại", ImportField::Phone),
            ("Mã CB", ImportField::StaffCode),
            ("Mã định danh", ImportField::StaffCode),
            ("Tổ", ImportField::Team),
            ("Tổ chuyên môn", ImportField::Team),
            ("E-mail", ImportField::Email),
            ("Ngày, tháng, năm sinh", ImportField::BirthDate),
            ("STT", ImportField::Stt),
        ];
        for (text, field) in cases {
            assert_eq!(classify(text), Some(field), "{text}");
        }
        assert_eq!(classify("SỞ GIÁO DỤC VÀ ĐÀO TẠO HẢI PHÒNG"), None);
        assert_eq!(classify("Nơi cấp"), None);
    }
}
