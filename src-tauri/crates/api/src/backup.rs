//! Backups as use cases: take one now or before a risky action, list them
//! with what they hold, choose their folder, and restore one (after backing
//! up the current data, so a restore can itself be undone).

use crate::{Api, ApiError, ErrorBody, Result};
use chungthu_model::backup::{BackupInfo, BackupReason};
use chungthu_store::audit;
use chungthu_store::backup as files;
use chungthu_store::setting;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The backups folder and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupList {
    /// The folder backups go to now.
    pub dir: String,
    /// The default folder (`backups` beside the database).
    pub default_dir: String,
    /// True when the user chose `dir` (e.g. a USB drive).
    pub chosen: bool,
    /// Backups in `dir`, newest first; also those left in the default folder
    /// (while a chosen drive was unplugged) when it differs.
    pub items: Vec<BackupInfo>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Restored {
    /// The backup now in use.
    pub restored: BackupInfo,
    /// The backup of the data as it was just before: restore it to undo.
    pub undo: BackupInfo,
}

impl Api {
    /// Takes a backup for `reason` (before an import or a reconcile writes,
    /// before a restore…) and prunes old ones. Call it before opening the
    /// write transaction: when it fails, do not write.
    pub fn backup_before(&self, reason: BackupReason) -> Result<BackupInfo> {
        let path = self.store.backup(reason)?;
        describe(&path)
    }

    /// "Sao lưu ngay".
    pub fn backup_now(&self) -> Result<BackupInfo> {
        self.backup_before(BackupReason::Manual)
    }

    /// The daily backup, taken on the first start of the day: `None` when one
    /// was already taken today. A failure does not stop the app: it becomes
    /// a warning in [`crate::AppInfo`].
    pub fn backup_daily_if_due(&mut self) -> Option<BackupInfo> {
        // The backups' names carry the computer's clock: so does this check
        // (a pinned "today" is for the rules, not for the files).
        let today = files::now_local().date();
        let dirs = [self.store.backup_dir(), files::default_dir(self.store.path())];
        let done = dirs.iter().any(|d| {
            files::names(d)
                .unwrap_or_default()
                .iter()
                .any(|(at, r)| *r == BackupReason::Daily && at.date() == today)
        });
        if done {
            return None;
        }
        match self.backup_before(BackupReason::Daily) {
            Ok(info) => Some(info),
            Err(e) => {
                self.warnings.push(format!("Chưa sao lưu được hôm nay: {e}"));
                None
            }
        }
    }

    /// The backups, with what each holds.
    pub fn backups(&self) -> Result<BackupList> {
        let dir = self.store.backup_dir();
        let default_dir = files::default_dir(self.store.path());
        let mut items = files::list(&dir)?;
        if dir != default_dir {
            // Taken while the chosen drive was away: still worth offering.
            items.extend(files::list(&default_dir).unwrap_or_default());
            items.sort_by(|a, b| b.file_name.cmp(&a.file_name));
        }
        Ok(BackupList {
            chosen: dir != default_dir,
            dir: dir.display().to_string(),
            default_dir: default_dir.display().to_string(),
            items,
        })
    }

    /// Chooses the backups folder (`None` or "" for the default one). The
    /// folder is created and a test file written and removed first, so a
    /// read-only or missing drive is refused now rather than at the next
    /// backup.
    pub fn set_backup_dir(&mut self, dir: Option<&str>) -> Result<BackupList> {
        let value = dir.map(str::trim).filter(|d| !d.is_empty()).map(PathBuf::from);
        if let Some(d) = &value {
            check_writable(d)?;
        }
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            setting::set(
                tx,
                files::DIR_SETTING,
                &value.as_ref().map(|d| d.display().to_string()).unwrap_or_default(),
            )?;
            audit::record(tx, &os_user, "setting", None, "update", &[files::DIR_SETTING])?;
            Ok::<_, ApiError>(())
        })?;
        self.backups()
    }

    /// Replaces the data with the backup named `file_name` (as listed by
    /// [`Api::backups`]). The current data is backed up first; the answer
    /// names that backup so the restore can be undone.
    pub fn restore_backup(&mut self, file_name: &str) -> Result<Restored> {
        let path = self.find_backup(file_name)?;
        let restored = describe(&path)?;
        if let Some(problem) = &restored.problem {
            return Err(ApiError::Refused(problem.clone()));
        }
        // Not pruned: pruning now could delete the very file being restored.
        let undo = describe(&self.store.backup_without_pruning(BackupReason::BeforeRestore)?)?;
        self.store.restore_from(&path)?;
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            audit::record(tx, &os_user, "database", None, "restore", &[])?;
            Ok::<_, ApiError>(())
        })?;
        files::prune(&self.store.backup_dir(), files::now_local())?;
        Ok(Restored { restored, undo })
    }

    /// A backup by file name, only inside the backups folders: the window
    /// sends a name, never a path.
    fn find_backup(&self, file_name: &str) -> Result<PathBuf> {
        if files::parse_file_name(file_name).is_none() {
            return Err(ApiError::NotFound(format!(
                "“{file_name}” không phải tên một bản sao lưu của ChungThu."
            )));
        }
        [self.store.backup_dir(), files::default_dir(self.store.path())]
            .into_iter()
            .map(|d| d.join(file_name))
            .find(|p| p.is_file())
            .ok_or_else(|| {
                ApiError::NotFound(format!(
                    "Không tìm thấy bản sao lưu {file_name} trong thư mục sao lưu. Kiểm tra ổ USB đã cắm chưa."
                ))
            })
    }
}

fn describe(path: &Path) -> Result<BackupInfo> {
    files::describe(path)
        .ok_or_else(|| ApiError::NotFound(format!("Không đọc được bản sao lưu {}.", path.display())))
}

fn check_writable(dir: &Path) -> Result<()> {
    let refuse = |e: std::io::Error| {
        ApiError::Refused(format!(
            "Không dùng được thư mục {} để sao lưu ({e}). Kiểm tra ổ đĩa (USB) đã cắm và cho phép ghi.",
            dir.display()
        ))
    };
    if !dir.is_absolute() {
        return Err(ApiError::Refused(format!(
            "Thư mục sao lưu phải là đường dẫn đầy đủ (ví dụ E:\\SaoLuuChungThu), không phải “{}”.",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir).map_err(refuse)?;
    let probe = dir.join(".chungthu-thu-ghi.tmp");
    std::fs::write(&probe, b"ChungThu").map_err(refuse)?;
    std::fs::remove_file(&probe).map_err(refuse)?;
    Ok(())
}

/// Whether the error screen's recovery may run, given how opening the
/// register went: only a damaged database that could not be opened is
/// replaced this way (an open one is restored from the data page, where the
/// restore can be undone).
pub fn check_recovery(open: std::result::Result<&Api, &ErrorBody>) -> Result<()> {
    match open {
        Ok(_) => Err(ApiError::Refused(
            "Dữ liệu đang mở bình thường: hãy khôi phục ở trang “Dữ liệu & sao lưu” (có bản sao lưu để hoàn tác).".into(),
        )),
        Err(e) if e.code != "damaged" => {
            Err(ApiError::Refused("Chỉ khôi phục theo cách này khi tệp dữ liệu bị hỏng.".into()))
        }
        Err(_) => Ok(()),
    }
}

/// The backups found beside a database that cannot be opened (damaged), in
/// the default folder and in the chosen one when it can still be read from
/// the damaged file; newest first. Used by the window's error screen.
pub fn backups_for_recovery(db: &Path) -> Vec<BackupInfo> {
    let mut items = Vec::new();
    let default = files::default_dir(db);
    let chosen = files::chosen_dir_of_file(db).filter(|d| *d != default);
    for dir in std::iter::once(default).chain(chosen) {
        items.extend(files::list(&dir).unwrap_or_default());
    }
    items.sort_by(|a, b| b.file_name.cmp(&a.file_name));
    items
}

/// What a recovery did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Recovered {
    /// Where the damaged file was moved (kept, never deleted).
    pub damaged_moved_to: Option<String>,
    /// The backup now in use.
    pub restored: BackupInfo,
}

/// Puts the backup `file_name` in place of the damaged database at `db`
/// (moved aside first, never overwritten) and opens it. Only for a database
/// that could not be opened: nothing else may have it open.
pub fn recover(db: &Path, file_name: &str) -> Result<(Api, Recovered)> {
    if files::parse_file_name(file_name).is_none() {
        return Err(ApiError::NotFound(format!(
            "“{file_name}” không phải tên một bản sao lưu của ChungThu."
        )));
    }
    let default = files::default_dir(db);
    let chosen = files::chosen_dir_of_file(db);
    let path = std::iter::once(default)
        .chain(chosen)
        .map(|d| d.join(file_name))
        .find(|p| p.is_file())
        .ok_or_else(|| ApiError::NotFound(format!("Không tìm thấy bản sao lưu {file_name}.")))?;
    let restored = describe(&path)?;
    if let Some(problem) = &restored.problem {
        return Err(ApiError::Refused(problem.clone()));
    }
    let moved = files::recover(db, &path, files::now_local())?;
    let mut api = Api::open(db)?;
    let os_user = api.os_user.clone();
    api.store.write(|tx| {
        audit::record(tx, &os_user, "database", None, "recover", &[])?;
        Ok::<_, ApiError>(())
    })?;
    Ok((api, Recovered { damaged_moved_to: moved.map(|p| p.display().to_string()), restored }))
}
