//! Window commands of certificates, providers, imports, the expiry
//! dashboard and reminders. File dialogs and desktop notifications are
//! shown from here (Rust), so the window needs no plugin permission.

use crate::{AppState, Reply, on_worker, with_api};
use chungthu_api::ErrorBody;
use chungthu_api::certs::{
    CertInput, CertQuery, CertView, Crossing, Dashboard, ImportChoice, ImportItem, ImportOutcome,
    ProviderInput, read_cert_files,
};
use chungthu_api::model::provider::Provider;
use std::path::PathBuf;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_notification::NotificationExt;

#[tauri::command]
pub async fn cert_list(app: AppHandle, query: CertQuery) -> Reply<Vec<CertView>> {
    with_api(&app, move |api| api.list_certificates(&query)).await
}

#[tauri::command]
pub async fn cert_add(app: AppHandle, input: CertInput) -> Reply<CertView> {
    with_api(&app, move |api| api.add_certificate(&input)).await
}

#[tauri::command]
pub async fn cert_edit(app: AppHandle, id: i64, input: CertInput) -> Reply<CertView> {
    with_api(&app, move |api| api.edit_certificate(id, &input)).await
}

#[tauri::command]
pub async fn cert_mark_revoked(app: AppHandle, id: i64, on: String) -> Reply<CertView> {
    with_api(&app, move |api| api.mark_revoked(id, &on)).await
}

#[tauri::command]
pub async fn provider_list(app: AppHandle) -> Reply<Vec<Provider>> {
    with_api(&app, move |api| api.providers()).await
}

#[tauri::command]
pub async fn provider_add(app: AppHandle, input: ProviderInput) -> Reply<Provider> {
    with_api(&app, move |api| api.add_provider(&input)).await
}

#[tauri::command]
pub async fn provider_edit(app: AppHandle, id: i64, input: ProviderInput) -> Reply<Provider> {
    with_api(&app, move |api| api.edit_provider(id, &input)).await
}

/// Reads the files (a folder is searched) without holding the register,
/// then matches them against it.
#[tauri::command]
pub async fn cert_import_preview(app: AppHandle, paths: Vec<String>) -> Reply<Vec<ImportItem>> {
    on_worker(move || {
        let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
        let files = read_cert_files(&paths);
        app.state::<AppState>().call(|api| api.import_preview(&files))
    })
    .await
}

#[tauri::command]
pub async fn cert_import_apply(app: AppHandle, choices: Vec<ImportChoice>) -> Reply<Vec<ImportOutcome>> {
    with_api(&app, move |api| api.import_apply(&choices)).await
}

/// Asks for certificate files; an empty list when the user cancels.
/// Async: the blocking dialog must not run on the main thread.
#[tauri::command]
pub async fn cert_pick_files(app: AppHandle) -> Reply<Vec<String>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Chọn tệp chứng thư số")
        .add_filter("Chứng thư số (.cer, .crt, .p7b)", &["cer", "crt", "p7b", "p7c", "pem", "der"])
        .blocking_pick_files()
        .unwrap_or_default();
    Ok(picked.into_iter().filter_map(|f| f.into_path().ok()).map(|p| p.display().to_string()).collect())
}

/// Asks for a folder of certificate files; `None` when the user cancels.
#[tauri::command]
pub async fn cert_pick_folder(app: AppHandle) -> Reply<Option<String>> {
    let picked = app.dialog().file().set_title("Chọn thư mục chứa chứng thư số").blocking_pick_folder();
    Ok(picked.and_then(|f| f.into_path().ok()).map(|p| p.display().to_string()))
}

#[tauri::command]
pub async fn dashboard(app: AppHandle) -> Reply<Dashboard> {
    with_api(&app, move |api| api.dashboard()).await
}

#[tauri::command]
pub async fn reminder_days_save(app: AppHandle, days: Vec<u32>) -> Reply<Vec<u32>> {
    with_api(&app, move |api| api.save_reminder_days(&days)).await
}

/// Asks where to save the expiry calendar and writes it (atomically, in
/// the api). `None` when the user cancels; else how many certificates.
#[tauri::command]
pub async fn calendar_export(app: AppHandle) -> Reply<Option<usize>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Lưu lịch hết hạn chứng thư số")
        .set_file_name("Lich-het-han-chung-thu-so.ics")
        .add_filter("Lịch (.ics)", &["ics"])
        .blocking_save_file();
    let Some(path) = picked.and_then(|f| f.into_path().ok()) else { return Ok(None) };
    with_api(&app, move |api| api.write_expiry_calendar(&path)).await.map(Some)
}

/// Checks for newly crossed reminder thresholds and, if any, shows one
/// desktop notification (names and days only, never personal numbers).
pub(crate) fn notify_crossings(app: &AppHandle) {
    let crossings = match app.state::<AppState>().call(|api| api.expiry_check()) {
        Ok(c) => c,
        Err(ErrorBody { code, .. }) => {
            // The window shows the same failure on its dashboard; this is for a log.
            eprintln!("ChungThu: không kiểm tra được hạn chứng thư số ({code}).");
            return;
        }
    };
    let Some((title, body)) = notification_text(&crossings) else { return };
    if let Err(e) = app.notification().builder().title(title).body(body).show() {
        eprintln!("ChungThu: không hiện được thông báo ({e}).");
    }
}

fn notification_text(crossings: &[Crossing]) -> Option<(String, String)> {
    if crossings.is_empty() {
        return None;
    }
    let expired = crossings.iter().filter(|c| c.threshold.is_none()).count();
    let soon = crossings.len() - expired;
    let mut parts = Vec::new();
    if expired > 0 {
        parts.push(format!("{expired} chứng thư số đã hết hạn"));
    }
    if soon > 0 {
        parts.push(format!("{soon} chứng thư số sắp hết hạn"));
    }
    let names: Vec<String> = crossings
        .iter()
        .take(3)
        .map(|c| match c.days_left {
            d if d < 0 => format!("{} (đã hết hạn)", c.holder_name),
            d => format!("{} (còn {d} ngày)", c.holder_name),
        })
        .collect();
    let more = if crossings.len() > 3 {
        format!(" và {} chứng thư khác", crossings.len() - 3)
    } else {
        String::new()
    };
    Some((
        format!("ChungThu: {}", parts.join(", ")),
        format!("{}{more}. Mở ChungThu để xem và lập đề nghị.", names.join("; ")),
    ))
}
