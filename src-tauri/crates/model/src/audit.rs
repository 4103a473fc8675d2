//! The audit log's entries: who changed what, and which fields — never the values.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One audit entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    /// Row id.
    pub id: i64,
    /// UTC time, ISO 8601.
    pub at: String,
    /// Operating-system user who made the change.
    pub os_user: String,
    /// What kind of thing changed ("staff", "unit"…).
    pub entity: String,
    /// Its id, when it has one.
    pub entity_id: Option<i64>,
    /// "create", "update", "left", "reinstate"…
    pub action: String,
    /// Names of the fields that changed, comma-separated.
    pub fields: String,
}
