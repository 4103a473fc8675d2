//! Window commands of requests (issue, renew, change, revoke) and a
//! person's history.

use crate::{Reply, with_api};
use chungthu_api::model::request::RequestStatus;
use chungthu_api::requests::{
    BulkOutcome, BulkRequestInput, RequestInput, RequestQuery, RequestView, RevocationProposal, StaffHistory,
};
use tauri::AppHandle;

#[tauri::command]
pub async fn request_add(app: AppHandle, input: RequestInput) -> Reply<RequestView> {
    with_api(&app, move |api| api.add_request(&input)).await
}

#[tauri::command]
pub async fn request_add_many(app: AppHandle, input: BulkRequestInput) -> Reply<BulkOutcome> {
    with_api(&app, move |api| api.add_requests(&input)).await
}

#[tauri::command]
pub async fn request_list(app: AppHandle, query: RequestQuery) -> Reply<Vec<RequestView>> {
    with_api(&app, move |api| api.list_requests(&query)).await
}

#[tauri::command]
pub async fn request_move(app: AppHandle, id: i64, to: RequestStatus, note: String) -> Reply<RequestView> {
    with_api(&app, move |api| api.move_request(id, to, &note)).await
}

#[tauri::command]
pub async fn request_delete(app: AppHandle, id: i64) -> Reply<()> {
    with_api(&app, move |api| api.delete_request(id)).await
}

#[tauri::command]
pub async fn revocation_proposals(app: AppHandle, staff_id: i64) -> Reply<Vec<RevocationProposal>> {
    with_api(&app, move |api| api.revocation_proposals(staff_id)).await
}

#[tauri::command]
pub async fn staff_history(app: AppHandle, staff_id: i64) -> Reply<StaffHistory> {
    with_api(&app, move |api| api.staff_history(staff_id)).await
}
