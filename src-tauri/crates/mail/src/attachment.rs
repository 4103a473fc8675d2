//! Files to attach: the Word list and the signed scan. Their type comes from
//! their bytes, and the name's extension must agree, so the receiver's mail
//! program opens them with the right application.

use crate::{MailError, Result};
use chungthu_model::digest::sha256_hex;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// Above this total, many mail servers refuse a message (Gmail: 25 MB).
pub const SIZE_WARNING_BYTES: u64 = 25 * 1000 * 1000;

/// The kinds of file that may be attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// Word document (.docx): the editable list.
    Docx,
    /// PDF: the signed scan.
    Pdf,
    /// JPEG photo or scan.
    Jpeg,
    /// PNG scan.
    Png,
}

impl FileKind {
    /// The MIME type sent in the message.
    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            FileKind::Pdf => "application/pdf",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
        }
    }

    /// What the user calls it.
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Docx => "tệp Word (.docx)",
            FileKind::Pdf => "tệp PDF",
            FileKind::Jpeg => "ảnh JPG",
            FileKind::Png => "ảnh PNG",
        }
    }

    fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Docx => &["docx"],
            FileKind::Pdf => &["pdf"],
            FileKind::Jpeg => &["jpg", "jpeg"],
            FileKind::Png => &["png"],
        }
    }

    /// Recognises a file from its first bytes. A zip is a .docx only when it
    /// holds `word/document.xml` (checked by name in the zip directory).
    pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
        if bytes.starts_with(b"%PDF-") {
            Some(FileKind::Pdf)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileKind::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(FileKind::Png)
        } else if bytes.starts_with(b"PK\x03\x04") && contains(bytes, b"word/document.xml") {
            Some(FileKind::Docx)
        } else {
            None
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// One file to attach, with its checksum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Name shown to the receiver (Vietnamese allowed).
    pub file_name: String,
    /// What it is.
    pub kind: FileKind,
    /// The bytes.
    pub content: Vec<u8>,
    /// SHA-256 of `content`, lowercase hex.
    pub sha256: String,
}

impl Attachment {
    /// Checks the type (content and extension must agree) and computes the checksum.
    pub fn new(file_name: &str, content: Vec<u8>) -> Result<Attachment> {
        let file_name = file_name.trim().to_owned();
        let kind = FileKind::sniff(&content).ok_or_else(|| MailError::UnknownFileType(file_name.clone()))?;
        let extension = Path::new(&file_name)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        if !kind.extensions().contains(&extension.as_str()) {
            return Err(MailError::ExtensionMismatch { name: file_name, actual: kind.label() });
        }
        Ok(Attachment { sha256: sha256_hex(&content), file_name, kind, content })
    }

    /// Reads a file from disk; the attachment keeps the file's own name.
    pub fn read(path: &Path) -> Result<Attachment> {
        let content =
            std::fs::read(path).map_err(|source| MailError::Read { path: path.to_owned(), source })?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Attachment::new(&name, content)
    }

    /// The MIME type sent in the message.
    pub fn mime(&self) -> &'static str {
        self.kind.mime()
    }
}

/// True when the attachments together may be too large for some servers.
pub fn too_large(attachments: &[Attachment]) -> bool {
    total_bytes(attachments) > SIZE_WARNING_BYTES
}

/// Total size of the attachments, in bytes.
pub fn total_bytes(attachments: &[Attachment]) -> u64 {
    attachments.iter().map(|a| a.content.len() as u64).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCX: &[u8] = b"PK\x03\x04....[Content_Types].xml....word/document.xml....";

    #[test]
    fn content_decides_and_extension_must_agree() {
        assert_eq!(Attachment::new("Danh sách.docx", DOCX.to_vec()).unwrap().kind, FileKind::Docx);
        assert_eq!(Attachment::new("scan.PDF", b"%PDF-1.7\n".to_vec()).unwrap().kind, FileKind::Pdf);
        assert_eq!(Attachment::new("scan.jpeg", vec![0xFF, 0xD8, 0xFF, 0xE0]).unwrap().kind, FileKind::Jpeg);
        assert_eq!(
            Attachment::new("scan.png", b"\x89PNG\r\n\x1a\n....".to_vec()).unwrap().mime(),
            "image/png"
        );
        let err = Attachment::new("scan.pdf", b"\x89PNG\r\n\x1a\n".to_vec()).unwrap_err();
        assert!(matches!(err, MailError::ExtensionMismatch { actual: "ảnh PNG", .. }), "{err}");
        // A zip that is not a Word document (an .xlsx holds xl/workbook.xml).
        let err = Attachment::new("bảng.docx", b"PK\x03\x04xl/workbook.xml".to_vec()).unwrap_err();
        assert!(matches!(err, MailError::UnknownFileType(_)), "{err}");
        assert!(matches!(Attachment::new("a.txt", b"hello".to_vec()), Err(MailError::UnknownFileType(_))));
    }

    #[test]
    fn checksum_and_size() {
        let a = Attachment::new("x.pdf", b"%PDF-1.4".to_vec()).unwrap();
        assert_eq!(a.sha256, sha256_hex(b"%PDF-1.4"));
        assert_eq!(a.sha256.len(), 64);
        assert!(!too_large(std::slice::from_ref(&a)));
        let mut big = b"%PDF-".to_vec();
        big.resize(SIZE_WARNING_BYTES as usize + 1, b'0');
        assert!(too_large(&[Attachment::new("big.pdf", big).unwrap()]));
    }
}
