//! Window commands of the unit settings.

use crate::{Reply, with_api};
use chungthu_api::model::unit::Unit;
use tauri::AppHandle;

#[tauri::command]
pub async fn unit_get(app: AppHandle) -> Reply<Unit> {
    with_api(&app, move |api| api.unit()).await
}

#[tauri::command]
pub async fn unit_save(app: AppHandle, unit: Unit) -> Reply<Unit> {
    with_api(&app, move |api| api.save_unit(unit)).await
}
