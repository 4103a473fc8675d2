//! Certificate files turned into facts: reads the `.cer`, `.crt` and `.p7b`
//! files that providers send or that a USB Token exports, recognises the
//! provider from the issuer, and writes an expiry calendar (`.ics`).
//!
//! Pure: no Tauri, no database, no network, no clock (the caller passes
//! "now"). Every reader is total: any bytes give facts or a Vietnamese
//! [`CertError`], never a panic.
#![deny(missing_docs)]

mod asn1;
mod container;
pub mod error;
pub mod facts;
pub mod ics;
pub mod identity;
mod pkcs7;
pub mod provider;
mod read;
mod text;

pub use error::{CertError, Result};
pub use facts::CertFacts;
pub use ics::{ExpiryEvent, expiry_calendar};
pub use identity::{Identity, IdentityKind};
pub use provider::{ProviderKind, ProviderSeed, recognise, seed_providers};
pub use read::{MAX_FILE_BYTES, read_certificate, read_file};
