//! Reads the sector database's (CSDL ngành) staff export — .xlsx, .xls,
//! .ods or .csv, title rows, merged two-row headers, numbers that lost their
//! zeros — into staff rows validated by the model's one validation, each
//! problem placed at its Excel row and column; and compares a newer export
//! with the register ([`reconcile()`]).
//!
//! Pure: no Tauri, no database, no clock (the caller passes "today"). Any
//! input, however damaged or hostile, gives a report or an [`ImportError`],
//! within the [`Limits`].
//!
//! ```no_run
//! use chungthu_import::{ImportOptions, import_file};
//! # let today = chungthu_model::VnDate::from_ymd(2026, 1, 1).unwrap();
//! let report = import_file("danh_sach.xlsx".as_ref(), &ImportOptions::new(today))?;
//! for problem in report.problems() {
//!     println!("{problem}");
//! }
//! # Ok::<(), chungthu_import::ImportError>(())
//! ```
#![deny(missing_docs)]

mod book;
mod cell;
mod error;
mod format;
mod header;
mod options;
mod preflight;
mod problem;
mod reconcile;
mod rows;
mod values;

pub use book::CSV_SHEET;
pub use cell::column_letter;
pub use error::{ImportError, Result};
pub use format::{FileFormat, detect as detect_format};
pub use header::{ColumnMapping, HEADER_SCAN_ROWS, HeaderCell, ImportField, MappedColumn};
pub use options::{ImportOptions, Limits};
pub use problem::ImportProblem;
pub use reconcile::{
    Conflict, FieldChange, Joiner, Leaver, PersonChanges, ReconcilePlan, RegisterEntry, Returner, reconcile,
};
pub use rows::ImportedRow;

use book::Book;
use rows::Probe;
use serde::Serialize;
use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use ts_rs::TS;

/// The outcome of reading one export.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportReport {
    /// Format detected from the content.
    pub format: FileFormat,
    /// Worksheet names, for the sheet picker.
    pub sheets: Vec<String>,
    /// The sheet read.
    pub sheet: String,
    /// Columns used (detected or given); show it so the user can correct it.
    pub mapping: ColumnMapping,
    /// Every non-empty cell of the header row(s), mapped or not, so the
    /// user can map a column the detection left out.
    pub headers: Vec<HeaderCell>,
    /// Every data row, importable or not, in file order.
    pub rows: Vec<ImportedRow>,
    /// Row number (1-based) where the data was taken to end: the totals row
    /// or the first blank row; `None` when the sheet simply ended.
    pub end_row: Option<u32>,
    /// Counts for the summary line.
    pub counts: ImportCounts,
}

/// Summary counts of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct ImportCounts {
    /// Data rows read.
    pub rows: u32,
    /// Rows without errors (imported).
    pub importable: u32,
    /// Rows with at least one error (not imported).
    pub with_errors: u32,
    /// Importable rows with warnings (imported, flagged).
    pub with_warnings: u32,
}

impl ImportReport {
    /// Every problem of every row, in row order.
    pub fn problems(&self) -> impl Iterator<Item = &ImportProblem> {
        self.rows.iter().flat_map(|r| r.problems.iter())
    }

    /// Rows to store.
    pub fn importable(&self) -> impl Iterator<Item = &ImportedRow> {
        self.rows.iter().filter(|r| !r.has_errors())
    }

    /// Compares this export with the register (see [`reconcile()`]); conflicts
    /// name the CCCD column too.
    pub fn reconcile(&self, register: &[RegisterEntry]) -> ReconcilePlan {
        reconcile::reconcile_with(&self.rows, register, Some(&self.mapping))
    }

    /// The row with Excel row number `row`.
    pub fn row(&self, row: u32) -> Option<&ImportedRow> {
        self.rows.binary_search_by_key(&row, |r| r.row).ok().map(|i| &self.rows[i])
    }
}

fn counts(rows: &[ImportedRow]) -> ImportCounts {
    let count = |f: &dyn Fn(&ImportedRow) -> bool| rows.iter().filter(|r| f(r)).count() as u32;
    ImportCounts {
        rows: rows.len() as u32,
        importable: count(&|r| !r.has_errors()),
        with_errors: count(&ImportedRow::has_errors),
        with_warnings: count(&|r| !r.has_errors() && r.has_warnings()),
    }
}

/// Reads a file into memory, refusing one over `limits.max_file_bytes`.
pub fn read_file(path: &Path, limits: &Limits) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let too_large = |size: u64| ImportError::FileTooLarge {
        size_mb: size.div_ceil(1024 * 1024),
        limit_mb: limits.max_file_bytes / (1024 * 1024),
    };
    let size = file.metadata()?.len();
    if size > limits.max_file_bytes {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // The file may grow between the size check and the read.
    file.take(limits.max_file_bytes + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads and imports the file at `path`.
pub fn import_file(path: &Path, options: &ImportOptions) -> Result<ImportReport> {
    import_bytes(&read_file(path, &options.limits)?, options)
}

/// Worksheet names of a workbook (one, [`CSV_SHEET`], for a CSV).
pub fn sheet_names(bytes: &[u8], limits: &Limits) -> Result<Vec<String>> {
    guarded(|| {
        let format = format::detect(bytes)?;
        Ok(Book::open(bytes, format, limits)?.sheet_names())
    })
}

/// Imports a file already in memory.
pub fn import_bytes(bytes: &[u8], options: &ImportOptions) -> Result<ImportReport> {
    guarded(|| import_guarded(bytes, options))
}

fn import_guarded(bytes: &[u8], options: &ImportOptions) -> Result<ImportReport> {
    let limits = &options.limits;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(ImportError::FileTooLarge {
            size_mb: (bytes.len() as u64).div_ceil(1024 * 1024),
            limit_mb: limits.max_file_bytes / (1024 * 1024),
        });
    }
    let format = format::detect(bytes)?;
    let mut book = Book::open(bytes, format, limits)?;
    let sheets = book.sheet_names();
    let sheet = match &options.sheet {
        Some(name) if sheets.contains(name) => name.clone(),
        Some(name) => return Err(ImportError::SheetNotFound { name: name.clone() }),
        None => pick_sheet(&mut book, &sheets, limits.max_columns)?,
    };
    let data = rows::read_sheet(&mut book, &sheet, options)?;
    Ok(ImportReport {
        format,
        counts: counts(&data.rows),
        sheets,
        sheet,
        mapping: data.mapping,
        headers: data.headers,
        rows: data.rows,
        end_row: data.end_row,
    })
}

/// The first sheet with a staff header; else the first sheet with values
/// (so its error names it), else the first sheet.
fn pick_sheet(book: &mut Book<'_>, sheets: &[String], max_columns: u32) -> Result<String> {
    let mut fallback = None;
    for name in sheets {
        match rows::probe(book, name, max_columns)? {
            Probe::Header => return Ok(name.clone()),
            Probe::NoHeader if fallback.is_none() => fallback = Some(name.clone()),
            Probe::NoHeader | Probe::Empty => {}
        }
    }
    fallback.or_else(|| sheets.first().cloned()).ok_or(ImportError::NoSheets)
}

/// Runs a reader over untrusted bytes. The third-party parsers are meant
/// to return errors, but a panic in one of them on a damaged file must not
/// take the app down: it becomes an error saying the file could not be read.
fn guarded<T>(run: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(run)).unwrap_or(Err(ImportError::ReaderFailed { format: "bảng tính" }))
}
