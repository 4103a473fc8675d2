//! E-mail waiting to go out, or gone; the states are drawn in the store's
//! `outbox` module, which keeps them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a message is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OutboxState {
    /// Waiting for its (next) attempt.
    Queued,
    /// An attempt is under way (or was, when the program stopped).
    Sending,
    /// The server took it.
    Sent,
    /// Refused for good; `last_error` says why.
    Failed,
    /// Withdrawn by the user.
    Cancelled,
    /// The program stopped during an attempt: it may have gone out.
    Uncertain,
}

impl OutboxState {
    /// The value stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxState::Queued => "queued",
            OutboxState::Sending => "sending",
            OutboxState::Sent => "sent",
            OutboxState::Failed => "failed",
            OutboxState::Cancelled => "cancelled",
            OutboxState::Uncertain => "uncertain",
        }
    }

    /// Reads the database spelling (an unknown one reads as queued).
    pub fn from_db(s: &str) -> OutboxState {
        match s {
            "sending" => OutboxState::Sending,
            "sent" => OutboxState::Sent,
            "failed" => OutboxState::Failed,
            "cancelled" => OutboxState::Cancelled,
            "uncertain" => OutboxState::Uncertain,
            _ => OutboxState::Queued,
        }
    }
}

/// One attached file, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OutboxFile {
    /// File name shown to the receiver.
    pub file_name: String,
    /// MIME type.
    pub mime: String,
    /// Size in bytes.
    pub size: i64,
    /// SHA-256, lowercase hex.
    pub sha256: String,
}

/// One message of the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OutboxItem {
    /// Row id.
    pub id: i64,
    /// The exported list it carries, if any.
    pub batch_id: Option<i64>,
    /// Where it is.
    pub state: OutboxState,
    /// Recipients' addresses.
    pub recipients: Vec<String>,
    /// Subject.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// Attempts made so far.
    pub attempts: i64,
    /// When the next automatic attempt is due (UTC, ISO 8601); for a
    /// `sending` row, when the attempt started.
    pub next_attempt_at: Option<String>,
    /// Why the last attempt failed (Vietnamese, never a password).
    pub last_error: Option<String>,
    /// The message's `Message-ID`, the same for every attempt.
    pub message_id: Option<String>,
    /// When the server took it (UTC).
    pub sent_at: Option<String>,
    /// When it was queued (UTC).
    pub created_at: String,
    /// Its files.
    pub files: Vec<OutboxFile>,
}
