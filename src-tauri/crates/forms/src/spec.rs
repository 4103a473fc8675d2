//! Every form's title, orientation, file name and columns (header, width,
//! alignment, value), in one table each. Correct a form here; the Word and
//! Excel writers only follow these tables.

use crate::input::{CertChangeRow, CertificateRow, EmailPersonRow, FormKind, IssuanceRow, RevocationRow};
use chungthu_model::VnDate;

/// Page orientation of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Orientation {
    Portrait,
    Landscape,
}

/// How a column's text sits in its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
}

/// Where a cell's value comes from.
pub(crate) enum Value<R> {
    /// The row's number in list order (STT / TT).
    Number,
    /// Text of the row.
    Text(fn(&R) -> String),
    /// A date of the row, printed dd/mm/yyyy (blank when unknown).
    Date(fn(&R) -> Option<VnDate>),
}

/// One column of a form's table.
pub(crate) struct Column<R> {
    /// Header text, as in the Department's template.
    pub header: &'static str,
    /// Relative width; the table fills the text width in these proportions.
    pub weight: u16,
    pub align: Align,
    pub value: Value<R>,
}

/// What a form looks like apart from its table.
pub(crate) struct Layout {
    pub title: &'static str,
    pub orientation: Orientation,
    /// File name start, before the unit name and date.
    pub file_stem: &'static str,
}

/// The layout of each kind.
pub(crate) fn layout(kind: FormKind) -> Layout {
    use Orientation::{Landscape, Portrait};
    let (title, orientation, file_stem) = match kind {
        FormKind::Issuance => ("BIỂU MẪU ĐỀ NGHỊ CẤP CHỨNG THƯ SỐ", Landscape, "Danh sách đề nghị cấp CTS"),
        FormKind::Revocation => ("DANH SÁCH THU HỒI CHỨNG THƯ SỐ", Landscape, "Danh sách thu hồi CTS"),
        FormKind::Renewal => {
            ("DANH SÁCH ĐỀ NGHỊ GIA HẠN CHỨNG THƯ SỐ", Landscape, "Danh sách đề nghị gia hạn CTS")
        }
        FormKind::ChangeInfo => (
            "DANH SÁCH ĐỀ NGHỊ THAY ĐỔI NỘI DUNG THÔNG TIN CHỨNG THƯ SỐ",
            Landscape,
            "Danh sách đề nghị thay đổi thông tin CTS",
        ),
        FormKind::CertificatesInUse => {
            ("DANH SÁCH CHỨNG THƯ SỐ ĐANG SỬ DỤNG", Landscape, "Danh sách CTS đang sử dụng")
        }
        FormKind::EmailRequest => {
            ("BIỂU MẪU TỔNG HỢP ĐỀ NGHỊ CẤP TÀI KHOẢN EMAIL CÔNG VỤ", Portrait, "Đề nghị cấp email công vụ")
        }
    };
    Layout { title, orientation, file_stem }
}

/// Heading of the people list that follows the e-mail summary table.
pub(crate) const EMAIL_PEOPLE_HEADING: &str = "DANH SÁCH CÁN BỘ, GIÁO VIÊN ĐỀ NGHỊ CẤP EMAIL CÔNG VỤ";

pub(crate) const ISSUANCE: &[Column<IssuanceRow>] = &[
    Column { header: "STT", weight: 5, align: Align::Center, value: Value::Number },
    Column {
        header: "Họ và tên",
        weight: 17,
        align: Align::Left,
        value: Value::Text(|r| r.full_name.clone()),
    },
    Column {
        header: "Ngày sinh",
        weight: 10,
        align: Align::Center,
        value: Value::Date(|r| Some(r.birth_date)),
    },
    Column {
        header: "Chức vụ", weight: 15, align: Align::Left, value: Value::Text(|r| r.position.clone())
    },
    Column { header: "Đơn vị", weight: 18, align: Align::Left, value: Value::Text(|r| r.unit.clone()) },
    Column {
        header: "Số căn cước công dân",
        weight: 12,
        align: Align::Center,
        value: Value::Text(|r| r.id_number.as_str().to_owned()),
    },
    Column {
        header: "Ngày cấp CCCD",
        weight: 11,
        align: Align::Center,
        value: Value::Date(|r| r.id_issued_on),
    },
    Column {
        header: "Điện thoại",
        weight: 12,
        align: Align::Center,
        value: Value::Text(|r| r.phone.as_ref().map(|p| p.as_str().to_owned()).unwrap_or_default()),
    },
];

pub(crate) const REVOCATION: &[Column<RevocationRow>] = &[
    Column { header: "TT", weight: 5, align: Align::Center, value: Value::Number },
    Column {
        header: "Họ và tên",
        weight: 15,
        align: Align::Left,
        value: Value::Text(|r| r.full_name.clone()),
    },
    Column { header: "Ngày sinh", weight: 10, align: Align::Center, value: Value::Date(|r| r.birth_date) },
    Column { header: "Đơn vị", weight: 13, align: Align::Left, value: Value::Text(|r| r.unit.clone()) },
    Column {
        header: "Thông tin chứng thư số",
        weight: 26,
        align: Align::Left,
        value: Value::Text(|r| format!("Serial: {}; Hiệu lực: {} - {}", r.serial, r.valid_from, r.valid_to)),
    },
    Column {
        header: "Đơn vị cung cấp",
        weight: 11,
        align: Align::Left,
        value: Value::Text(|r| r.provider.clone()),
    },
    Column {
        header: "Lý do thu hồi",
        weight: 20,
        align: Align::Left,
        value: Value::Text(|r| match r.reason_note.as_deref().map(str::trim) {
            Some(note) if !note.is_empty() => format!("{}: {note}", r.reason.label()),
            _ => r.reason.label().to_owned(),
        }),
    },
];

/// Renewal and change-of-information share the national template's columns.
pub(crate) const CERT_CHANGE: &[Column<CertChangeRow>] = &[
    Column { header: "STT", weight: 5, align: Align::Center, value: Value::Number },
    Column {
        header: "Tên chứng thư số",
        weight: 13,
        align: Align::Left,
        value: Value::Text(|r| r.holder_name.clone()),
    },
    Column { header: "Serial", weight: 18, align: Align::Left, value: Value::Text(|r| r.serial.clone()) },
    Column { header: "Email", weight: 19, align: Align::Left, value: Value::Text(|r| r.email.clone()) },
    Column {
        header: "Mã thiết bị",
        weight: 11,
        align: Align::Center,
        value: Value::Text(|r| r.device_code.clone()),
    },
    Column {
        header: "Nội dung", weight: 12, align: Align::Left, value: Value::Text(|r| r.content.clone())
    },
    Column {
        header: "Thông tin mới",
        weight: 12,
        align: Align::Left,
        value: Value::Text(|r| r.new_info.clone()),
    },
    Column {
        header: "Thời hạn", weight: 10, align: Align::Center, value: Value::Date(|r| r.valid_until)
    },
];

pub(crate) const CERTIFICATES: &[Column<CertificateRow>] = &[
    Column { header: "STT", weight: 5, align: Align::Center, value: Value::Number },
    Column {
        header: "Họ và tên",
        weight: 18,
        align: Align::Left,
        value: Value::Text(|r| r.holder_name.clone()),
    },
    Column {
        header: "Đơn vị cung cấp",
        weight: 19,
        align: Align::Left,
        value: Value::Text(|r| r.provider.clone()),
    },
    Column {
        header: "Số serial", weight: 33, align: Align::Left, value: Value::Text(|r| r.serial.clone())
    },
    Column {
        header: "Hiệu lực đến",
        weight: 11,
        align: Align::Center,
        value: Value::Date(|r| Some(r.valid_to)),
    },
    Column {
        header: "Trạng thái", weight: 14, align: Align::Left, value: Value::Text(|r| r.status.clone())
    },
];

/// The e-mail summary's one row: the unit and how many people it asks for.
pub(crate) struct EmailSummary {
    pub commune: String,
    pub unit_name: String,
    pub count: usize,
    pub focal_point: String,
    pub focal_phone: String,
}

pub(crate) const EMAIL_SUMMARY: &[Column<EmailSummary>] = &[
    Column { header: "TT", weight: 7, align: Align::Center, value: Value::Number },
    Column {
        header: "Tên UBND cấp xã",
        weight: 18,
        align: Align::Left,
        value: Value::Text(|r| r.commune.clone()),
    },
    Column {
        header: "Tên đơn vị",
        weight: 20,
        align: Align::Left,
        value: Value::Text(|r| r.unit_name.clone()),
    },
    Column {
        header: "Số cán bộ, giáo viên đề nghị cấp email công vụ",
        weight: 19,
        align: Align::Center,
        value: Value::Text(|r| r.count.to_string()),
    },
    Column {
        header: "Cán bộ đầu mối",
        weight: 19,
        align: Align::Left,
        value: Value::Text(|r| r.focal_point.clone()),
    },
    Column {
        header: "Số điện thoại (Zalo)",
        weight: 17,
        align: Align::Center,
        value: Value::Text(|r| r.focal_phone.clone()),
    },
];

pub(crate) const EMAIL_PEOPLE: &[Column<EmailPersonRow>] = &[
    Column { header: "STT", weight: 8, align: Align::Center, value: Value::Number },
    Column {
        header: "Họ và tên",
        weight: 31,
        align: Align::Left,
        value: Value::Text(|r| r.full_name.clone()),
    },
    Column { header: "Ngày sinh", weight: 15, align: Align::Center, value: Value::Date(|r| r.birth_date) },
    Column {
        header: "Chức vụ", weight: 28, align: Align::Left, value: Value::Text(|r| r.position.clone())
    },
    Column {
        header: "Điện thoại",
        weight: 18,
        align: Align::Center,
        value: Value::Text(|r| r.phone.as_ref().map(|p| p.as_str().to_owned()).unwrap_or_default()),
    },
];
