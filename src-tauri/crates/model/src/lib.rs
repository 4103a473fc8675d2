//! Typed values of the staff register and the rules that make them: parsing
//! raw text (from the window, the CLI or a spreadsheet) into `Cccd`, `Phone`,
//! `VnDate`…, Vietnamese problem messages, search folding and Vietnamese order.
//!
//! Pure: no I/O, no database, no clock (the caller passes "today").
#![deny(missing_docs)]

pub mod cccd;
pub mod date;
pub mod filename;
pub mod order;
pub mod phone;
pub mod problem;
pub mod staff;
pub mod text;

pub use cccd::{Cccd, IdNumber};
pub use date::VnDate;
pub use order::NameOrder;
pub use phone::Phone;
pub use problem::{Field, Problem, Severity};
pub use staff::{Gender, LeftReason, StaffFields, StaffInput, StaffStatus};
