//! The `outbox` and `outbox_attachment` tables: e-mail waiting to go out, or
//! gone, with its files (bytes and SHA-256) so a message survives restarts
//! and does not depend on files that may move. Also the two facts of the
//! `batch` table that sending needs (what the list is, and "sent").
//!
//! States of a message (the api crate drives the moves):
//!
//! ```text
//!              claim: 'sending' is committed         server took it
//!   queued ─────────── BEFORE any SMTP ──────► sending ────────────► sent
//!    ▲ ▲ │                                      │   │
//!    │ │ │ cancel                  transient    │   │ permanent error
//!    │ │ └──────► cancelled        error        │   └────────────► failed
//!    │ └──── back-off (1, 2, 5, 10, 30 min, ◄───┘                    │
//!    │       then hourly): next_attempt_at                          │
//!    │                                                              │
//!    └──── user: retry / resend ◄─── failed, cancelled, uncertain ◄─┘
//!
//!   queued ──► failed   a stored file no longer matches its SHA-256
//!
//!   sending for longer than an attempt can take (the program stopped
//!   mid-send) ──► uncertain   ("may have been sent": never retried
//!                    │          automatically; the user checks the
//!                    └──► sent  Sent folder, then resends or marks sent)
//! ```
//!
//! A result that arrives for an `uncertain` row (another process marked it
//! while this one was still sending) is recorded like one for `sending`.

use crate::Result;
use chungthu_model::outbox::{OutboxFile, OutboxItem, OutboxState};
use rusqlite::{Connection, OptionalExtension, params};

/// A file to store with a new message.
pub struct NewFile<'a> {
    /// File name.
    pub file_name: &'a str,
    /// MIME type.
    pub mime: &'a str,
    /// The bytes.
    pub content: &'a [u8],
    /// SHA-256 of the bytes, lowercase hex.
    pub sha256: &'a str,
}

/// A stored file with its bytes.
pub struct StoredFile {
    /// File name.
    pub file_name: String,
    /// MIME type.
    pub mime: String,
    /// The bytes.
    pub content: Vec<u8>,
    /// SHA-256 recorded when it was queued.
    pub sha256: String,
}

/// A new message to queue.
pub struct NewMessage<'a> {
    /// The list it carries.
    pub batch_id: Option<i64>,
    /// Recipients.
    pub recipients: &'a [String],
    /// Subject.
    pub subject: &'a str,
    /// Body.
    pub body: &'a str,
    /// `Message-ID`, fixed now so every attempt uses the same one.
    pub message_id: &'a str,
    /// Files, in order.
    pub files: &'a [NewFile<'a>],
    /// Now (UTC, ISO 8601): creation time and first attempt.
    pub now: &'a str,
}

/// Queues a message with its files; returns its id.
pub fn insert(conn: &Connection, m: &NewMessage<'_>) -> Result<i64> {
    let recipients =
        serde_json::to_string(m.recipients).map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
    conn.execute(
        "INSERT INTO outbox (batch_id, state, recipients, subject, body, next_attempt_at, message_id, created_at)
         VALUES (?1, 'queued', ?2, ?3, ?4, ?5, ?6, ?5)",
        params![m.batch_id, recipients, m.subject, m.body, m.now, m.message_id],
    )?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn.prepare(
        "INSERT INTO outbox_attachment (outbox_id, file_name, mime, content, sha256) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for f in m.files {
        stmt.execute(params![id, f.file_name, f.mime, f.content, f.sha256])?;
    }
    Ok(id)
}

const COLUMNS: &str = "id, batch_id, state, recipients, subject, body, attempts, next_attempt_at, last_error,
                       message_id, sent_at, created_at";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxItem> {
    let recipients: String = r.get(3)?;
    Ok(OutboxItem {
        id: r.get(0)?,
        batch_id: r.get(1)?,
        state: OutboxState::from_db(&r.get::<_, String>(2)?),
        recipients: serde_json::from_str(&recipients).unwrap_or_default(),
        subject: r.get(4)?,
        body: r.get(5)?,
        attempts: r.get(6)?,
        next_attempt_at: r.get(7)?,
        last_error: r.get(8)?,
        message_id: r.get(9)?,
        sent_at: r.get(10)?,
        created_at: r.get(11)?,
        files: Vec::new(),
    })
}

fn with_files(conn: &Connection, mut item: OutboxItem) -> Result<OutboxItem> {
    let mut stmt = conn.prepare(
        "SELECT file_name, mime, length(content), sha256 FROM outbox_attachment WHERE outbox_id = ?1 ORDER BY id",
    )?;
    item.files = stmt
        .query_map([item.id], |r| {
            Ok(OutboxFile { file_name: r.get(0)?, mime: r.get(1)?, size: r.get(2)?, sha256: r.get(3)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(item)
}

/// One message, with its file list.
pub fn get(conn: &Connection, id: i64) -> Result<Option<OutboxItem>> {
    let item =
        conn.query_row(&format!("SELECT {COLUMNS} FROM outbox WHERE id = ?1"), [id], row).optional()?;
    item.map(|i| with_files(conn, i)).transpose()
}

/// Every message, newest first.
pub fn list(conn: &Connection) -> Result<Vec<OutboxItem>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM outbox ORDER BY id DESC"))?;
    let items: Vec<OutboxItem> = stmt.query_map([], row)?.collect::<rusqlite::Result<_>>()?;
    items.into_iter().map(|i| with_files(conn, i)).collect()
}

/// The files of a message with their bytes, in order.
pub fn files(conn: &Connection, id: i64) -> Result<Vec<StoredFile>> {
    let mut stmt = conn.prepare(
        "SELECT file_name, mime, content, sha256 FROM outbox_attachment WHERE outbox_id = ?1 ORDER BY id",
    )?;
    Ok(stmt
        .query_map([id], |r| {
            Ok(StoredFile { file_name: r.get(0)?, mime: r.get(1)?, content: r.get(2)?, sha256: r.get(3)? })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// The oldest queued message whose attempt is due at `now`.
pub fn next_due(conn: &Connection, now: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM outbox WHERE state = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?1)
             ORDER BY next_attempt_at, id LIMIT 1",
            [now],
            |r| r.get(0),
        )
        .optional()?)
}

/// Queued messages (due or not).
pub fn queued_count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM outbox WHERE state = 'queued'", [], |r| r.get(0))?)
}

/// queued → sending, counting the attempt; false when the message was not
/// queued (another process took it, or the user cancelled it).
pub fn claim(conn: &Connection, id: i64, now: &str) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = ?2
         WHERE id = ?1 AND state = 'queued'",
        params![id, now],
    )? == 1)
}

/// sending/uncertain → sent.
pub fn mark_sent(conn: &Connection, id: i64, message_id: &str, at: &str) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE outbox SET state = 'sent', message_id = ?2, sent_at = ?3, last_error = NULL, next_attempt_at = NULL
         WHERE id = ?1 AND state IN ('sending', 'uncertain')",
        params![id, message_id, at],
    )? == 1)
}

/// sending/uncertain → queued, due again at `next_at`.
pub fn mark_retry(conn: &Connection, id: i64, error: &str, next_at: &str) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE outbox SET state = 'queued', last_error = ?2, next_attempt_at = ?3
         WHERE id = ?1 AND state IN ('sending', 'uncertain')",
        params![id, error, next_at],
    )? == 1)
}

/// sending/uncertain → failed (never retried automatically).
pub fn mark_failed(conn: &Connection, id: i64, error: &str) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE outbox SET state = 'failed', last_error = ?2, next_attempt_at = NULL
         WHERE id = ?1 AND state IN ('sending', 'uncertain')",
        params![id, error],
    )? == 1)
}

/// Every `sending` row whose attempt started before `started_before` →
/// `uncertain` with `note`. A younger one may still be under way in
/// another process (the window while the CLI runs). Returns how many.
pub fn mark_interrupted(conn: &Connection, note: &str, started_before: &str) -> Result<usize> {
    Ok(conn.execute(
        "UPDATE outbox SET state = 'uncertain', last_error = ?1, next_attempt_at = NULL
         WHERE state = 'sending' AND (next_attempt_at IS NULL OR next_attempt_at < ?2)",
        params![note, started_before],
    )?)
}

/// queued → failed before any attempt (its stored files are damaged), so
/// that it no longer heads the queue.
pub fn fail_queued(conn: &Connection, id: i64, error: &str) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE outbox SET state = 'failed', last_error = ?2, next_attempt_at = NULL
         WHERE id = ?1 AND state = 'queued'",
        params![id, error],
    )? == 1)
}

/// failed/cancelled/uncertain → queued, due at `now` (the user's "send
/// again"). The old error stays visible until the next attempt.
pub fn requeue(conn: &Connection, id: i64, now: &str) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE outbox SET state = 'queued', next_attempt_at = ?2
         WHERE id = ?1 AND state IN ('failed', 'cancelled', 'uncertain')",
        params![id, now],
    )? == 1)
}

/// queued/failed/uncertain → cancelled.
pub fn cancel(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE outbox SET state = 'cancelled', next_attempt_at = NULL
         WHERE id = ?1 AND state IN ('queued', 'failed', 'uncertain')",
        [id],
    )? == 1)
}

/// uncertain → sent, on the user's word that it is in their Sent folder.
pub fn confirm_sent(conn: &Connection, id: i64, at: &str) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE outbox SET state = 'sent', sent_at = ?2, last_error = NULL, next_attempt_at = NULL
         WHERE id = ?1 AND state = 'uncertain'",
        params![id, at],
    )? == 1)
}

/// Marks a list as sent (the first sending time is kept).
pub fn mark_batch_sent(conn: &Connection, id: i64, at: &str) -> Result<()> {
    conn.execute(
        "UPDATE batch SET status = 'sent', sent_at = coalesce(sent_at, ?2) WHERE id = ?1",
        params![id, at],
    )?;
    Ok(())
}

/// The requests a list carries (lists of requests only).
pub fn batch_requests(conn: &Connection, id: i64) -> Result<Vec<i64>> {
    let mut stmt =
        conn.prepare("SELECT request_id FROM batch_request WHERE batch_id = ?1 ORDER BY position")?;
    Ok(stmt.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
}
