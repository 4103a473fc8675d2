//! Window commands of the "Biểu mẫu" page: review a list, export it, write
//! a recorded list again, and list the recorded lists. The save dialog and
//! "open with Word" / "show in folder" are the window's (dialog and opener
//! plugins); the paths they give come back here.

use crate::{Reply, with_api};
use chungthu_api::export::{BatchView, ExportOutcome, ExportReview};
use chungthu_api::model::batch::{BatchKind, DateMode};
use std::path::PathBuf;
use tauri::AppHandle;

#[tauri::command]
pub async fn export_review(app: AppHandle, kind: BatchKind, date_mode: DateMode) -> Reply<ExportReview> {
    with_api(&app, move |api| api.export_review(kind, date_mode)).await
}

#[tauri::command]
pub async fn export_write(
    app: AppHandle,
    kind: BatchKind,
    out: PathBuf,
    date_mode: DateMode,
    xlsx: Option<PathBuf>,
) -> Reply<ExportOutcome> {
    with_api(&app, move |api| api.export(kind, &out, date_mode, xlsx.as_deref())).await
}

#[tauri::command]
pub async fn export_again(app: AppHandle, batch_id: i64, out: PathBuf) -> Reply<ExportOutcome> {
    with_api(&app, move |api| api.reexport(batch_id, &out)).await
}

#[tauri::command]
pub async fn batch_list(app: AppHandle) -> Reply<Vec<BatchView>> {
    with_api(&app, move |api| api.batches()).await
}
