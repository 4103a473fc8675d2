//! What the caller chooses for one import: the sheet, a column mapping the
//! user confirmed, the date used as "today", and the safety limits.

use crate::header::ColumnMapping;
use chungthu_model::VnDate;

/// Bounds that keep a hostile or damaged file from exhausting memory or time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_file_bytes: u64,
    /// Most data rows accepted below the header.
    pub max_rows: u32,
    /// Columns read; cells further right are ignored (a stray cell at
    /// column XFD must not make every row 16,384 cells wide).
    pub max_columns: u32,
    /// Longest cell text accepted, in characters; a longer cell makes its
    /// row an error.
    pub max_cell_chars: usize,
    /// Most cells an old-format (.xls, .ods) workbook may spread over in
    /// total: those formats are loaded whole, so a far-away cell is refused
    /// up front instead of being allocated.
    pub max_loaded_cells: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 50 * 1024 * 1024,
            max_rows: 100_000,
            max_columns: 100,
            max_cell_chars: 1_000,
            max_loaded_cells: 10_000_000,
        }
    }
}

/// Choices for one import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// "Today", bounding birth and issue dates (the crate has no clock).
    pub today: VnDate,
    /// The sheet the user picked; `None` takes the first sheet with a staff header.
    pub sheet: Option<String>,
    /// A mapping the user confirmed earlier (e.g. remembered by
    /// [`ColumnMapping::signature`]); `None` detects the header.
    pub mapping: Option<ColumnMapping>,
    /// Safety limits.
    pub limits: Limits,
}

impl ImportOptions {
    /// Detect everything, default limits.
    pub fn new(today: VnDate) -> Self {
        ImportOptions { today, sheet: None, mapping: None, limits: Limits::default() }
    }
}
