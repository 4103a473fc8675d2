//! The register's vocabulary: the records and enums that cross the api
//! (staff, unit, provider, certificate, request, batch, outbox message, audit
//! entry, backup), and the typed values and rules that make them: parsing
//! raw text (from the window, the CLI or a spreadsheet) into `Cccd`, `Phone`,
//! `VnDate`…, Vietnamese problem messages, search folding and Vietnamese order.
//!
//! Pure: no I/O, no database, no clock (the caller passes "today").
#![deny(missing_docs)]

pub mod audit;
pub mod backup;
pub mod batch;
pub mod cccd;
pub mod certificate;
pub mod date;
pub mod digest;
pub mod filename;
pub mod order;
pub mod outbox;
pub mod phone;
pub mod problem;
pub mod provider;
pub mod request;
pub mod staff;
pub mod text;
pub mod unit;

pub use cccd::{Cccd, IdNumber};
pub use date::VnDate;
pub use order::NameOrder;
pub use phone::Phone;
pub use problem::{Field, Problem, Severity};
pub use staff::{Gender, LeftReason, StaffFields, StaffInput, StaffStatus};
