//! Where the database lives: `--db PATH`, else `CHUNGTHU_DB`, else the
//! per-user app-data folder (`%APPDATA%\ChungThu` on Windows,
//! `~/.local/share/ChungThu` on Linux); and where exported files are first
//! offered (the user's Documents folder).

use std::path::{Path, PathBuf};

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

/// The per-user default location. `BaseDirs::data_dir` is the roaming
/// app-data folder on Windows (`FOLDERID_RoamingAppData`, i.e.
/// `C:\Users\<name>\AppData\Roaming`), which the installer's "delete data"
/// choice also names; on a school domain it follows the user between PCs.
pub fn default_db() -> PathBuf {
    let base = directories::BaseDirs::new()
        .map(|d| d.data_dir().to_owned())
        // No home folder at all (a service account): keep the data beside the program
        // rather than in a temporary folder that gets wiped.
        .unwrap_or_else(|| PathBuf::from("."));
    base.join("ChungThu").join(DB_FILE)
}

/// The folder a save dialog opens in for exported forms, calendars and
/// e-mail drafts: the user's Documents folder (`FOLDERID_Documents` on
/// Windows, which is the OneDrive folder when OneDrive backs Documents up;
/// `XDG_DOCUMENTS_DIR` on Linux), else the home folder, else the current
/// folder.
pub fn default_export_dir() -> PathBuf {
    let documents = directories::UserDirs::new().and_then(|u| u.document_dir().map(Path::to_owned));
    let home = directories::BaseDirs::new().map(|b| b.home_dir().to_owned());
    export_dir_from(documents, home)
}

fn export_dir_from(documents: Option<PathBuf>, home: Option<PathBuf>) -> PathBuf {
    documents.or(home).unwrap_or_else(|| PathBuf::from("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_go_to_documents_then_home() {
        let docs = PathBuf::from("/home/nguyen/OneDrive - Trường THCS/Tài liệu");
        let home = PathBuf::from("/home/nguyen");
        assert_eq!(export_dir_from(Some(docs.clone()), Some(home.clone())), docs);
        assert_eq!(export_dir_from(None, Some(home.clone())), home, "no Documents folder configured");
        assert_eq!(export_dir_from(None, None), PathBuf::from("."));
    }

    #[test]
    fn the_default_export_dir_is_the_users_documents_or_home() {
        let dir = default_export_dir();
        let user = directories::UserDirs::new().expect("tests run with a home folder");
        let expected = user.document_dir().unwrap_or(user.home_dir());
        assert_eq!(dir, expected);
        assert!(dir.is_absolute(), "{}", dir.display());
    }

    /// Built from what the installer and the README say, not from the code's
    /// own expression: the installer's "delete data" must name this folder.
    #[test]
    fn the_database_folder_is_the_one_the_installer_names() {
        let nsi = include_str!("../../../../installer/windows/chungthu.nsi");
        let data_dir = nsi
            .lines()
            .find_map(|l| l.strip_prefix("!define DATA_DIR "))
            .expect("the installer defines DATA_DIR")
            .trim()
            .trim_matches('"');
        assert_eq!(data_dir, r"$APPDATA\ChungThu", "the README's %APPDATA%\\ChungThu");
        #[cfg(windows)]
        let base = PathBuf::from(std::env::var_os("APPDATA").expect("APPDATA is set on Windows"));
        // The README's ~/.local/share, which XDG_DATA_HOME moves when set.
        #[cfg(not(windows))]
        let base = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .filter(|d| d.is_absolute())
            .unwrap_or_else(|| {
                PathBuf::from(std::env::var_os("HOME").expect("tests run with a home")).join(".local/share")
            });
        assert_eq!(default_db(), base.join("ChungThu").join("chungthu.db"));
    }
}
