//! Certificates, by subject: the provider catalogue, certificates entered by
//! hand, certificates imported from files, and the reminders (dashboard,
//! threshold check, `.ics` calendar).

mod catalogue;
mod certificates;
mod file_import;
mod reminders;

pub use catalogue::ProviderInput;
pub(crate) use certificates::Views;
pub use certificates::{CertInput, CertQuery, CertStatus, CertView, Holder, StaffBrief, status_of};
pub use file_import::{
    CertFiles, FileError, ImportChoice, ImportItem, ImportOutcome, ImportStatus, MatchKind, read_cert_files,
};
pub use reminders::{Crossing, DEFAULT_REMINDER_DAYS, Dashboard, StatusCount};
