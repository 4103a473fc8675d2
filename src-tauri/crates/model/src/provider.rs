//! The editable catalogue of certificate providers.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Whether a provider (and its certificates) is specialised or public.
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CertKind {
    /// Chuyên dùng (Ban Cơ yếu Chính phủ).
    Specialised,
    /// Công cộng (a licensed public CA).
    Public,
}

impl CertKind {
    /// Every kind.
    pub const ALL: [CertKind; 2] = [CertKind::Specialised, CertKind::Public];

    /// Vietnamese name (the window's labels are generated from it).
    pub fn label(self) -> &'static str {
        match self {
            CertKind::Specialised => "Chuyên dùng",
            CertKind::Public => "Công cộng",
        }
    }

    /// Database and JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            CertKind::Specialised => "specialised",
            CertKind::Public => "public",
        }
    }

    /// Reads the database spelling.
    pub fn from_db(s: &str) -> Option<Self> {
        match s {
            "specialised" => Some(CertKind::Specialised),
            "public" => Some(CertKind::Public),
            _ => None,
        }
    }
}

/// One provider of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Provider {
    /// Row id.
    pub id: i64,
    /// Full name, as the "Đơn vị cung cấp" column writes it.
    pub name: String,
    /// Name people use ("VNPT-CA").
    pub short_name: String,
    /// Specialised or public.
    pub kind: CertKind,
    /// Texts of the issuer's name that recognise this provider.
    pub issuer_fragments: Vec<String>,
    /// Came with the app (still editable).
    pub builtin: bool,
}
