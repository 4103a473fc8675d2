//! Window commands of the unit settings.

use crate::{AppState, Reply, with_api};
use chungthu_api::store::unit::Unit;
use tauri::State;

#[tauri::command]
pub fn unit_get(state: State<'_, AppState>) -> Reply<Unit> {
    with_api(&state, |api| api.unit())
}

#[tauri::command]
pub fn unit_save(state: State<'_, AppState>, unit: Unit) -> Reply<Unit> {
    with_api(&state, |api| api.save_unit(unit))
}
