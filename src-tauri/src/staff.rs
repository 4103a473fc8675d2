//! Window commands of the staff register.

use crate::{AppState, Reply, with_api};
use chungthu_api::model::{Problem, StaffInput};
use chungthu_api::staff::{Leaving, Saved};
use chungthu_api::store::staff::{Staff, StaffPage, StaffQuery, StaffSummary};
use tauri::State;

#[tauri::command]
pub fn staff_list(state: State<'_, AppState>, query: StaffQuery) -> Reply<StaffPage> {
    with_api(&state, |api| api.list_staff(&query))
}

#[tauri::command]
pub fn staff_summary(state: State<'_, AppState>) -> Reply<StaffSummary> {
    with_api(&state, |api| api.staff_summary())
}

#[tauri::command]
pub fn staff_get(state: State<'_, AppState>, id: i64) -> Reply<Staff> {
    with_api(&state, |api| api.staff(id))
}

#[tauri::command]
pub fn staff_check(state: State<'_, AppState>, input: StaffInput, id: Option<i64>) -> Reply<Vec<Problem>> {
    with_api(&state, |api| api.check_staff(&input, id))
}

#[tauri::command]
pub fn staff_add(state: State<'_, AppState>, input: StaffInput) -> Reply<Saved> {
    with_api(&state, |api| api.add_staff(&input))
}

#[tauri::command]
pub fn staff_edit(state: State<'_, AppState>, id: i64, input: StaffInput) -> Reply<Saved> {
    with_api(&state, |api| api.edit_staff(id, &input))
}

#[tauri::command]
pub fn staff_mark_left(state: State<'_, AppState>, id: i64, leaving: Leaving) -> Reply<Staff> {
    with_api(&state, |api| api.mark_left(id, &leaving))
}

#[tauri::command]
pub fn staff_reinstate(state: State<'_, AppState>, id: i64) -> Reply<Staff> {
    with_api(&state, |api| api.reinstate(id))
}

#[tauri::command]
pub fn staff_delete(state: State<'_, AppState>, id: i64) -> Reply<()> {
    with_api(&state, |api| api.delete_staff(id))
}
