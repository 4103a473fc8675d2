//! The audit log: who changed what, and which fields — never the values.

use crate::Result;
use chungthu_model::audit::AuditEntry;
use rusqlite::{Connection, params, params_from_iter};

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
    Ok(search(conn, &AuditFilter { limit, ..AuditFilter::default() })?.0)
}

/// Which entries the audit viewer shows. Times are UTC ISO 8601 bounds
/// (`from` inclusive, `until` exclusive) so that the caller decides what a
/// local day is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Only this kind of thing ("staff", "unit"…).
    pub entity: Option<String>,
    /// Only this one thing.
    pub entity_id: Option<i64>,
    /// Entries at or after this time.
    pub from: Option<String>,
    /// Entries before this time.
    pub until: Option<String>,
    /// Page size (0 = no limit).
    pub limit: u32,
    /// Entries to skip.
    pub offset: u32,
}

/// Entries matching `f`, newest first, and how many match in all.
pub fn search(conn: &Connection, f: &AuditFilter) -> Result<(Vec<AuditEntry>, u32)> {
    let mut clauses = Vec::new();
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    if let Some(entity) = &f.entity {
        args.push(entity.clone().into());
        clauses.push(format!("entity = ?{}", args.len()));
    }
    if let Some(id) = f.entity_id {
        args.push(id.into());
        clauses.push(format!("entity_id = ?{}", args.len()));
    }
    if let Some(from) = &f.from {
        args.push(from.clone().into());
        clauses.push(format!("at >= ?{}", args.len()));
    }
    if let Some(until) = &f.until {
        args.push(until.clone().into());
        clauses.push(format!("at < ?{}", args.len()));
    }
    let filter = if clauses.is_empty() { String::new() } else { format!("WHERE {}", clauses.join(" AND ")) };
    let total: u32 =
        conn.query_row(&format!("SELECT COUNT(*) FROM audit_log {filter}"), params_from_iter(&args), |r| {
            r.get(0)
        })?;
    let limit = if f.limit == 0 { -1 } else { i64::from(f.limit) };
    let mut stmt = conn.prepare(&format!(
        "SELECT id, at, os_user, entity, entity_id, action, fields FROM audit_log {filter}
         ORDER BY id DESC LIMIT {limit} OFFSET {}",
        f.offset
    ))?;
    let rows = stmt.query_map(params_from_iter(&args), |r| {
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
    Ok((rows.collect::<Result<_, _>>()?, total))
}

/// The kinds of things that have entries, for the viewer's filter.
pub fn entities(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT DISTINCT entity FROM audit_log ORDER BY entity")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
