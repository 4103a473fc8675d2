//! The Word form of a list: its rows, the unit's details and the date line
//! as the forms crate prints them.

use super::rows::{Item, RowData};
use crate::ApiError;
use chungthu_forms::{DateLine, EmailRequest, Form, FormKind, Signer, UnitInfo};
use chungthu_model::batch::{BatchKind, DateMode};
use chungthu_model::unit::{SignerRole, Unit};
use chungthu_model::{Phone, VnDate};

pub(super) fn form_kind(kind: BatchKind) -> FormKind {
    match kind {
        BatchKind::Issuance => FormKind::Issuance,
        BatchKind::Revocation => FormKind::Revocation,
        BatchKind::Renewal => FormKind::Renewal,
        BatchKind::Change => FormKind::ChangeInfo,
        BatchKind::Certificates => FormKind::CertificatesInUse,
        BatchKind::EmailSummary => FormKind::EmailRequest,
    }
}

pub(super) fn unit_info(unit: &Unit) -> UnitInfo {
    UnitInfo {
        managing_body: unit.managing_body.clone(),
        unit_name: unit.name.clone(),
        place: unit.place.clone(),
        signer: match unit.signer_role {
            SignerRole::Principal => Signer::Principal,
            SignerRole::Deputy => Signer::Deputy,
        },
        signer_name: unit.signer_name.clone(),
        recipients: Vec::new(),
    }
}

/// The form of items that all have their data.
pub(super) fn form_of(kind: BatchKind, unit: &Unit, items: &[Item]) -> Option<Form> {
    let data: Option<Vec<&RowData>> = items.iter().map(|i| i.data.as_ref()).collect();
    let data = data?;
    macro_rules! rows {
        ($variant:ident) => {
            data.iter()
                .filter_map(|d| match d {
                    RowData::$variant(r) => Some(r.clone()),
                    _ => None,
                })
                .collect()
        };
    }
    Some(match kind {
        BatchKind::Issuance => Form::Issuance(rows!(Issuance)),
        BatchKind::Revocation => Form::Revocation(rows!(Revocation)),
        BatchKind::Renewal => Form::Renewal(rows!(Change)),
        BatchKind::Change => Form::ChangeInfo(rows!(Change)),
        BatchKind::Certificates => Form::CertificatesInUse(rows!(Certificate)),
        BatchKind::EmailSummary => Form::EmailRequest(EmailRequest {
            commune: unit.commune.clone(),
            focal_point: unit.focal_name.clone(),
            focal_phone: Phone::parse(&unit.focal_phone).ok(),
            people: rows!(Email),
        }),
    })
}

pub(super) fn date_line(mode: DateMode, today: VnDate) -> DateLine {
    match mode {
        DateMode::Today => DateLine::Today(today),
        DateMode::Blank => DateLine::Blank,
    }
}

pub(super) fn form_error(e: chungthu_forms::FormError) -> ApiError {
    use chungthu_forms::FormError;
    match e {
        FormError::EmptyList { .. } | FormError::MissingUnitField { .. } => ApiError::Refused(e.to_string()),
        FormError::Docx(_) | FormError::Xlsx(_) => ApiError::File(e.to_string()),
    }
}
