//! Sending the lists by e-mail: SMTP settings and templates (in the
//! `setting` table; the password only in the OS credential store), the
//! outbox (queue, attempt, back-off, cancel, resend), and `.eml` drafts.
//!
//! An attempt is three steps so that a window never waits on the network
//! while holding the register: [`Api::claim_outbox`] commits `sending`
//! before any SMTP, the delivery talks to the server with no database at
//! hand, and [`Api::record_delivery`] writes the outcome. [`send_now`] and
//! [`send_due`] run those steps for the window and the CLI alike, through
//! [`ApiAccess`] (the window's lock, or the CLI's own `Api`). The states
//! and their moves are drawn in the store's `outbox` module.

mod compose;
mod outbox;
mod settings;

/// The mailer's types that settings, attempts and their errors carry.
pub use chungthu_mail::{MailError, Password, Preset, Security, Sent, SmtpSettings, Template};
pub use compose::{DraftSaved, MailCompose, MailDraft, MailPreview, NamedFile, Queued, kind_label};
pub use outbox::{
    ApiAccess, Claim, Claimed, INTERRUPTED, LONGEST_SEND, RetryReport, backoff, deliver_smtp, iso, retry_due,
    send_due, send_now, state_label,
};
pub use settings::{MailSettings, Placeholder, SmtpChange, use_os_credential_store};
