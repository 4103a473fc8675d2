//! Why a file could not be read as a certificate, said in Vietnamese with
//! what to do next. Messages never repeat file names or contents: a file
//! name may hold a person's CCCD.

/// Result of this crate.
pub type Result<T> = std::result::Result<T, CertError>;

/// Why a file is not a usable certificate.
#[derive(Debug, thiserror::Error)]
pub enum CertError {
    /// The file has no content.
    #[error(
        "Tệp trống, không có nội dung. Hãy xuất lại chứng thư số (.cer) từ USB Token hoặc tải lại từ trang của nhà cung cấp."
    )]
    Empty,
    /// Far bigger than any certificate (a few KB).
    #[error(
        "Tệp quá lớn ({bytes} byte) để là một chứng thư số (thường chỉ vài KB). Hãy kiểm tra lại đã chọn đúng tệp .cer, .crt hoặc .p7b chưa."
    )]
    TooLarge {
        /// Size of the file.
        bytes: u64,
    },
    /// Some other kind of file (a Word document renamed `.cer`, a PDF…).
    #[error(
        "Tệp này không phải chứng thư số (có vẻ là {looks_like}). Hãy chọn tệp .cer, .crt hoặc .p7b do nhà cung cấp gửi, hoặc xuất chứng thư số từ USB Token."
    )]
    NotCertificate {
        /// What the file seems to be, in Vietnamese.
        looks_like: &'static str,
    },
    /// Shaped like a certificate but cut short or corrupted.
    #[error(
        "Tệp chứng thư số bị hỏng hoặc không đầy đủ (có thể tải về hay sao chép chưa xong). Hãy tải lại, hoặc xuất lại chứng thư số từ USB Token."
    )]
    Damaged,
    /// A PKCS#12 (`.pfx`/`.p12`) container or a PEM private key.
    #[error(
        "Tệp này chứa KHÓA BÍ MẬT (tệp .pfx/.p12 hoặc khóa riêng): không được gửi hay chia sẻ tệp này cho bất kỳ ai, và không cần đưa vào chương trình. Hãy xuất chứng thư số ra tệp .cer KHÔNG kèm khóa bí mật (chọn \"No, do not export the private key\") rồi chọn tệp đó."
    )]
    PrivateKey,
    /// A bundle holding only provider (CA) certificates.
    #[error(
        "Tệp chỉ có chứng thư của nhà cung cấp (CA), không có chứng thư số của người dùng. Hãy xuất lại chứng thư số của người dùng ra tệp .cer từ USB Token."
    )]
    NoEndEntity,
    /// A bundle holding the certificates of several holders.
    #[error(
        "Tệp có {count} chứng thư số của người dùng; mỗi lần chỉ đọc được một. Hãy xuất riêng từng chứng thư số ra tệp .cer."
    )]
    SeveralEndEntities {
        /// How many end-entity certificates the bundle holds.
        count: usize,
    },
    /// The file could not be opened or read.
    #[error("Không đọc được tệp ({0}). Hãy kiểm tra tệp còn ở đó và không bị chương trình khác đang mở.")]
    Io(#[from] std::io::Error),
}

impl CertError {
    /// Stable machine code, so callers act on the kind of error without
    /// matching message text.
    pub fn code(&self) -> &'static str {
        match self {
            CertError::Empty => "cert_empty",
            CertError::TooLarge { .. } => "cert_too_large",
            CertError::NotCertificate { .. } => "cert_not_certificate",
            CertError::Damaged => "cert_damaged",
            CertError::PrivateKey => "cert_private_key",
            CertError::NoEndEntity => "cert_no_end_entity",
            CertError::SeveralEndEntities { .. } => "cert_several_end_entities",
            CertError::Io(_) => "cert_io",
        }
    }
}
