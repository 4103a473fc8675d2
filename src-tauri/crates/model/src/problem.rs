//! What is wrong with a value, said in Vietnamese and naming the field.
//! Messages never repeat the value itself: a CCCD, a birth date or a phone
//! number must not end up in a log or an error report.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A field of a staff record, as the user knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Họ và tên
    FullName,
    /// Ngày sinh
    BirthDate,
    /// Giới tính
    Gender,
    /// Chức vụ
    Position,
    /// Tổ chuyên môn
    Team,
    /// Mã cán bộ
    StaffCode,
    /// Số CCCD
    Cccd,
    /// Ngày cấp CCCD
    CccdIssuedOn,
    /// Điện thoại
    Phone,
    /// Email
    Email,
    /// Ghi chú
    Notes,
    /// Ngày nghỉ / chuyển đi
    LeftOn,
    /// Lý do nghỉ
    LeftReason,
    /// Tên đơn vị (unit settings)
    UnitName,
    /// Điện thoại cán bộ đầu mối (unit settings)
    FocalPhone,
    /// Email cán bộ đầu mối (unit settings)
    FocalEmail,
    /// Người giữ chứng thư số
    CertHolder,
    /// Số hiệu (serial) chứng thư số
    CertSerial,
    /// Tên trên chứng thư số
    CertSubject,
    /// Hiệu lực từ ngày
    CertValidFrom,
    /// Hiệu lực đến ngày
    CertValidTo,
    /// Tên nhà cung cấp
    ProviderName,
    /// Tên viết tắt của nhà cung cấp
    ProviderShortName,
    /// Chứng thư số mà đề nghị nói đến
    RequestCertificate,
    /// Lý do thu hồi
    RequestReason,
    /// Nội dung, ghi rõ của đề nghị
    RequestDetail,
    /// Số ngày nhắc trước khi hết hạn
    ReminderDays,
}

impl Field {
    /// The label shown in the window and in messages.
    pub fn label(self) -> &'static str {
        match self {
            Field::FullName => "Họ và tên",
            Field::BirthDate => "Ngày sinh",
            Field::Gender => "Giới tính",
            Field::Position => "Chức vụ",
            Field::Team => "Tổ chuyên môn",
            Field::StaffCode => "Mã cán bộ",
            Field::Cccd => "Số CCCD",
            Field::CccdIssuedOn => "Ngày cấp CCCD",
            Field::Phone => "Điện thoại",
            Field::Email => "Email",
            Field::Notes => "Ghi chú",
            Field::LeftOn => "Ngày nghỉ",
            Field::LeftReason => "Lý do nghỉ",
            Field::UnitName => "Tên đơn vị",
            Field::FocalPhone => "Điện thoại cán bộ đầu mối",
            Field::FocalEmail => "Email cán bộ đầu mối",
            Field::CertHolder => "Người giữ",
            Field::CertSerial => "Số hiệu chứng thư số",
            Field::CertSubject => "Tên trên chứng thư số",
            Field::CertValidFrom => "Hiệu lực từ ngày",
            Field::CertValidTo => "Hiệu lực đến ngày",
            Field::ProviderName => "Tên nhà cung cấp",
            Field::ProviderShortName => "Tên viết tắt",
            Field::RequestCertificate => "Chứng thư số",
            Field::RequestReason => "Lý do thu hồi",
            Field::RequestDetail => "Nội dung đề nghị",
            Field::ReminderDays => "Số ngày nhắc trước",
        }
    }
}

/// An error stops the value from being saved; a warning is saved and the
/// person is flagged for follow-up (real data has errors the user may know
/// better than the rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Not saved.
    Error,
    /// Saved and flagged.
    Warning,
}

/// One thing wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Problem {
    /// Which field.
    pub field: Field,
    /// Error or warning.
    pub severity: Severity,
    /// Stable machine code, e.g. `cccd_length` (part of the CLI's JSON contract).
    pub code: String,
    /// Vietnamese sentence starting with the field's label.
    pub message: String,
}

impl Problem {
    /// An error on `field`; `text` is what is wrong and what to do.
    pub fn error(field: Field, code: &str, text: impl AsRef<str>) -> Self {
        Self::new(field, Severity::Error, code, text.as_ref())
    }

    /// A warning on `field`.
    pub fn warning(field: Field, code: &str, text: impl AsRef<str>) -> Self {
        Self::new(field, Severity::Warning, code, text.as_ref())
    }

    fn new(field: Field, severity: Severity, code: &str, text: &str) -> Self {
        Problem { field, severity, code: code.to_owned(), message: format!("{}: {text}", field.label()) }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
