//! Window commands of "Gửi thư": SMTP settings and password, composing from
//! an exported list, the outbox, `.eml` drafts, and the background task that
//! retries due messages. SMTP never runs under the register's lock: an
//! attempt is claimed (committed as `sending`), sent on a worker thread, then
//! recorded.

use crate::{AppState, Reply, with_api};
use chungthu_api::ErrorBody;
use chungthu_api::mail::{Claimed, DraftSaved, MailCompose, MailPreview, MailSettings, Queued};
use chungthu_api::mailer::{Password, SmtpSettings, Template, Transport, send};
use chungthu_api::store::outbox::{BatchFacts, OutboxItem};
use std::path::PathBuf;
use std::time::Duration;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;
use time::OffsetDateTime;

/// How often the background task looks for due messages.
const RETRY_EVERY: Duration = Duration::from_secs(60);

#[tauri::command]
pub fn mail_settings_get(state: State<'_, AppState>) -> Reply<MailSettings> {
    with_api(&state, |api| api.mail_settings())
}

#[tauri::command]
pub fn mail_settings_save(
    state: State<'_, AppState>,
    smtp: SmtpSettings,
    template: Template,
) -> Reply<MailSettings> {
    with_api(&state, |api| api.save_mail_settings(&smtp, &template))
}

#[tauri::command]
pub fn mail_password_save(state: State<'_, AppState>, password: String) -> Reply<()> {
    with_api(&state, |api| api.save_mail_password(&password))
}

#[tauri::command]
pub fn mail_password_forget(state: State<'_, AppState>) -> Reply<()> {
    with_api(&state, |api| api.forget_mail_password())
}

#[tauri::command]
pub fn mail_batches(state: State<'_, AppState>) -> Reply<Vec<BatchFacts>> {
    with_api(&state, |api| api.mail_batches())
}

#[tauri::command]
pub fn mail_preview(state: State<'_, AppState>, batch_id: Option<i64>) -> Reply<MailPreview> {
    with_api(&state, |api| api.mail_preview(batch_id))
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
    on_worker(app, move |state| {
        let draft = compose.read().map_err(|e| e.body())?;
        with_api(&state, |api| api.queue_mail(&draft))
    })
    .await
}

/// Sends one queued message now; `password` when none is stored.
#[tauri::command]
pub async fn mail_send_now(app: AppHandle, id: i64, password: Option<String>) -> Reply<OutboxItem> {
    on_worker(app, move |state| {
        let (claimed, password) = with_api(&state, |api| {
            let password = api.password_for_send(password.and_then(Password::new))?;
            Ok((api.claim_outbox(id, OffsetDateTime::now_utc())?, password))
        })?;
        record(&state, &claimed, password.as_ref())
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
    on_worker(app, move |state| {
        let draft = compose.read().map_err(|e| e.body())?;
        with_api(&state, |api| api.write_mail_draft(&draft, &path)).map(Some)
    })
    .await
}

#[tauri::command]
pub fn outbox_list(state: State<'_, AppState>) -> Reply<Vec<OutboxItem>> {
    with_api(&state, |api| api.outbox())
}

#[tauri::command]
pub fn outbox_cancel(state: State<'_, AppState>, id: i64) -> Reply<OutboxItem> {
    with_api(&state, |api| api.cancel_outbox(id))
}

#[tauri::command]
pub fn outbox_resend(state: State<'_, AppState>, id: i64) -> Reply<OutboxItem> {
    with_api(&state, |api| api.resend_outbox(id))
}

#[tauri::command]
pub fn outbox_confirm_sent(state: State<'_, AppState>, id: i64) -> Reply<OutboxItem> {
    with_api(&state, |api| api.confirm_outbox_sent(id))
}

/// Start-up: sends interrupted by the last stop become "uncertain"; then a
/// background task attempts due messages now and every minute.
pub fn start_outbox(app: &AppHandle) {
    let handle = app.clone();
    std::thread::spawn(move || {
        let state = handle.state::<AppState>();
        // A failure here (the register could not be opened) is shown by the window itself.
        let _ = with_api(&state, |api| api.recover_interrupted_sends());
        loop {
            retry_due(&state);
            std::thread::sleep(RETRY_EVERY);
        }
    });
}

/// One pass: each due message once, with the stored password. Messages for
/// a server that needs a password nobody stored wait for the user.
fn retry_due(state: &State<'_, AppState>) {
    let Ok(password) = with_api(state, |api| api.password_for_send(None)) else { return };
    let start = OffsetDateTime::now_utc();
    loop {
        let claimed = with_api(state, |api| match api.due_outbox(start)? {
            Some(id) => api.claim_outbox(id, OffsetDateTime::now_utc()).map(Some),
            None => Ok(None),
        });
        let Ok(Some(claimed)) = claimed else { return };
        let _ = record(state, &claimed, password.as_ref());
    }
}

fn record(state: &State<'_, AppState>, claimed: &Claimed, password: Option<&Password>) -> Reply<OutboxItem> {
    let result = Transport::new(&claimed.smtp).and_then(|t| send(&t, password, &claimed.outgoing));
    with_api(state, |api| api.record_delivery(claimed, result, OffsetDateTime::now_utc()))
}

async fn on_worker<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(State<'_, AppState>) -> Reply<T> + Send + 'static,
) -> Reply<T> {
    tauri::async_runtime::spawn_blocking(move || work(app.state::<AppState>())).await.unwrap_or_else(|_| {
        Err(ErrorBody {
            code: "internal".into(),
            message: "Gửi thư bị dừng giữa chừng do lỗi chương trình. Hãy xem hộp thư đi rồi thử lại.".into(),
            problems: Vec::new(),
        })
    })
}
