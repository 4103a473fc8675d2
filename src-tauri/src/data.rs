//! Window commands of the "Dữ liệu & sao lưu" page (backups, restore, the
//! audit log, a person's data) and of the error screen's recovery, which
//! works when the register could not be opened.
//!
//! Files are only ever chosen in dialogs opened here, in Rust: the window
//! never sends a path to write, and names a backup only by its file name.

use crate::{AppState, Reply, on_worker, with_api};
use chungthu_api::audit_log::{AuditPage, AuditQuery};
use chungthu_api::backup::{BackupList, Recovered, Restored};
use chungthu_api::model::backup::BackupInfo;
use chungthu_api::model::staff::Staff;
use chungthu_api::{ErrorBody, backup};
use std::path::PathBuf;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

#[tauri::command]
pub async fn backup_list(app: AppHandle) -> Reply<BackupList> {
    with_api(&app, move |api| api.backups()).await
}

#[tauri::command]
pub async fn backup_now(app: AppHandle) -> Reply<BackupInfo> {
    with_api(&app, move |api| api.backup_now()).await
}

#[tauri::command]
pub async fn backup_restore(app: AppHandle, file_name: String) -> Reply<Restored> {
    with_api(&app, move |api| api.restore_backup(&file_name)).await
}

/// Asks for a folder (a USB drive…); `None` when the user cancelled.
#[tauri::command]
pub async fn backup_dir_choose(app: AppHandle) -> Reply<Option<BackupList>> {
    // Blocking dialogs must not run on the main thread: async commands do not.
    let Some(dir) = app.dialog().file().set_title("Chọn thư mục lưu bản sao lưu").blocking_pick_folder()
    else {
        return Ok(None);
    };
    let dir = local_path(dir)?;
    with_api(&app, move |api| api.set_backup_dir(Some(&dir.display().to_string()))).await.map(Some)
}

#[tauri::command]
pub async fn backup_dir_reset(app: AppHandle) -> Reply<BackupList> {
    with_api(&app, move |api| api.set_backup_dir(None)).await
}

#[tauri::command]
pub async fn audit_search(app: AppHandle, query: AuditQuery) -> Reply<AuditPage> {
    with_api(&app, move |api| api.audit_search(&query)).await
}

/// Saves the filtered audit log as CSV where the user chooses; the path
/// written, or `None` when cancelled.
#[tauri::command]
pub async fn audit_export(app: AppHandle, query: AuditQuery) -> Reply<Option<String>> {
    let Some(path) = app
        .dialog()
        .file()
        .set_title("Lưu nhật ký thay đổi")
        .set_file_name("nhat-ky-thay-doi.csv")
        .add_filter("Tệp CSV (Excel)", &["csv"])
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let path = local_path(path)?;
    let written = path.display().to_string();
    with_api(&app, move |api| api.audit_csv_to(&query, &path)).await.map(|_| Some(written))
}

/// Saves everything held about person `id` as JSON where the user chooses.
#[tauri::command]
pub async fn staff_export_personal(app: AppHandle, id: i64) -> Reply<Option<String>> {
    let Some(path) = app
        .dialog()
        .file()
        .set_title("Lưu dữ liệu cá nhân")
        .set_file_name(format!("du-lieu-ca-nhan-{id}.json"))
        .add_filter("Tệp JSON", &["json"])
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let path = local_path(path)?;
    let written = path.display().to_string();
    with_api(&app, move |api| api.export_person_to(id, &path)).await.map(|_| Some(written))
}

#[tauri::command]
pub async fn staff_erase_personal(app: AppHandle, id: i64) -> Reply<Staff> {
    with_api(&app, move |api| api.erase_personal_data(id)).await
}

fn local_path(p: tauri_plugin_dialog::FilePath) -> Reply<PathBuf> {
    p.into_path().map_err(|_| refused("Chỉ chọn được tệp hoặc thư mục trên máy này."))
}

fn refused(message: &str) -> ErrorBody {
    ErrorBody { code: "refused".into(), message: message.into(), problems: Vec::new() }
}

/// The backups offered on the error screen of a damaged database.
#[tauri::command]
pub async fn recovery_backups(app: AppHandle) -> Reply<Vec<BackupInfo>> {
    on_worker(move || {
        let state = app.state::<AppState>();
        backup::check_recovery(state.register().as_ref()).map_err(|e| e.body())?;
        Ok(backup::backups_for_recovery(&state.db))
    })
    .await
}

/// Puts a backup in place of the damaged database (moved aside, kept) and
/// opens it: the window then starts as usual.
#[tauri::command]
pub async fn recovery_restore(app: AppHandle, file_name: String) -> Reply<Recovered> {
    on_worker(move || {
        let state = app.state::<AppState>();
        let mut register = state.register();
        backup::check_recovery(register.as_ref()).map_err(|e| e.body())?;
        let (mut api, done) = backup::recover(&state.db, &file_name).map_err(|e| e.body())?;
        api.backup_daily_if_due();
        *register = Ok(api);
        Ok(done)
    })
    .await
}
