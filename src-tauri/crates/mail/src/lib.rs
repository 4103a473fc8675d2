//! E-mail for ChungThu: the lists go to the Department as a signed scan plus
//! the editable Word file.
//!
//! - [`template`]: editable Vietnamese subject and body with placeholders;
//! - [`attachment`]: files to attach, their type recognised from their bytes;
//! - [`compose`]: the message itself, and an unsent `.eml` draft for another
//!   mail program when there is no connection;
//! - [`settings`] and [`send`]: SMTP over TLS only (STARTTLS or implicit TLS),
//!   with presets for common providers;
//! - [`credential`]: the password in the operating system's credential store.
//!
//! No database and no window here: the `api` crate keeps the outbox and
//! decides when to send. A password never appears in an error or a log line.
#![deny(missing_docs)]

pub mod attachment;
pub mod compose;
pub mod credential;
mod error;
pub mod send;
pub mod settings;
pub mod template;

pub use attachment::{Attachment, FileKind};
pub use compose::{Outgoing, write_draft};
pub use credential::Password;
pub use error::{MailError, Result};
pub use send::{Sent, Transport, send};
pub use settings::{PRESETS, Preset, Security, SmtpSettings};
pub use template::{Template, TemplateValues};
