//! `chungthu`: the register from the command line, over the same use cases
//! as the window. JSON output (`--json`) is a documented contract (README).
//! Exit status: 0 done, 2 bad input (nothing written), 1 internal error.

/// Every line on stdout goes through [`out`]: `chungthu … | head -3` closes
/// the pipe early, which must end the program quietly, not in a panic.
macro_rules! println {
    ($($arg:tt)*) => {
        $crate::out(format_args!($($arg)*))
    };
}

mod certs;
mod data;
mod export;
mod import;
mod mail;
mod providers;
mod requests;
mod staff;
mod unit;

use chungthu_api::{Api, ApiError, paths};
use clap::{Parser, Subcommand};
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
    Unit(unit::UnitCommand),
    /// Danh sách cán bộ
    #[command(subcommand)]
    Staff(staff::StaffCommand),
    /// Chứng thư số: nhập tệp, danh sách, lịch hết hạn
    #[command(subcommand)]
    Cert(certs::CertCommand),
    /// Danh mục nhà cung cấp dịch vụ chứng thư số và dấu hiệu nhận biết
    #[command(subcommand)]
    Provider(providers::ProviderCommand),
    /// Đề nghị cấp mới, gia hạn, thay đổi, thu hồi
    #[command(subcommand)]
    Request(requests::RequestCommand),
    /// Gửi danh sách qua thư điện tử, thư nháp, hộp thư đi
    #[command(subcommand)]
    Mail(mail::MailCommand),
    /// Xuất biểu mẫu Word để hiệu trưởng ký (danh sách đề nghị, thu hồi…)
    Export(export::ExportArgs),
    /// Các danh sách đã xuất
    #[command(subcommand)]
    Batch(export::BatchCommand),
    /// Sao lưu và khôi phục dữ liệu
    #[command(subcommand)]
    Backup(data::BackupCommand),
    /// Nhật ký thay đổi: ai sửa gì, khi nào (không ghi giá trị)
    #[command(subcommand)]
    Audit(data::AuditCommand),
    /// In đường dẫn tệp dữ liệu đang dùng
    Where,
}

/// A failure and how the process should end.
pub enum Failure {
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
    // On stderr, so scripts reading --json on stdout are not disturbed.
    for warning in api.info().warnings {
        eprintln!("Cảnh báo — {warning}");
    }
    match cli.command {
        Command::Where => unreachable!("handled before opening the database"),
        Command::Unit(command) => unit::run(&mut api, command),
        Command::Backup(command) => data::run_backup(&mut api, command),
        Command::Audit(command) => data::run_audit(&mut api, command),
        Command::Staff(command) => staff::run(&mut api, command),
        Command::Cert(command) => certs::run(&mut api, command),
        Command::Provider(command) => providers::run(&mut api, command),
        Command::Request(command) => requests::run(&mut api, command),
        Command::Export(args) => export::run_export(&mut api, args),
        Command::Batch(command) => export::run_batch(&mut api, command),
        Command::Mail(command) => mail::run(&mut api, command),
    }
}

/// Writes one line on stdout. When the reader has gone (a closed pipe) the
/// rest would be lost anyway: the program ends there, quietly, with the
/// work it reported already done.
pub fn out(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_fmt(line).and_then(|()| stdout.write_all(b"\n")) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("Không ghi được ra màn hình (stdout): {e}.");
        std::process::exit(1);
    }
}

pub fn print_json<T: Serialize>(value: &T) {
    println!("{}", serde_json::to_string_pretty(value).expect("plain data always serialises"));
}
