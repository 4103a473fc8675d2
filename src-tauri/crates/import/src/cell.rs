//! One spreadsheet cell as the importer sees it, whatever the file format,
//! and spreadsheet column letters.

use std::borrow::Cow;

/// A cell's value. Text borrows from the workbook where the format allows
/// (shared strings), so reading a row does not copy every string.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) enum Cell<'a> {
    /// No value.
    #[default]
    Empty,
    /// Text, as stored (not yet cleaned).
    Text(Cow<'a, str>),
    /// A number (xlsx and ods store every number as a float).
    Float(f64),
    /// An integer (.xls gives these where xlsx gives floats).
    Int(i64),
    /// A date-formatted number: (year, month, day), already converted from
    /// the serial with the workbook's epoch, or `None` when out of range.
    Date(Option<(i32, u8, u8)>),
    /// An ISO-8601 date or date-time (ods).
    DateIso(Cow<'a, str>),
    /// TRUE / FALSE.
    Bool(bool),
    /// A formula error (#N/A, #REF!…) or a duration: nothing usable.
    Unusable,
}

impl Cell<'_> {
    /// True when the cell holds nothing visible.
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// A row of cells, index = column (0-based), trimmed of trailing empties.
pub(crate) type Row<'a> = Vec<Cell<'a>>;

/// Spreadsheet column letters for a 0-based index: 0 → "A", 25 → "Z", 26 → "AA".
pub fn column_letter(index: u32) -> String {
    let mut n = u64::from(index) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::column_letter;

    #[test]
    fn letters_follow_spreadsheet_naming() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(16_383), "XFD");
        assert_eq!(column_letter(u32::MAX), "MWLQKWV");
    }
}
