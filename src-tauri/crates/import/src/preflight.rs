//! Size checks run before calamine loads an .xls or .ods workbook.
//!
//! Those two readers load every sheet whole, into a dense grid spanning the
//! first to the last used cell (xlsx is streamed instead, see `book`). One
//! stray cell far away, or a damaged size record, would make that grid
//! billions of cells and abort the process. These scans walk the file with
//! constant memory and estimate what calamine would allocate, so such a file
//! is refused with a message instead.

use crate::error::{ImportError, Result};
use crate::format::FileFormat;
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Cursor, Read};

/// Estimated cells calamine would hold for the .xls in `bytes`.
pub(crate) fn xls_cells(bytes: &[u8]) -> Result<u64> {
    let damaged = || ImportError::Damaged { format: FileFormat::Xls.label() };
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|_| damaged())?;
    let name = if file.is_stream("/Workbook") { "/Workbook" } else { "/Book" };
    let mut stream = Vec::new();
    file.open_stream(name).and_then(|mut s| s.read_to_end(&mut stream)).map_err(|_| damaged())?;

    // Sheet substreams start where the globals' BoundSheet8 records point.
    let mut starts = Vec::new();
    for (typ, data) in records(&stream) {
        match typ {
            0x0085 if data.len() >= 4 => starts.push(u32le(data) as usize),
            0x000A => break,
            _ => (),
        }
    }
    let mut total = 0u64;
    for start in starts {
        total = total.saturating_add(stream.get(start..).map_or(0, xls_sheet_cells));
    }
    Ok(total)
}

/// Cells one sheet substream makes calamine allocate: the capacity reserved
/// from its DIMENSIONS record plus the dense grids (values and formulas)
/// spanning its cells. Mirrors calamine's walk: stop at the sheet's EOF,
/// skip nested substreams (charts).
fn xls_sheet_cells(stream: &[u8]) -> u64 {
    let mut reserved = 0u64;
    let mut span = Span::default();
    let mut depth = 0usize;
    let mut seen_bof = false;
    for (typ, d) in records(stream) {
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => (),
            }
            continue;
        }
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            0x0200 => reserved = reserved.saturating_add(xls_dimensions(d)),
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 if d.len() >= 4 => {
                span.add(u64::from(u16le(d)), u64::from(u16le(&d[2..])));
            }
            0x00BD if d.len() >= 6 => {
                let row = u64::from(u16le(d));
                span.add(row, u64::from(u16le(&d[2..])));
                span.add(row, u64::from(u16le(&d[d.len() - 2..])));
            }
            _ => (),
        }
    }
    reserved.saturating_add(span.area().saturating_mul(2))
}

/// What calamine reserves for a DIMENSIONS record; a record whose last row
/// or column lies before its first is counted as unbounded.
fn xls_dimensions(d: &[u8]) -> u64 {
    let (rf, rl, cf, cl) = match d.len() {
        10 => (
            u64::from(u16le(d)),
            u64::from(u16le(&d[2..])),
            u64::from(u16le(&d[4..])),
            u64::from(u16le(&d[6..])),
        ),
        14 | 16 => (
            u64::from(u32le(d)),
            u64::from(u32le(&d[4..])),
            u64::from(u16le(&d[8..])),
            u64::from(u16le(&d[10..])),
        ),
        _ => return 0,
    };
    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
    if rl == 0 || cl == 0 {
        return 1;
    }
    if rl - 1 < rf {
        return u64::MAX;
    }
    (rl - rf).saturating_mul(cl - cf)
}

/// BIFF records of a stream: (type, data); stops at a truncated record.
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let typ = u16le(rest.get(..2)?);
        let len = usize::from(u16le(rest.get(2..4)?));
        let data = rest.get(4..4 + len)?;
        rest = &rest[4 + len..];
        Some((typ, data))
    })
}

fn u16le(b: &[u8]) -> u16 {
    u16::from_le_bytes([b[0], b[1]])
}

fn u32le(b: &[u8]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// Bounding box of used cells.
#[derive(Default)]
struct Span {
    bounds: Option<(u64, u64, u64, u64)>,
}

impl Span {
    fn add(&mut self, row: u64, col: u64) {
        self.bounds = Some(match self.bounds {
            None => (row, row, col, col),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(col), c1.max(col)),
        });
    }

    fn area(&self) -> u64 {
        self.bounds.map_or(0, |(r0, r1, c0, c1)| (r1 - r0 + 1).saturating_mul(c1 - c0 + 1))
    }
}

/// Most bytes of `content.xml` scanned; beyond this the sheet is too large
/// anyway (a zip bomb expands a small file into gigabytes of XML).
const MAX_ODS_XML_BYTES: u64 = 512 * 1024 * 1024;
/// calamine's per-row column cap for .ods.
const ODS_MAX_COLUMNS: u64 = 16_384;

/// Estimated cells calamine would hold for the .ods in `bytes`.
pub(crate) fn ods_cells(bytes: &[u8]) -> Result<u64> {
    let damaged = || ImportError::Damaged { format: FileFormat::Ods.label() };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged())?;
    let content = zip.by_name("content.xml").map_err(|_| damaged())?;
    let mut limited = content.take(MAX_ODS_XML_BYTES);
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(&mut limited));
    let mut buf = Vec::new();
    let mut total = 0u64;
    let mut table = OdsTable::default();
    loop {
        buf.clear();
        let event = xml.read_event_into(&mut buf).map_err(|_| damaged())?;
        match event {
            // A cell with children (text) is counted as a value: calamine may
            // read its text as one.
            Event::Start(e) if is_cell(&e) => table.cell(repeat(&e, "table:number-columns-repeated"), true),
            Event::Empty(e) if is_cell(&e) => {
                table.cell(repeat(&e, "table:number-columns-repeated"), has_value(&e));
            }
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                table.row_start(repeat(&e, "table:number-rows-repeated"));
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => table.row_end(),
            Event::End(e) if e.name().as_ref() == "table:table" => {
                total = total.saturating_add(table.cells());
                table = OdsTable::default();
            }
            Event::Eof => break,
            _ => (),
        }
    }
    if limited.limit() == 0 {
        return Ok(u64::MAX);
    }
    Ok(total.saturating_add(table.cells()))
}

fn is_cell(e: &BytesStart<'_>) -> bool {
    matches!(e.name().as_ref(), "table:table-cell" | "table:covered-table-cell")
}

fn has_value(e: &BytesStart<'_>) -> bool {
    e.attributes().flatten().any(|a| {
        matches!(
            a.key.as_ref(),
            "office:value-type" | "office:value" | "table:formula" | "office:string-value"
        )
    })
}

fn repeat(e: &BytesStart<'_>, key: &str) -> u64 {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.value.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

/// Running estimate for one `<table:table>`.
#[derive(Default)]
struct OdsTable {
    /// Cells pushed by calamine while reading rows (values and formulas).
    pushed: u64,
    /// Width of the widest row with a value.
    width: u64,
    /// Rows (repeats expanded) from the first to the last row with a value.
    rows_used: u64,
    /// Rows seen since the last row with a value (counted if another follows).
    rows_pending: u64,
    /// Current row: repeat count, cells so far, cells up to the last value.
    row: (u64, u64, u64),
}

impl OdsTable {
    fn row_start(&mut self, repeats: u64) {
        self.row = (repeats, 0, 0);
    }

    fn cell(&mut self, repeats: u64, non_empty: bool) {
        let (rep, cols, used) = self.row;
        let cols = cols.saturating_add(repeats).min(ODS_MAX_COLUMNS);
        let used = if non_empty { cols } else { used };
        self.row = (rep, cols, used);
    }

    fn row_end(&mut self) {
        let (repeats, _, used) = self.row;
        if used == 0 {
            self.rows_pending = self.rows_pending.saturating_add(repeats);
            return;
        }
        self.pushed = self.pushed.saturating_add(used);
        self.width = self.width.max(used);
        if self.rows_used > 0 {
            self.rows_used = self.rows_used.saturating_add(self.rows_pending);
        }
        self.rows_used = self.rows_used.saturating_add(repeats);
        self.rows_pending = 0;
    }

    fn cells(&self) -> u64 {
        self.pushed
            .saturating_mul(2)
            .saturating_add(self.rows_used.saturating_mul(self.width).saturating_mul(2))
    }
}

/// Refuses a workbook whose estimated cell count is over `limit`.
pub(crate) fn check(format: FileFormat, cells: u64, limit: u64) -> Result<()> {
    if cells > limit {
        return Err(ImportError::AreaTooLarge { format: format.label(), cells, limit });
    }
    Ok(())
}
