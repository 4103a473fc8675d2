//! The unit's settings: the school's name, managing body, signer, focal point.

use crate::{Api, ApiError, Result};
use chungthu_model::staff::{email_problem, parse_email};
use chungthu_model::text::clean_line;
use chungthu_model::unit::Unit;
use chungthu_model::{Field, Phone, Problem};
use chungthu_store::{audit, unit};

impl Api {
    /// The unit's settings.
    pub fn unit(&self) -> Result<Unit> {
        Ok(unit::get(self.store.conn())?)
    }

    /// Cleans, checks and saves the unit's settings.
    pub fn save_unit(&mut self, input: Unit) -> Result<Unit> {
        self.change_unit(|u| *u = input)
    }

    /// Edits some of the unit's settings: `change` is applied to the stored
    /// ones, then the result is cleaned, checked and saved, all in one
    /// transaction.
    pub fn change_unit(&mut self, change: impl FnOnce(&mut Unit)) -> Result<Unit> {
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            let old = unit::get(tx)?;
            let mut input = old.clone();
            change(&mut input);
            let u = cleaned(&input)?;
            unit::save(tx, &u)?;
            audit::record(tx, &os_user, "unit", None, "update", &changed_unit_fields(&old, &u))?;
            Ok(u)
        })
    }
}

/// The unit's settings trimmed and checked.
fn cleaned(input: &Unit) -> Result<Unit> {
    let mut u = Unit {
        name: clean_line(&input.name),
        managing_body: clean_line(&input.managing_body),
        commune: clean_line(&input.commune),
        place: clean_line(&input.place),
        signer_name: clean_line(&input.signer_name),
        signer_role: input.signer_role,
        focal_name: clean_line(&input.focal_name),
        focal_phone: String::new(),
        focal_email: String::new(),
    };
    let mut problems = Vec::new();
    if u.name.is_empty() {
        problems.push(Problem::error(Field::UnitName, "required", "chưa nhập"));
    }
    if !input.focal_phone.trim().is_empty() {
        match Phone::parse(&input.focal_phone) {
            Ok(p) => u.focal_phone = p.as_str().to_owned(),
            Err(e) => problems.push(Problem::error(Field::FocalPhone, e.code(), e.to_string())),
        }
    }
    if !input.focal_email.trim().is_empty() {
        match parse_email(&input.focal_email) {
            Some(email) => u.focal_email = email,
            None => problems.push(email_problem(Field::FocalEmail)),
        }
    }
    if !problems.is_empty() {
        return Err(ApiError::Invalid(problems));
    }
    Ok(u)
}

fn changed_unit_fields(a: &Unit, b: &Unit) -> Vec<&'static str> {
    [
        ("name", a.name != b.name),
        ("managing_body", a.managing_body != b.managing_body),
        ("commune", a.commune != b.commune),
        ("place", a.place != b.place),
        ("signer_name", a.signer_name != b.signer_name),
        ("signer_role", a.signer_role != b.signer_role),
        ("focal_name", a.focal_name != b.focal_name),
        ("focal_phone", a.focal_phone != b.focal_phone),
        ("focal_email", a.focal_email != b.focal_email),
    ]
    .into_iter()
    .filter_map(|(name, changed)| changed.then_some(name))
    .collect()
}
