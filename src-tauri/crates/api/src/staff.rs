//! The staff register: add, edit, check, mark as left, list.

use crate::{Api, ApiError, Result};
use chungthu_model::staff::{FIELD_NAMES, Validated, validate};
use chungthu_model::staff::{Staff, StaffPage, StaffQuery, StaffSummary};
use chungthu_model::{Field, LeftReason, Problem, StaffInput, VnDate};
use chungthu_store::audit;
use chungthu_store::rusqlite::Connection;
use chungthu_store::staff as table;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A saved person and the warnings that were accepted with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Saved {
    /// The person as stored.
    pub staff: Staff,
    /// Warnings saved with the person (to follow up).
    pub warnings: Vec<Problem>,
}

/// How a person leaves the unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Leaving {
    /// Case 1, 2 or 3 of the Department's plan.
    pub reason: LeftReason,
    /// The date (dd/mm/yyyy).
    pub on: String,
    /// Required for "other".
    pub note: String,
}

impl Api {
    /// Every problem with `input`, including a CCCD or staff code already
    /// held by another active person; `id` is the person being edited.
    pub fn check_staff(&self, input: &StaffInput, id: Option<i64>) -> Result<Vec<Problem>> {
        Ok(validate_in(self.store.conn(), input, id, self.today())?.problems)
    }

    /// Adds a person. Errors refuse the whole input; warnings are saved with
    /// the person so they can be followed up.
    pub fn add_staff(&mut self, input: &StaffInput) -> Result<Saved> {
        let os_user = self.os_user.clone();
        let order = &self.order;
        let today = (self.today)();
        let id = self.store.write(|tx| {
            let v = checked(validate_in(tx, input, None, today)?)?;
            let id = table::insert(tx, order, &v.fields, &v.problems)?;
            let new = table::get(tx, id)?.ok_or_else(|| not_found(id))?;
            audit::record(tx, &os_user, "staff", Some(id), "create", &changed_fields(None, &new))?;
            Ok::<_, ApiError>(id)
        })?;
        self.saved(id)
    }

    /// Adds many people in one transaction: all of them, or none when any
    /// has an error (each message then says which person, counting from 1).
    pub fn add_staff_many(&mut self, inputs: &[StaffInput]) -> Result<Vec<i64>> {
        let os_user = self.os_user.clone();
        let order = &self.order;
        let today = (self.today)();
        self.store.write(|tx| {
            let mut ids = Vec::with_capacity(inputs.len());
            for (n, input) in inputs.iter().enumerate() {
                let v = validate_in(tx, input, None, today)?;
                if v.has_errors() {
                    let mut problems = v.problems;
                    for p in &mut problems {
                        p.message = format!("Người thứ {}: {}", n + 1, p.message);
                    }
                    return Err(ApiError::Invalid(problems));
                }
                ids.push(table::insert(tx, order, &v.fields, &v.problems)?);
            }
            audit::record(tx, &os_user, "staff", None, "create_many", &[])?;
            Ok(ids)
        })
    }

    /// Replaces a person's fields with `input`.
    pub fn edit_staff(&mut self, id: i64, input: &StaffInput) -> Result<Saved> {
        self.change_staff(id, |fields| fields.clone_from(input))
    }

    /// Edits some of a person's fields: `change` is applied to the stored
    /// ones, then the result is checked and saved, all in one transaction.
    pub fn change_staff(&mut self, id: i64, change: impl FnOnce(&mut StaffInput)) -> Result<Saved> {
        let os_user = self.os_user.clone();
        let order = &self.order;
        let today = (self.today)();
        self.store.write(|tx| {
            let old = table::get(tx, id)?.ok_or_else(|| not_found(id))?;
            let mut input = input_of(&old);
            change(&mut input);
            let v = checked(validate_in(tx, &input, Some(id), today)?)?;
            table::update(tx, order, id, &v.fields, &v.problems)?;
            let new = table::get(tx, id)?.ok_or_else(|| not_found(id))?;
            audit::record(tx, &os_user, "staff", Some(id), "update", &changed_fields(Some(&old), &new))?;
            Ok::<_, ApiError>(())
        })?;
        self.saved(id)
    }

    /// One person.
    pub fn staff(&self, id: i64) -> Result<Staff> {
        table::get(self.store.conn(), id)?.ok_or_else(|| not_found(id))
    }

    /// A page of the register in Vietnamese list order.
    pub fn list_staff(&self, query: &StaffQuery) -> Result<StaffPage> {
        Ok(table::search(self.store.conn(), query)?)
    }

    /// Counts and filter choices.
    pub fn staff_summary(&self) -> Result<StaffSummary> {
        Ok(table::summary(self.store.conn())?)
    }

    /// Marks a person as having left (transferred out, retired, other).
    pub fn mark_left(&mut self, id: i64, leaving: &Leaving) -> Result<Staff> {
        let person = self.staff(id)?;
        let mut problems = Vec::new();
        let on = match VnDate::parse(&leaving.on) {
            Ok(d) if person.birth_date.is_some_and(|b| d <= b) => {
                problems.push(Problem::error(Field::LeftOn, "left_before_birth", "phải sau ngày sinh"));
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                problems.push(Problem::error(Field::LeftOn, "date_shape", e.to_string()));
                None
            }
        };
        let note = chungthu_model::text::clean_line(&leaving.note);
        if leaving.reason == LeftReason::Other && note.is_empty() {
            problems.push(Problem::error(
                Field::LeftReason,
                "reason_note_required",
                "trường hợp khác cần ghi rõ lý do",
            ));
        }
        let Some(on) = on.filter(|_| problems.is_empty()) else {
            return Err(ApiError::Invalid(problems));
        };
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            table::mark_left(tx, id, leaving.reason, on, Some(note.as_str()).filter(|n| !n.is_empty()))?;
            audit::record(tx, &os_user, "staff", Some(id), "left", &["status", "left_reason", "left_on"])?;
            Ok::<_, ApiError>(())
        })?;
        self.staff(id)
    }

    /// Brings back a person marked as left by mistake. Refused when another
    /// active person now holds the same CCCD or staff code.
    pub fn reinstate(&mut self, id: i64) -> Result<Staff> {
        let person = self.staff(id)?;
        let conn = self.store.conn();
        let taken =
            person.cccd.as_deref().map(|n| table::active_holder_of_id(conn, n, Some(id))).transpose()?;
        if let Some(Some(other)) = taken {
            return Err(ApiError::Refused(format!(
                "Không đưa trở lại được: số CCCD đang thuộc về {} (mã {}).",
                other.full_name, other.id
            )));
        }
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            table::reinstate(tx, id)?;
            audit::record(tx, &os_user, "staff", Some(id), "reinstate", &["status"])?;
            Ok::<_, ApiError>(())
        })?;
        self.staff(id)
    }

    /// Deletes a person entered by mistake. Someone with certificates or
    /// requests is never deleted: mark them as left instead.
    pub fn delete_staff(&mut self, id: i64) -> Result<()> {
        let person = self.staff(id)?;
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            if table::has_history(tx, id)? {
                return Err(ApiError::Refused(format!(
                    "Không xoá {}: người này đã có chứng thư số hoặc đề nghị. Hãy đánh dấu “đã nghỉ” thay vì xoá.",
                    person.full_name
                )));
            }
            table::delete(tx, id)?;
            audit::record(tx, &os_user, "staff", Some(id), "delete", &[])?;
            Ok(())
        })
    }

    fn saved(&self, id: i64) -> Result<Saved> {
        let staff = self.staff(id)?;
        Ok(Saved { warnings: staff.warnings.clone(), staff })
    }
}

/// Validation against the database inside the writing transaction, so a
/// concurrent writer cannot slip a duplicate CCCD in between check and save.
fn validate_in(conn: &Connection, input: &StaffInput, id: Option<i64>, today: VnDate) -> Result<Validated> {
    let mut v = validate(input, today);
    if let Some(number) = &v.fields.id_number
        && let Some(other) = table::active_holder_of_id(conn, number.as_str(), id)?
    {
        v.problems.push(Problem::error(
            Field::Cccd,
            "cccd_duplicate",
            format!("trùng với người đang công tác {} (mã {}); mỗi người một số", other.full_name, other.id),
        ));
    }
    if let Some(code) = &v.fields.staff_code
        && let Some(other) = table::active_holder_of_code(conn, code, id)?
    {
        v.problems.push(Problem::error(
            Field::StaffCode,
            "staff_code_duplicate",
            format!("trùng với {} (mã {})", other.full_name, other.id),
        ));
    }
    Ok(v)
}

fn checked(v: Validated) -> Result<Validated> {
    if v.has_errors() { Err(ApiError::Invalid(v.problems)) } else { Ok(v) }
}

fn not_found(id: i64) -> ApiError {
    ApiError::NotFound(format!("Không tìm thấy người có mã {id} trong danh sách."))
}

/// The input a stored person would give back (to edit some fields only).
pub fn input_of(s: &Staff) -> StaffInput {
    let text = |o: &Option<String>| o.clone().unwrap_or_default();
    StaffInput {
        full_name: s.full_name.clone(),
        birth_date: match (s.birth_date, s.birth_year) {
            (Some(d), _) => d.to_string(),
            (None, Some(y)) => y.to_string(),
            (None, None) => String::new(),
        },
        gender: s.gender,
        position: text(&s.position),
        team: text(&s.team),
        staff_code: text(&s.staff_code),
        cccd: text(&s.cccd),
        cccd_issued_on: s.cccd_issued_on.map(|d| d.to_string()).unwrap_or_default(),
        phone: text(&s.phone),
        email: text(&s.email),
        notes: text(&s.notes),
    }
}

/// Names of the fields that differ between two versions of a person (all
/// filled fields for a new one): names only, never values, for the audit log.
fn changed_fields(old: Option<&Staff>, new: &Staff) -> Vec<&'static str> {
    let value = |s: Option<&Staff>| serde_json::to_value(s).unwrap_or_default();
    let (a, b) = (value(old), value(Some(new)));
    let null = serde_json::Value::Null;
    FIELD_NAMES.into_iter().filter(|k| a.get(k).unwrap_or(&null) != b.get(k).unwrap_or(&null)).collect()
}
