//! The `unit` table: the school's own details, one row.

use crate::Result;
use chungthu_model::unit::{SignerRole, Unit};
use rusqlite::{Connection, params};

/// Reads the unit.
pub fn get(conn: &Connection) -> Result<Unit> {
    Ok(conn.query_row(
        "SELECT name, managing_body, commune, place, signer_name, signer_role, focal_name, focal_phone, focal_email
         FROM unit WHERE id = 1",
        [],
        |r| {
            Ok(Unit {
                name: r.get(0)?,
                managing_body: r.get(1)?,
                commune: r.get(2)?,
                place: r.get(3)?,
                signer_name: r.get(4)?,
                signer_role: if r.get::<_, String>(5)? == "deputy" {
                    SignerRole::Deputy
                } else {
                    SignerRole::Principal
                },
                focal_name: r.get(6)?,
                focal_phone: r.get(7)?,
                focal_email: r.get(8)?,
            })
        },
    )?)
}

/// Writes the unit (already validated).
pub fn save(conn: &Connection, u: &Unit) -> Result<()> {
    conn.execute(
        "UPDATE unit SET name = ?1, managing_body = ?2, commune = ?3, place = ?4, signer_name = ?5,
                signer_role = ?6, focal_name = ?7, focal_phone = ?8, focal_email = ?9,
                updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
         WHERE id = 1",
        params![
            u.name,
            u.managing_body,
            u.commune,
            u.place,
            u.signer_name,
            u.signer_role.as_str(),
            u.focal_name,
            u.focal_phone,
            u.focal_email
        ],
    )?;
    Ok(())
}
