//! Window commands of requests (issue, renew, change, revoke) and a
//! person's history.

use crate::{AppState, Reply, with_api};
use chungthu_api::requests::{
    BulkOutcome, BulkRequestInput, RequestInput, RequestQuery, RequestView, RevocationProposal, StaffHistory,
};
use chungthu_api::store::request::RequestStatus;
use tauri::State;

#[tauri::command]
pub fn request_add(state: State<'_, AppState>, input: RequestInput) -> Reply<RequestView> {
    with_api(&state, |api| api.add_request(&input))
}

#[tauri::command]
pub fn request_add_many(state: State<'_, AppState>, input: BulkRequestInput) -> Reply<BulkOutcome> {
    with_api(&state, |api| api.add_requests(&input))
}

#[tauri::command]
pub fn request_list(state: State<'_, AppState>, query: RequestQuery) -> Reply<Vec<RequestView>> {
    with_api(&state, |api| api.list_requests(&query))
}

#[tauri::command]
pub fn request_move(
    state: State<'_, AppState>,
    id: i64,
    to: RequestStatus,
    note: String,
) -> Reply<RequestView> {
    with_api(&state, |api| api.move_request(id, to, &note))
}

#[tauri::command]
pub fn request_delete(state: State<'_, AppState>, id: i64) -> Reply<()> {
    with_api(&state, |api| api.delete_request(id))
}

#[tauri::command]
pub fn revocation_proposals(state: State<'_, AppState>, staff_id: i64) -> Reply<Vec<RevocationProposal>> {
    with_api(&state, |api| api.revocation_proposals(staff_id))
}

#[tauri::command]
pub fn staff_history(state: State<'_, AppState>, staff_id: i64) -> Reply<StaffHistory> {
    with_api(&state, |api| api.staff_history(staff_id))
}
