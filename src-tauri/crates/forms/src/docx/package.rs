//! Packing the built parts into the .docx file: the repeating header-row
//! patch that docx-rs has no API for, and a Deflate re-zip (docx-rs stores
//! parts uncompressed, ~40× larger).

use crate::error::FormError;
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// Minimum height (twips, 8 mm) of a data table's header row. No other row
/// in a form sets a height, so it marks the rows to repeat on each page.
pub(crate) const HEADER_ROW_MARK: f32 = 454.0;

/// How docx-rs writes the marked row's properties.
const MARKED_ROW: &str = r#"<w:trPr><w:trHeight w:val="454" w:hRule="atLeast" />"#;
/// The same with the repeat flag (CT_TrPrBase is a choice, any order).
const REPEATED_ROW: &str = r#"<w:trPr><w:tblHeader /><w:trHeight w:val="454" w:hRule="atLeast" />"#;

/// Turns every marked row of `document.xml` into a repeating header row.
/// `expected` is the number of data tables: a different count means the
/// marker's spelling changed with docx-rs, and the form would silently lose
/// its repeated headers.
pub(crate) fn repeat_header_rows(document: &[u8], expected: usize) -> Result<Vec<u8>, FormError> {
    let xml = std::str::from_utf8(document).map_err(|e| FormError::Docx(e.to_string()))?;
    let found = xml.matches(MARKED_ROW).count();
    if found != expected {
        return Err(FormError::Docx(format!(
            "không đánh dấu được dòng tiêu đề lặp lại ({found}/{expected} bảng)"
        )));
    }
    Ok(xml.replace(MARKED_ROW, REPEATED_ROW).into_bytes())
}

/// Rewrites a stored zip with every entry deflated.
pub(crate) fn deflate(stored: &[u8]) -> Result<Vec<u8>, FormError> {
    let zip_error = |e: zip::result::ZipError| FormError::Docx(e.to_string());
    let io_error = |e: std::io::Error| FormError::Docx(e.to_string());
    let mut input = ZipArchive::new(Cursor::new(stored)).map_err(zip_error)?;
    let mut output = ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 8)));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let mut buffer = Vec::new();
    for i in 0..input.len() {
        let mut entry = input.by_index(i).map_err(zip_error)?;
        // OPC packages need no directory entries; Word ignores them.
        if entry.is_dir() {
            continue;
        }
        buffer.clear();
        entry.read_to_end(&mut buffer).map_err(io_error)?;
        output.start_file(entry.name().map_err(zip_error)?, options).map_err(zip_error)?;
        output.write_all(&buffer).map_err(io_error)?;
    }
    Ok(output.finish().map_err(zip_error)?.into_inner())
}
