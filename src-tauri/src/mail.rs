//! Window commands of "Gửi thư": SMTP settings and password, composing from
//! an exported list, the outbox, `.eml` drafts, and the background task that
//! retries due messages. SMTP never runs under the register's lock: an
//! attempt is claimed (committed as `sending`), sent on a worker thread, then
//! recorded.

use crate::{AppState, Reply, on_worker, with_api};
use chungthu_api::mail::{
    DraftSaved, MailCompose, MailPreview, MailSettings, Password, Queued, SmtpSettings, Template,
};
use chungthu_api::model::batch::Batch;
use chungthu_api::model::outbox::OutboxItem;
use std::path::PathBuf;
use std::time::Duration;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;
use time::OffsetDateTime;

/// How often the background task looks for due messages.
const RETRY_EVERY: Duration = Duration::from_secs(60);

#[tauri::command]
pub async fn mail_settings_get(app: AppHandle) -> Reply<MailSettings> {
    with_api(&app, move |api| api.mail_settings()).await
}

#[tauri::command]
pub async fn mail_settings_save(
    app: AppHandle,
    smtp: SmtpSettings,
    template: Template,
) -> Reply<MailSettings> {
    with_api(&app, move |api| api.save_mail_settings(&smtp, &template)).await
}

#[tauri::command]
pub async fn mail_password_save(app: AppHandle, password: String) -> Reply<()> {
    with_api(&app, move |api| api.save_mail_password(&password)).await
}

#[tauri::command]
pub async fn mail_password_forget(app: AppHandle) -> Reply<()> {
    with_api(&app, move |api| api.forget_mail_password()).await
}

#[tauri::command]
pub async fn mail_batches(app: AppHandle) -> Reply<Vec<Batch>> {
    with_api(&app, move |api| api.mail_batches()).await
}

#[tauri::command]
pub async fn mail_preview(app: AppHandle, batch_id: Option<i64>) -> Reply<MailPreview> {
    with_api(&app, move |api| api.mail_preview(batch_id)).await
}

/// Asks for files to attach (Word list or signed scan). Async: the blocking
/// dialog must not run on the main thread.
#[tauri::command]
pub async fn mail_pick_files(app: AppHandle) -> Reply<Vec<String>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Chọn tệp đính kèm")
        .add_filter(
            "Danh sách Word và bản scan (.docx, .pdf, .jpg, .png)",
            &["docx", "pdf", "jpg", "jpeg", "png"],
        )
        .blocking_pick_files()
        .unwrap_or_default();
    Ok(picked.into_iter().filter_map(|f| f.into_path().ok()).map(|p| p.display().to_string()).collect())
}

/// Reads the files and queues the message (on a worker thread: a scan can
/// be large).
#[tauri::command]
pub async fn mail_queue(app: AppHandle, compose: MailCompose) -> Reply<Queued> {
    on_worker(move || {
        let draft = compose.read().map_err(|e| e.body())?;
        app.state::<AppState>().call(|api| api.queue_mail(&draft))
    })
    .await
}

/// Sends one queued message now; `password` when none is stored. The
/// register is locked only to claim and to record, not while the server
/// is talked to.
#[tauri::command]
pub async fn mail_send_now(app: AppHandle, id: i64, password: Option<String>) -> Reply<OutboxItem> {
    on_worker(move || {
        let state = app.state::<AppState>();
        chungthu_api::mail::send_now(&mut &*state, id, password.and_then(Password::new)).map_err(|e| e.body())
    })
    .await
}

/// Asks where to save the draft, then writes it; `None` when the user cancels.
#[tauri::command]
pub async fn mail_draft_save(app: AppHandle, compose: MailCompose) -> Reply<Option<DraftSaved>> {
    let suggested = chungthu_api::model::filename::safe_file_name(&compose.subject, ".eml");
    let Some(path) = app
        .dialog()
        .file()
        .set_title("Lưu thư nháp")
        .set_directory(chungthu_api::paths::default_export_dir())
        .set_file_name(suggested)
        .add_filter("Thư nháp (.eml)", &["eml"])
        .blocking_save_file()
        .and_then(|f| f.into_path().ok())
    else {
        return Ok(None);
    };
    let path: PathBuf = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("eml")) {
        path
    } else {
        path.with_extension("eml")
    };
    on_worker(move || {
        let draft = compose.read().map_err(|e| e.body())?;
        app.state::<AppState>().call(|api| api.write_mail_draft(&draft, &path)).map(Some)
    })
    .await
}

#[tauri::command]
pub async fn outbox_list(app: AppHandle) -> Reply<Vec<OutboxItem>> {
    with_api(&app, move |api| api.outbox()).await
}

#[tauri::command]
pub async fn outbox_cancel(app: AppHandle, id: i64) -> Reply<OutboxItem> {
    with_api(&app, move |api| api.cancel_outbox(id)).await
}

#[tauri::command]
pub async fn outbox_resend(app: AppHandle, id: i64) -> Reply<OutboxItem> {
    with_api(&app, move |api| api.resend_outbox(id)).await
}

#[tauri::command]
pub async fn outbox_confirm_sent(app: AppHandle, id: i64) -> Reply<OutboxItem> {
    with_api(&app, move |api| api.confirm_outbox_sent(id)).await
}

/// A background task that, now and every minute, marks "uncertain" the
/// sends interrupted by a stop (older than any send can take) and attempts
/// the due messages with the stored password.
pub fn start_outbox(app: &AppHandle) {
    let handle = app.clone();
    std::thread::spawn(move || {
        let state = handle.state::<AppState>();
        loop {
            // Failures (the register could not be opened, no password stored)
            // are shown by the window; the task tries again next minute.
            let _ = state.call(|api| api.recover_interrupted_sends(OffsetDateTime::now_utc()));
            let _ = chungthu_api::mail::retry_due(&mut &*state, None);
            std::thread::sleep(RETRY_EVERY);
        }
    });
}
