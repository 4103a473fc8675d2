//! Saving the files ChungThu writes for the user (Word and Excel forms,
//! calendar `.ics`, e-mail drafts `.eml`, copies of the register) so that a
//! failure never leaves half a file, and so that Windows' reasons for a
//! failure reach the clerk as a Vietnamese sentence saying what to do.
//!
//! [`write_atomic`] writes a temporary file in the target's folder, flushes
//! it to disk and renames it over the target. Until the rename the old file
//! is untouched; on any failure the temporary file is removed.
//!
//! The reason for a failure is decided by [`classify`], a pure function of
//! the step, the error kind, the raw OS code and the operating system, so
//! that Windows' codes (a file open in Word: sharing violation 32, lock
//! violation 33, access denied on replace) are tested on Linux too, where
//! the same numbers mean something else.
//!
//! Knows nothing of the register or of file formats: bytes in, file out.
#![deny(missing_docs)]

mod cause;
mod error;
mod write;

pub use cause::{Cause, Os, Step, classify};
pub use error::WriteError;
pub use write::{write_atomic, write_atomic_with};
