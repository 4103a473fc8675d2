//! The Tauri shell: window commands that call `chungthu-api`, nothing more.
//! Every command returns `{code, message, problems}` on failure.

mod certs;
mod data;
mod export;
mod import;
mod mail;
mod requests;
mod staff;
mod unit;
mod webview2;

use chungthu_api::{Api, AppInfo, ErrorBody, paths};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, OnceLock};
use tauri::{AppHandle, Manager};

/// The register, or why it could not be opened (shown by the window). It is
/// opened after the window is shown; until then commands wait for it on
/// their worker threads, never on the main thread.
pub(crate) struct AppState {
    api: OnceLock<Mutex<Result<Api, ErrorBody>>>,
    /// The database file, for the error screen's recovery when `api` failed.
    db: PathBuf,
}

impl AppState {
    /// The register once opened, locked (waits until it is).
    pub(crate) fn register(&self) -> MutexGuard<'_, Result<Api, ErrorBody>> {
        // A panic in another command must not lock the user out of their data.
        self.api.wait().lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` on the register, on the calling thread (background tasks).
    pub(crate) fn call<T>(&self, f: impl FnOnce(&mut Api) -> chungthu_api::Result<T>) -> Reply<T> {
        match self.register().as_mut() {
            Ok(api) => f(api).map_err(|e| e.body()),
            Err(body) => Err(body.clone()),
        }
    }
}

/// The sending steps reach the window's register through its lock, taken
/// for each step only.
impl chungthu_api::mail::ApiAccess for &AppState {
    fn with<T>(&mut self, f: impl FnOnce(&mut Api) -> chungthu_api::Result<T>) -> chungthu_api::Result<T> {
        match self.register().as_mut() {
            Ok(api) => f(api),
            Err(body) => Err(chungthu_api::ApiError::Refused(body.message.clone())),
        }
    }
}

pub(crate) type Reply<T> = Result<T, ErrorBody>;

/// Runs `f` on the register on a worker thread. Every command that touches
/// the database or a file goes through here: the main thread draws the
/// window and must never wait for the disk, the network or the lock.
pub(crate) async fn with_api<T: Send + 'static>(
    app: &AppHandle,
    f: impl FnOnce(&mut Api) -> chungthu_api::Result<T> + Send + 'static,
) -> Reply<T> {
    let app = app.clone();
    on_worker(move || app.state::<AppState>().call(f)).await
}

/// Runs `work` on a worker thread (see [`with_api`]).
pub(crate) async fn on_worker<T: Send + 'static>(
    work: impl FnOnce() -> Reply<T> + Send + 'static,
) -> Reply<T> {
    tauri::async_runtime::spawn_blocking(work).await.unwrap_or_else(|_| {
        Err(ErrorBody {
            code: "internal".into(),
            message: "Thao tác bị dừng giữa chừng do lỗi chương trình; dữ liệu không đổi. Hãy thử lại."
                .into(),
            problems: Vec::new(),
        })
    })
}

#[tauri::command]
async fn app_info(app: AppHandle) -> Reply<AppInfo> {
    with_api(&app, |api| Ok(api.info())).await
}

/// Brings the running window to the front (a second launch ends after this).
fn focus_main_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Starts the app on the database chosen by `CHUNGTHU_DB` or the default.
/// The window comes first; the database is opened (checked, migrated,
/// backed up once a day) behind it, and its data follows. Fails (after
/// telling the user) when Windows cannot draw the window.
pub fn run() -> std::process::ExitCode {
    if !webview2::runtime_ready() {
        return std::process::ExitCode::FAILURE;
    }
    let db = paths::resolve_db(None);
    // The OS credential store for the SMTP password; without one (no session
    // bus) the window says so and asks for the password at each send.
    chungthu_api::mail::use_os_credential_store();
    tauri::Builder::default()
        // First: a second launch only brings the open window forward, so one
        // window at a time writes the register.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| focus_main_window(app)))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .manage(AppState { api: OnceLock::new(), db: db.clone() })
        .setup(move |app| {
            let handle = app.handle().clone();
            std::thread::spawn(move || open_register(&handle, &db));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            app_info,
            unit::unit_get,
            unit::unit_save,
            staff::staff_list,
            staff::staff_summary,
            staff::staff_get,
            staff::staff_check,
            staff::staff_add,
            staff::staff_edit,
            staff::staff_mark_left,
            staff::staff_reinstate,
            staff::staff_delete,
            data::backup_list,
            data::backup_now,
            data::backup_restore,
            data::backup_dir_choose,
            data::backup_dir_reset,
            data::audit_search,
            data::audit_export,
            data::staff_export_personal,
            data::staff_erase_personal,
            data::recovery_backups,
            data::recovery_restore,
            import::staff_import_preview,
            import::staff_import_apply,
            mail::mail_settings_get,
            mail::mail_settings_save,
            mail::mail_password_save,
            mail::mail_password_forget,
            mail::mail_batches,
            mail::mail_preview,
            mail::mail_pick_files,
            mail::mail_queue,
            mail::mail_send_now,
            mail::mail_draft_save,
            mail::outbox_list,
            mail::outbox_cancel,
            mail::outbox_resend,
            mail::outbox_confirm_sent,
            export::export_review,
            export::export_write,
            export::export_again,
            export::batch_list,
            certs::cert_list,
            certs::cert_add,
            certs::cert_edit,
            certs::cert_mark_revoked,
            certs::provider_list,
            certs::provider_add,
            certs::provider_edit,
            certs::cert_import_preview,
            certs::cert_import_apply,
            certs::cert_pick_files,
            certs::cert_pick_folder,
            certs::dashboard,
            certs::reminder_days_save,
            certs::calendar_export,
            requests::request_add,
            requests::request_add_many,
            requests::request_list,
            requests::request_move,
            requests::request_delete,
            requests::revocation_proposals,
            requests::staff_history,
        ])
        .run(tauri::generate_context!())
        .map_or_else(
            |e| {
                // Nothing else can be shown without a window; the message is for a log.
                eprintln!("ChungThu không khởi động được: {e}");
                std::process::ExitCode::FAILURE
            },
            |()| std::process::ExitCode::SUCCESS,
        )
}

/// Opens the register behind the shown window (with the daily backup),
/// hands it to the waiting commands, and starts the background tasks
/// (reminders, outbox).
fn open_register(app: &AppHandle, db: &std::path::Path) {
    let opened = Api::open(db)
        .map(|mut api| {
            // A failure becomes a warning the window shows; it never stops the start.
            api.backup_daily_if_due();
            api
        })
        // A failure is shown by the window (its error screen offers recovery).
        .map_err(|e| e.body());
    let _ = app.state::<AppState>().api.set(Mutex::new(opened));
    // Reminders: once now, then twice a day for a window left open.
    let handle = app.clone();
    std::thread::spawn(move || {
        loop {
            certs::notify_crossings(&handle);
            std::thread::sleep(std::time::Duration::from_secs(12 * 60 * 60));
        }
    });
    mail::start_outbox(app);
}
