//! The `batch`, `batch_request` and `batch_row` tables: the Word lists
//! exported for the principal's signature, what was in them and at which
//! position. Which requests go in a list and how they change state is the
//! `api` crate's rule, not this module's.

use crate::Result;
use chungthu_model::VnDate;
use chungthu_model::batch::{Batch, BatchKind, BatchStatus, DateMode};
use rusqlite::{Connection, OptionalExtension, Row, params};

/// What a new batch holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBatch<'a> {
    /// Which list.
    pub kind: BatchKind,
    /// File name.
    pub file_name: &'a str,
    /// Full path.
    pub path: &'a str,
    /// SHA-256, hex.
    pub sha256: &'a str,
    /// Rows.
    pub row_count: u32,
    /// Date mode.
    pub date_mode: DateMode,
    /// Date printed.
    pub date_on: Option<VnDate>,
    /// Excel copy's path and SHA-256.
    pub xlsx: Option<(&'a str, &'a str)>,
}

const COLUMNS: &str =
    "id, kind, file_name, path, sha256, row_count, date_mode, date_on, status, superseded_by,
     xlsx_path, xlsx_sha256, created_at, sent_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Batch> {
    let kind: String = r.get(1)?;
    let date_mode: String = r.get(6)?;
    let date_on: Option<String> = r.get(7)?;
    let status: String = r.get(8)?;
    Ok(Batch {
        id: r.get(0)?,
        kind: BatchKind::from_db(&kind).unwrap_or(BatchKind::Issuance),
        file_name: r.get(2)?,
        path: r.get(3)?,
        sha256: r.get(4)?,
        row_count: r.get(5)?,
        date_mode: if date_mode == "blank" { DateMode::Blank } else { DateMode::Today },
        date_on: date_on.and_then(|d| VnDate::parse(&d).ok()),
        status: if status == "sent" { BatchStatus::Sent } else { BatchStatus::Exported },
        superseded_by: r.get(9)?,
        xlsx_path: r.get(10)?,
        xlsx_sha256: r.get(11)?,
        created_at: r.get(12)?,
        sent_at: r.get(13)?,
    })
}

/// Inserts a batch in state "exported"; returns its id.
pub fn insert(conn: &Connection, b: &NewBatch<'_>) -> Result<i64> {
    conn.execute(
        "INSERT INTO batch (kind, file_name, path, sha256, row_count, date_mode, date_on, xlsx_path, xlsx_sha256,
            created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
        params![
            b.kind.as_str(),
            b.file_name,
            b.path,
            b.sha256,
            b.row_count,
            b.date_mode.as_str(),
            b.date_on.map(VnDate::iso),
            b.xlsx.map(|x| x.0),
            b.xlsx.map(|x| x.1),
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// One batch.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Batch>> {
    Ok(conn.query_row(&format!("SELECT {COLUMNS} FROM batch WHERE id = ?1"), [id], from_row).optional()?)
}

/// Every batch, newest first.
pub fn list(conn: &Connection) -> Result<Vec<Batch>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM batch ORDER BY id DESC"))?;
    Ok(stmt.query_map([], from_row)?.collect::<Result<_, _>>()?)
}

/// Batches of `kind` that still count: exported, not sent, not replaced.
pub fn live_of_kind(conn: &Connection, kind: BatchKind) -> Result<Vec<Batch>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM batch WHERE kind = ?1 AND status = 'exported' AND superseded_by IS NULL ORDER BY id"
    ))?;
    Ok(stmt.query_map([kind.as_str()], from_row)?.collect::<Result<_, _>>()?)
}

/// Marks `old` as replaced by `new`.
pub fn supersede(conn: &Connection, old: i64, new: i64) -> Result<()> {
    conn.execute("UPDATE batch SET superseded_by = ?2 WHERE id = ?1", params![old, new])?;
    Ok(())
}

/// Puts request `request_id` at `position` of batch `batch_id` and points
/// the request at the batch.
pub fn add_request(conn: &Connection, batch_id: i64, request_id: i64, position: u32) -> Result<()> {
    conn.execute(
        "INSERT INTO batch_request (batch_id, request_id, position) VALUES (?1, ?2, ?3)",
        params![batch_id, request_id, position],
    )?;
    conn.execute("UPDATE request SET batch_id = ?2 WHERE id = ?1", params![request_id, batch_id])?;
    Ok(())
}

/// Puts a person or a certificate at `position` of batch `batch_id`.
pub fn add_row(
    conn: &Connection,
    batch_id: i64,
    position: u32,
    staff_id: Option<i64>,
    certificate_id: Option<i64>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO batch_row (batch_id, position, staff_id, certificate_id) VALUES (?1, ?2, ?3, ?4)",
        params![batch_id, position, staff_id, certificate_id],
    )?;
    Ok(())
}

/// The requests of a batch in document order.
pub fn requests_of(conn: &Connection, batch_id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn
        .prepare("SELECT request_id FROM batch_request WHERE batch_id = ?1 ORDER BY position, request_id")?;
    Ok(stmt.query_map([batch_id], |r| r.get(0))?.collect::<Result<_, _>>()?)
}

/// The people or certificates of a batch in document order: `(staff_id,
/// certificate_id)`, both `None` for a row whose target was deleted.
pub fn rows_of(conn: &Connection, batch_id: i64) -> Result<Vec<(Option<i64>, Option<i64>)>> {
    let mut stmt =
        conn.prepare("SELECT staff_id, certificate_id FROM batch_row WHERE batch_id = ?1 ORDER BY position")?;
    Ok(stmt.query_map([batch_id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?)
}
