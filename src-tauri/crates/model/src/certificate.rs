//! Certificates people (and the unit) hold. Their status (valid,
//! expiring, expired, revoked) depends on today, so the api derives it.

use crate::VnDate;
use crate::provider::CertKind;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How the key is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CertForm {
    /// USB Token.
    Token,
    /// SIM PKI.
    Sim,
    /// Ký số tập trung (remote signing).
    Remote,
}

impl CertForm {
    /// Database and JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            CertForm::Token => "token",
            CertForm::Sim => "sim",
            CertForm::Remote => "remote",
        }
    }

    /// Reads the database spelling.
    pub fn from_db(s: &str) -> Option<Self> {
        match s {
            "token" => Some(CertForm::Token),
            "sim" => Some(CertForm::Sim),
            "remote" => Some(CertForm::Remote),
            _ => None,
        }
    }
}

/// A certificate as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Certificate {
    /// Row id.
    pub id: i64,
    /// The holder; `None` for the unit's own (organisation) certificate.
    pub staff_id: Option<i64>,
    /// The provider, when known.
    pub provider_id: Option<i64>,
    /// Specialised or public.
    pub kind: CertKind,
    /// USB Token, SIM or remote signing, when known.
    pub form: Option<CertForm>,
    /// Serial number, upper-case hex.
    pub serial_hex: String,
    /// Holder's name as the certificate writes it.
    pub subject_name: String,
    /// Issuer's name (empty for a certificate entered by hand).
    pub issuer_name: String,
    /// Holder's e-mail in the certificate.
    pub email: Option<String>,
    /// First valid day.
    pub valid_from: Option<VnDate>,
    /// Last valid day.
    pub valid_to: VnDate,
    /// What it is used for (học bạ số, kho bạc…).
    pub purpose: Option<String>,
    /// Day it was revoked, when it was.
    pub revoked_on: Option<VnDate>,
    /// Ghi chú.
    pub notes: Option<String>,
    /// UTC creation time.
    pub created_at: String,
    /// UTC time of the last change.
    pub updated_at: String,
}
