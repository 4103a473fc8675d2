//! Window commands of the "Biểu mẫu" page: review a list, export it, write
//! a recorded list again, and list the recorded lists. The save dialog and
//! "open with Word" / "show in folder" are the window's (dialog and opener
//! plugins); the paths they give come back here.

use crate::{AppState, Reply, with_api};
use chungthu_api::export::{BatchView, ExportOutcome, ExportReview};
use chungthu_api::store::batch::{BatchKind, DateMode};
use std::path::PathBuf;
use tauri::State;

#[tauri::command]
pub fn export_review(
    state: State<'_, AppState>,
    kind: BatchKind,
    date_mode: DateMode,
) -> Reply<ExportReview> {
    with_api(&state, |api| api.export_review(kind, date_mode))
}

#[tauri::command]
pub fn export_write(
    state: State<'_, AppState>,
    kind: BatchKind,
    out: PathBuf,
    date_mode: DateMode,
    xlsx: Option<PathBuf>,
) -> Reply<ExportOutcome> {
    with_api(&state, |api| api.export(kind, &out, date_mode, xlsx.as_deref()))
}

#[tauri::command]
pub fn export_again(state: State<'_, AppState>, batch_id: i64, out: PathBuf) -> Reply<ExportOutcome> {
    with_api(&state, |api| api.reexport(batch_id, &out))
}

#[tauri::command]
pub fn batch_list(state: State<'_, AppState>) -> Reply<Vec<BatchView>> {
    with_api(&state, |api| api.batches())
}
