//! ChungThu's forms: the Department's official lists as Word documents laid
//! out per Decree 30/2020/NĐ-CP (issuance, revocation, renewal, change of
//! information, certificates in use, official e-mail request), the
//! certificates list as an Excel workbook, and suggested file names.
//!
//! Pure: builds bytes from data already loaded by the caller; no files, no
//! database, no clock (the caller passes the date).
#![deny(missing_docs)]

mod content;
mod docx;
mod error;
mod file_name;
mod input;
mod page;
mod spec;
mod xlsx;

pub use docx::build_docx;
pub use error::{FormError, Result};
pub use file_name::{FileFormat, MAX_FILE_NAME_CHARS, default_file_name};
pub use input::{
    CertChangeRow, CertificateRow, DateLine, EmailPersonRow, EmailRequest, Form, FormKind, IssuanceRow,
    RevocationRow, Signer, UnitInfo,
};
pub use page::{CellAlign, FormPage, PageColumn, PageGeometry, PageTable, form_page};
pub use xlsx::certificates_xlsx;
