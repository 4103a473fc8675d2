//! The `request` and `request_event` tables: what the unit asks the
//! provider for (issue, renew, change, revoke) and every change of state.
//! Which changes are allowed is the `api` crate's rule, not this module's.

use crate::Result;
use chungthu_model::request::{Request, RequestEvent, RequestKind, RequestStatus};
use chungthu_model::{LeftReason, VnDate};
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

/// What a new request holds (already validated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestFields {
    /// Person.
    pub staff_id: i64,
    /// Certificate.
    pub certificate_id: Option<i64>,
    /// Kind.
    pub kind: RequestKind,
    /// Revocation case.
    pub reason: Option<LeftReason>,
    /// Detail.
    pub detail: Option<String>,
}

/// Which requests to list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RequestFilter {
    /// Only this status.
    pub status: Option<RequestStatus>,
    /// Only this person.
    pub staff_id: Option<i64>,
    /// Only this kind.
    pub kind: Option<RequestKind>,
}

const COLUMNS: &str =
    "id, staff_id, certificate_id, kind, reason, detail, status, batch_id, created_at, updated_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Request> {
    let kind: String = r.get(3)?;
    let reason: Option<String> = r.get(4)?;
    let status: String = r.get(6)?;
    Ok(Request {
        id: r.get(0)?,
        staff_id: r.get(1)?,
        certificate_id: r.get(2)?,
        kind: RequestKind::from_db(&kind).unwrap_or(RequestKind::Issuance),
        reason: reason.as_deref().and_then(LeftReason::from_db),
        detail: r.get(5)?,
        status: RequestStatus::from_db(&status).unwrap_or(RequestStatus::Marked),
        batch_id: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

/// Inserts a request in state "marked"; returns the new id. The caller
/// writes its first event.
pub fn insert(conn: &Connection, f: &RequestFields) -> Result<i64> {
    conn.execute(
        "INSERT INTO request (staff_id, certificate_id, kind, reason, detail, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'marked', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
            strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
        params![f.staff_id, f.certificate_id, f.kind.as_str(), f.reason.map(LeftReason::as_str), f.detail],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Sets the state; `false` when there is no such request.
pub fn set_status(conn: &Connection, id: i64, status: RequestStatus) -> Result<bool> {
    let n = conn.execute(
        "UPDATE request SET status = ?2, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
        params![id, status.as_str()],
    )?;
    Ok(n == 1)
}

/// Appends an event.
pub fn add_event(
    conn: &Connection,
    request_id: i64,
    at: VnDate,
    from: Option<RequestStatus>,
    to: RequestStatus,
    note: Option<&str>,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO request_event (request_id, at, from_status, to_status, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![request_id, at.iso(), from.map(RequestStatus::as_str), to.as_str(), note],
    )?;
    Ok(conn.last_insert_rowid())
}

/// One request.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Request>> {
    Ok(conn.query_row(&format!("SELECT {COLUMNS} FROM request WHERE id = ?1"), [id], from_row).optional()?)
}

/// Requests matching `filter`, oldest first.
pub fn list(conn: &Connection, filter: &RequestFilter) -> Result<Vec<Request>> {
    let mut clauses = Vec::new();
    let mut args: Vec<String> = Vec::new();
    if let Some(status) = filter.status {
        args.push(status.as_str().to_owned());
        clauses.push(format!("status = ?{}", args.len()));
    }
    if let Some(id) = filter.staff_id {
        args.push(id.to_string());
        clauses.push(format!("staff_id = CAST(?{} AS INTEGER)", args.len()));
    }
    if let Some(kind) = filter.kind {
        args.push(kind.as_str().to_owned());
        clauses.push(format!("kind = ?{}", args.len()));
    }
    let filter = if clauses.is_empty() { String::new() } else { format!("WHERE {}", clauses.join(" AND ")) };
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM request {filter} ORDER BY id"))?;
    Ok(stmt.query_map(params_from_iter(&args), from_row)?.collect::<Result<_, _>>()?)
}

/// Requests of this person and kind that are not finished (marked,
/// exported, sent or rejected), for this certificate when one is given.
pub fn open_of(
    conn: &Connection,
    staff_id: i64,
    kind: RequestKind,
    certificate_id: Option<i64>,
) -> Result<Option<Request>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {COLUMNS} FROM request
                 WHERE staff_id = ?1 AND kind = ?2 AND status <> 'done'
                   AND (?3 IS NULL OR certificate_id IS ?3)
                 ORDER BY id LIMIT 1"
            ),
            params![staff_id, kind.as_str(), certificate_id],
            from_row,
        )
        .optional()?)
}

/// Events of a request, or of every request of a person, in order.
pub fn events(conn: &Connection, request_ids: &[i64]) -> Result<Vec<RequestEvent>> {
    if request_ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; request_ids.len()].join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT id, request_id, at, from_status, to_status, note FROM request_event
         WHERE request_id IN ({marks}) ORDER BY id"
    ))?;
    let rows = stmt.query_map(params_from_iter(request_ids), |r| {
        let at: String = r.get(2)?;
        let from: Option<String> = r.get(3)?;
        let to: String = r.get(4)?;
        Ok(RequestEvent {
            id: r.get(0)?,
            request_id: r.get(1)?,
            at: VnDate::parse(&at).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
            })?,
            from_status: from.as_deref().and_then(RequestStatus::from_db),
            to_status: RequestStatus::from_db(&to).unwrap_or(RequestStatus::Marked),
            note: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
