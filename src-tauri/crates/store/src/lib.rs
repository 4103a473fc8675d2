//! The SQLite store: opening (WAL, `synchronous=FULL`, foreign keys),
//! forward-only migrations keyed on `user_version`, and one query module per
//! table. No business rules here: the `api` crate decides, this crate keeps.
#![deny(missing_docs)]

pub mod audit;
pub mod backup;
pub mod batch;
pub mod certificate;
mod migrate;
pub mod outbox;
pub mod personal;
pub mod provider;
pub mod request;
pub mod setting;
pub mod staff;
pub mod unit;

use chungthu_model::backup::BackupReason;
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
    /// A backup could not be written or put back (missing USB drive, full
    /// disk, no permission).
    #[error(
        "Không sao lưu hoặc khôi phục được tại {path}: {source}. Kiểm tra ổ đĩa (USB) còn cắm, còn chỗ trống và cho phép ghi, hoặc chọn thư mục sao lưu khác."
    )]
    Backup {
        /// The file or folder concerned.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
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

/// A date column, stored as ISO text; unreadable text reads as no date.
fn date_col(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<chungthu_model::VnDate>> {
    let s: Option<String> = r.get(i)?;
    Ok(s.and_then(|s| chungthu_model::VnDate::parse(&s).ok()))
}

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
        if migrate::pending(&conn)? && has_content(&conn)? {
            // A migration rewrites the schema: keep the data as it was first.
            backup_into_dir(&conn, path, BackupReason::BeforeMigration, true)?;
        }
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

    /// Where backups go: the folder chosen in the settings, else `backups/`
    /// beside the database.
    pub fn backup_dir(&self) -> PathBuf {
        backup::chosen_dir(&self.conn).ok().flatten().unwrap_or_else(|| backup::default_dir(&self.path))
    }

    /// Takes a backup now, then applies the retention rule to its folder.
    /// When the chosen folder cannot be written (a USB drive not plugged in),
    /// the backup goes to the default folder instead: a backup somewhere
    /// beats none. Returns the new file.
    pub fn backup(&self, reason: BackupReason) -> Result<PathBuf> {
        backup_into_dir(&self.conn, &self.path, reason, true)
    }

    /// Like [`Store::backup`] but deletes nothing: before a restore, the
    /// backup about to be restored must not be pruned away.
    pub fn backup_without_pruning(&self, reason: BackupReason) -> Result<PathBuf> {
        backup_into_dir(&self.conn, &self.path, reason, false)
    }

    /// Replaces the whole database with the backup at `file` (checked first)
    /// through SQLite's online backup API, then reopens it: integrity check,
    /// migrations when the backup is older. The caller takes a backup of the
    /// current data first so that this can be undone.
    pub fn restore_from(&mut self, file: &Path) -> Result<()> {
        backup::restore_into(&mut self.conn, file)?;
        *self = Store::open(&self.path)?;
        Ok(())
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

/// True when the file holds anything at all (a brand-new file has nothing
/// worth a backup).
fn has_content(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_schema)", [], |r| r.get(0))?)
}

fn backup_into_dir(conn: &Connection, db: &Path, reason: BackupReason, prune: bool) -> Result<PathBuf> {
    let now = backup::now_local();
    let default = backup::default_dir(db);
    // A file from before the setting table existed has no chosen folder.
    let chosen = backup::chosen_dir(conn).ok().flatten();
    let written = match chosen {
        Some(dir) if dir != default => backup::write(conn, &dir, reason, now)
            .map(|p| (p, dir))
            .or_else(|_| backup::write(conn, &default, reason, now).map(|p| (p, default.clone()))),
        _ => backup::write(conn, &default, reason, now).map(|p| (p, default.clone())),
    };
    let (path, dir) = written?;
    if prune {
        backup::prune(&dir, now)?;
    }
    Ok(path)
}
