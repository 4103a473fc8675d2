//! The `certificate` table: the certificates people (and the unit) hold.
//! Status (valid, expiring, expired, revoked) is never stored: it depends
//! on today and on the reminder thresholds, so the `api` crate derives it.

use crate::{Result, date_col};
use chungthu_model::VnDate;
use chungthu_model::certificate::{CertForm, Certificate};
use chungthu_model::provider::CertKind;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

/// What a new or edited certificate holds (already validated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertFields {
    /// Holder (`None`: the unit).
    pub staff_id: Option<i64>,
    /// Provider.
    pub provider_id: Option<i64>,
    /// Kind.
    pub kind: CertKind,
    /// Form.
    pub form: Option<CertForm>,
    /// Serial, upper-case hex.
    pub serial_hex: String,
    /// Holder's name in the certificate.
    pub subject_name: String,
    /// First valid day.
    pub valid_from: Option<VnDate>,
    /// Last valid day.
    pub valid_to: VnDate,
    /// Purpose.
    pub purpose: Option<String>,
    /// Notes.
    pub notes: Option<String>,
}

/// What only a certificate file tells (set once, on import).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileFacts {
    /// Issuer's name.
    pub issuer_name: String,
    /// Identity text as the certificate writes it ("CCCD:…", "MST:…").
    pub identity: Option<String>,
    /// Holder's e-mail.
    pub email: Option<String>,
}

const COLUMNS: &str = "id, staff_id, provider_id, kind, form, serial_hex, subject_name, issuer_name, email,
     valid_from, valid_to, purpose, revoked_on, notes, created_at, updated_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Certificate> {
    let kind: String = r.get(3)?;
    let form: Option<String> = r.get(4)?;
    let valid_to: String = r.get(10)?;
    Ok(Certificate {
        id: r.get(0)?,
        staff_id: r.get(1)?,
        provider_id: r.get(2)?,
        kind: CertKind::from_db(&kind).unwrap_or(CertKind::Public),
        form: form.as_deref().and_then(CertForm::from_db),
        serial_hex: r.get(5)?,
        subject_name: r.get(6)?,
        issuer_name: r.get(7)?,
        email: r.get(8)?,
        valid_from: date_col(r, 9)?,
        valid_to: VnDate::parse(&valid_to).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(10, rusqlite::types::Type::Text, Box::new(e))
        })?,
        purpose: r.get(11)?,
        revoked_on: date_col(r, 12)?,
        notes: r.get(13)?,
        created_at: r.get(14)?,
        updated_at: r.get(15)?,
    })
}

impl CertFields {
    /// The columns an insert and an update both write, as ?1 to ?10.
    fn values(&self) -> [Value; 10] {
        [
            self.staff_id.into(),
            self.provider_id.into(),
            self.kind.as_str().to_owned().into(),
            self.form.map(|f| f.as_str().to_owned()).into(),
            self.serial_hex.clone().into(),
            self.subject_name.clone().into(),
            self.valid_from.map(VnDate::iso).into(),
            self.valid_to.iso().into(),
            self.purpose.clone().into(),
            self.notes.clone().into(),
        ]
    }
}

/// Inserts a certificate; returns the new id.
pub fn insert(conn: &Connection, f: &CertFields, file: &FileFacts) -> Result<i64> {
    let file_values =
        [file.issuer_name.clone().into(), file.identity.clone().into(), file.email.clone().into()];
    conn.execute(
        "INSERT INTO certificate (staff_id, provider_id, kind, form, serial_hex, subject_name, valid_from, valid_to,
            purpose, notes, issuer_name, identity, email, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
            strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
        params_from_iter(f.values().into_iter().chain(file_values)),
    )?;
    Ok(conn.last_insert_rowid())
}

/// Replaces the editable fields; `false` when there is no such certificate.
pub fn update(conn: &Connection, id: i64, f: &CertFields) -> Result<bool> {
    let n = conn.execute(
        "UPDATE certificate SET staff_id = ?1, provider_id = ?2, kind = ?3, form = ?4, serial_hex = ?5,
            subject_name = ?6, valid_from = ?7, valid_to = ?8, purpose = ?9, notes = ?10,
            updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
         WHERE id = ?11",
        params_from_iter(f.values().into_iter().chain([id.into()])),
    )?;
    Ok(n == 1)
}

/// Sets or clears the revocation day; `false` when there is no such certificate.
pub fn set_revoked(conn: &Connection, id: i64, on: Option<VnDate>) -> Result<bool> {
    let n = conn.execute(
        "UPDATE certificate SET revoked_on = ?2, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
        params![id, on.map(VnDate::iso)],
    )?;
    Ok(n == 1)
}

/// One certificate.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Certificate>> {
    Ok(conn
        .query_row(&format!("SELECT {COLUMNS} FROM certificate WHERE id = ?1"), [id], from_row)
        .optional()?)
}

/// Every certificate, soonest expiry first.
pub fn all(conn: &Connection) -> Result<Vec<Certificate>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM certificate ORDER BY valid_to, id"))?;
    Ok(stmt.query_map([], from_row)?.collect::<Result<_, _>>()?)
}

/// A holder's certificates (`None`: the unit's own), newest expiry first.
pub fn of_holder(conn: &Connection, staff_id: Option<i64>) -> Result<Vec<Certificate>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM certificate WHERE staff_id IS ?1 ORDER BY valid_to DESC, id DESC"
    ))?;
    Ok(stmt.query_map([staff_id], from_row)?.collect::<Result<_, _>>()?)
}

/// The certificate that is the same as one with this serial and issuer: the
/// same serial from the same issuer, or one entered by hand (no issuer)
/// with that serial.
pub fn same_as(conn: &Connection, serial_hex: &str, issuer_name: &str) -> Result<Option<Certificate>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {COLUMNS} FROM certificate
                 WHERE serial_hex = ?1 AND (issuer_name = ?2 OR issuer_name = '' OR ?2 = '')
                 ORDER BY issuer_name = ?2 DESC, id LIMIT 1"
            ),
            params![serial_hex, issuer_name],
            from_row,
        )
        .optional()?)
}
