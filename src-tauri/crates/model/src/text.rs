//! Text cleaning and folding: what every name, header and search query goes
//! through before it is compared or stored.

use unicode_normalization::{IsNormalized, UnicodeNormalization, char::is_combining_mark, is_nfc_quick};

/// One line of user text: NFC, control characters removed (they would corrupt
/// the Word forms), surrounding space trimmed and inner runs of white space
/// collapsed to one space.
pub fn clean_line(s: &str) -> String {
    // Most text is already clean; normalising it anyway was the costliest
    // step of importing a large export.
    if is_clean_line(s) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    // Controls go before composing: removed afterwards, one between a letter
    // and its tone marks left the marks uncomposed (found by fuzzing).
    let kept: String =
        s.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).filter(|c| !is_xml_unsafe(*c)).collect();
    let text: String = kept.nfc().collect();
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when `clean_line` would return `s` unchanged.
fn is_clean_line(s: &str) -> bool {
    let spaced = s.starts_with(' ') || s.ends_with(' ') || s.contains("  ");
    let odd = |c: char| c != ' ' && (c.is_whitespace() || is_xml_unsafe(c));
    !spaced && !s.chars().any(odd) && (s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes)
}

/// Free text that may span lines (notes): NFC, line breaks kept as `\n`,
/// other control characters removed, trimmed.
pub fn clean_multiline(s: &str) -> String {
    let kept: String = s
        .replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|c| *c == '\n' || *c == '\t' || !is_xml_unsafe(*c))
        .collect();
    let text: String = kept.nfc().collect();
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim().to_owned()
}

/// Characters that XML 1.0 does not allow, plus the C1 controls and the
/// line/paragraph separators that Word shows as garbage.
fn is_xml_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Folded form for search and loose matching: lower case, tone marks and
/// other diacritics removed, `đ` → `d`, white space collapsed. "Đặng Thị
/// Hương" → "dang thi huong".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfd() {
        if is_combining_mark(c) || is_xml_unsafe(c) && !c.is_whitespace() {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Keeps only the ASCII digits of `s` ("0912.345 678" → "0912345678").
pub fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_tones_and_d_stroke() {
        assert_eq!(fold("Nguyễn Thị Hương"), "nguyen thi huong");
        assert_eq!(fold("ĐẶNG  Văn\u{00A0}Đức"), "dang van duc");
        // NFD input folds the same as NFC input.
        assert_eq!(fold("Nguye\u{0302}\u{0303}n"), "nguyen");
    }

    #[test]
    fn clean_line_normalises_and_collapses() {
        assert_eq!(clean_line("  Nguye\u{0302}\u{0303}n   Văn\tAn \u{0007}"), "Nguyễn Văn An");
        assert_eq!(clean_line("\u{0001}\u{001F}"), "");
        for clean in ["Nguyễn Văn An", "Tổ Toán - Tin", ""] {
            assert!(is_clean_line(clean) && clean_line(clean) == clean, "{clean:?}");
        }
        for unclean in [" a", "a  b", "a\u{00A0}b", "x\u{0007}", "Ho\u{0323}"] {
            assert!(!is_clean_line(unclean), "{unclean:?}");
        }
    }

    #[test]
    fn a_control_between_a_letter_and_its_marks_does_not_leave_them_decomposed() {
        // Found by fuzz/clean_line_docx: the control was removed after NFC.
        let s = clean_line("Nguye\u{0000}\u{0000}\u{0302}\u{0303}n  Thi\u{0001}\u{0323}");
        assert_eq!(s, "Nguyễn Thị");
        assert_eq!(clean_line(&s), s, "cleaning twice changes nothing");
        assert_eq!(clean_multiline("Nguye\u{0007}\u{0302}\u{0303}n"), "Nguyễn");
    }

    #[test]
    fn clean_multiline_keeps_line_breaks_only() {
        assert_eq!(clean_multiline(" dòng 1 \r\ndòng\u{000B} 2\n"), "dòng 1\ndòng 2");
    }
}
