//! Suggested file names: Vietnamese (diacritics kept — Windows handles
//! Unicode names), safe on Windows, short enough for deep folders.

use crate::input::FormKind;
use crate::spec;
use chungthu_model::VnDate;
use chungthu_model::text::clean_line;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Longest suggested name, in characters, extension included (Windows allows
/// 260 for the whole path; this leaves room for the folders).
pub const MAX_FILE_NAME_CHARS: usize = 120;

/// The kind of file written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FileFormat {
    /// Word document.
    Docx,
    /// Excel workbook.
    Xlsx,
}

impl FileFormat {
    /// Extension with its dot.
    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Docx => ".docx",
            FileFormat::Xlsx => ".xlsx",
        }
    }
}

/// Characters Windows refuses in a file name.
const FORBIDDEN: [char; 9] = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

/// "Danh sách đề nghị cấp CTS - Trường THCS Lê Lợi - 23-11-2026.docx".
///
/// The unit name is cleaned (NFC, no control characters), loses the
/// characters Windows forbids and is shortened to fit
/// [`MAX_FILE_NAME_CHARS`]. Names always start with the form's words, so
/// they can never be a reserved device name such as `CON` or `NUL`.
pub fn default_file_name(kind: FormKind, unit_name: &str, date: VnDate, format: FileFormat) -> String {
    let stem = spec::layout(kind).file_stem;
    let date = date.to_string().replace('/', "-");
    let ext = format.extension();
    let unit: String = clean_line(
        &unit_name.chars().map(|c| if FORBIDDEN.contains(&c) { ' ' } else { c }).collect::<String>(),
    );
    let fixed = stem.chars().count() + " - ".len() * 2 + date.chars().count() + ext.len();
    let unit: String = unit.chars().take(MAX_FILE_NAME_CHARS.saturating_sub(fixed)).collect();
    let unit = unit.trim_end_matches(['.', ' ', '-']);
    if unit.is_empty() { format!("{stem} - {date}{ext}") } else { format!("{stem} - {unit} - {date}{ext}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> VnDate {
        VnDate::from_ymd(2026, 11, 23).unwrap()
    }

    #[test]
    fn names_read_as_vietnamese() {
        assert_eq!(
            default_file_name(FormKind::Issuance, "Trường THCS Lê Lợi", day(), FileFormat::Docx),
            "Danh sách đề nghị cấp CTS - Trường THCS Lê Lợi - 23-11-2026.docx"
        );
        assert_eq!(
            default_file_name(FormKind::CertificatesInUse, "Trường THCS Lê Lợi", day(), FileFormat::Xlsx),
            "Danh sách CTS đang sử dụng - Trường THCS Lê Lợi - 23-11-2026.xlsx"
        );
    }

    #[test]
    fn names_are_safe_on_windows() {
        let nasty = "Trươ\u{0300}ng <TH/THCS>: \"A|B\"?* \u{0007}…";
        let long = "Trường Tiểu học và Trung học cơ sở ".repeat(10);
        for kind in FormKind::ALL {
            for unit in [nasty, long.as_str(), "", "CON", "..."] {
                let name = default_file_name(kind, unit, day(), FileFormat::Docx);
                assert!(name.chars().count() <= MAX_FILE_NAME_CHARS, "{name}");
                assert!(!name.chars().any(|c| FORBIDDEN.contains(&c) || c.is_control()), "{name}");
                assert!(name.ends_with(" - 23-11-2026.docx"), "{name}");
                let base = name.split('.').next().unwrap().to_uppercase();
                assert!(!["CON", "PRN", "AUX", "NUL"].contains(&base.as_str()), "{name}");
            }
        }
        assert_eq!(
            default_file_name(FormKind::Revocation, nasty, day(), FileFormat::Docx),
            "Danh sách thu hồi CTS - Trường TH THCS A B … - 23-11-2026.docx"
        );
    }
}
