//! Everything held about one person, across tables (for a Decree 13 export),
//! and the erasure of a person's personal data once they left long ago.
//!
//! Rows of other tables are read generically (`SELECT *`, column name →
//! JSON value) so that a column added later is exported too, without this
//! module having to follow every schema change.

use crate::Result;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, params};
use serde_json::{Map, Value};

/// One row as a JSON object keyed by column name. Blobs become lowercase
/// hex strings (JSON has no bytes).
pub type JsonRow = Map<String, Value>;

fn rows(conn: &Connection, sql: &str, id: i64) -> Result<Vec<JsonRow>> {
    let mut stmt = conn.prepare(sql)?;
    let names: Vec<String> = stmt.column_names().map(str::to_owned).collect();
    let mut out = Vec::new();
    let mut q = stmt.query([id])?;
    while let Some(r) = q.next()? {
        let mut row = Map::new();
        for (i, name) in names.iter().enumerate() {
            let v = match r.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) => Value::from(n),
                ValueRef::Real(x) => Value::from(x),
                ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => Value::from(b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
            };
            row.insert(name.clone(), v);
        }
        out.push(row);
    }
    Ok(out)
}

/// The person's certificates, every column.
pub fn certificates_of(conn: &Connection, staff_id: i64) -> Result<Vec<JsonRow>> {
    rows(conn, "SELECT * FROM certificate WHERE staff_id = ?1 ORDER BY id", staff_id)
}

/// The person's requests, every column.
pub fn requests_of(conn: &Connection, staff_id: i64) -> Result<Vec<JsonRow>> {
    rows(conn, "SELECT * FROM request WHERE staff_id = ?1 ORDER BY id", staff_id)
}

/// The state changes of the person's requests.
pub fn request_events_of(conn: &Connection, staff_id: i64) -> Result<Vec<JsonRow>> {
    rows(
        conn,
        "SELECT * FROM request_event WHERE request_id IN (SELECT id FROM request WHERE staff_id = ?1) ORDER BY id",
        staff_id,
    )
}

/// Requests of the person still under way (marked, in a list, sent): the
/// data they need must stay until they are done.
pub fn open_requests(conn: &Connection, staff_id: i64) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM request WHERE staff_id = ?1 AND status IN ('marked', 'exported', 'sent')",
        [staff_id],
        |r| r.get(0),
    )?)
}

/// The columns [`erase`] clears beyond the person's own fields (which the
/// caller rewrites through `staff::update`, so the search text loses them).
pub const ERASED_ELSEWHERE: [&str; 3] = ["birth_year", "certificate.identity", "certificate.email"];

/// Marks the person as erased now, clears the birth year and the identity
/// number and e-mail copied from their certificates (the certificate itself
/// — provider, serial, validity — stays as history).
pub fn erase(conn: &Connection, staff_id: i64) -> Result<()> {
    conn.execute(
        "UPDATE staff SET birth_year = NULL, erased_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
            updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
         WHERE id = ?1",
        params![staff_id],
    )?;
    conn.execute(
        "UPDATE certificate SET identity = NULL, email = NULL, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
         WHERE staff_id = ?1",
        params![staff_id],
    )?;
    Ok(())
}
