//! What the unit asks a provider for (issue, renew, change, revoke) and
//! every change of state.

use crate::{LeftReason, VnDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What is asked for.
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// Cấp mới.
    Issuance,
    /// Gia hạn.
    Renewal,
    /// Thay đổi nội dung thông tin.
    Change,
    /// Thu hồi.
    Revocation,
}

impl RequestKind {
    /// Database and JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::Issuance => "issuance",
            RequestKind::Renewal => "renewal",
            RequestKind::Change => "change",
            RequestKind::Revocation => "revocation",
        }
    }

    /// Reads the database spelling.
    pub fn from_db(s: &str) -> Option<Self> {
        match s {
            "issuance" => Some(RequestKind::Issuance),
            "renewal" => Some(RequestKind::Renewal),
            "change" => Some(RequestKind::Change),
            "revocation" => Some(RequestKind::Revocation),
            _ => None,
        }
    }

    /// Vietnamese name.
    pub fn label(self) -> &'static str {
        match self {
            RequestKind::Issuance => "cấp mới",
            RequestKind::Renewal => "gia hạn",
            RequestKind::Change => "thay đổi thông tin",
            RequestKind::Revocation => "thu hồi",
        }
    }
}

/// Where a request is in its life.
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// Đã đánh dấu, chờ đưa vào danh sách.
    Marked,
    /// Đã đưa vào danh sách (tệp Word) đã xuất.
    Exported,
    /// Đã gửi Sở / nhà cung cấp.
    Sent,
    /// Đã xong.
    Done,
    /// Bị trả lại, cần làm lại.
    Rejected,
}

impl RequestStatus {
    /// Every status, in the order of a request's life.
    pub const ALL: [RequestStatus; 5] = [
        RequestStatus::Marked,
        RequestStatus::Exported,
        RequestStatus::Sent,
        RequestStatus::Done,
        RequestStatus::Rejected,
    ];

    /// Database and JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Marked => "marked",
            RequestStatus::Exported => "exported",
            RequestStatus::Sent => "sent",
            RequestStatus::Done => "done",
            RequestStatus::Rejected => "rejected",
        }
    }

    /// Reads the database spelling.
    pub fn from_db(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Vietnamese name.
    pub fn label(self) -> &'static str {
        match self {
            RequestStatus::Marked => "Đã đánh dấu",
            RequestStatus::Exported => "Đã xuất danh sách",
            RequestStatus::Sent => "Đã gửi",
            RequestStatus::Done => "Đã xong",
            RequestStatus::Rejected => "Bị trả lại",
        }
    }
}

/// A request as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Request {
    /// Row id.
    pub id: i64,
    /// The person it is for.
    pub staff_id: i64,
    /// The certificate it is about (renewal, change, revocation), when known.
    pub certificate_id: Option<i64>,
    /// Issue, renew, change or revoke.
    pub kind: RequestKind,
    /// Revocation case (1, 2 or 3); only for revocations.
    pub reason: Option<LeftReason>,
    /// Case 3 text, or what changes.
    pub detail: Option<String>,
    /// Where it is.
    pub status: RequestStatus,
    /// The exported list it went into, if any.
    pub batch_id: Option<i64>,
    /// UTC creation time.
    pub created_at: String,
    /// UTC time of the last change.
    pub updated_at: String,
}

/// One change of state, with its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RequestEvent {
    /// Row id.
    pub id: i64,
    /// The request.
    pub request_id: i64,
    /// Day of the change.
    pub at: VnDate,
    /// State before (`None` when the request was created).
    pub from_status: Option<RequestStatus>,
    /// State after.
    pub to_status: RequestStatus,
    /// Why (e.g. what the Department said when it sent the list back).
    pub note: Option<String>,
}
