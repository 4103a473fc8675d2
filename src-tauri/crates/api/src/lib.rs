//! The use cases of ChungThu. The Tauri shell and the `chungthu` CLI call
//! only this crate, so the window and the command line cannot drift apart.
//! Each action that writes runs in one transaction and leaves an audit entry.
#![deny(missing_docs)]

pub mod audit_log;
pub mod backup;
pub mod certs;
mod error;
pub mod export;
pub mod import;
pub mod location;
pub mod mail;
pub mod paths;
pub mod personal;
pub mod requests;
pub mod staff;
pub mod unit;

// The vocabulary callers name; the store, the importer and the mailer stay
// behind this crate (the api re-exports by name the few of their types that
// cross it).
pub use chungthu_model as model;
pub use error::{ApiError, ErrorBody, Result};

use chungthu_model::{NameOrder, VnDate};
use chungthu_store::Store;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// Where the app's data is and which version wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppInfo {
    /// The database file in use.
    pub db_path: String,
    /// The app's version.
    pub version: String,
    /// Positions offered in the staff form.
    pub usual_positions: Vec<String>,
    /// What the user should know about the data's safety (database on a
    /// network share, today's backup failed…), in Vietnamese.
    pub warnings: Vec<String>,
}

/// An open register and what every use case needs besides the database.
pub struct Api {
    store: Store,
    order: NameOrder,
    os_user: String,
    today: Box<dyn Fn() -> VnDate + Send>,
    warnings: Vec<String>,
}

/// Pins "today" for the CLI and the window (`yyyy-mm-dd`), read only when
/// set: their tests must give the same answers on any real date.
pub const TODAY_ENV: &str = "CHUNGTHU_TODAY";

impl Api {
    /// Opens (creating or migrating) the database at `db`.
    pub fn open(db: &Path) -> Result<Self> {
        let today: Box<dyn Fn() -> VnDate + Send> = match std::env::var_os(TODAY_ENV) {
            None => Box::new(local_today),
            Some(value) => {
                let pinned = value.to_str().and_then(|v| VnDate::parse(v).ok()).ok_or_else(|| {
                    ApiError::Refused(format!(
                        "Biến môi trường {TODAY_ENV} phải là một ngày dạng năm-tháng-ngày (ví dụ 2026-06-15). Hãy sửa hoặc bỏ biến này."
                    ))
                })?;
                Box::new(move || pinned)
            }
        };
        let mut api = Api {
            store: Store::open(db)?,
            order: NameOrder::new(),
            os_user: os_user(),
            today,
            warnings: location::warnings(db),
        };
        // A new database starts with the providers Vietnamese certificates come from.
        api.seed_providers_if_empty()?;
        Ok(api)
    }

    /// Replaces the clock (tests pin "today" so age rules stay true over time).
    pub fn with_today(mut self, today: impl Fn() -> VnDate + Send + 'static) -> Self {
        self.today = Box::new(today);
        self
    }

    /// Where the data is.
    pub fn info(&self) -> AppInfo {
        AppInfo {
            db_path: self.store.path().display().to_string(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
            usual_positions: chungthu_model::staff::USUAL_POSITIONS.iter().map(|s| (*s).to_owned()).collect(),
            warnings: self.warnings.clone(),
        }
    }

    fn today(&self) -> VnDate {
        (self.today)()
    }
}

/// Today in Vietnam: the local date, or UTC+7 when the local offset cannot
/// be read (Vietnam has no daylight saving time).
fn local_today() -> VnDate {
    let offset = time::UtcOffset::current_local_offset()
        .unwrap_or_else(|_| time::UtcOffset::from_hms(7, 0, 0).expect("+07:00 is a valid offset"));
    time::OffsetDateTime::now_utc().to_offset(offset).date().into()
}

/// The operating-system user, for the audit log.
fn os_user() -> String {
    ["USERNAME", "USER", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "không rõ".to_owned())
}

impl Api {
    /// The newest audit entries.
    pub fn audit_recent(&self, limit: u32) -> Result<Vec<chungthu_model::audit::AuditEntry>> {
        Ok(chungthu_store::audit::recent(self.store.conn(), limit)?)
    }
}
