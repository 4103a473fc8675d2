//! Word forms for the principal's signature: the review of what a list will
//! hold (exactly its rows, in document order, each with what is wrong with
//! it), the export that writes the file and records the batch in one go,
//! re-export of a recorded batch, and the list of batches.
//!
//! A list of requests (issuance, revocation, renewal, change) holds the
//! requests of that kind that are marked, plus those of an earlier list of
//! the same kind that was exported but not sent: a corrected export replaces
//! that list (`superseded_by`), and only the last one counts. The
//! certificates-in-use list and the e-mail request are snapshots of the
//! register and replace an unsent list of their kind the same way.
//!
//! Requests change state only through [`crate::requests::transition`].

mod batches;
mod form;
mod rows;
mod write;

pub use batches::BatchView;
pub use chungthu_forms::{CellAlign, FormPage, PageColumn, PageGeometry, PageTable};
pub use rows::{ExportReview, FlagLevel, ReviewRow, RowFlag};
pub use write::ExportOutcome;
