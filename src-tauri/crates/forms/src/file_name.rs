//! Suggested file names: Vietnamese (diacritics kept — Windows handles
//! Unicode names), safe on Windows, short enough for deep folders. The
//! Windows rules themselves live in `chungthu_model::filename`.

use crate::input::FormKind;
use crate::spec;
use chungthu_model::VnDate;
pub use chungthu_model::filename::MAX_FILE_NAME_CHARS;
use chungthu_model::filename::{name_part, safe_file_name};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

/// "Danh sách đề nghị cấp CTS - Trường THCS Lê Lợi - 23-11-2026.docx".
///
/// The unit name is cleaned by [`name_part`] and shortened so the whole name
/// fits [`MAX_FILE_NAME_CHARS`]; [`safe_file_name`] then applies the Windows
/// rules to the whole (the form's words come first, so the name is never a
/// reserved device name such as `CON`).
pub fn default_file_name(kind: FormKind, unit_name: &str, date: VnDate, format: FileFormat) -> String {
    let stem = spec::layout(kind).file_stem;
    let date = date.to_string().replace('/', "-");
    let ext = format.extension();
    let fixed = stem.chars().count() + " - ".len() * 2 + date.chars().count() + ext.len();
    let unit = name_part(unit_name, MAX_FILE_NAME_CHARS.saturating_sub(fixed));
    let name = if unit.is_empty() { format!("{stem} - {date}") } else { format!("{stem} - {unit} - {date}") };
    safe_file_name(&name, ext)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chungthu_model::filename::{FORBIDDEN_CHARS, is_reserved_device};

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
                assert!(!name.chars().any(|c| FORBIDDEN_CHARS.contains(&c) || c.is_control()), "{name}");
                assert!(name.ends_with(" - 23-11-2026.docx"), "{name}");
                assert!(!is_reserved_device(&name), "{name}");
            }
        }
        assert_eq!(
            default_file_name(FormKind::Revocation, nasty, day(), FileFormat::Docx),
            "Danh sách thu hồi CTS - Trường TH THCS A B … - 23-11-2026.docx"
        );
    }
}
