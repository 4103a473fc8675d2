//! The provider catalogue: seeded on a new register, then edited by the user.

use crate::{Api, ApiError, Result};
use chungthu_model::provider::{CertKind, Provider};
use chungthu_model::text::clean_line;
use chungthu_model::{Field, Problem};
use chungthu_store::audit;
use chungthu_store::provider::{self, ProviderFields};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A provider typed in the catalogue editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProviderInput {
    /// Full name.
    pub name: String,
    /// Short name.
    pub short_name: String,
    /// Specialised or public.
    pub kind: CertKind,
    /// Issuer-name fragments, one per line.
    pub issuer_fragments: String,
}

impl Api {
    /// Fills the provider catalogue from the seed when it is empty (a new
    /// database), in one transaction.
    pub(crate) fn seed_providers_if_empty(&mut self) -> Result<()> {
        if provider::count(self.store.conn())? > 0 {
            return Ok(());
        }
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            for seed in chungthu_certs::seed_providers() {
                let fields = ProviderFields {
                    name: seed.name,
                    short_name: seed.short_name,
                    kind: kind_of(seed.kind),
                    issuer_fragments: seed.issuer_fragments,
                };
                provider::insert(tx, &fields, true)?;
            }
            audit::record(tx, &os_user, "provider", None, "seed", &[])?;
            Ok::<_, ApiError>(())
        })
    }

    /// The provider catalogue.
    pub fn providers(&self) -> Result<Vec<Provider>> {
        Ok(provider::list(self.store.conn())?)
    }

    /// One provider of the catalogue.
    pub fn provider(&self, id: i64) -> Result<Provider> {
        provider::get(self.store.conn(), id)?.ok_or_else(|| provider_not_found(id))
    }

    /// Adds a provider to the catalogue.
    pub fn add_provider(&mut self, input: &ProviderInput) -> Result<Provider> {
        self.save_provider(None, |p| p.clone_from(input))
    }

    /// Edits a provider of the catalogue.
    pub fn edit_provider(&mut self, id: i64, input: &ProviderInput) -> Result<Provider> {
        self.save_provider(Some(id), |p| p.clone_from(input))
    }

    /// Edits some of a provider's fields: `change` is applied to the stored
    /// ones, then the result is cleaned, checked and saved, all in one
    /// transaction.
    pub fn change_provider(&mut self, id: i64, change: impl FnOnce(&mut ProviderInput)) -> Result<Provider> {
        self.save_provider(Some(id), change)
    }

    fn save_provider(
        &mut self,
        id: Option<i64>,
        change: impl FnOnce(&mut ProviderInput),
    ) -> Result<Provider> {
        let os_user = self.os_user.clone();
        let id = self.store.write(|tx| {
            let mut input = match id {
                Some(id) => {
                    let p = provider::get(tx, id)?.ok_or_else(|| provider_not_found(id))?;
                    ProviderInput {
                        name: p.name,
                        short_name: p.short_name,
                        kind: p.kind,
                        issuer_fragments: p.issuer_fragments.join("\n"),
                    }
                }
                None => ProviderInput {
                    name: String::new(),
                    short_name: String::new(),
                    kind: CertKind::Public,
                    issuer_fragments: String::new(),
                },
            };
            change(&mut input);
            let (fields, mut problems) = provider_fields(&input);
            if let Some(other) = provider::by_name(tx, &fields.name, id)? {
                problems.push(Problem::error(
                    Field::ProviderName,
                    "provider_duplicate",
                    format!("đã có nhà cung cấp này trong danh mục ({})", other.short_name),
                ));
            }
            if !problems.is_empty() {
                return Err(ApiError::Invalid(problems));
            }
            let id = match id {
                Some(id) => {
                    provider::update(tx, id, &fields)?;
                    audit::record(
                        tx,
                        &os_user,
                        "provider",
                        Some(id),
                        "update",
                        &["name", "short_name", "kind", "issuer_fragments"],
                    )?;
                    id
                }
                None => {
                    let id = provider::insert(tx, &fields, false)?;
                    audit::record(tx, &os_user, "provider", Some(id), "create", &[])?;
                    id
                }
            };
            Ok(id)
        })?;
        self.provider(id)
    }
}

/// A provider's fields, cleaned (the short name defaults to the full name),
/// and what is wrong with them.
fn provider_fields(input: &ProviderInput) -> (ProviderFields, Vec<Problem>) {
    let name = clean_line(&input.name);
    let short_name = clean_line(&input.short_name);
    let mut problems = Vec::new();
    if name.is_empty() {
        problems.push(Problem::error(Field::ProviderName, "required", "chưa nhập"));
    }
    let fields = ProviderFields {
        short_name: if short_name.is_empty() { name.clone() } else { short_name },
        name,
        kind: input.kind,
        issuer_fragments: input.issuer_fragments.lines().map(clean_line).filter(|f| !f.is_empty()).collect(),
    };
    (fields, problems)
}

fn kind_of(kind: chungthu_certs::ProviderKind) -> CertKind {
    match kind {
        chungthu_certs::ProviderKind::Specialised => CertKind::Specialised,
        chungthu_certs::ProviderKind::Public => CertKind::Public,
    }
}

fn provider_not_found(id: i64) -> ApiError {
    ApiError::NotFound(format!("Không tìm thấy nhà cung cấp có mã {id} trong danh mục."))
}
