//! `chungthu staff …`: the register.

use crate::{Failure, print_json};
use chungthu_api::Api;
use chungthu_api::model::staff::{Staff, StaffQuery};
use chungthu_api::model::{Gender, LeftReason, Problem, StaffInput, StaffStatus};
use chungthu_api::staff::Leaving;
use clap::{Args, Subcommand, ValueEnum};

#[derive(Subcommand)]
pub enum StaffCommand {
    /// Thêm một người
    Add(StaffArgs),
    /// Sửa một người (chỉ các mục được nêu; "" để xoá một mục)
    Edit {
        id: i64,
        #[command(flatten)]
        fields: StaffArgs,
    },
    /// Danh sách, theo thứ tự tên tiếng Việt
    List {
        /// Tìm theo tên (không cần dấu), CCCD, điện thoại, email, chức vụ
        #[arg(long)]
        search: Option<String>,
        /// Lọc theo trạng thái (mặc định: tất cả)
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
        #[arg(long)]
        json: bool,
    },
    /// Xem một người
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Nhập danh sách từ tệp xuất của CSDL ngành (.xlsx, .xls, .ods, .csv)
    Import(crate::import::ImportArgs),
    /// Đánh dấu đã nghỉ / chuyển đi
    Leave {
        id: i64,
        /// transfer: chuyển ra ngoài tỉnh; retired: nghỉ hưu, nghỉ việc; other: trường hợp khác
        #[arg(long, value_enum)]
        reason: LeftReason,
        /// Ngày nghỉ (dd/mm/yyyy)
        #[arg(long)]
        on: String,
        /// Ghi rõ lý do (bắt buộc với "other")
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        json: bool,
    },
    /// Xuất toàn bộ dữ liệu đang lưu về một người ra tệp JSON (quyền của người đó theo Nghị định 13)
    Export {
        id: i64,
        /// Tệp JSON
        #[arg(long, value_name = "FILE.json")]
        out: std::path::PathBuf,
    },
    /// Xoá dữ liệu cá nhân (CCCD, ngày sinh, điện thoại, email, ghi chú) của người đã nghỉ từ 1 năm trở lên
    Erase {
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct StaffArgs {
    /// Họ và tên
    #[arg(long)]
    name: Option<String>,
    /// Ngày sinh (dd/mm/yyyy)
    #[arg(long)]
    birth_date: Option<String>,
    /// Giới tính: nam | nu
    #[arg(long)]
    gender: Option<String>,
    /// Chức vụ
    #[arg(long)]
    position: Option<String>,
    /// Tổ chuyên môn
    #[arg(long)]
    team: Option<String>,
    /// Mã cán bộ
    #[arg(long)]
    code: Option<String>,
    /// Số CCCD (12 chữ số)
    #[arg(long)]
    cccd: Option<String>,
    /// Ngày cấp CCCD (dd/mm/yyyy)
    #[arg(long)]
    cccd_issued_on: Option<String>,
    /// Điện thoại
    #[arg(long)]
    phone: Option<String>,
    /// Email công vụ
    #[arg(long)]
    email: Option<String>,
    /// Ghi chú
    #[arg(long)]
    notes: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum StatusArg {
    Active,
    Left,
    All,
}

/// Runs a `staff` subcommand.
pub fn run(api: &mut Api, command: StaffCommand) -> Result<(), Failure> {
    match command {
        StaffCommand::Add(args) => {
            let gender = gender_arg(&args)?;
            let mut input = StaffInput::default();
            apply_staff(&mut input, &args, gender);
            let saved = api.add_staff(&input)?;
            print_warnings(&saved.warnings);
            if args.json {
                print_json(&saved.staff)
            } else {
                println!("Đã thêm {} (mã {}).", saved.staff.full_name, saved.staff.id)
            }
        }
        StaffCommand::Edit { id, fields } => {
            let gender = gender_arg(&fields)?;
            let saved = api.change_staff(id, |input| apply_staff(input, &fields, gender))?;
            print_warnings(&saved.warnings);
            if fields.json {
                print_json(&saved.staff)
            } else {
                println!("Đã lưu {} (mã {}).", saved.staff.full_name, id)
            }
        }
        StaffCommand::List { search, status, json } => {
            let status = match status {
                Some(StatusArg::Active) => Some(StaffStatus::Active),
                Some(StatusArg::Left) => Some(StaffStatus::Left),
                Some(StatusArg::All) | None => None,
            };
            let query = StaffQuery { search: search.unwrap_or_default(), status, ..StaffQuery::default() };
            let page = api.list_staff(&query)?;
            if json { print_json(&page.items) } else { print_staff_table(&page.items) }
        }
        StaffCommand::Show { id, json } => {
            let staff = api.staff(id)?;
            if json { print_json(&staff) } else { print_staff_table(std::slice::from_ref(&staff)) }
        }
        StaffCommand::Import(args) => return crate::import::run(api, args),
        StaffCommand::Leave { id, reason, on, note, json } => {
            let staff = api.mark_left(id, &Leaving { reason, on, note })?;
            if json {
                print_json(&staff)
            } else {
                println!("Đã đánh dấu {} đã nghỉ: {}.", staff.full_name, reason.label())
            }
        }
        StaffCommand::Export { id, out } => crate::data::export_person(api, id, out)?,
        StaffCommand::Erase { id, json } => crate::data::erase_person(api, id, json)?,
    }
    Ok(())
}

/// The `--gender` given: `Some(None)` clears it.
fn gender_arg(a: &StaffArgs) -> Result<Option<Option<Gender>>, Failure> {
    a.gender
        .as_deref()
        .map(|g| match g.trim() {
            "" => Ok(None),
            text => Gender::parse(text)
                .map(Some)
                .ok_or_else(|| Failure::Usage("Giới tính: chỉ nhận “nam” hoặc “nu” (nữ).".to_owned())),
        })
        .transpose()
}

fn apply_staff(s: &mut StaffInput, a: &StaffArgs, gender: Option<Option<Gender>>) {
    let set = |field: &mut String, value: &Option<String>| {
        if let Some(v) = value {
            field.clone_from(v);
        }
    };
    set(&mut s.full_name, &a.name);
    set(&mut s.birth_date, &a.birth_date);
    set(&mut s.position, &a.position);
    set(&mut s.team, &a.team);
    set(&mut s.staff_code, &a.code);
    set(&mut s.cccd, &a.cccd);
    set(&mut s.cccd_issued_on, &a.cccd_issued_on);
    set(&mut s.phone, &a.phone);
    set(&mut s.email, &a.email);
    set(&mut s.notes, &a.notes);
    if let Some(g) = gender {
        s.gender = g;
    }
}

fn print_warnings(warnings: &[Problem]) {
    for w in warnings {
        eprintln!("Lưu ý — {w}");
    }
}

fn print_staff_table(items: &[Staff]) {
    println!(
        "{:>5}  {:<30} {:<10} {:<22} {:<20} Trạng thái",
        "Mã", "Họ và tên", "Ngày sinh", "Chức vụ", "Tổ"
    );
    for s in items {
        let birth = s.birth_date.map(|d| d.to_string()).or(s.birth_year.map(|y| y.to_string()));
        let status = match s.status {
            StaffStatus::Active => "Đang công tác",
            StaffStatus::Left => "Đã nghỉ",
        };
        println!(
            "{:>5}  {:<30} {:<10} {:<22} {:<20} {}",
            s.id,
            s.full_name,
            birth.unwrap_or_default(),
            s.position.as_deref().unwrap_or(""),
            s.team.as_deref().unwrap_or(""),
            status
        );
    }
    println!("Tổng: {} người.", items.len());
}
