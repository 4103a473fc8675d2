//! The SQLite store: opening (WAL, `synchronous=FULL`, foreign keys),
//! forward-only migrations keyed on `user_version`, and one query module per
//! table. No business rules here: the `api` crate decides, this crate keeps.
#![deny(missing_docs)]

pub mod audit;
pub mod certificate;
mod migrate;
pub mod outbox;
pub mod provider;
pub mod request;
pub mod setting;
pub mod staff;
pub mod unit;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use migrate::LATEST_VERSION;
pub use rusqlite;

/// What can go wrong with the database itself.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file cannot be opened or created (permissions, missing drive…).
    #[error("Không mở được tệp dữ liệu {path}: {source}. Kiểm tra quyền ghi vào thư mục này.")]
    Open {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// `quick_check` failed: the file is damaged.
    #[error(
        "Tệp dữ liệu {path} bị hỏng ({detail}). Không ghi gì thêm vào tệp này; hãy khôi phục từ bản sao lưu gần nhất."
    )]
    Damaged {
        /// The database file.
        path: PathBuf,
        /// First line of the check's report.
        detail: String,
    },
    /// The file was written by a newer version of the app.
    #[error(
        "Tệp dữ liệu được tạo bởi phiên bản ChungThu mới hơn (cấu trúc {found}, phiên bản này hiểu đến {supported}). Hãy cài phiên bản mới nhất."
    )]
    NewerVersion {
        /// The file's `user_version`.
        found: i64,
        /// The newest this build knows.
        supported: i64,
    },
    /// Another program holds the database for too long.
    #[error(
        "Dữ liệu đang được một cửa sổ hoặc lệnh ChungThu khác sử dụng. Hãy đóng chương trình đó rồi thử lại."
    )]
    Busy,
    /// Any other SQLite failure (a bug or a broken disk).
    #[error("Lỗi cơ sở dữ liệu: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sqlite(e),
        }
    }
}

/// Result alias of this crate.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// How long a writer waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open, migrated database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (or creates) the database at `path`, checks it and brings its
    /// schema up to date. A damaged file or one from a newer version is
    /// refused and left untouched.
    pub fn open(path: &Path) -> Result<Self> {
        let open_err = |source| StoreError::Open { path: path.to_owned(), source };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| open_err(rusqlite::Error::ToSqlConversionFailure(e.into())))?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(open_err)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let check: String = match conn.query_row("PRAGMA quick_check", [], |r| r.get(0)) {
            Ok(s) => s,
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => e.to_string(),
            Err(e) => return Err(e.into()),
        };
        if check != "ok" {
            let detail = check.lines().next().unwrap_or_default().to_owned();
            return Err(StoreError::Damaged { path: path.to_owned(), detail });
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = Store { conn, path: path.to_owned() };
        migrate::run(&mut store.conn)?;
        staff::refresh_sort_keys(&mut store.conn)?;
        Ok(store)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read-only access.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one write transaction (`BEGIN IMMEDIATE`, so two writers
    /// queue instead of failing halfway): it all lands, or nothing does.
    pub fn write<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let tx =
            self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(StoreError::from)?;
        let value = f(&tx)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }
}
