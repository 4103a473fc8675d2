//! `chungthu`: the register from the command line, over the same use cases
//! as the window. JSON output (`--json`) is a documented contract (README).
//! Exit status: 0 done, 2 bad input (nothing written), 1 internal error.

use chungthu_api::model::{Gender, LeftReason, StaffInput, StaffStatus};
use chungthu_api::staff::{Leaving, input_of};
use chungthu_api::store::staff::{Staff, StaffQuery};
use chungthu_api::store::unit::{SignerRole, Unit};
use chungthu_api::{Api, ApiError, paths};
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "chungthu", version, about = "Quản lý chứng thư số của cán bộ, giáo viên (dòng lệnh)")]
struct Cli {
    /// Tệp dữ liệu (mặc định: biến CHUNGTHU_DB, rồi thư mục dữ liệu của người dùng)
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Thông tin đơn vị (trường)
    #[command(subcommand)]
    Unit(UnitCommand),
    /// Danh sách cán bộ
    #[command(subcommand)]
    Staff(StaffCommand),
    /// In đường dẫn tệp dữ liệu đang dùng
    Where,
}

#[derive(Subcommand)]
enum UnitCommand {
    /// Xem thông tin đơn vị
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Sửa thông tin đơn vị (chỉ các mục được nêu)
    Set(UnitArgs),
}

#[derive(Args)]
struct UnitArgs {
    /// Tên đơn vị
    #[arg(long)]
    name: Option<String>,
    /// Đơn vị quản lý
    #[arg(long)]
    managing_body: Option<String>,
    /// Tên UBND cấp xã
    #[arg(long)]
    commune: Option<String>,
    /// Địa danh ghi ở dòng ngày tháng
    #[arg(long)]
    place: Option<String>,
    /// Họ tên người ký
    #[arg(long)]
    signer_name: Option<String>,
    /// Người ký: hiệu trưởng hay phó hiệu trưởng (ký thay)
    #[arg(long, value_enum)]
    signer_role: Option<SignerArg>,
    /// Họ tên cán bộ đầu mối
    #[arg(long)]
    focal_name: Option<String>,
    /// Điện thoại cán bộ đầu mối
    #[arg(long)]
    focal_phone: Option<String>,
    /// Email cán bộ đầu mối
    #[arg(long)]
    focal_email: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum SignerArg {
    Principal,
    Deputy,
}

#[derive(Subcommand)]
enum StaffCommand {
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
    /// Đánh dấu đã nghỉ / chuyển đi
    Leave {
        id: i64,
        /// transfer: chuyển ra ngoài tỉnh; retired: nghỉ hưu, nghỉ việc; other: trường hợp khác
        #[arg(long, value_enum)]
        reason: ReasonArg,
        /// Ngày nghỉ (dd/mm/yyyy)
        #[arg(long)]
        on: String,
        /// Ghi rõ lý do (bắt buộc với "other")
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
struct StaffArgs {
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
enum StatusArg {
    Active,
    Left,
    All,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReasonArg {
    Transfer,
    Retired,
    Other,
}

/// A failure and how the process should end.
enum Failure {
    Usage(String),
    Api(ApiError),
}

impl From<ApiError> for Failure {
    fn from(e: ApiError) -> Self {
        Failure::Api(e)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
        Err(Failure::Api(ApiError::Invalid(problems))) => {
            eprintln!("Chưa lưu: dữ liệu chưa hợp lệ, không có gì được ghi.");
            for p in problems.iter().filter(|p| p.is_error()) {
                eprintln!("  - {p}");
            }
            ExitCode::from(2)
        }
        Err(Failure::Api(e)) => {
            eprintln!("{e}");
            ExitCode::from(if e.is_user_error() { 2 } else { 1 })
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let db = paths::resolve_db(cli.db);
    if let Command::Where = cli.command {
        println!("{}", db.display());
        return Ok(());
    }
    let mut api = Api::open(&db)?;
    match cli.command {
        Command::Where => unreachable!("handled before opening the database"),
        Command::Unit(UnitCommand::Show { json }) => {
            let unit = api.unit()?;
            if json { print_json(&unit) } else { print_unit(&unit) }
        }
        Command::Unit(UnitCommand::Set(args)) => {
            let unit = api.save_unit(apply_unit(api.unit()?, &args))?;
            if args.json { print_json(&unit) } else { print_unit(&unit) }
        }
        Command::Staff(StaffCommand::Add(args)) => {
            let input = apply_staff(StaffInput::default(), &args)?;
            let saved = api.add_staff(&input)?;
            print_warnings(&saved.warnings);
            if args.json {
                print_json(&saved.staff)
            } else {
                println!("Đã thêm {} (mã {}).", saved.staff.full_name, saved.staff.id)
            }
        }
        Command::Staff(StaffCommand::Edit { id, fields }) => {
            let input = apply_staff(input_of(&api.staff(id)?), &fields)?;
            let saved = api.edit_staff(id, &input)?;
            print_warnings(&saved.warnings);
            if fields.json {
                print_json(&saved.staff)
            } else {
                println!("Đã lưu {} (mã {}).", saved.staff.full_name, id)
            }
        }
        Command::Staff(StaffCommand::List { search, status, json }) => {
            let status = match status {
                Some(StatusArg::Active) => Some(StaffStatus::Active),
                Some(StatusArg::Left) => Some(StaffStatus::Left),
                Some(StatusArg::All) | None => None,
            };
            let query = StaffQuery { search: search.unwrap_or_default(), status, ..StaffQuery::default() };
            let page = api.list_staff(&query)?;
            if json { print_json(&page.items) } else { print_staff_table(&page.items) }
        }
        Command::Staff(StaffCommand::Show { id, json }) => {
            let staff = api.staff(id)?;
            if json { print_json(&staff) } else { print_staff_table(std::slice::from_ref(&staff)) }
        }
        Command::Staff(StaffCommand::Leave { id, reason, on, note, json }) => {
            let reason = match reason {
                ReasonArg::Transfer => LeftReason::Transfer,
                ReasonArg::Retired => LeftReason::Retired,
                ReasonArg::Other => LeftReason::Other,
            };
            let staff = api.mark_left(id, &Leaving { reason, on, note })?;
            if json {
                print_json(&staff)
            } else {
                println!("Đã đánh dấu {} đã nghỉ: {}.", staff.full_name, reason.label())
            }
        }
    }
    Ok(())
}

fn apply_unit(mut u: Unit, a: &UnitArgs) -> Unit {
    let set = |field: &mut String, value: &Option<String>| {
        if let Some(v) = value {
            field.clone_from(v);
        }
    };
    set(&mut u.name, &a.name);
    set(&mut u.managing_body, &a.managing_body);
    set(&mut u.commune, &a.commune);
    set(&mut u.place, &a.place);
    set(&mut u.signer_name, &a.signer_name);
    set(&mut u.focal_name, &a.focal_name);
    set(&mut u.focal_phone, &a.focal_phone);
    set(&mut u.focal_email, &a.focal_email);
    if let Some(role) = a.signer_role {
        u.signer_role = match role {
            SignerArg::Principal => SignerRole::Principal,
            SignerArg::Deputy => SignerRole::Deputy,
        };
    }
    u
}

fn apply_staff(mut s: StaffInput, a: &StaffArgs) -> Result<StaffInput, Failure> {
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
    if let Some(g) = &a.gender {
        s.gender = match g.trim() {
            "" => None,
            text => Some(
                Gender::parse(text)
                    .ok_or_else(|| Failure::Usage("Giới tính: chỉ nhận “nam” hoặc “nu” (nữ).".to_owned()))?,
            ),
        };
    }
    Ok(s)
}

fn print_json<T: Serialize>(value: &T) {
    println!("{}", serde_json::to_string_pretty(value).expect("plain data always serialises"));
}

fn print_warnings(warnings: &[chungthu_api::model::Problem]) {
    for w in warnings {
        eprintln!("Lưu ý — {w}");
    }
}

fn print_unit(u: &Unit) {
    let role = match u.signer_role {
        SignerRole::Principal => "Hiệu trưởng",
        SignerRole::Deputy => "Phó hiệu trưởng (ký thay)",
    };
    for (label, value) in [
        ("Tên đơn vị", u.name.as_str()),
        ("Đơn vị quản lý", &u.managing_body),
        ("UBND cấp xã", &u.commune),
        ("Địa danh", &u.place),
        ("Người ký", &u.signer_name),
        ("Chức danh người ký", role),
        ("Cán bộ đầu mối", &u.focal_name),
        ("Điện thoại đầu mối", &u.focal_phone),
        ("Email đầu mối", &u.focal_email),
    ] {
        println!("{label:<20} {value}");
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
