//! Where the database lives: `--db PATH`, else `CHUNGTHU_DB`, else the
//! per-user app-data folder (`%APPDATA%\ChungThu` on Windows,
//! `~/.local/share/ChungThu` on Linux).

use std::path::PathBuf;

/// Environment variable that overrides the default database path.
pub const DB_ENV: &str = "CHUNGTHU_DB";

/// The database file name in the app-data folder.
pub const DB_FILE: &str = "chungthu.db";

/// Picks the database path: explicit, then environment, then default.
pub fn resolve_db(explicit: Option<PathBuf>) -> PathBuf {
    explicit
        .or_else(|| std::env::var_os(DB_ENV).filter(|v| !v.is_empty()).map(PathBuf::from))
        .unwrap_or_else(default_db)
}

/// The per-user default location.
pub fn default_db() -> PathBuf {
    let base = directories::BaseDirs::new()
        .map(|d| d.data_dir().to_owned())
        // No home folder at all (a service account): keep the data beside the program
        // rather than in a temporary folder that gets wiped.
        .unwrap_or_else(|| PathBuf::from("."));
    base.join("ChungThu").join(DB_FILE)
}
