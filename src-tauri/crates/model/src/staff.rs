//! A staff member's fields and the one validation that the window, the CLI
//! and the spreadsheet importer all share.

use crate::cccd::IdNumber;
use crate::date::{DateError, VnDate};
use crate::phone::Phone;
use crate::problem::{Field, Problem};
use crate::text::{clean_line, clean_multiline, fold};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A person's fields that the user fills, by their stored (and JSON) names:
/// what the audit log names when they change.
pub const FIELD_NAMES: [&str; 12] = [
    "full_name",
    "birth_date",
    "birth_year",
    "gender",
    "position",
    "team",
    "staff_code",
    "cccd",
    "cccd_issued_on",
    "phone",
    "email",
    "notes",
];

/// Positions offered in the form; any other text is accepted too.
pub const USUAL_POSITIONS: [&str; 14] = [
    "Hiệu trưởng",
    "Phó hiệu trưởng",
    "Tổ trưởng chuyên môn",
    "Tổ phó chuyên môn",
    "Giáo viên",
    "Tổng phụ trách Đội",
    "Kế toán",
    "Văn thư",
    "Thủ quỹ",
    "Nhân viên thư viện",
    "Nhân viên thiết bị",
    "Nhân viên y tế",
    "Nhân viên",
    "Bảo vệ",
];

/// Age limits for a working staff member.
const MIN_AGE: i32 = 18;
const MAX_AGE: i32 = 70;
const MAX_NAME: usize = 100;
const MAX_TEXT: usize = 200;
const MAX_NOTES: usize = 2000;

/// Gender as written on the identity card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Nam
    Male,
    /// Nữ
    Female,
}

impl Gender {
    /// Both genders.
    pub const ALL: [Gender; 2] = [Gender::Male, Gender::Female];

    /// Reads "Nam", "Nữ", "nu", "male", "female" (any case).
    pub fn parse(s: &str) -> Option<Self> {
        match fold(s).as_str() {
            "nam" | "male" | "m" => Some(Gender::Male),
            "nu" | "female" | "f" => Some(Gender::Female),
            _ => None,
        }
    }

    /// "Nam" / "Nữ".
    pub fn label(self) -> &'static str {
        match self {
            Gender::Male => "Nam",
            Gender::Female => "Nữ",
        }
    }

    /// Database and JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }
}

/// Whether the person still works at the unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StaffStatus {
    /// Đang công tác
    Active,
    /// Đã nghỉ / chuyển đi
    Left,
}

impl StaffStatus {
    /// Database and JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            StaffStatus::Active => "active",
            StaffStatus::Left => "left",
        }
    }

    /// Reads the database spelling.
    pub fn from_db(s: &str) -> Option<Self> {
        match s {
            "active" => Some(StaffStatus::Active),
            "left" => Some(StaffStatus::Left),
            _ => None,
        }
    }
}

/// Why a person left; the three revocation cases of the Department's plan.
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LeftReason {
    /// Trường hợp 1: chuyển công tác ra ngoài tỉnh/thành phố.
    Transfer,
    /// Trường hợp 2: nghỉ hưu, nghỉ việc.
    Retired,
    /// Trường hợp 3: trường hợp khác (ghi rõ lý do).
    Other,
}

impl LeftReason {
    /// Vietnamese wording, as in the revocation list.
    pub fn label(self) -> &'static str {
        match self {
            LeftReason::Transfer => "Chuyển công tác ra ngoài tỉnh/thành phố",
            LeftReason::Retired => "Nghỉ hưu, nghỉ việc, không còn công tác trong ngành",
            LeftReason::Other => "Trường hợp khác",
        }
    }

    /// Database and JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            LeftReason::Transfer => "transfer",
            LeftReason::Retired => "retired",
            LeftReason::Other => "other",
        }
    }

    /// Reads the database/CLI spelling.
    pub fn from_db(s: &str) -> Option<Self> {
        match s {
            "transfer" => Some(LeftReason::Transfer),
            "retired" => Some(LeftReason::Retired),
            "other" => Some(LeftReason::Other),
            _ => None,
        }
    }
}

/// What the user typed (window, CLI) or what a spreadsheet row held, before
/// validation. Empty text means "not given".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct StaffInput {
    /// Họ và tên
    pub full_name: String,
    /// Ngày sinh: dd/mm/yyyy, yyyy-mm-dd, or a year alone (flagged)
    pub birth_date: String,
    /// Giới tính
    pub gender: Option<Gender>,
    /// Chức vụ
    pub position: String,
    /// Tổ chuyên môn
    pub team: String,
    /// Mã cán bộ
    pub staff_code: String,
    /// Số CCCD (or an old CMND)
    pub cccd: String,
    /// Ngày cấp CCCD
    pub cccd_issued_on: String,
    /// Điện thoại
    pub phone: String,
    /// Email công vụ
    pub email: String,
    /// Ghi chú
    pub notes: String,
}

/// Validated fields, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StaffFields {
    /// Cleaned full name (NFC, single spaces).
    pub full_name: String,
    /// Full birth date, when known.
    pub birth_date: Option<VnDate>,
    /// Birth year (from the date, or alone when only the year is known).
    pub birth_year: Option<i32>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Position.
    pub position: Option<String>,
    /// Team.
    pub team: Option<String>,
    /// Staff code.
    pub staff_code: Option<String>,
    /// CCCD or old CMND.
    pub id_number: Option<IdNumber>,
    /// CCCD issue date.
    pub cccd_issued_on: Option<VnDate>,
    /// Phone.
    pub phone: Option<Phone>,
    /// Lower-case e-mail.
    pub email: Option<String>,
    /// Notes.
    pub notes: Option<String>,
}

/// The outcome of validating one person: the fields and every problem found.
/// Nothing may be saved while `problems` holds an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validated {
    /// Fields that could be read (unreadable ones are `None`).
    pub fields: StaffFields,
    /// Errors and warnings, in field order.
    pub problems: Vec<Problem>,
}

impl Validated {
    /// True when something blocks saving.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

fn optional_text(s: &str, field: Field, max: usize, problems: &mut Vec<Problem>) -> Option<String> {
    let s = if field == Field::Notes { clean_multiline(s) } else { clean_line(s) };
    if s.chars().count() > max {
        problems.push(Problem::error(field, "too_long", format!("dài quá {max} ký tự")));
    }
    (!s.is_empty()).then_some(s)
}

fn date_field(s: &str, field: Field, problems: &mut Vec<Problem>) -> Option<VnDate> {
    if s.trim().is_empty() {
        return None;
    }
    match VnDate::parse(s) {
        Ok(d) => Some(d),
        Err(e) => {
            let code = match e {
                DateError::Shape => "date_shape",
                DateError::NoSuchDay => "date_no_such_day",
            };
            problems.push(Problem::error(field, code, e.to_string()));
            None
        }
    }
}

/// Validates one person. `today` bounds the dates (no birth in the future,
/// no card issued tomorrow).
pub fn validate(input: &StaffInput, today: VnDate) -> Validated {
    let mut p = Vec::new();
    let mut f = StaffFields { full_name: clean_line(&input.full_name), ..StaffFields::default() };
    if f.full_name.is_empty() {
        p.push(Problem::error(Field::FullName, "required", "chưa nhập"));
    } else if f.full_name.chars().count() > MAX_NAME {
        p.push(Problem::error(Field::FullName, "too_long", format!("dài quá {MAX_NAME} ký tự")));
    } else if f
        .full_name
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '@' | '/' | '\\' | ';' | ',' | '_'))
    {
        p.push(Problem::error(Field::FullName, "name_chars", "chỉ được gồm chữ cái và dấu cách"));
    }

    let birth = input.birth_date.trim();
    if birth.len() == 4 && birth.bytes().all(|b| b.is_ascii_digit()) {
        f.birth_year = birth.parse().ok();
        p.push(Problem::warning(
            Field::BirthDate,
            "birth_year_only",
            "chỉ có năm sinh, thiếu ngày và tháng; bổ sung theo hồ sơ",
        ));
    } else if let Some(d) = date_field(birth, Field::BirthDate, &mut p) {
        let age = d.years_until(today);
        if d > today {
            p.push(Problem::error(Field::BirthDate, "date_future", "không được sau ngày hôm nay"));
        } else if !(MIN_AGE..=MAX_AGE).contains(&age) {
            p.push(Problem::error(
                Field::BirthDate,
                "age_range",
                format!("tuổi phải từ {MIN_AGE} đến {MAX_AGE} (đang là {age}); kiểm tra lại năm sinh"),
            ));
        }
        f.birth_date = Some(d);
        f.birth_year = Some(d.year());
    }

    f.gender = input.gender;
    f.position = optional_text(&input.position, Field::Position, MAX_TEXT, &mut p);
    f.team = optional_text(&input.team, Field::Team, MAX_TEXT, &mut p);
    f.staff_code = optional_text(&input.staff_code, Field::StaffCode, 30, &mut p);
    f.notes = optional_text(&input.notes, Field::Notes, MAX_NOTES, &mut p);

    if input.cccd.trim().is_empty() {
        p.push(Problem::warning(
            Field::Cccd,
            "cccd_missing",
            "chưa có; cần bổ sung để đề nghị cấp chứng thư số",
        ));
    } else {
        match IdNumber::parse(&input.cccd) {
            Ok(IdNumber::Cccd(c)) => {
                for text in c.disagreements(f.birth_year, f.gender) {
                    p.push(Problem::warning(Field::Cccd, "cccd_mismatch", format!("{text}; kiểm tra lại")));
                }
                f.id_number = Some(IdNumber::Cccd(c));
            }
            Ok(cmnd @ IdNumber::Cmnd(_)) => {
                p.push(Problem::warning(
                    Field::Cccd,
                    "cmnd_old",
                    "là số CMND cũ (9 chữ số); cần cập nhật số CCCD 12 chữ số",
                ));
                f.id_number = Some(cmnd);
            }
            Err(e) => p.push(Problem::error(Field::Cccd, e.code(), e.to_string())),
        }
    }

    f.cccd_issued_on = date_field(&input.cccd_issued_on, Field::CccdIssuedOn, &mut p);
    if let Some(issued) = f.cccd_issued_on {
        if issued > today {
            p.push(Problem::error(Field::CccdIssuedOn, "date_future", "không được sau ngày hôm nay"));
        } else if f.birth_date.is_some_and(|b| issued <= b) || f.birth_year.is_some_and(|y| issued.year() < y)
        {
            p.push(Problem::error(Field::CccdIssuedOn, "issued_before_birth", "phải sau ngày sinh"));
        }
    }

    if !input.phone.trim().is_empty() {
        match Phone::parse(&input.phone) {
            Ok(phone) => f.phone = Some(phone),
            Err(e) => p.push(Problem::error(Field::Phone, e.code(), e.to_string())),
        }
    }

    if !input.email.trim().is_empty() {
        match parse_email(&input.email) {
            Some(email) => f.email = Some(email),
            None => p.push(email_problem(Field::Email)),
        }
    }

    Validated { fields: f, problems: p }
}

/// A lower-case e-mail address, if `s` is one (ASCII, a dot in the domain:
/// what official and public mail servers accept).
pub fn parse_email(s: &str) -> Option<String> {
    let email = s.trim().to_lowercase();
    let domain_has_dot = email.rsplit_once('@').is_some_and(|(_, d)| d.contains('.') && !d.ends_with('.'));
    (email.is_ascii() && domain_has_dot && email_address::EmailAddress::is_valid(&email)).then_some(email)
}

/// The problem for an e-mail that [`parse_email`] refused.
pub fn email_problem(field: Field) -> Problem {
    Problem::error(field, "email_syntax", "không đúng dạng địa chỉ thư (ví dụ: ten@haiphong.edu.vn)")
}

/// A person as stored (and as the CLI's JSON and the window show it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Staff {
    /// Row id.
    pub id: i64,
    /// Họ và tên.
    pub full_name: String,
    /// Ngày sinh (yyyy-mm-dd), when the full date is known.
    pub birth_date: Option<VnDate>,
    /// Năm sinh (also when only the year is known).
    pub birth_year: Option<i32>,
    /// Giới tính.
    pub gender: Option<Gender>,
    /// Chức vụ.
    pub position: Option<String>,
    /// Tổ chuyên môn.
    pub team: Option<String>,
    /// Mã cán bộ.
    pub staff_code: Option<String>,
    /// Số CCCD (12 digits) or old CMND (9 digits).
    pub cccd: Option<String>,
    /// Ngày cấp CCCD (yyyy-mm-dd).
    pub cccd_issued_on: Option<VnDate>,
    /// Điện thoại (10 digits).
    pub phone: Option<String>,
    /// Email công vụ.
    pub email: Option<String>,
    /// Ghi chú.
    pub notes: Option<String>,
    /// Active or left.
    pub status: StaffStatus,
    /// Why the person left.
    pub left_reason: Option<LeftReason>,
    /// When the person left (yyyy-mm-dd).
    pub left_on: Option<VnDate>,
    /// Note on leaving (case 3 text).
    pub left_note: Option<String>,
    /// Warnings accepted when saved: the person needs follow-up.
    pub warnings: Vec<Problem>,
    /// UTC creation time.
    pub created_at: String,
    /// UTC time of the last change.
    pub updated_at: String,
    /// UTC time the personal data was erased on request, if it was.
    pub erased_at: Option<String>,
}

/// What the list shows: a filter and a page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct StaffQuery {
    /// Free text; matches name, CCCD, phone, e-mail, position, team, code,
    /// ignoring case and diacritics. Every word must match.
    pub search: String,
    /// Only active or only left people; `None` for everyone.
    pub status: Option<StaffStatus>,
    /// Exact position.
    pub position: Option<String>,
    /// Exact team.
    pub team: Option<String>,
    /// Only people with warnings to follow up.
    pub flagged_only: bool,
    /// Page size (0 = no limit).
    pub limit: u32,
    /// Rows to skip.
    pub offset: u32,
}

/// One page of the list, with counts for the filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StaffPage {
    /// The people on this page, in Vietnamese list order.
    pub items: Vec<Staff>,
    /// How many match the filter in all.
    pub total: u32,
}

/// Register-wide counts and filter choices.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct StaffSummary {
    /// People working at the unit.
    pub active: u32,
    /// People who left.
    pub left: u32,
    /// Active people with warnings to follow up.
    pub flagged: u32,
    /// Positions in use, for the filter.
    pub positions: Vec<String>,
    /// Teams in use, for the filter.
    pub teams: Vec<String>,
}
