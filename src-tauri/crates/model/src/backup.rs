//! Backups of the register as the window and the CLI list them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why a backup was taken; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// "Sao lưu ngay" in the window, or `chungthu backup now`.
    Manual,
    /// The first start of the day.
    Daily,
    /// Before a schema migration.
    BeforeMigration,
    /// Before a spreadsheet import writes.
    BeforeImport,
    /// Before a reconcile with a newer export writes.
    BeforeReconcile,
    /// Before a restore replaces the data (so the restore can be undone).
    BeforeRestore,
}

impl BackupReason {
    /// Every reason.
    pub const ALL: [BackupReason; 6] = [
        BackupReason::Manual,
        BackupReason::Daily,
        BackupReason::BeforeMigration,
        BackupReason::BeforeImport,
        BackupReason::BeforeReconcile,
        BackupReason::BeforeRestore,
    ];

    /// The Vietnamese words in the file name (ASCII, so any file system and
    /// any USB drive takes them).
    pub fn slug(self) -> &'static str {
        match self {
            BackupReason::Manual => "thu-cong",
            BackupReason::Daily => "hang-ngay",
            BackupReason::BeforeMigration => "truoc-khi-nang-cap",
            BackupReason::BeforeImport => "truoc-khi-nhap",
            BackupReason::BeforeReconcile => "truoc-khi-doi-chieu",
            BackupReason::BeforeRestore => "truoc-khi-khoi-phuc",
        }
    }

    /// What the window and the CLI say.
    pub fn label(self) -> &'static str {
        match self {
            BackupReason::Manual => "Sao lưu thủ công",
            BackupReason::Daily => "Sao lưu hằng ngày",
            BackupReason::BeforeMigration => "Trước khi nâng cấp dữ liệu",
            BackupReason::BeforeImport => "Trước khi nhập từ tệp Excel",
            BackupReason::BeforeReconcile => "Trước khi đối chiếu với danh sách mới",
            BackupReason::BeforeRestore => "Trước khi khôi phục",
        }
    }
}

/// What a backup holds, read from the file itself (opened read-only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupContent {
    /// People in the register.
    pub staff: u32,
    /// Certificates.
    pub certificates: u32,
    /// Requests (issuance, renewal, change, revocation).
    pub requests: u32,
    /// The file's schema version (`user_version`).
    pub schema_version: i64,
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupInfo {
    /// The file name (no folder): what the window sends back to restore it.
    pub file_name: String,
    /// Local time it was taken, `yyyy-mm-ddThh:mm:ss`.
    pub taken_at: String,
    /// Why it was taken.
    pub reason: BackupReason,
    /// Size in bytes.
    pub size_bytes: u64,
    /// Counts, when the file could be read.
    pub content: Option<BackupContent>,
    /// Why it cannot be restored (damaged, from a newer version…), in Vietnamese.
    pub problem: Option<String>,
}
