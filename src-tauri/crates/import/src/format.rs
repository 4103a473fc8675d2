//! Tells the file's format from its bytes, not its name: users rename files,
//! systems export HTML as ".xls", and a password-protected workbook is an
//! OLE container whatever its extension says.

use crate::error::{ImportError, Result};
use serde::Serialize;
use std::io::{Cursor, Read};
use ts_rs::TS;

/// A spreadsheet format this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FileFormat {
    /// Excel 2007+ workbook.
    Xlsx,
    /// Excel 97-2003 workbook.
    Xls,
    /// OpenDocument spreadsheet (LibreOffice).
    Ods,
    /// UTF-8 text, comma or semicolon separated.
    Csv,
}

impl FileFormat {
    /// Name shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            FileFormat::Xlsx => "Excel (.xlsx)",
            FileFormat::Xls => "Excel 97-2003 (.xls)",
            FileFormat::Ods => "OpenDocument (.ods)",
            FileFormat::Csv => "CSV",
        }
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// The format of `bytes`, or why they are not a readable spreadsheet.
pub fn detect(bytes: &[u8]) -> Result<FileFormat> {
    if bytes.is_empty() {
        return Err(ImportError::EmptyFile);
    }
    if bytes.starts_with(ZIP_MAGIC) {
        return detect_zip(bytes);
    }
    if bytes.starts_with(OLE_MAGIC) {
        return detect_ole(bytes);
    }
    detect_text(bytes)
}

fn detect_zip(bytes: &[u8]) -> Result<FileFormat> {
    let damaged = ImportError::Damaged { format: "nén (zip)" };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged)?;
    let has = |zip: &zip::ZipArchive<Cursor<&[u8]>>, name: &str| zip.index_for_name(name).is_some();
    if has(&zip, "xl/workbook.xml") {
        return Ok(FileFormat::Xlsx);
    }
    if has(&zip, "xl/workbook.bin") {
        return Err(ImportError::Unsupported { what: "Excel nhị phân (.xlsb)" });
    }
    if has(&zip, "word/document.xml") {
        return Err(ImportError::NotSpreadsheet { what: "tài liệu Word (.docx)" });
    }
    if has(&zip, "ppt/presentation.xml") {
        return Err(ImportError::NotSpreadsheet { what: "bài trình chiếu PowerPoint (.pptx)" });
    }
    let mut mimetype = String::new();
    if let Ok(file) = zip.by_name("mimetype") {
        // The mimetype entry is a few dozen bytes; never read more.
        let _ = file.take(200).read_to_string(&mut mimetype);
    }
    match mimetype.trim() {
        "application/vnd.oasis.opendocument.spreadsheet" => Ok(FileFormat::Ods),
        "application/vnd.oasis.opendocument.text" => {
            Err(ImportError::NotSpreadsheet { what: "văn bản OpenDocument (.odt)" })
        }
        _ if has(&zip, "content.xml") => Ok(FileFormat::Ods),
        _ => Err(ImportError::NotSpreadsheet { what: "tệp nén (zip)" }),
    }
}

fn detect_ole(bytes: &[u8]) -> Result<FileFormat> {
    let file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|_| ImportError::Damaged { format: FileFormat::Xls.label() })?;
    // An encrypted xlsx/docx is an OLE container holding the encrypted package.
    if file.is_stream("/EncryptedPackage") || file.is_stream("/EncryptionInfo") {
        return Err(ImportError::Encrypted);
    }
    if file.is_stream("/Workbook") || file.is_stream("/Book") {
        return Ok(FileFormat::Xls);
    }
    if file.is_stream("/WordDocument") {
        return Err(ImportError::NotSpreadsheet { what: "tài liệu Word 97-2003 (.doc)" });
    }
    Err(ImportError::NotSpreadsheet { what: "tệp Office không phải bảng tính" })
}

fn detect_text(bytes: &[u8]) -> Result<FileFormat> {
    let known: [(&[u8], &'static str); 6] = [
        (b"%PDF", "tệp PDF"),
        (b"\x89PNG", "ảnh PNG"),
        (b"\xFF\xD8\xFF", "ảnh JPEG"),
        (b"GIF8", "ảnh GIF"),
        (b"{\\rtf", "văn bản RTF"),
        (b"Rar!", "tệp nén RAR"),
    ];
    if let Some((_, what)) = known.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(ImportError::NotSpreadsheet { what });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::CsvEncoding);
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(ImportError::NotSpreadsheet { what: "tệp nhị phân không rõ loại" });
    }
    let text = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let start = String::from_utf8_lossy(&text[..text.len().min(2048)]).to_lowercase();
    let start = start.trim_start();
    if start.starts_with("<html") || start.starts_with("<!doctype html") || start.starts_with("<table") {
        return Err(ImportError::Unsupported { what: "trang web (HTML) đặt đuôi Excel" });
    }
    if start.starts_with("<?xml") {
        return Err(ImportError::Unsupported { what: "bảng tính XML 2003" });
    }
    if std::str::from_utf8(text).is_err() {
        return Err(ImportError::CsvEncoding);
    }
    Ok(FileFormat::Csv)
}

/// The text of a CSV file without its byte-order mark.
pub(crate) fn csv_text(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_files_are_csv_or_refused_with_a_reason() {
        assert_eq!(detect(b"\xEF\xBB\xBFSTT;H\xE1\xBB\x8D t\xC3\xAAn\n").unwrap(), FileFormat::Csv);
        assert_eq!(detect(b"").unwrap_err().code(), "empty_file");
        assert_eq!(detect(b"%PDF-1.7 ...").unwrap_err().code(), "not_spreadsheet");
        assert_eq!(detect(b"STT,T\xEAn\n").unwrap_err().code(), "csv_encoding");
        assert_eq!(detect(b"\xFF\xFEa\x00").unwrap_err().code(), "csv_encoding");
        assert_eq!(detect(b"<html><table>").unwrap_err().code(), "unsupported_format");
        assert_eq!(detect(b"PK\x03\x04garbage").unwrap_err().code(), "damaged");
        assert_eq!(detect(OLE_MAGIC).unwrap_err().code(), "damaged");
    }
}
