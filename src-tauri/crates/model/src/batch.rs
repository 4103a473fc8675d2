//! The Word lists exported for the principal's signature.

use crate::VnDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which list a batch is.
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BatchKind {
    /// Danh sách đề nghị cấp chứng thư số.
    Issuance,
    /// Danh sách thu hồi.
    Revocation,
    /// Danh sách đề nghị gia hạn.
    Renewal,
    /// Danh sách đề nghị thay đổi thông tin.
    Change,
    /// Danh sách chứng thư số đang sử dụng.
    Certificates,
    /// Tổng hợp đề nghị cấp email công vụ.
    EmailSummary,
}

impl BatchKind {
    /// Every kind, in menu order.
    pub const ALL: [BatchKind; 6] = [
        BatchKind::Issuance,
        BatchKind::Revocation,
        BatchKind::Renewal,
        BatchKind::Change,
        BatchKind::Certificates,
        BatchKind::EmailSummary,
    ];

    /// Database and JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            BatchKind::Issuance => "issuance",
            BatchKind::Revocation => "revocation",
            BatchKind::Renewal => "renewal",
            BatchKind::Change => "change",
            BatchKind::Certificates => "certificates",
            BatchKind::EmailSummary => "email_summary",
        }
    }

    /// Reads the database spelling.
    pub fn from_db(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The form's title.
    pub fn title(self) -> &'static str {
        match self {
            BatchKind::Issuance => "Danh sách đề nghị cấp chứng thư số",
            BatchKind::Revocation => "Danh sách thu hồi chứng thư số",
            BatchKind::Renewal => "Danh sách đề nghị gia hạn chứng thư số",
            BatchKind::Change => "Danh sách đề nghị thay đổi thông tin chứng thư số",
            BatchKind::Certificates => "Danh sách chứng thư số đang sử dụng",
            BatchKind::EmailSummary => "Đề nghị cấp email công vụ",
        }
    }
}

/// How the date line was printed.
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DateMode {
    /// Ghi ngày hôm nay (the day of the export).
    Today,
    /// Để trống (…, ngày … tháng … năm …) để ghi tay khi ký.
    Blank,
}

impl DateMode {
    /// Database and JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            DateMode::Today => "today",
            DateMode::Blank => "blank",
        }
    }
}

/// Whether the list went out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BatchStatus {
    /// Written, not yet sent.
    Exported,
    /// Sent to the Department.
    Sent,
}

/// An exported list as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Batch {
    /// Row id (the list's number).
    pub id: i64,
    /// Which list.
    pub kind: BatchKind,
    /// File name of the Word document.
    pub file_name: String,
    /// Full path it was written to.
    pub path: String,
    /// SHA-256 of the document's bytes, lower-case hex.
    pub sha256: String,
    /// Rows in the document.
    pub row_count: u32,
    /// How the date line was printed.
    pub date_mode: DateMode,
    /// The date printed, when `date_mode` is `today`.
    pub date_on: Option<VnDate>,
    /// Exported or sent.
    pub status: BatchStatus,
    /// The later list that replaced this one.
    pub superseded_by: Option<i64>,
    /// Full path of the Excel copy, when one was written.
    pub xlsx_path: Option<String>,
    /// SHA-256 of the Excel copy.
    pub xlsx_sha256: Option<String>,
    /// UTC time of the export.
    pub created_at: String,
    /// UTC time it was sent.
    pub sent_at: Option<String>,
}
