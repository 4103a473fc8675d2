//! The Tauri shell: window commands that call `chungthu-api`, nothing more.
//! Every command returns `{code, message, problems}` on failure.

use chungthu_api::model::{Problem, StaffInput};
use chungthu_api::staff::{Leaving, Saved};
use chungthu_api::store::audit::AuditEntry;
use chungthu_api::store::staff::{Staff, StaffPage, StaffQuery, StaffSummary};
use chungthu_api::store::unit::Unit;
use chungthu_api::{Api, AppInfo, ErrorBody, paths};
use std::sync::Mutex;
use tauri::State;

/// The open register, or why it could not be opened (shown by the window).
struct AppState {
    api: Mutex<Result<Api, ErrorBody>>,
}

type Reply<T> = Result<T, ErrorBody>;

fn with_api<T>(state: &State<'_, AppState>, f: impl FnOnce(&mut Api) -> chungthu_api::Result<T>) -> Reply<T> {
    // A panic in another command must not lock the user out of their data.
    let mut guard = state.api.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    match guard.as_mut() {
        Ok(api) => f(api).map_err(|e| e.body()),
        Err(body) => Err(body.clone()),
    }
}

#[tauri::command]
fn app_info(state: State<'_, AppState>) -> Reply<AppInfo> {
    with_api(&state, |api| Ok(api.info()))
}

#[tauri::command]
fn unit_get(state: State<'_, AppState>) -> Reply<Unit> {
    with_api(&state, |api| api.unit())
}

#[tauri::command]
fn unit_save(state: State<'_, AppState>, unit: Unit) -> Reply<Unit> {
    with_api(&state, |api| api.save_unit(unit))
}

#[tauri::command]
fn staff_list(state: State<'_, AppState>, query: StaffQuery) -> Reply<StaffPage> {
    with_api(&state, |api| api.list_staff(&query))
}

#[tauri::command]
fn staff_summary(state: State<'_, AppState>) -> Reply<StaffSummary> {
    with_api(&state, |api| api.staff_summary())
}

#[tauri::command]
fn staff_get(state: State<'_, AppState>, id: i64) -> Reply<Staff> {
    with_api(&state, |api| api.staff(id))
}

#[tauri::command]
fn staff_check(state: State<'_, AppState>, input: StaffInput, id: Option<i64>) -> Reply<Vec<Problem>> {
    with_api(&state, |api| api.check_staff(&input, id))
}

#[tauri::command]
fn staff_add(state: State<'_, AppState>, input: StaffInput) -> Reply<Saved> {
    with_api(&state, |api| api.add_staff(&input))
}

#[tauri::command]
fn staff_edit(state: State<'_, AppState>, id: i64, input: StaffInput) -> Reply<Saved> {
    with_api(&state, |api| api.edit_staff(id, &input))
}

#[tauri::command]
fn staff_mark_left(state: State<'_, AppState>, id: i64, leaving: Leaving) -> Reply<Staff> {
    with_api(&state, |api| api.mark_left(id, &leaving))
}

#[tauri::command]
fn staff_reinstate(state: State<'_, AppState>, id: i64) -> Reply<Staff> {
    with_api(&state, |api| api.reinstate(id))
}

#[tauri::command]
fn staff_delete(state: State<'_, AppState>, id: i64) -> Reply<()> {
    with_api(&state, |api| api.delete_staff(id))
}

#[tauri::command]
fn audit_recent(state: State<'_, AppState>, limit: u32) -> Reply<Vec<AuditEntry>> {
    with_api(&state, |api| api.audit_recent(limit))
}

/// Starts the app on the database chosen by `CHUNGTHU_DB` or the default.
pub fn run() {
    let db = paths::resolve_db(None);
    let api = Api::open(&db).map_err(|e| e.body());
    tauri::Builder::default()
        .manage(AppState { api: Mutex::new(api) })
        .invoke_handler(tauri::generate_handler![
            app_info,
            unit_get,
            unit_save,
            staff_list,
            staff_summary,
            staff_get,
            staff_check,
            staff_add,
            staff_edit,
            staff_mark_left,
            staff_reinstate,
            staff_delete,
            audit_recent,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            // Nothing else can be shown without a window; the message is for a log.
            eprintln!("ChungThu không khởi động được: {e}");
            std::process::exit(1)
        });
}
