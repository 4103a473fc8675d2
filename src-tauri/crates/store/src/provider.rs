//! The `provider` table: the editable catalogue of certificate providers.

use crate::Result;
use chungthu_model::provider::{CertKind, Provider};
use rusqlite::{Connection, OptionalExtension, Row, params};

/// A provider's editable fields (already cleaned by the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderFields {
    /// Full name.
    pub name: String,
    /// Short name.
    pub short_name: String,
    /// Specialised or public.
    pub kind: CertKind,
    /// Issuer-name fragments.
    pub issuer_fragments: Vec<String>,
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Provider> {
    let kind: String = r.get(3)?;
    let fragments: String = r.get(4)?;
    Ok(Provider {
        id: r.get(0)?,
        name: r.get(1)?,
        short_name: r.get(2)?,
        kind: CertKind::from_db(&kind).unwrap_or(CertKind::Public),
        issuer_fragments: serde_json::from_str(&fragments).unwrap_or_default(),
        builtin: r.get(5)?,
    })
}

const COLUMNS: &str = "id, name, short_name, kind, issuer_fragments, builtin";

/// Every provider, specialised first, then by short name.
pub fn list(conn: &Connection) -> Result<Vec<Provider>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM provider ORDER BY kind = 'public', short_name COLLATE NOCASE, id"
    ))?;
    Ok(stmt.query_map([], from_row)?.collect::<Result<_, _>>()?)
}

/// One provider.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Provider>> {
    Ok(conn.query_row(&format!("SELECT {COLUMNS} FROM provider WHERE id = ?1"), [id], from_row).optional()?)
}

/// The provider with this exact name (other than `except`).
pub fn by_name(conn: &Connection, name: &str, except: Option<i64>) -> Result<Option<Provider>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM provider WHERE name = ?1 AND id IS NOT ?2"),
            params![name, except],
            from_row,
        )
        .optional()?)
}

/// How many providers there are.
pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT COUNT(*) FROM provider", [], |r| r.get(0))?)
}

fn fragments_json(f: &ProviderFields) -> String {
    serde_json::to_string(&f.issuer_fragments).unwrap_or_else(|_| "[]".into())
}

/// Inserts a provider; returns the new id.
pub fn insert(conn: &Connection, f: &ProviderFields, builtin: bool) -> Result<i64> {
    conn.execute(
        "INSERT INTO provider (name, short_name, kind, issuer_fragments, builtin) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![f.name, f.short_name, f.kind.as_str(), fragments_json(f), builtin],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Replaces a provider's fields; `false` when there is no such provider.
pub fn update(conn: &Connection, id: i64, f: &ProviderFields) -> Result<bool> {
    let n = conn.execute(
        "UPDATE provider SET name = ?2, short_name = ?3, kind = ?4, issuer_fragments = ?5 WHERE id = ?1",
        params![id, f.name, f.short_name, f.kind.as_str(), fragments_json(f)],
    )?;
    Ok(n == 1)
}
