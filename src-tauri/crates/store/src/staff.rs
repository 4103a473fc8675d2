//! The `staff` table: the register of people.

use crate::{Result, date_col, setting};
use chungthu_model::order::{NameKey, NameOrder, SORT_KEY_VERSION};
use chungthu_model::staff::{Staff, StaffFields, StaffPage, StaffQuery, StaffSummary};
use chungthu_model::text::fold;
use chungthu_model::{Gender, LeftReason, Problem, StaffStatus, VnDate};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params, params_from_iter};
use time::macros::format_description;

const COLUMNS: &str = "id, full_name, birth_date, birth_year, gender, position, team, staff_code, cccd,
     cccd_issued_on, phone, email, notes, status, left_reason, left_on, left_note, warnings, created_at, updated_at,
     erased_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Staff> {
    let gender: Option<String> = r.get(4)?;
    let status: String = r.get(13)?;
    let reason: Option<String> = r.get(14)?;
    let warnings: String = r.get(17)?;
    Ok(Staff {
        id: r.get(0)?,
        full_name: r.get(1)?,
        birth_date: date_col(r, 2)?,
        birth_year: r.get(3)?,
        gender: gender.as_deref().and_then(Gender::parse),
        position: r.get(5)?,
        team: r.get(6)?,
        staff_code: r.get(7)?,
        cccd: r.get(8)?,
        cccd_issued_on: date_col(r, 9)?,
        phone: r.get(10)?,
        email: r.get(11)?,
        notes: r.get(12)?,
        status: StaffStatus::from_db(&status).unwrap_or(StaffStatus::Active),
        left_reason: reason.as_deref().and_then(LeftReason::from_db),
        left_on: date_col(r, 15)?,
        left_note: r.get(16)?,
        warnings: serde_json::from_str(&warnings).unwrap_or_default(),
        created_at: r.get(18)?,
        updated_at: r.get(19)?,
        erased_at: r.get(20)?,
    })
}

/// What search matches: folded name and text fields, digits as stored; a
/// leading space so that every word start is preceded by one.
fn search_text(f: &StaffFields) -> String {
    let parts = [
        Some(f.full_name.as_str()),
        f.id_number.as_ref().map(|n| n.as_str()),
        f.phone.as_ref().map(|p| p.as_str()),
        f.email.as_deref(),
        f.position.as_deref(),
        f.team.as_deref(),
        f.staff_code.as_deref(),
    ];
    format!(" {}", fold(&parts.into_iter().flatten().collect::<Vec<_>>().join(" | ")))
}

fn warnings_json(warnings: &[Problem]) -> String {
    serde_json::to_string(warnings).unwrap_or_else(|_| "[]".into())
}

/// Inserts a validated person; returns the new id.
pub fn insert(conn: &Connection, order: &NameOrder, f: &StaffFields, warnings: &[Problem]) -> Result<i64> {
    insert_new(conn, &NewStaff::new(order, f, warnings))
}

/// A person's row with its derived columns (sort keys, search text,
/// warnings as JSON) computed: the costly part of an insert, which a bulk
/// import computes on another thread while this one writes.
pub struct NewStaff<'f> {
    fields: &'f StaffFields,
    warnings: String,
    search: String,
    key: NameKey,
    /// When the row is written: `created_at` of an insert, `updated_at` of both.
    written_at: String,
}

impl<'f> NewStaff<'f> {
    /// Computes the derived columns of `fields`.
    pub fn new(order: &NameOrder, fields: &'f StaffFields, warnings: &[Problem]) -> Self {
        NewStaff {
            fields,
            warnings: warnings_json(warnings),
            search: search_text(fields),
            key: order.key(&fields.full_name),
            // Formatted here rather than by SQLite's strftime: on a bulk
            // import this runs on the thread that is not writing.
            written_at: time::OffsetDateTime::now_utc()
                .format(format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z"))
                .expect("a date-time always formats"),
        }
    }

    /// The columns an insert and an update both write, as ?1 to ?17.
    fn values(&self) -> [Value; 17] {
        let f = self.fields;
        [
            f.full_name.clone().into(),
            f.birth_date.map(VnDate::iso).into(),
            f.birth_year.into(),
            f.gender.map(|g| g.as_str().to_owned()).into(),
            f.position.clone().into(),
            f.team.clone().into(),
            f.staff_code.clone().into(),
            f.id_number.as_ref().map(|n| n.as_str().to_owned()).into(),
            f.cccd_issued_on.map(VnDate::iso).into(),
            f.phone.as_ref().map(|p| p.as_str().to_owned()).into(),
            f.email.clone().into(),
            f.notes.clone().into(),
            self.warnings.clone().into(),
            self.search.clone().into(),
            self.key.given.clone().into(),
            self.key.rest.clone().into(),
            self.written_at.clone().into(),
        ]
    }
}

/// Inserts a person prepared by [`NewStaff::new`]; returns the new id.
pub fn insert_new(conn: &Connection, new: &NewStaff<'_>) -> Result<i64> {
    // Cached: an import inserts tens of thousands of people in one go.
    conn.prepare_cached(
        "INSERT INTO staff (full_name, birth_date, birth_year, gender, position, team, staff_code, cccd,
            cccd_issued_on, phone, email, notes, warnings, search_text, sort_given, sort_rest, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)",
    )?
    .execute(params_from_iter(new.values()))?;
    Ok(conn.last_insert_rowid())
}

/// Replaces a person's fields; `false` when there is no such person.
pub fn update(
    conn: &Connection,
    order: &NameOrder,
    id: i64,
    f: &StaffFields,
    warnings: &[Problem],
) -> Result<bool> {
    let row = NewStaff::new(order, f, warnings);
    let n = conn.execute(
        "UPDATE staff SET full_name = ?1, birth_date = ?2, birth_year = ?3, gender = ?4, position = ?5, team = ?6,
            staff_code = ?7, cccd = ?8, cccd_issued_on = ?9, phone = ?10, email = ?11, notes = ?12,
            warnings = ?13, search_text = ?14, sort_given = ?15, sort_rest = ?16, updated_at = ?17
         WHERE id = ?18",
        params_from_iter(row.values().into_iter().chain([id.into()])),
    )?;
    Ok(n == 1)
}

/// Marks a person as having left; `false` when there is no such person.
pub fn mark_left(
    conn: &Connection,
    id: i64,
    reason: LeftReason,
    on: VnDate,
    note: Option<&str>,
) -> Result<bool> {
    let n = conn.execute(
        "UPDATE staff SET status = 'left', left_reason = ?2, left_on = ?3, left_note = ?4,
            updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
         WHERE id = ?1",
        params![id, reason.as_str(), on.iso(), note],
    )?;
    Ok(n == 1)
}

/// Brings a person who left back to the active list.
pub fn reinstate(conn: &Connection, id: i64) -> Result<bool> {
    let n = conn.execute(
        "UPDATE staff SET status = 'active', left_reason = NULL, left_on = NULL, left_note = NULL,
            updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
         WHERE id = ?1",
        [id],
    )?;
    Ok(n == 1)
}

/// True when certificates or requests refer to the person (then it is never
/// deleted, only marked as left).
pub fn has_history(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM certificate WHERE staff_id = ?1)
             OR EXISTS (SELECT 1 FROM request WHERE staff_id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

/// Deletes a person with no history; `false` when there is no such person.
pub fn delete(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.execute("DELETE FROM staff WHERE id = ?1", [id])? == 1)
}

/// One person.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Staff>> {
    Ok(conn.query_row(&format!("SELECT {COLUMNS} FROM staff WHERE id = ?1"), [id], from_row).optional()?)
}

/// The active person (other than `except`) who holds this CCCD/CMND.
pub fn active_holder_of_id(conn: &Connection, number: &str, except: Option<i64>) -> Result<Option<Staff>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM staff WHERE cccd = ?1 AND status = 'active' AND id IS NOT ?2"),
            params![number, except],
            from_row,
        )
        .optional()?)
}

/// The active person (other than `except`) with this staff code.
pub fn active_holder_of_code(conn: &Connection, code: &str, except: Option<i64>) -> Result<Option<Staff>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {COLUMNS} FROM staff WHERE staff_code = ?1 AND status = 'active' AND id IS NOT ?2"
            ),
            params![code, except],
            from_row,
        )
        .optional()?)
}

/// The needle for one search word: letters match at the start of a word
/// ("h" finds Hương, not Thị), digits anywhere (the end of a phone or CCCD
/// number is what people remember). `search_text` starts with a space, so
/// " w" finds a word start even at the beginning.
fn needle(word: &str) -> String {
    if word.bytes().all(|b| b.is_ascii_digit()) { word.to_owned() } else { format!(" {word}") }
}

/// Searches and pages the register in Vietnamese list order.
///
/// `instr` on the folded column rather than `LIKE`: both sides are already
/// folded, so a plain byte search is enough and needs no escaping.
pub fn search(conn: &Connection, q: &StaffQuery) -> Result<StaffPage> {
    let mut clauses = Vec::new();
    let mut args: Vec<String> = Vec::new();
    for word in fold(&q.search).split_whitespace() {
        args.push(needle(word));
        clauses.push(format!("instr(search_text, ?{}) > 0", args.len()));
    }
    if let Some(status) = q.status {
        args.push(status.as_str().to_owned());
        clauses.push(format!("status = ?{}", args.len()));
    }
    if let Some(position) = &q.position {
        args.push(position.clone());
        clauses.push(format!("position = ?{}", args.len()));
    }
    if let Some(team) = &q.team {
        args.push(team.clone());
        clauses.push(format!("team = ?{}", args.len()));
    }
    if q.flagged_only {
        clauses.push("warnings <> '[]'".to_owned());
    }
    let filter = if clauses.is_empty() { String::new() } else { format!("WHERE {}", clauses.join(" AND ")) };
    // Every filtered column is in `staff_list`, so this reads the index only;
    // its length is the total and a slice of it is the page.
    let ids: Vec<i64> = conn
        .prepare_cached(&format!(
            "SELECT id FROM staff INDEXED BY staff_list {filter} ORDER BY sort_given, sort_rest, id"
        ))?
        .query_map(params_from_iter(&args), |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let total = ids.len() as u32;
    let end = if q.limit == 0 { ids.len() } else { ids.len().min(q.offset as usize + q.limit as usize) };
    let page = ids.get(q.offset as usize..end).unwrap_or_default();
    let mut one = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM staff WHERE id = ?1"))?;
    let items = page.iter().map(|id| one.query_row([id], from_row)).collect::<Result<Vec<_>, _>>()?;
    Ok(StaffPage { items, total })
}

/// Counts and filter choices over the whole register.
pub fn summary(conn: &Connection) -> Result<StaffSummary> {
    let (active, left, flagged) = conn.query_row(
        "SELECT COUNT(*) FILTER (WHERE status = 'active'), COUNT(*) FILTER (WHERE status = 'left'),
                COUNT(*) FILTER (WHERE status = 'active' AND warnings <> '[]')
         FROM staff",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let distinct = |column: &str| -> Result<Vec<String>> {
        let mut stmt = conn.prepare(&format!(
            "SELECT DISTINCT {column} FROM staff WHERE {column} IS NOT NULL AND status = 'active'"
        ))?;
        let mut values: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        let order = NameOrder::new();
        values.sort_by(|a, b| order.compare(a, b));
        Ok(values)
    };
    Ok(StaffSummary { active, left, flagged, positions: distinct("position")?, teams: distinct("team")? })
}

/// Recomputes every sort key when the collation version changed (a new
/// ICU4X may produce different key bytes).
pub(crate) fn refresh_sort_keys(conn: &mut Connection) -> Result<()> {
    const KEY: &str = "sort_key_version";
    if setting::get::<String>(conn, KEY)?.as_deref() == Some(SORT_KEY_VERSION) {
        return Ok(());
    }
    let order = NameOrder::new();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    {
        let mut read = tx.prepare("SELECT id, full_name FROM staff")?;
        let mut write = tx.prepare("UPDATE staff SET sort_given = ?2, sort_rest = ?3 WHERE id = ?1")?;
        let names: Vec<(i64, String)> =
            read.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
        for (id, name) in names {
            let key = order.key(&name);
            write.execute(params![id, key.given, key.rest])?;
        }
    }
    setting::set(&tx, KEY, &SORT_KEY_VERSION)?;
    tx.commit()?;
    Ok(())
}
