//! What can go wrong with e-mail, in Vietnamese, and whether trying again
//! later can help ([`MailError::is_permanent`]).

use std::path::PathBuf;

/// Why a message was not composed, saved or sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// An address is not an e-mail address.
    #[error("Địa chỉ thư “{0}” không hợp lệ. Hãy kiểm tra lại (ví dụ: vanphong@haiphong.edu.vn).")]
    BadAddress(String),
    /// Nobody to send to.
    #[error("Chưa có người nhận. Hãy nhập ít nhất một địa chỉ thư.")]
    NoRecipient,
    /// The sender's address is missing from the settings.
    #[error("Chưa nhập địa chỉ người gửi trong phần cài đặt thư.")]
    NoSender,
    /// The SMTP settings are incomplete or wrong.
    #[error("Cài đặt máy chủ thư chưa đúng: {0}")]
    BadSettings(String),
    /// Plain-text SMTP to a host that is not this computer.
    #[error(
        "Không gửi thư không mã hoá tới máy chủ {0}: mật khẩu và danh sách sẽ đi qua mạng ở dạng đọc được. Hãy chọn STARTTLS (cổng 587) hoặc SSL/TLS (cổng 465)."
    )]
    PlainTextRefused(String),
    /// A file to attach is not a PDF, JPG, PNG or Word document.
    #[error(
        "Tệp “{0}” không phải tệp Word (.docx), PDF, JPG hay PNG. Chỉ gửi được danh sách Word và bản scan có chữ ký."
    )]
    UnknownFileType(String),
    /// A file's name says one type and its content another.
    #[error(
        "Tệp “{name}” có đuôi không khớp với nội dung (nội dung là {actual}). Hãy đổi tên tệp cho đúng rồi thử lại."
    )]
    ExtensionMismatch {
        /// The file's name.
        name: String,
        /// What the content really is.
        actual: &'static str,
    },
    /// A file cannot be read.
    #[error("Không đọc được tệp {path}: {source}.")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The draft cannot be written.
    #[error("Không lưu được thư nháp vào {path}: {source}. Hãy chọn thư mục khác hoặc kiểm tra quyền ghi.")]
    Write {
        /// The draft's path.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The message cannot be built (a header lettre refuses).
    #[error("Không tạo được thư: {0}")]
    Build(String),
    /// The server refused the user name or password (535 and friends).
    #[error(
        "Máy chủ thư từ chối tên đăng nhập hoặc mật khẩu (mã {code}). Hãy kiểm tra lại; với Gmail, Outlook, Yahoo cần dùng “mật khẩu ứng dụng” thay cho mật khẩu đăng nhập. Thư không được gửi lại tự động."
    )]
    AuthRejected {
        /// SMTP reply code.
        code: String,
    },
    /// The server refused the message or a recipient for good (5xx).
    #[error(
        "Máy chủ thư từ chối thư (mã {code}: {detail}). Thư không được gửi lại tự động; hãy sửa rồi gửi lại."
    )]
    Rejected {
        /// SMTP reply code.
        code: String,
        /// What the server said.
        detail: String,
    },
    /// The server asked to try later (4xx).
    #[error("Máy chủ thư tạm thời chưa nhận thư (mã {code}: {detail}). Thư sẽ được gửi lại sau.")]
    Deferred {
        /// SMTP reply code.
        code: String,
        /// What the server said.
        detail: String,
    },
    /// No connection to the server (offline, wrong host, firewall, timeout).
    #[error(
        "Không kết nối được máy chủ thư {host}:{port} ({detail}). Có thể máy đang mất mạng; thư sẽ được gửi lại khi có mạng."
    )]
    Unreachable {
        /// Server.
        host: String,
        /// Port.
        port: u16,
        /// What failed.
        detail: String,
    },
    /// The TLS handshake failed (interrupted connection, certificate trouble).
    #[error(
        "Không lập được kết nối mã hoá với máy chủ thư {host} ({detail}). Thư sẽ được gửi lại sau; nếu lỗi kéo dài, hãy kiểm tra tên máy chủ và kiểu bảo mật."
    )]
    Tls {
        /// Server.
        host: String,
        /// What failed.
        detail: String,
    },
    /// The server and this program cannot agree (no STARTTLS, no login method…).
    #[error(
        "Máy chủ thư {host} không dùng được với cài đặt hiện tại ({detail}). Hãy kiểm tra cổng và kiểu bảo mật."
    )]
    Incompatible {
        /// Server.
        host: String,
        /// What failed.
        detail: String,
    },
    /// No password was given and none is stored.
    #[error("Chưa có mật khẩu thư. Hãy nhập mật khẩu (mục “Lưu mật khẩu”) hoặc nhập nó khi gửi.")]
    NoPassword,
    /// The operating system's credential store cannot be used.
    #[error(
        "Không dùng được kho mật khẩu của hệ điều hành ({0}). Mật khẩu sẽ không được lưu: hãy nhập mật khẩu mỗi lần gửi."
    )]
    NoCredentialStore(String),
    /// The credential store failed while reading or writing.
    #[error("Kho mật khẩu của hệ điều hành báo lỗi: {0}")]
    CredentialStore(String),
}

impl MailError {
    /// True when trying again later cannot help (wrong password, refused
    /// recipient, bad settings): the outbox stops retrying and says why.
    pub fn is_permanent(&self) -> bool {
        !matches!(self, MailError::Deferred { .. } | MailError::Unreachable { .. } | MailError::Tls { .. })
    }

    /// Stable code for the window and the CLI's JSON.
    pub fn code(&self) -> &'static str {
        match self {
            MailError::BadAddress(_) | MailError::NoRecipient | MailError::NoSender => "mail_address",
            MailError::BadSettings(_) | MailError::PlainTextRefused(_) => "mail_settings",
            MailError::UnknownFileType(_) | MailError::ExtensionMismatch { .. } => "mail_file_type",
            MailError::Read { .. } | MailError::Write { .. } => "mail_file",
            MailError::Build(_) => "mail_build",
            MailError::AuthRejected { .. } => "mail_auth",
            MailError::Rejected { .. } | MailError::Incompatible { .. } => "mail_rejected",
            MailError::Deferred { .. } | MailError::Unreachable { .. } | MailError::Tls { .. } => {
                "mail_offline"
            }
            MailError::NoPassword => "no_password",
            MailError::NoCredentialStore(_) => "no_credential_store",
            MailError::CredentialStore(_) => "credential_store",
        }
    }
}

/// Result alias of this crate.
pub type Result<T, E = MailError> = std::result::Result<T, E>;
