//! The audit log: who changed what, and which fields — never the values.

use crate::Result;
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One audit entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    /// Row id.
    pub id: i64,
    /// UTC time, ISO 8601.
    pub at: String,
    /// Operating-system user who made the change.
    pub os_user: String,
    /// What kind of thing changed ("staff", "unit"…).
    pub entity: String,
    /// Its id, when it has one.
    pub entity_id: Option<i64>,
    /// "create", "update", "left", "reinstate"…
    pub action: String,
    /// Names of the fields that changed, comma-separated.
    pub fields: String,
}

/// Records one change.
pub fn record(
    conn: &Connection,
    os_user: &str,
    entity: &str,
    entity_id: Option<i64>,
    action: &str,
    fields: &[&str],
) -> Result<()> {
    conn.execute(
        "INSERT INTO audit_log (at, os_user, entity, entity_id, action, fields)
         VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?1, ?2, ?3, ?4, ?5)",
        params![os_user, entity, entity_id, action, fields.join(",")],
    )?;
    Ok(())
}

/// The newest entries first.
pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, os_user, entity, entity_id, action, fields FROM audit_log ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        Ok(AuditEntry {
            id: r.get(0)?,
            at: r.get(1)?,
            os_user: r.get(2)?,
            entity: r.get(3)?,
            entity_id: r.get(4)?,
            action: r.get(5)?,
            fields: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
