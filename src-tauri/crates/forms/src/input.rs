//! What a form is built from: the unit, the date line and each form's rows,
//! already loaded and typed by the caller. Nothing here reads a database.

use chungthu_model::{IdNumber, LeftReason, Phone, VnDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who signs the form for the unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Signer {
    /// The principal signs: "HIỆU TRƯỞNG".
    Principal,
    /// A deputy signs on the principal's behalf: "KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG".
    Deputy,
}

/// The unit that sends the form, as printed in its header and signature block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UnitInfo {
    /// Tên đơn vị quản lý, e.g. "UBND phường Lê Chân" (printed upper case).
    pub managing_body: String,
    /// Tên đơn vị, e.g. "Trường THCS Lê Lợi" (printed bold upper case).
    pub unit_name: String,
    /// Place in the date line, e.g. "Hải Phòng".
    pub place: String,
    /// Who signs.
    pub signer: Signer,
    /// The signer's full name; empty leaves the line for a hand-written name.
    pub signer_name: String,
    /// "Nơi nhận" lines without the leading dash, e.g. "Như trên", "Lưu: VT".
    /// Empty gives the usual two lines.
    pub recipients: Vec<String>,
}

/// The place-and-date line under the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "date", rename_all = "snake_case")]
pub enum DateLine {
    /// Printed with this date: "Hải Phòng, ngày 23 tháng 11 năm 2026".
    Today(VnDate),
    /// Dotted blanks to fill in by hand when the form is signed.
    Blank,
}

/// One person in the issuance request list (BIỂU MẪU ĐỀ NGHỊ CẤP CHỨNG THƯ SỐ).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IssuanceRow {
    /// Họ và tên.
    pub full_name: String,
    /// Ngày sinh.
    pub birth_date: VnDate,
    /// Chức vụ.
    pub position: String,
    /// Đơn vị.
    pub unit: String,
    /// Số căn cước công dân (12 digits, leading zeros kept).
    #[ts(type = "string")]
    pub id_number: IdNumber,
    /// Ngày cấp CCCD, when known.
    pub id_issued_on: Option<VnDate>,
    /// Điện thoại, when known.
    pub phone: Option<Phone>,
}

/// One certificate in the revocation list (DANH SÁCH THU HỒI CHỨNG THƯ SỐ).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RevocationRow {
    /// Họ và tên of the holder.
    pub full_name: String,
    /// Ngày sinh, when known.
    pub birth_date: Option<VnDate>,
    /// Đơn vị.
    pub unit: String,
    /// Serial number of the certificate.
    pub serial: String,
    /// First day of validity.
    pub valid_from: VnDate,
    /// Last day of validity.
    pub valid_to: VnDate,
    /// Đơn vị cung cấp, e.g. "Ban Cơ yếu Chính phủ".
    pub provider: String,
    /// The revocation case of the Department's plan.
    pub reason: LeftReason,
    /// Details, printed after the case (required in practice for case 3).
    pub reason_note: Option<String>,
}

/// One certificate in a renewal or change-of-information list (national
/// template, form 04 of Decree 68/2024).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CertChangeRow {
    /// Tên chứng thư số: the holder's name as in the certificate subject.
    pub holder_name: String,
    /// Serial.
    pub serial: String,
    /// Official e-mail of the holder.
    pub email: String,
    /// Mã thiết bị (token number); empty for remote signing.
    pub device_code: String,
    /// Nội dung: what is requested, e.g. "Gia hạn" or "Thay đổi chức vụ".
    pub content: String,
    /// Thông tin mới: the new value; empty for a plain renewal.
    pub new_info: String,
    /// Thời hạn: requested end of validity, when the request has one.
    pub valid_until: Option<VnDate>,
}

/// One certificate in the list of certificates in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CertificateRow {
    /// Holder's full name.
    pub holder_name: String,
    /// Provider, e.g. "VNPT-CA".
    pub provider: String,
    /// Serial.
    pub serial: String,
    /// Last day of validity.
    pub valid_to: VnDate,
    /// Status in words, e.g. "Đang sử dụng", "Sắp hết hạn".
    pub status: String,
}

/// One person who needs an official e-mail account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EmailPersonRow {
    /// Họ và tên.
    pub full_name: String,
    /// Ngày sinh, when known.
    pub birth_date: Option<VnDate>,
    /// Chức vụ.
    pub position: String,
    /// Điện thoại, when known.
    pub phone: Option<Phone>,
}

/// The official e-mail request (seed 002 appendix): one summary row for the
/// unit, then the people it asks accounts for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EmailRequest {
    /// Tên UBND cấp xã managing the unit, e.g. "UBND phường Lê Chân".
    pub commune: String,
    /// Cán bộ đầu mối: the focal-point person's name.
    pub focal_point: String,
    /// The focal point's phone (Zalo).
    pub focal_phone: Option<Phone>,
    /// The people needing an account; the summary counts them.
    pub people: Vec<EmailPersonRow>,
}

/// A form and its rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "data", rename_all = "snake_case")]
pub enum Form {
    /// BIỂU MẪU ĐỀ NGHỊ CẤP CHỨNG THƯ SỐ.
    Issuance(Vec<IssuanceRow>),
    /// DANH SÁCH THU HỒI CHỨNG THƯ SỐ.
    Revocation(Vec<RevocationRow>),
    /// Renewal requests.
    Renewal(Vec<CertChangeRow>),
    /// Change-of-information requests.
    ChangeInfo(Vec<CertChangeRow>),
    /// Certificates in use.
    CertificatesInUse(Vec<CertificateRow>),
    /// Official e-mail request summary and list.
    EmailRequest(EmailRequest),
}

/// The kind of a form, without its rows (for file names and menus).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FormKind {
    /// Issuance request list.
    Issuance,
    /// Revocation list.
    Revocation,
    /// Renewal list.
    Renewal,
    /// Change-of-information list.
    ChangeInfo,
    /// Certificates in use.
    CertificatesInUse,
    /// Official e-mail request.
    EmailRequest,
}

impl FormKind {
    /// Every kind, in menu order.
    pub const ALL: [FormKind; 6] = [
        FormKind::Issuance,
        FormKind::Revocation,
        FormKind::Renewal,
        FormKind::ChangeInfo,
        FormKind::CertificatesInUse,
        FormKind::EmailRequest,
    ];
}

impl Form {
    /// The kind of this form.
    pub fn kind(&self) -> FormKind {
        match self {
            Form::Issuance(_) => FormKind::Issuance,
            Form::Revocation(_) => FormKind::Revocation,
            Form::Renewal(_) => FormKind::Renewal,
            Form::ChangeInfo(_) => FormKind::ChangeInfo,
            Form::CertificatesInUse(_) => FormKind::CertificatesInUse,
            Form::EmailRequest(_) => FormKind::EmailRequest,
        }
    }
}
