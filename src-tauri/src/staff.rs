//! Window commands of the staff register.

use crate::{Reply, with_api};
use chungthu_api::model::staff::{Staff, StaffPage, StaffQuery, StaffSummary};
use chungthu_api::model::{Problem, StaffInput};
use chungthu_api::staff::{Leaving, Saved};
use tauri::AppHandle;

#[tauri::command]
pub async fn staff_list(app: AppHandle, query: StaffQuery) -> Reply<StaffPage> {
    with_api(&app, move |api| api.list_staff(&query)).await
}

#[tauri::command]
pub async fn staff_summary(app: AppHandle) -> Reply<StaffSummary> {
    with_api(&app, move |api| api.staff_summary()).await
}

#[tauri::command]
pub async fn staff_get(app: AppHandle, id: i64) -> Reply<Staff> {
    with_api(&app, move |api| api.staff(id)).await
}

#[tauri::command]
pub async fn staff_check(app: AppHandle, input: StaffInput, id: Option<i64>) -> Reply<Vec<Problem>> {
    with_api(&app, move |api| api.check_staff(&input, id)).await
}

#[tauri::command]
pub async fn staff_add(app: AppHandle, input: StaffInput) -> Reply<Saved> {
    with_api(&app, move |api| api.add_staff(&input)).await
}

#[tauri::command]
pub async fn staff_edit(app: AppHandle, id: i64, input: StaffInput) -> Reply<Saved> {
    with_api(&app, move |api| api.edit_staff(id, &input)).await
}

#[tauri::command]
pub async fn staff_mark_left(app: AppHandle, id: i64, leaving: Leaving) -> Reply<Staff> {
    with_api(&app, move |api| api.mark_left(id, &leaving)).await
}

#[tauri::command]
pub async fn staff_reinstate(app: AppHandle, id: i64) -> Reply<Staff> {
    with_api(&app, move |api| api.reinstate(id)).await
}

#[tauri::command]
pub async fn staff_delete(app: AppHandle, id: i64) -> Reply<()> {
    with_api(&app, move |api| api.delete_staff(id)).await
}
