//! Window commands of the import from the sector database's export. A large
//! file is read on a worker thread, outside the register's lock, so the
//! window and its other commands stay responsive; the steps are reported as
//! `import-progress` events for the progress bar.

use crate::{AppState, Reply, on_worker};
use chungthu_api::import::{
    ImportRead, StaffImportChoices, StaffImportOutcome, StaffImportPreview, StaffImportProgress,
    StaffImportRequest,
};
use tauri::{AppHandle, Emitter, Manager};

/// The event the window listens to while an import runs.
const PROGRESS_EVENT: &str = "import-progress";

#[tauri::command]
pub async fn staff_import_preview(app: AppHandle, request: StaffImportRequest) -> Reply<StaffImportPreview> {
    in_background(
        app,
        move |app, read| app.state::<AppState>().call(|api| api.import_preview_of(&read)),
        request,
    )
    .await
}

#[tauri::command]
pub async fn staff_import_apply(
    app: AppHandle,
    request: StaffImportRequest,
    choices: StaffImportChoices,
) -> Reply<StaffImportOutcome> {
    in_background(
        app,
        move |app, read| {
            app.state::<AppState>().call(|api| api.import_apply_of(&read, &choices, &mut |p| report(app, p)))
        },
        request,
    )
    .await
}

/// Reads `request`'s file on a worker thread (the register is locked only to
/// take what reading needs), then runs `then` with the register.
async fn in_background<T: Send + 'static>(
    app: AppHandle,
    then: impl FnOnce(&AppHandle, ImportRead) -> Reply<T> + Send + 'static,
    request: StaffImportRequest,
) -> Reply<T> {
    on_worker(move || {
        let setup = app.state::<AppState>().call(|api| api.import_setup())?;
        let read = setup.read(&request, &mut |p| report(&app, p)).map_err(|e| e.body())?;
        then(&app, read)
    })
    .await
}

fn report(app: &AppHandle, progress: StaffImportProgress) {
    // A progress bar that misses a step is harmless; the import goes on.
    let _ = app.emit(PROGRESS_EVENT, progress);
}
