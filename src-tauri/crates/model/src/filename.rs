//! File names that Windows accepts: the one place that turns user text (a
//! unit's name, a person's name) into a name for a file the app writes.
//!
//! Vietnamese letters are kept (NFC; NTFS and Explorer handle them), but
//! what Windows refuses is replaced: the characters `<>:"/\|?*`, control
//! characters, trailing dots and spaces (Explorer drops them silently, so the
//! file would not be found again under its written name) and the device names
//! `CON`, `PRN`, `AUX`, `NUL`, `COM1`–`COM9`, `LPT1`–`LPT9`, which are
//! reserved even with an extension (`nul.docx` is still the device).
//!
//! Pure: builds names only; writing files is `chungthu-files`' job.

use crate::text::clean_line;

/// Longest name the app writes, in characters, extension included. Windows
/// allows 255 per name but only 260 for the whole path in many programs
/// (Word, Explorer's "Send to"), and the clerk's folders are deep
/// (`C:\Users\Nguyễn Văn A\OneDrive - Trường THCS…\Tài liệu\…`).
pub const MAX_FILE_NAME_CHARS: usize = 120;

/// Longest name in UTF-8 bytes: Linux file systems count bytes (255), and a
/// name of 120 Vietnamese letters can take 360. Within this, the UTF-16
/// length that NTFS counts stays under 255 too.
pub const MAX_FILE_NAME_BYTES: usize = 255;

/// Characters Windows refuses anywhere in a file name.
pub const FORBIDDEN_CHARS: [char; 9] = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

/// Stem used when nothing usable is left of the text ("Tệp" = "file").
const EMPTY_STEM: &str = "Tệp";

/// Text to be placed inside a file name, at most `max_chars` characters:
/// NFC, forbidden and control characters turned into spaces, white space
/// collapsed, no leading dot (a hidden file on Linux, `..` on any system)
/// and no dot, dash or space left dangling at the end (after a cut,
/// "Trường THCS Lê -" reads as a mistake). May be empty.
pub fn name_part(text: &str, max_chars: usize) -> String {
    let spaced: String = text.chars().map(|c| if FORBIDDEN_CHARS.contains(&c) { ' ' } else { c }).collect();
    let cleaned = clean_line(&spaced);
    let cut: String = cleaned.trim_start_matches(['.', ' ']).chars().take(max_chars).collect();
    cut.trim_end_matches(['.', ' ', '-']).to_owned()
}

/// A complete, safe file name from a stem and an extension written by the
/// program (`".docx"`, `".ics"`, `".eml"`; may be empty).
///
/// The stem is cleaned as by [`name_part`] and shortened so that the whole
/// name fits [`MAX_FILE_NAME_CHARS`] and [`MAX_FILE_NAME_BYTES`]; a reserved
/// device name gets a leading `_`; an empty stem becomes "Tệp".
pub fn safe_file_name(stem: &str, ext: &str) -> String {
    debug_assert!(
        ext.is_empty()
            || (ext.starts_with('.') && ext.chars().all(|c| c == '.' || c.is_ascii_alphanumeric())),
        "extensions come from the program, not from user text"
    );
    let room = MAX_FILE_NAME_CHARS.saturating_sub(ext.len());
    let mut stem = name_part(stem, room);
    if stem.is_empty() {
        stem = EMPTY_STEM.to_owned();
    }
    if is_reserved_device(&stem) {
        stem.insert(0, '_');
    }
    while stem.len() + ext.len() > MAX_FILE_NAME_BYTES || stem.chars().count() > room {
        stem.pop();
        // Popping can leave a trailing space or dot; trim again.
        stem.truncate(stem.trim_end_matches(['.', ' ', '-']).len());
    }
    format!("{stem}{ext}")
}

/// True when Windows treats the name as a device: the part before the first
/// dot, without trailing spaces, is `CON`, `PRN`, `AUX`, `NUL`, `COM0`–`COM9`
/// or `LPT0`–`LPT9` in any case (Windows 11 also reserves the superscript
/// digits ¹²³ after COM/LPT).
pub fn is_reserved_device(name: &str) -> bool {
    let base = name.split('.').next().unwrap_or_default().trim_end_matches(' ').to_uppercase();
    match base.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" => true,
        _ => {
            let mut chars = base.chars();
            let prefix: String = chars.by_ref().take(3).collect();
            let rest: Vec<char> = chars.collect();
            (prefix == "COM" || prefix == "LPT")
                && matches!(rest.as_slice(), [d] if d.is_ascii_digit() || matches!(d, '¹' | '²' | '³'))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_safe(name: &str) {
        assert!(name.chars().count() <= MAX_FILE_NAME_CHARS, "too many characters: {name}");
        assert!(name.len() <= MAX_FILE_NAME_BYTES, "too many bytes: {name}");
        assert!(!name.chars().any(|c| FORBIDDEN_CHARS.contains(&c) || c.is_control()), "forbidden: {name:?}");
        assert!(!name.ends_with(['.', ' ']), "Windows drops a trailing dot or space: {name:?}");
        assert!(!is_reserved_device(name), "device name: {name}");
        assert!(!name.is_empty());
    }

    #[test]
    fn vietnamese_is_kept_and_composed() {
        // "Trường" typed with a combining grave (NFD from a Mac or a PDF).
        assert_eq!(
            safe_file_name("Danh sách - Trươ\u{0300}ng THCS Lê Lợi", ".docx"),
            "Danh sách - Trường THCS Lê Lợi.docx"
        );
        assert_eq!(safe_file_name("Lịch hết hạn CTS", ".ics"), "Lịch hết hạn CTS.ics");
    }

    #[test]
    fn forbidden_and_control_characters_become_spaces() {
        assert_eq!(name_part("Trường <TH/THCS>: \"A|B\"?*\u{0007}C", 200), "Trường TH THCS A B C");
        assert_eq!(safe_file_name("Báo cáo\tquý 1\r\n2026", ".xlsx"), "Báo cáo quý 1 2026.xlsx");
    }

    #[test]
    fn device_names_are_reserved_with_or_without_extension() {
        for name in
            ["CON", "con", "Prn.docx", "AUX.tar.gz", "nul ", "NUL .txt", "COM1", "com9.ics", "LPT5.eml"]
        {
            assert!(is_reserved_device(name), "{name}");
        }
        for name in ["CONSOLE", "Cơn", "COM10", "LPT", "COMA", "nul1", "Danh sách CON.docx", "_CON"] {
            assert!(!is_reserved_device(name), "{name}");
        }
        assert_eq!(safe_file_name("CON", ".docx"), "_CON.docx");
        assert_eq!(safe_file_name("lpt1", ""), "_lpt1");
        assert_eq!(safe_file_name("nul...", ".ics"), "_nul.ics");
    }

    #[test]
    fn trailing_dots_and_spaces_go() {
        assert_eq!(safe_file_name("Báo cáo. . .", ".docx"), "Báo cáo.docx");
        assert_eq!(safe_file_name("Trường THCS ...", ""), "Trường THCS");
        assert_eq!(name_part("Trường THCS Lê Lợi", 15), "Trường THCS Lê");
    }

    #[test]
    fn nothing_usable_gives_a_plain_name() {
        assert_eq!(safe_file_name("", ".docx"), "Tệp.docx");
        assert_eq!(safe_file_name("???  ...", ".eml"), "Tệp.eml");
        assert_eq!(name_part("<>:", 50), "");
    }

    #[test]
    fn long_names_fit_characters_and_bytes() {
        let long = "Trường Tiểu học và Trung học cơ sở ".repeat(10);
        let name = safe_file_name(&long, ".docx");
        assert_safe(&name);
        assert_eq!(name.chars().count(), MAX_FILE_NAME_CHARS);
        assert!(name.starts_with("Trường Tiểu học") && name.ends_with(" Trường Tiể.docx"), "{name}");

        // Letters of three UTF-8 bytes each: 120 of them would be 360 bytes.
        let dense = "ễ".repeat(200);
        let name = safe_file_name(&dense, ".docx");
        assert_safe(&name);
        assert_eq!(name.len(), 3 * 83 + ".docx".len());
    }

    #[test]
    fn hostile_inputs_always_give_safe_names() {
        let inputs = [
            "CON",
            "nul.",
            " . ",
            "\u{0000}\u{001F}\u{007F}",
            "a\u{2028}b",
            "COM1 ",
            "////",
            "..\\..\\Windows",
            "Nguyễn Văn A: \"Hồ sơ\"?",
            "🙂 Tệp 🙂",
        ];
        for input in inputs {
            for ext in ["", ".docx", ".ics"] {
                assert_safe(&safe_file_name(input, ext));
            }
        }
        assert_eq!(safe_file_name("..\\..\\Windows", ""), "Windows");
    }
}
