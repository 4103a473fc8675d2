//! Compares a newer export with the register and proposes what to change:
//! joiners, leavers (proposed as left, never removed), people returning,
//! per-field changes, and conflicts. Pure: the app reads the register into
//! [`RegisterEntry`]s and applies only the proposals the user ticked, each
//! addressed by a stable id.
//!
//! A row is matched to a register entry by staff code, else by CCCD, else
//! by folded name plus birth date (or year).

use crate::header::ColumnMapping;
use crate::problem::ImportProblem;
use crate::rows::ImportedRow;
use chungthu_model::staff::StaffFields;
use chungthu_model::text::fold;
use chungthu_model::{Field, IdNumber, Severity, StaffStatus};
use serde::Serialize;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use ts_rs::TS;

/// One person of the register, as the app reads it from the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterEntry {
    /// Database id.
    pub id: i64,
    /// Active or left.
    pub status: StaffStatus,
    /// Stored values (the comparable fields).
    pub fields: StaffFields,
}

/// A person in the export and not in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Joiner {
    /// Proposal id (`join:<row>`).
    pub id: String,
    /// Excel row of the person.
    pub row: u32,
    /// Name, for the list.
    pub full_name: String,
}

/// An active person of the register missing from the export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Leaver {
    /// Proposal id (`leave:<register id>`).
    pub id: String,
    /// Database id.
    #[ts(type = "number")]
    pub register_id: i64,
    /// Name, for the list.
    pub full_name: String,
}

/// A person marked left in the register who is in the export again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Returner {
    /// Proposal id (`return:<register id>`).
    pub id: String,
    /// Database id.
    #[ts(type = "number")]
    pub register_id: i64,
    /// Excel row of the person.
    pub row: u32,
    /// Name, for the list.
    pub full_name: String,
}

/// One field that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldChange {
    /// Proposal id (`change:<register id>:<field>`).
    pub id: String,
    /// The field.
    pub field: Field,
    /// Value in the register, as shown (`None`: empty).
    pub old: Option<String>,
    /// Value in the export, as shown.
    pub new: String,
}

/// The changes proposed for one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PersonChanges {
    /// Database id.
    #[ts(type = "number")]
    pub register_id: i64,
    /// Excel row of the person (its validated values are that row's `fields`).
    pub row: u32,
    /// Name in the register.
    pub full_name: String,
    /// Differing fields; export values never clear a stored one.
    pub changes: Vec<FieldChange>,
}

/// A row that cannot be matched safely; nothing is proposed for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Conflict {
    /// Database id of the other registered person involved.
    #[ts(type = "number")]
    pub register_id: i64,
    /// The error, placed at the row.
    pub problem: ImportProblem,
}

/// Everything a newer export would change in the register.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ReconcilePlan {
    /// New people.
    pub joiners: Vec<Joiner>,
    /// Active people not in the export, proposed as left.
    pub leavers: Vec<Leaver>,
    /// People marked left who are back.
    pub returners: Vec<Returner>,
    /// Field changes, per person.
    pub changes: Vec<PersonChanges>,
    /// People matched with nothing to change.
    pub unchanged: u32,
    /// Rows in conflict with the register.
    pub conflicts: Vec<Conflict>,
}

impl ReconcilePlan {
    /// Every proposal id, for "select all".
    pub fn ids(&self) -> Vec<&str> {
        let joiners = self.joiners.iter().map(|j| j.id.as_str());
        let leavers = self.leavers.iter().map(|l| l.id.as_str());
        let returners = self.returners.iter().map(|r| r.id.as_str());
        let changes = self.changes.iter().flat_map(|p| p.changes.iter().map(|c| c.id.as_str()));
        joiners.chain(leavers).chain(returners).chain(changes).collect()
    }

    /// True when the export changes nothing.
    pub fn is_empty(&self) -> bool {
        self.ids().is_empty() && self.conflicts.is_empty()
    }
}

/// Compares `rows` (an import's rows, errors included: a row with an error
/// still shows its person is there) with `register`. Conflicts name the
/// row only; [`crate::ImportReport::reconcile`] also names the column.
pub fn reconcile(rows: &[ImportedRow], register: &[RegisterEntry]) -> ReconcilePlan {
    reconcile_with(rows, register, None)
}

/// [`reconcile`], placing conflicts in `mapping`'s CCCD column when given.
pub(crate) fn reconcile_with(
    rows: &[ImportedRow],
    register: &[RegisterEntry],
    mapping: Option<&ColumnMapping>,
) -> ReconcilePlan {
    let index = Index::new(register);
    let mut plan = ReconcilePlan::default();
    let mut claimed: HashMap<usize, u32> = HashMap::new();
    for row in rows {
        let f = &row.fields;
        let by_code = f.staff_code.as_deref().and_then(|c| index.code.get(c).copied());
        let by_id = f.id_number.as_ref().and_then(|n| index.id.get(n.as_str()).copied());
        let conflict = |entry: usize, code: &str, text: String| Conflict {
            register_id: register[entry].id,
            problem: ImportProblem::at(
                row.row,
                Some(Field::Cccd),
                mapping.and_then(|m| m.column_of(Field::Cccd)),
                Severity::Error,
                code,
                text,
            ),
        };
        let other_owner = |entry: usize| {
            conflict(
                entry,
                "cccd_registered_to_other",
                format!(
                    "Số CCCD: đã thuộc về “{}” trong danh sách cán bộ; kiểm tra lại số này trên thẻ căn cước",
                    register[entry].fields.full_name
                ),
            )
        };
        let matched = match (by_code, by_id) {
            (Some(a), Some(b)) if a != b => {
                // The staff code says who this is: that person is still
                // there and must not be proposed as a leaver.
                claimed.entry(a).or_insert(row.row);
                plan.conflicts.push(other_owner(b));
                continue;
            }
            (Some(a), _) => Some(a),
            (None, Some(b)) if !same_name(f, &register[b].fields) && !same_birth(f, &register[b].fields) => {
                plan.conflicts.push(other_owner(b));
                continue;
            }
            (None, Some(b)) => Some(b),
            (None, None) => index.by_name_and_birth(f, register),
        };
        let Some(entry) = matched else {
            if !row.has_errors() {
                plan.joiners.push(Joiner {
                    id: format!("join:{}", row.row),
                    row: row.row,
                    full_name: f.full_name.clone(),
                });
            }
            continue;
        };
        match claimed.entry(entry) {
            Entry::Occupied(e) => {
                let text = format!(
                    "Họ và tên: dòng này và dòng {} cùng ứng với “{}” trong danh sách cán bộ; giữ lại một dòng",
                    e.get(),
                    register[entry].fields.full_name
                );
                plan.conflicts.push(conflict(entry, "same_person_twice", text));
                continue;
            }
            Entry::Vacant(e) => {
                e.insert(row.row);
            }
        }
        if row.has_errors() {
            continue;
        }
        let person = &register[entry];
        if person.status == StaffStatus::Left {
            plan.returners.push(Returner {
                id: format!("return:{}", person.id),
                register_id: person.id,
                row: row.row,
                full_name: person.fields.full_name.clone(),
            });
        }
        let changes = field_changes(person, f);
        if changes.is_empty() {
            plan.unchanged += 1;
        } else {
            plan.changes.push(PersonChanges {
                register_id: person.id,
                row: row.row,
                full_name: person.fields.full_name.clone(),
                changes,
            });
        }
    }
    for (i, person) in register.iter().enumerate() {
        if person.status == StaffStatus::Active && !claimed.contains_key(&i) {
            plan.leavers.push(Leaver {
                id: format!("leave:{}", person.id),
                register_id: person.id,
                full_name: person.fields.full_name.clone(),
            });
        }
    }
    plan
}

/// Register lookups.
struct Index<'r> {
    code: HashMap<&'r str, usize>,
    id: HashMap<&'r str, usize>,
    name: HashMap<String, Vec<usize>>,
}

impl<'r> Index<'r> {
    fn new(register: &'r [RegisterEntry]) -> Self {
        let mut index = Index { code: HashMap::new(), id: HashMap::new(), name: HashMap::new() };
        for (i, e) in register.iter().enumerate() {
            if let Some(code) = e.fields.staff_code.as_deref() {
                index.code.entry(code).or_insert(i);
            }
            if let Some(id) = &e.fields.id_number {
                index.id.entry(id.as_str()).or_insert(i);
            }
            index.name.entry(fold(&e.fields.full_name)).or_default().push(i);
        }
        index
    }

    /// The one entry with the same folded name and birth; none when
    /// ambiguous or when neither side knows the birth year.
    fn by_name_and_birth(&self, f: &StaffFields, register: &[RegisterEntry]) -> Option<usize> {
        f.birth_year?;
        let candidates = self.name.get(&fold(&f.full_name))?;
        let mut matching = candidates.iter().copied().filter(|&i| same_birth(f, &register[i].fields));
        let first = matching.next()?;
        matching.next().is_none().then_some(first)
    }
}

fn same_name(a: &StaffFields, b: &StaffFields) -> bool {
    fold(&a.full_name) == fold(&b.full_name)
}

/// Known on both sides and equal (full dates when both have one, else years).
fn same_birth(a: &StaffFields, b: &StaffFields) -> bool {
    match (a.birth_date, b.birth_date) {
        (Some(x), Some(y)) => x == y,
        _ => a.birth_year.is_some() && a.birth_year == b.birth_year,
    }
}

/// Shown value of one comparable field.
type Shown = fn(&StaffFields) -> Option<String>;

/// The compared fields with their id keys. Notes are the clerk's own and
/// are never compared.
const COMPARED: [(Field, &str, Shown); 9] = [
    (Field::FullName, "full_name", |f| Some(f.full_name.clone()).filter(|n| !n.is_empty())),
    (Field::Gender, "gender", |f| f.gender.map(|g| g.label().to_owned())),
    (Field::Position, "position", |f| f.position.clone()),
    (Field::Team, "team", |f| f.team.clone()),
    (Field::StaffCode, "staff_code", |f| f.staff_code.clone()),
    (Field::Cccd, "cccd", |f| f.id_number.as_ref().map(|n| n.as_str().to_owned())),
    (Field::CccdIssuedOn, "cccd_issued_on", |f| f.cccd_issued_on.map(|d| d.to_string())),
    (Field::Phone, "phone", |f| f.phone.as_ref().map(|p| p.as_str().to_owned())),
    (Field::Email, "email", |f| f.email.clone()),
];

fn field_changes(person: &RegisterEntry, new: &StaffFields) -> Vec<FieldChange> {
    let old = &person.fields;
    let change = |field: Field, key: &str, old: Option<String>, new: String| FieldChange {
        id: format!("change:{}:{key}", person.id),
        field,
        old,
        new,
    };
    let mut out = Vec::new();
    if let Some(birth) = birth_change(old, new) {
        let shown = old.birth_date.map(|d| d.to_string()).or_else(|| old.birth_year.map(|y| y.to_string()));
        out.push(change(Field::BirthDate, "birth_date", shown, birth));
    }
    for (field, key, shown) in COMPARED {
        let (Some(new_value), old_value) = (shown(new), shown(old)) else { continue };
        // An old 9-digit CMND in the export never replaces a stored CCCD.
        let downgrade = field == Field::Cccd
            && matches!(new.id_number, Some(IdNumber::Cmnd(_)))
            && matches!(old.id_number, Some(IdNumber::Cccd(_)));
        if old_value.as_deref() != Some(new_value.as_str()) && !downgrade {
            out.push(change(field, key, old_value, new_value));
        }
    }
    out
}

/// The new birth value, when the export knows more or something else: a
/// year alone never replaces a full date of the same year.
fn birth_change(old: &StaffFields, new: &StaffFields) -> Option<String> {
    match (new.birth_date, old.birth_date) {
        (Some(n), Some(o)) if n == o => None,
        (Some(n), _) => Some(n.to_string()),
        (None, _) => {
            let year = new.birth_year?;
            (old.birth_year != Some(year)).then(|| year.to_string())
        }
    }
}
