//! Opens a workbook of any supported format and hands its rows, in order,
//! to a visitor that may stop early.
//!
//! xlsx is streamed with calamine's cells reader: `worksheet_range` would
//! allocate the whole declared area, and a sheet whose dimension or a stray
//! cell lies at XFD1048576 aborts the process. Cells right of the column
//! limit are dropped before they are stored. calamine loads .xls and .ods
//! whole when opening them, so those are sized first (`preflight`).

use crate::cell::{Cell, Row};
use crate::error::{ImportError, Result};
use crate::format::{self, FileFormat};
use crate::options::Limits;
use crate::preflight;
use calamine::{
    Data, DataRef, ExcelDateTime, Ods, OdsError, Reader, SheetType, Xls, XlsError, Xlsx, XlsxCellReader,
    XlsxError,
};
use std::borrow::Cow;
use std::io::Cursor;
use std::ops::ControlFlow;
use std::sync::mpsc::sync_channel;

/// Name given to the single "sheet" of a CSV file.
pub const CSV_SHEET: &str = "CSV";

type Source<'b> = Cursor<&'b [u8]>;

/// An opened workbook.
pub(crate) enum Book<'b> {
    Xlsx(Box<Xlsx<Source<'b>>>),
    Xls(Box<Xls<Source<'b>>>),
    Ods(Box<Ods<Source<'b>>>),
    Csv(&'b [u8]),
}

/// Receives each non-empty row: (0-based row index, cells). Returning
/// `Break` stops the reading.
pub(crate) type Visit<'v> = dyn FnMut(u32, &[Cell<'_>]) -> Result<ControlFlow<()>> + 'v;

impl<'b> Book<'b> {
    /// Opens `bytes` as `format`.
    pub(crate) fn open(bytes: &'b [u8], format: FileFormat, limits: &Limits) -> Result<Self> {
        let damaged = ImportError::Damaged { format: format.label() };
        Ok(match format {
            FileFormat::Xlsx => Book::Xlsx(Box::new(Xlsx::new(Cursor::new(bytes)).map_err(|e| match e {
                XlsxError::Password => ImportError::Encrypted,
                _ => damaged,
            })?)),
            FileFormat::Xls => {
                preflight::check(format, preflight::xls_cells(bytes)?, limits.max_loaded_cells)?;
                Book::Xls(Box::new(Xls::new(Cursor::new(bytes)).map_err(|e| match e {
                    XlsError::Password => ImportError::Encrypted,
                    _ => damaged,
                })?))
            }
            FileFormat::Ods => {
                preflight::check(format, preflight::ods_cells(bytes)?, limits.max_loaded_cells)?;
                Book::Ods(Box::new(Ods::new(Cursor::new(bytes)).map_err(|e| match e {
                    OdsError::Password => ImportError::Encrypted,
                    _ => damaged,
                })?))
            }
            FileFormat::Csv => Book::Csv(format::csv_text(bytes)),
        })
    }

    /// The format.
    pub(crate) fn format(&self) -> FileFormat {
        match self {
            Book::Xlsx(_) => FileFormat::Xlsx,
            Book::Xls(_) => FileFormat::Xls,
            Book::Ods(_) => FileFormat::Ods,
            Book::Csv(_) => FileFormat::Csv,
        }
    }

    /// Worksheet names in workbook order (chart sheets left out).
    pub(crate) fn sheet_names(&self) -> Vec<String> {
        let worksheets = |sheets: &[calamine::Sheet]| {
            sheets.iter().filter(|s| s.typ == SheetType::WorkSheet).map(|s| s.name.clone()).collect()
        };
        match self {
            Book::Xlsx(b) => worksheets(b.sheets_metadata()),
            Book::Xls(b) => worksheets(b.sheets_metadata()),
            Book::Ods(b) => worksheets(b.sheets_metadata()),
            Book::Csv(_) => vec![CSV_SHEET.to_owned()],
        }
    }

    /// Reads `sheet` row by row; cells at or right of `max_columns` are dropped.
    pub(crate) fn read(&mut self, sheet: &str, max_columns: u32, visit: &mut Visit<'_>) -> Result<()> {
        let format = self.format();
        let damaged = || ImportError::Damaged { format: format.label() };
        match self {
            Book::Xlsx(book) => {
                let reader = Xlsx::worksheet_cells_reader(book, sheet).map_err(|_| damaged())?;
                read_xlsx_cells(reader, max_columns, visit).map_err(|e| e.unwrap_or_else(damaged))
            }
            Book::Xls(book) => {
                read_range(&book.worksheet_range(sheet).map_err(|_| damaged())?, max_columns, visit)
            }
            Book::Ods(book) => {
                read_range(&book.worksheet_range(sheet).map_err(|_| damaged())?, max_columns, visit)
            }
            Book::Csv(text) => read_csv(text, max_columns, visit),
        }
    }
}

/// Cells parsed per message between the two threads of an xlsx read.
const CELL_BATCH: usize = 1024;

/// Streams an xlsx sheet: calamine parses the XML on a second thread while
/// this one assembles, converts and checks the rows; on a large export the
/// two halves cost about the same. At most a few batches are read ahead, so
/// a visitor that stops after the header wastes little. `Err(None)` means
/// the XML could not be read; `Err(Some(e))` is the visitor's error.
fn read_xlsx_cells<'a>(
    mut reader: XlsxCellReader<'a, Source<'_>>,
    max_columns: u32,
    visit: &mut Visit<'_>,
) -> std::result::Result<(), Option<ImportError>> {
    std::thread::scope(|scope| {
        let (send, receive) = sync_channel::<Option<Vec<(u32, u32, Cell<'a>)>>>(2);
        scope.spawn(move || {
            loop {
                let mut batch = Vec::with_capacity(CELL_BATCH);
                let mut end = false;
                while batch.len() < CELL_BATCH {
                    match reader.next_cell() {
                        Ok(Some(cell)) => {
                            let (row, col) = cell.get_position();
                            if col < max_columns {
                                batch.push((row, col, from_ref(cell.get_value())));
                            }
                        }
                        Ok(None) => {
                            end = true;
                            break;
                        }
                        // Unreadable XML: `None` tells the rows thread.
                        Err(_) => {
                            let _ = send.send(None);
                            return;
                        }
                    }
                }
                // A closed channel: the visitor stopped or failed.
                if send.send(Some(batch)).is_err() || end {
                    return;
                }
            }
        });
        let mut rows = RowAssembler::new(max_columns);
        for batch in receive {
            for (row, col, cell) in batch.ok_or(None)? {
                if rows.push(row, col, cell, visit).map_err(Some)?.is_break() {
                    return Ok(());
                }
            }
        }
        rows.finish(visit).map(drop).map_err(Some)
    })
}

fn read_range(range: &calamine::Range<Data>, max_columns: u32, visit: &mut Visit<'_>) -> Result<()> {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut rows = RowAssembler::new(max_columns);
    for (r, c, value) in range.used_cells() {
        let (Ok(r), Ok(c)) = (u32::try_from(r), u32::try_from(c)) else { break };
        let cell = from_data(value);
        if rows.push(row0.saturating_add(r), col0.saturating_add(c), cell, visit)?.is_break() {
            return Ok(());
        }
    }
    rows.finish(visit).map(drop)
}

/// Groups cells arriving in row order into rows.
struct RowAssembler<'a> {
    max_columns: u32,
    current: Option<u32>,
    cells: Row<'a>,
}

impl<'a> RowAssembler<'a> {
    fn new(max_columns: u32) -> Self {
        RowAssembler { max_columns, current: None, cells: Vec::new() }
    }

    fn push(&mut self, row: u32, col: u32, cell: Cell<'a>, visit: &mut Visit<'_>) -> Result<ControlFlow<()>> {
        if col >= self.max_columns || cell.is_blank() {
            return Ok(ControlFlow::Continue(()));
        }
        match self.current {
            Some(current) if row == current => {}
            Some(current) if row < current => {
                // Rows out of order: a damaged or hand-made file; a
                // spreadsheet program always writes them in order.
                return Err(ImportError::Damaged {
                    format: "bảng tính (các dòng không theo thứ tự)"
                });
            }
            _ => {
                if self.finish(visit)?.is_break() {
                    return Ok(ControlFlow::Break(()));
                }
                self.current = Some(row);
            }
        }
        let col = col as usize;
        if self.cells.len() <= col {
            self.cells.resize(col + 1, Cell::Empty);
        }
        self.cells[col] = cell;
        Ok(ControlFlow::Continue(()))
    }

    fn finish(&mut self, visit: &mut Visit<'_>) -> Result<ControlFlow<()>> {
        let Some(row) = self.current.take() else { return Ok(ControlFlow::Continue(())) };
        let flow = visit(row, &self.cells)?;
        self.cells.clear();
        Ok(flow)
    }
}

fn read_csv(text: &[u8], max_columns: u32, visit: &mut Visit<'_>) -> Result<()> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(csv_delimiter(text))
        .from_reader(text);
    let mut record = csv::StringRecord::new();
    let mut row = 0u32;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(_) => return Err(ImportError::Damaged { format: FileFormat::Csv.label() }),
        }
        let mut cells: Vec<Cell<'_>> =
            record.iter().take(max_columns as usize).map(|t| Cell::Text(Cow::Borrowed(t))).collect();
        while cells.last().is_some_and(Cell::is_blank) {
            cells.pop();
        }
        if !cells.is_empty() && visit(row, &cells)?.is_break() {
            return Ok(());
        }
        row = row.saturating_add(1);
    }
}

/// The separator a CSV uses: Excel writes ';' where the decimal separator
/// is ',' (the Vietnamese setting) and ',' elsewhere; tabs are seen too.
fn csv_delimiter(text: &[u8]) -> u8 {
    let head = &text[..text.len().min(8192)];
    let count = |b: u8| head.iter().filter(|c| **c == b).count();
    [b';', b'\t', b','].into_iter().max_by_key(|b| (count(*b), *b == b',')).unwrap_or(b',')
}

fn date_cell<'a>(dt: &ExcelDateTime) -> Cell<'a> {
    if dt.is_duration() {
        return Cell::Unusable;
    }
    // Excel's own range; outside it calamine clamps instead of failing.
    if !(0.0..2_958_466.0).contains(&dt.as_f64()) {
        return Cell::Date(None);
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    Cell::Date(Some((i32::from(y), m, d)))
}

fn from_ref<'a>(value: &DataRef<'a>) -> Cell<'a> {
    match value {
        DataRef::Empty => Cell::Empty,
        // Inline strings are owned by the cell, which calamine keeps.
        DataRef::String(s) => Cell::Text(Cow::Owned(s.clone())),
        DataRef::SharedString(s) => Cell::Text(Cow::Borrowed(s)),
        DataRef::Float(f) => Cell::Float(*f),
        DataRef::Int(i) => Cell::Int(*i),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => date_cell(dt),
        DataRef::DateTimeIso(s) => Cell::DateIso(Cow::Owned(s.clone())),
        DataRef::DurationIso(_) | DataRef::Error(_) => Cell::Unusable,
    }
}

fn from_data(value: &Data) -> Cell<'_> {
    match value {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(Cow::Borrowed(s)),
        Data::Float(f) => Cell::Float(*f),
        Data::Int(i) => Cell::Int(*i),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => date_cell(dt),
        Data::DateTimeIso(s) => Cell::DateIso(Cow::Borrowed(s)),
        Data::DurationIso(_) | Data::Error(_) => Cell::Unusable,
    }
}
