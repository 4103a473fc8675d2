//! Requests to the provider (issue, renew, change, revoke) and their life:
//! marked → exported → sent → done, or sent back (rejected) and marked
//! again. [`transition`] is the one place a request changes state.

use crate::certs::{CertView, Views};
use crate::{Api, ApiError, Result};
use chungthu_model::request::{Request, RequestEvent, RequestKind, RequestStatus};
use chungthu_model::staff::Staff;
use chungthu_model::text::{clean_line, clean_multiline};
use chungthu_model::{Field, LeftReason, Problem, StaffStatus, VnDate};
use chungthu_store::audit;
use chungthu_store::certificate::{self as cert_table};
use chungthu_store::request::{self as table, RequestFields, RequestFilter};
use chungthu_store::rusqlite::Connection;
use chungthu_store::staff as staff_table;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A request typed in the window or the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RequestInput {
    /// The person.
    pub staff_id: i64,
    /// Issue, renew, change, revoke.
    pub kind: RequestKind,
    /// Revocation case; required for revocations, refused otherwise.
    pub reason: Option<LeftReason>,
    /// Case 3 text (required then), or what changes (required for a change).
    pub detail: String,
    /// The certificate it is about, if any.
    pub certificate_id: Option<i64>,
}

/// The same request for several people at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BulkRequestInput {
    /// The people.
    pub staff_ids: Vec<i64>,
    /// Issue, renew, change, revoke.
    pub kind: RequestKind,
    /// Revocation case.
    pub reason: Option<LeftReason>,
    /// Detail.
    pub detail: String,
}

/// Which requests to list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RequestQuery {
    /// Only this state.
    pub status: Option<RequestStatus>,
    /// Only this person's.
    pub staff_id: Option<i64>,
    /// Only this kind.
    pub kind: Option<RequestKind>,
}

/// A request as the window and the CLI show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RequestView {
    /// Row id.
    pub id: i64,
    /// The person.
    pub staff_id: i64,
    /// Their name.
    pub staff_name: String,
    /// They still work at the unit.
    pub staff_active: bool,
    /// Issue, renew, change, revoke.
    pub kind: RequestKind,
    /// Revocation case.
    pub reason: Option<LeftReason>,
    /// Detail.
    pub detail: Option<String>,
    /// The certificate.
    pub certificate_id: Option<i64>,
    /// Its serial.
    pub certificate_serial: Option<String>,
    /// Its provider's full name ("Đơn vị cung cấp").
    pub provider: Option<String>,
    /// State.
    pub status: RequestStatus,
    /// The exported list it went into.
    pub batch_id: Option<i64>,
    /// Day of the last change of state.
    pub since: Option<VnDate>,
    /// Note of the last change (e.g. why it was sent back).
    pub last_note: Option<String>,
    /// What the form still lacks: the request cannot go into a list until
    /// these are filled in.
    pub missing: Vec<Problem>,
}

/// Skipped in a bulk action, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Skipped {
    /// The person.
    pub staff_id: i64,
    /// Their name.
    pub full_name: String,
    /// Why, in Vietnamese.
    pub message: String,
}

/// What a bulk action did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BulkOutcome {
    /// Requests made.
    pub added: Vec<RequestView>,
    /// People left out.
    pub skipped: Vec<Skipped>,
}

/// A certificate of someone who left that should be revoked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RevocationProposal {
    /// The certificate.
    pub certificate: CertView,
    /// The case matching why the person left.
    pub reason: LeftReason,
    /// The note given when the person left (case 3 text).
    pub detail: String,
}

/// Everything that happened to a person's certificates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StaffHistory {
    /// Their certificates, newest expiry first.
    pub certificates: Vec<CertView>,
    /// Their requests, newest first.
    pub requests: Vec<RequestView>,
    /// Every change of state of those requests, in order.
    pub events: Vec<RequestEvent>,
}

impl Api {
    /// Marks a person for a request.
    pub fn add_request(&mut self, input: &RequestInput) -> Result<RequestView> {
        let today = self.today();
        let os_user = self.os_user.clone();
        let id = self.store.write(|tx| {
            let fields = request_fields(tx, input)?;
            let id = create(tx, &fields, today)?;
            audit::record(
                tx,
                &os_user,
                "request",
                Some(id),
                "create",
                &["kind", "reason", "certificate_id"],
            )?;
            Ok::<_, ApiError>(id)
        })?;
        self.request(id)
    }

    /// Marks several people for the same request in one transaction. People
    /// who cannot have it (an open request of that kind, a missing reason…)
    /// are left out and said why; the others are marked.
    pub fn add_requests(&mut self, input: &BulkRequestInput) -> Result<BulkOutcome> {
        if input.staff_ids.is_empty() {
            return Err(ApiError::Refused("Chưa chọn người nào.".to_owned()));
        }
        let today = self.today();
        let os_user = self.os_user.clone();
        let (ids, skipped) = self.store.write(|tx| {
            let mut ids = Vec::new();
            let mut skipped = Vec::new();
            for &staff_id in &input.staff_ids {
                let one = RequestInput {
                    staff_id,
                    kind: input.kind,
                    reason: input.reason,
                    detail: input.detail.clone(),
                    certificate_id: None,
                };
                match request_fields(tx, &one) {
                    Ok(fields) => ids.push(create(tx, &fields, today)?),
                    Err(ApiError::Store(e)) => return Err(ApiError::Store(e)),
                    Err(e) => {
                        let full_name =
                            staff_table::get(tx, staff_id)?.map(|s| s.full_name).unwrap_or_default();
                        skipped.push(Skipped { staff_id, full_name, message: e.to_string() });
                    }
                }
            }
            if !ids.is_empty() {
                audit::record(tx, &os_user, "request", None, "create_many", &["kind", "reason"])?;
            }
            Ok::<_, ApiError>((ids, skipped))
        })?;
        let added = ids.into_iter().map(|id| self.request(id)).collect::<Result<_>>()?;
        Ok(BulkOutcome { added, skipped })
    }

    /// One request.
    pub fn request(&self, id: i64) -> Result<RequestView> {
        let conn = self.store.conn();
        let views = Views::load(conn, self.today())?;
        let r = table::get(conn, id)?.ok_or_else(|| not_found(id))?;
        view(conn, &r, &views)
    }

    /// Requests matching `query`, oldest first.
    pub fn list_requests(&self, query: &RequestQuery) -> Result<Vec<RequestView>> {
        let conn = self.store.conn();
        views(conn, query, &Views::load(conn, self.today())?)
    }

    /// Moves a request to another state (with a note; required when it is
    /// sent back). Refused, with the reason in Vietnamese, when the move is
    /// not allowed or the form still lacks data.
    pub fn move_request(&mut self, id: i64, to: RequestStatus, note: &str) -> Result<RequestView> {
        let today = self.today();
        let os_user = self.os_user.clone();
        let note = clean_multiline(note);
        self.store.write(|tx| {
            transition(tx, id, to, Some(note.as_str()).filter(|n| !n.is_empty()), today)?;
            audit::record(tx, &os_user, "request", Some(id), to.as_str(), &["status"])?;
            Ok::<_, ApiError>(())
        })?;
        self.request(id)
    }

    /// Removes a request marked by mistake; only one not yet put in a list.
    pub fn delete_request(&mut self, id: i64) -> Result<()> {
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            let r = table::get(tx, id)?.ok_or_else(|| not_found(id))?;
            if r.status != RequestStatus::Marked || r.batch_id.is_some() {
                return Err(ApiError::Refused(
                    "Chỉ bỏ được đề nghị vừa đánh dấu, chưa đưa vào danh sách nào. Đề nghị đã xuất hoặc đã gửi được giữ lại làm lịch sử."
                        .to_owned(),
                ));
            }
            tx.execute("DELETE FROM request WHERE id = ?1", [id]).map_err(chungthu_store::StoreError::from)?;
            audit::record(tx, &os_user, "request", Some(id), "delete", &[])?;
            Ok(())
        })
    }

    /// The certificates that a person who left still holds and that should
    /// be revoked, each with the case matching why they left. Empty for a
    /// person still working, and for certificates already in a revocation
    /// request.
    pub fn revocation_proposals(&self, staff_id: i64) -> Result<Vec<RevocationProposal>> {
        let conn = self.store.conn();
        let person = staff_table::get(conn, staff_id)?.ok_or_else(|| {
            ApiError::NotFound(format!("Không tìm thấy người có mã {staff_id} trong danh sách."))
        })?;
        let (StaffStatus::Left, Some(reason)) = (person.status, person.left_reason) else {
            return Ok(Vec::new());
        };
        let views = Views::load(conn, self.today())?;
        let mut proposals = Vec::new();
        for cert in cert_table::of_holder(conn, Some(staff_id))? {
            let v = views.view(&cert);
            if !v.status.usable()
                || table::open_of(conn, staff_id, RequestKind::Revocation, Some(cert.id))?.is_some()
            {
                continue;
            }
            proposals.push(RevocationProposal {
                certificate: v,
                reason,
                detail: person.left_note.clone().unwrap_or_default(),
            });
        }
        Ok(proposals)
    }

    /// A person's certificates, requests and the dated changes of those requests.
    pub fn staff_history(&self, staff_id: i64) -> Result<StaffHistory> {
        let conn = self.store.conn();
        self.staff(staff_id)?;
        let views = Views::load(conn, self.today())?;
        let certificates =
            cert_table::of_holder(conn, Some(staff_id))?.iter().map(|c| views.view(c)).collect();
        let mut requests =
            views_of(conn, &RequestFilter { staff_id: Some(staff_id), ..Default::default() }, &views)?;
        requests.reverse();
        let ids: Vec<i64> = requests.iter().map(|r| r.id).collect();
        Ok(StaffHistory { certificates, requests, events: table::events(conn, &ids)? })
    }
}

/// Moves request `request_id` to `to` inside the caller's transaction and
/// writes the dated `request_event`; the one place a request changes state.
///
/// Allowed moves:
/// - marked → exported (only when [`missing`] finds nothing: the form has
///   what it needs), exported → sent, sent → done;
/// - exported → marked (the list was withdrawn before sending);
/// - sent → rejected (sent back; `note` required), rejected → marked.
///
/// Everything else is refused with `ApiError::Refused` in Vietnamese, and
/// nothing is written. A revocation that is done marks its certificate
/// revoked on `today` (unless already marked).
///
/// Other api modules call it: the Word export moves each request of the
/// list marked → exported in its own transaction (and sets `batch_id`
/// itself). The caller writes the audit entry.
pub(crate) fn transition(
    tx: &Connection,
    request_id: i64,
    to: RequestStatus,
    note: Option<&str>,
    today: VnDate,
) -> Result<Request> {
    use RequestStatus::{Done, Exported, Marked, Rejected, Sent};
    let r = table::get(tx, request_id)?.ok_or_else(|| not_found(request_id))?;
    let from = r.status;
    let person = staff_table::get(tx, r.staff_id)?.map(|s| s.full_name).unwrap_or_default();
    let allowed = matches!(
        (from, to),
        (Marked, Exported)
            | (Exported, Sent)
            | (Sent, Done)
            | (Exported, Marked)
            | (Sent, Rejected)
            | (Rejected, Marked)
    );
    if !allowed {
        let next = next_states(from);
        let hint = if next.is_empty() {
            "Đề nghị đã xong, không chuyển tiếp được nữa.".to_owned()
        } else {
            format!(
                "Từ “{}” chỉ chuyển được sang: {}.",
                from.label(),
                next.iter().map(|s| format!("“{}”", s.label())).collect::<Vec<_>>().join(", ")
            )
        };
        return Err(ApiError::Refused(format!(
            "Không chuyển được đề nghị {} của {person} từ “{}” sang “{}”. {hint}",
            r.kind.label(),
            from.label(),
            to.label()
        )));
    }
    if to == Rejected && note.is_none_or(|n| n.trim().is_empty()) {
        return Err(ApiError::Invalid(vec![Problem::error(
            Field::RequestDetail,
            "reject_note_required",
            "ghi rõ lý do bị trả lại (ví dụ: Sở yêu cầu bổ sung số điện thoại)",
        )]));
    }
    if to == Exported {
        let holder = staff_table::get(tx, r.staff_id)?;
        let lacks = missing(tx, &r, holder.as_ref())?;
        if !lacks.is_empty() {
            let what: Vec<&str> = lacks.iter().map(|p| p.field.label()).collect();
            return Err(ApiError::Refused(format!(
                "Chưa đưa được {person} vào danh sách {}: còn thiếu {}. Hãy bổ sung rồi làm lại.",
                r.kind.label(),
                what.join(", ")
            )));
        }
    }
    table::set_status(tx, request_id, to)?;
    table::add_event(tx, request_id, today, Some(from), to, note)?;
    if to == Done
        && r.kind == RequestKind::Revocation
        && let Some(cert_id) = r.certificate_id
        && cert_table::get(tx, cert_id)?.is_some_and(|c| c.revoked_on.is_none())
    {
        cert_table::set_revoked(tx, cert_id, Some(today))?;
    }
    Ok(Request { status: to, ..r })
}

/// The states a request may move to next.
pub fn next_states(from: RequestStatus) -> Vec<RequestStatus> {
    use RequestStatus::{Done, Exported, Marked, Rejected, Sent};
    match from {
        Marked => vec![Exported],
        Exported => vec![Sent, Marked],
        Sent => vec![Done, Rejected],
        Rejected => vec![Marked],
        Done => vec![],
    }
}

/// What the form of this request needs and the record lacks. Field names
/// only, never values.
pub(crate) fn missing(conn: &Connection, r: &Request, person: Option<&Staff>) -> Result<Vec<Problem>> {
    let mut lacks = Vec::new();
    let mut need = |field: Field, ok: bool, what: &str| {
        if !ok {
            lacks.push(Problem::error(field, "missing_for_form", what));
        }
    };
    let cert = match r.certificate_id {
        Some(id) => cert_table::get(conn, id)?,
        None => None,
    };
    let Some(p) = person else {
        return Ok(vec![Problem::error(Field::FullName, "missing_for_form", "không còn trong danh sách")]);
    };
    let for_form = |kind: RequestKind| format!("chưa có; biểu mẫu {} cần mục này", kind.label());
    let text = for_form(r.kind);
    match r.kind {
        RequestKind::Issuance => {
            need(Field::BirthDate, p.birth_date.is_some(), &text);
            need(Field::Position, p.position.is_some(), &text);
            need(Field::Cccd, p.cccd.as_deref().is_some_and(|c| c.len() == 12), &text);
            need(Field::CccdIssuedOn, p.cccd_issued_on.is_some(), &text);
            need(Field::Phone, p.phone.is_some(), &text);
        }
        RequestKind::Renewal | RequestKind::Change => {
            need(Field::Cccd, p.cccd.as_deref().is_some_and(|c| c.len() == 12), &text);
            need(Field::Phone, p.phone.is_some(), &text);
            need(
                Field::RequestCertificate,
                cert.is_some(),
                "chưa chọn chứng thư số cần gia hạn hoặc thay đổi",
            );
            if r.kind == RequestKind::Change {
                need(Field::RequestDetail, r.detail.is_some(), "chưa ghi nội dung cần thay đổi");
            }
        }
        RequestKind::Revocation => {
            need(Field::BirthDate, p.birth_date.is_some() || p.birth_year.is_some(), &text);
            need(
                Field::RequestCertificate,
                cert.is_some(),
                "chưa chọn chứng thư số cần thu hồi (số hiệu, nhà cung cấp)",
            );
            need(Field::RequestReason, r.reason.is_some(), "chưa chọn trường hợp thu hồi");
        }
    }
    Ok(lacks)
}

/// Validates a request against the database.
fn request_fields(conn: &Connection, input: &RequestInput) -> Result<RequestFields> {
    let person = staff_table::get(conn, input.staff_id)?.ok_or_else(|| {
        ApiError::NotFound(format!("Không tìm thấy người có mã {} trong danh sách.", input.staff_id))
    })?;
    let mut problems = Vec::new();
    let detail = clean_line(&input.detail);
    let reason = match (input.kind, input.reason) {
        (RequestKind::Revocation, None) => {
            problems.push(Problem::error(
                Field::RequestReason,
                "required",
                "chọn một trong ba trường hợp thu hồi",
            ));
            None
        }
        (RequestKind::Revocation, Some(r)) => Some(r),
        (_, _) => None,
    };
    if reason == Some(LeftReason::Other) && detail.is_empty() {
        problems.push(Problem::error(
            Field::RequestDetail,
            "reason_note_required",
            "trường hợp khác cần ghi rõ lý do",
        ));
    }
    if input.kind == RequestKind::Change && detail.is_empty() {
        problems.push(Problem::error(
            Field::RequestDetail,
            "required",
            "ghi rõ thông tin cần thay đổi (ví dụ: chức vụ mới)",
        ));
    }
    if let Some(cert_id) = input.certificate_id {
        match cert_table::get(conn, cert_id)? {
            Some(c) if c.staff_id == Some(input.staff_id) => {}
            Some(_) => problems.push(Problem::error(
                Field::RequestCertificate,
                "cert_other_holder",
                "không phải của người này",
            )),
            None => problems.push(Problem::error(Field::RequestCertificate, "not_found", "không tìm thấy")),
        }
    }
    if input.kind == RequestKind::Issuance && person.status == StaffStatus::Left {
        return Err(ApiError::Refused(format!(
            "{} đã nghỉ: không đề nghị cấp mới cho người đã nghỉ.",
            person.full_name
        )));
    }
    if !problems.is_empty() {
        return Err(ApiError::Invalid(problems));
    }
    if let Some(open) = table::open_of(conn, input.staff_id, input.kind, input.certificate_id)? {
        return Err(ApiError::Refused(format!(
            "{} đã có đề nghị {} đang chờ (mã {}, {}).",
            person.full_name,
            input.kind.label(),
            open.id,
            open.status.label()
        )));
    }
    Ok(RequestFields {
        staff_id: input.staff_id,
        certificate_id: input.certificate_id,
        kind: input.kind,
        reason,
        detail: Some(detail).filter(|d| !d.is_empty()),
    })
}

/// Inserts a request and its first event.
fn create(tx: &Connection, fields: &RequestFields, today: VnDate) -> Result<i64> {
    let id = table::insert(tx, fields)?;
    table::add_event(tx, id, today, None, RequestStatus::Marked, None)?;
    Ok(id)
}

pub(crate) fn views(conn: &Connection, q: &RequestQuery, views: &Views) -> Result<Vec<RequestView>> {
    views_of(conn, &RequestFilter { status: q.status, staff_id: q.staff_id, kind: q.kind }, views)
}

fn views_of(conn: &Connection, filter: &RequestFilter, views: &Views) -> Result<Vec<RequestView>> {
    table::list(conn, filter)?.iter().map(|r| view(conn, r, views)).collect()
}

fn view(conn: &Connection, r: &Request, views: &Views) -> Result<RequestView> {
    let person = views.people.get(&r.staff_id);
    let cert = match r.certificate_id {
        Some(id) => cert_table::get(conn, id)?,
        None => None,
    };
    let last = table::events(conn, &[r.id])?.pop();
    Ok(RequestView {
        id: r.id,
        staff_id: r.staff_id,
        staff_name: person.map(|p| p.full_name.clone()).unwrap_or_default(),
        staff_active: person.is_some_and(|p| p.status == StaffStatus::Active),
        kind: r.kind,
        reason: r.reason,
        detail: r.detail.clone(),
        certificate_id: r.certificate_id,
        certificate_serial: cert.as_ref().map(|c| c.serial_hex.clone()),
        provider: views.provider_name(cert.as_ref().and_then(|c| c.provider_id)),
        status: r.status,
        batch_id: r.batch_id,
        since: last.as_ref().map(|e| e.at),
        last_note: last.and_then(|e| e.note),
        missing: if matches!(r.status, RequestStatus::Marked | RequestStatus::Rejected) {
            missing(conn, r, person)?
        } else {
            Vec::new()
        },
    })
}

fn not_found(id: i64) -> ApiError {
    ApiError::NotFound(format!("Không tìm thấy đề nghị có mã {id}."))
}
