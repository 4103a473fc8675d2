//! The holder's identity number as Vietnamese providers write it in the
//! subject: "CCCD:001085012345", "CMND:012345678", "MST:0101234567",
//! "HC:B1234567", usually in the UID attribute, sometimes elsewhere.
//!
//! Numbers are reported as written (cleaned of spaces), not validated: the
//! certificate is a fact; comparing it with the staff record is the
//! caller's job.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of number identifies the holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IdentityKind {
    /// Citizen identity number (12 digits), prefix "CCCD".
    Cccd,
    /// Old identity card number, prefix "CMND" or "CMT".
    Cmnd,
    /// Tax code (organisations), prefix "MST".
    Mst,
    /// Passport number, prefix "HC" (hộ chiếu).
    Passport,
    /// A UID in a form this crate does not know; `number` is the whole text.
    Other,
}

/// The holder's identity number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct Identity {
    /// Kind of number.
    pub kind: IdentityKind,
    /// The number: digits only for CCCD and CMND, spaces removed for the
    /// others, the whole text for [`IdentityKind::Other`].
    pub number: String,
}

impl Identity {
    /// Reads text that starts with a known prefix ("CCCD", "CMND", "CMT",
    /// "MST", "HC", any case, spaces allowed around the `:` or `=`).
    pub fn from_labelled(text: &str) -> Option<Identity> {
        let text = text.trim();
        let label_end = text.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(text.len());
        let (label, rest) = text.split_at(label_end);
        let kind = match label.to_ascii_uppercase().as_str() {
            "CCCD" => IdentityKind::Cccd,
            "CMND" | "CMT" => IdentityKind::Cmnd,
            "MST" => IdentityKind::Mst,
            "HC" => IdentityKind::Passport,
            _ => return None,
        };
        let rest = rest.trim_start();
        let rest = rest.strip_prefix([':', '=']).unwrap_or(rest);
        let number: String = match kind {
            IdentityKind::Cccd | IdentityKind::Cmnd => {
                rest.chars().filter(|c| !(c.is_whitespace() || matches!(c, '.' | '-'))).collect()
            }
            _ => rest.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect(),
        };
        (!number.is_empty()).then_some(Identity { kind, number })
    }

    /// Reads a UID attribute: a labelled number, or bare digits (12 = CCCD,
    /// 9 = CMND), or else [`IdentityKind::Other`] with the whole text.
    pub fn from_uid(text: &str) -> Option<Identity> {
        if let Some(identity) = Identity::from_labelled(text) {
            return Some(identity);
        }
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let kind = match (text.bytes().all(|b| b.is_ascii_digit()), text.len()) {
            (true, 12) => IdentityKind::Cccd,
            (true, 9) => IdentityKind::Cmnd,
            _ => IdentityKind::Other,
        };
        Some(Identity { kind, number: text.to_owned() })
    }

    /// Which of two numbers found in one subject names the holder: a person
    /// in an organisation has both a CCCD and the organisation's tax code.
    pub(crate) fn rank(&self) -> u8 {
        match self.kind {
            IdentityKind::Cccd => 0,
            IdentityKind::Cmnd => 1,
            IdentityKind::Passport => 2,
            IdentityKind::Mst => 3,
            IdentityKind::Other => 4,
        }
    }
}
