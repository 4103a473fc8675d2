//! The errors a use case returns. They cross the IPC as `{code, message,
//! problems}` so the window can act on the code, never on the words.

use chungthu_model::Problem;
use chungthu_store::StoreError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why a use case did not happen. Nothing was written in any case.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The input has errors; each names its field.
    #[error("{}", summary(.0))]
    Invalid(Vec<Problem>),
    /// The thing asked for does not exist.
    #[error("{0}")]
    NotFound(String),
    /// The action is not allowed in the current state.
    #[error("{0}")]
    Refused(String),
    /// A file could not be written (the message names it and says what to do).
    #[error("{0}")]
    File(String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// E-mail could not be composed, saved or sent (its code says why:
    /// `mail_auth`, `mail_offline`, `no_password`…).
    #[error(transparent)]
    Mail(#[from] chungthu_mail::MailError),
    /// A spreadsheet to import cannot be read at all (its code is the
    /// importer's: `encrypted`, `not_spreadsheet`, `no_header`…).
    #[error(transparent)]
    Import(#[from] chungthu_import::ImportError),
}

fn summary(problems: &[Problem]) -> String {
    let errors: Vec<&str> = problems.iter().filter(|p| p.is_error()).map(|p| p.message.as_str()).collect();
    format!("Chưa lưu được vì dữ liệu chưa hợp lệ: {}", errors.join("; "))
}

/// Result alias of the use cases.
pub type Result<T, E = ApiError> = std::result::Result<T, E>;

/// The error as the window and the CLI's JSON see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ErrorBody {
    /// Stable code: `invalid`, `not_found`, `refused`, `file`, `busy`, `damaged`, `newer_version`, `internal`,
    /// or an import error's code (`encrypted`, `not_spreadsheet`, `no_header`…).
    pub code: String,
    /// Vietnamese sentence for the user.
    pub message: String,
    /// Field problems, for `invalid`.
    pub problems: Vec<Problem>,
}

impl ApiError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Invalid(_) => "invalid",
            ApiError::NotFound(_) => "not_found",
            ApiError::Refused(_) => "refused",
            ApiError::File(_) => "file",
            ApiError::Store(StoreError::Busy) => "busy",
            ApiError::Store(StoreError::Damaged { .. }) => "damaged",
            ApiError::Store(StoreError::NewerVersion { .. }) => "newer_version",
            ApiError::Store(_) => "internal",
            ApiError::Import(e) => e.code(),
            ApiError::Mail(e) => e.code(),
        }
    }

    /// True when the user can fix it (bad input, wrong state); false for
    /// failures of the program or the disk. The CLI exits 2 or 1 on it.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            ApiError::Invalid(_)
                | ApiError::NotFound(_)
                | ApiError::Refused(_)
                | ApiError::Mail(_)
                | ApiError::File(_)
                | ApiError::Import(_)
        )
    }

    /// The IPC/JSON form.
    pub fn body(&self) -> ErrorBody {
        let problems = match self {
            ApiError::Invalid(p) => p.clone(),
            _ => Vec::new(),
        };
        ErrorBody { code: self.code().to_owned(), message: self.to_string(), problems }
    }
}

impl Serialize for ApiError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.body().serialize(s)
    }
}
