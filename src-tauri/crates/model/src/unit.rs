//! The school's own details.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who signs the forms.
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SignerRole {
    /// HIỆU TRƯỞNG
    #[default]
    Principal,
    /// KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG
    Deputy,
}

impl SignerRole {
    /// Database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            SignerRole::Principal => "principal",
            SignerRole::Deputy => "deputy",
        }
    }
}

/// The school's details that the forms and e-mails need.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Unit {
    /// Tên đơn vị, e.g. "Trường THCS Lê Lợi".
    pub name: String,
    /// Đơn vị quản lý, e.g. "UBND PHƯỜNG HỒNG BÀNG".
    pub managing_body: String,
    /// Tên UBND cấp xã (for the e-mail summary).
    pub commune: String,
    /// Place name of the date line, e.g. "Hải Phòng".
    pub place: String,
    /// Name of the person who signs.
    pub signer_name: String,
    /// Principal or deputy.
    pub signer_role: SignerRole,
    /// Cán bộ đầu mối.
    pub focal_name: String,
    /// Focal point's phone (10 digits).
    pub focal_phone: String,
    /// Focal point's e-mail.
    pub focal_email: String,
}
