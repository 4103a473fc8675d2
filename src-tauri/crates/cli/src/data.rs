//! `chungthu backup …`, `chungthu audit …` and the personal-data commands
//! (`staff export`, `staff erase`): keeping the data safe and accountable.

use crate::{Failure, print_json};
use chungthu_api::Api;
use chungthu_api::audit_log::{AuditQuery, AuditRow};
use chungthu_api::model::VnDate;
use chungthu_api::model::backup::BackupInfo;
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum BackupCommand {
    /// Sao lưu ngay
    Now {
        #[arg(long)]
        json: bool,
    },
    /// Các bản sao lưu (mới nhất trước), với số người, chứng thư, đề nghị trong mỗi bản
    List {
        #[arg(long)]
        json: bool,
    },
    /// Khôi phục một bản sao lưu (dữ liệu hiện tại được sao lưu trước để có thể hoàn tác)
    Restore {
        /// Tên tệp sao lưu, như `chungthu backup list` in ra
        file: String,
        #[arg(long)]
        json: bool,
    },
    /// Chọn thư mục sao lưu (ví dụ trên USB); không nêu thư mục: dùng thư mục mặc định
    Dir {
        /// Đường dẫn đầy đủ của thư mục
        path: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Nhật ký thay đổi (mới nhất trước)
    List {
        #[command(flatten)]
        filter: AuditArgs,
        /// Số dòng tối đa (0: tất cả)
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Xuất nhật ký ra tệp CSV (mở được bằng Excel)
    Export {
        #[command(flatten)]
        filter: AuditArgs,
        /// Tệp CSV
        #[arg(long, value_name = "FILE.csv")]
        out: PathBuf,
    },
}

#[derive(Args)]
pub struct AuditArgs {
    /// Chỉ một loại: staff, unit, certificate, request, setting, database…
    #[arg(long)]
    entity: Option<String>,
    /// Chỉ một đối tượng (ví dụ mã một người)
    #[arg(long)]
    id: Option<i64>,
    /// Từ ngày (dd/mm/yyyy)
    #[arg(long)]
    from: Option<String>,
    /// Đến ngày (dd/mm/yyyy)
    #[arg(long)]
    to: Option<String>,
}

fn date(label: &str, text: &Option<String>) -> Result<Option<VnDate>, Failure> {
    text.as_deref().map(|t| VnDate::parse(t).map_err(|e| Failure::Usage(format!("{label}: {e}")))).transpose()
}

impl AuditArgs {
    fn query(&self, limit: u32) -> Result<AuditQuery, Failure> {
        Ok(AuditQuery {
            entity: self.entity.clone(),
            entity_id: self.id,
            from: date("Từ ngày", &self.from)?,
            to: date("Đến ngày", &self.to)?,
            limit,
            offset: 0,
        })
    }
}

/// Runs a `backup` subcommand.
pub fn run_backup(api: &mut Api, command: BackupCommand) -> Result<(), Failure> {
    match command {
        BackupCommand::Now { json } => {
            let info = api.backup_now()?;
            if json {
                print_json(&info)
            } else {
                println!("Đã sao lưu: {}", api.backups()?.dir);
                print_backups(std::slice::from_ref(&info));
            }
        }
        BackupCommand::List { json } => {
            let list = api.backups()?;
            if json {
                print_json(&list)
            } else {
                println!("Thư mục sao lưu: {}", list.dir);
                print_backups(&list.items);
            }
        }
        BackupCommand::Restore { file, json } => {
            let done = api.restore_backup(&file)?;
            if json {
                print_json(&done)
            } else {
                println!("Đã khôi phục {}.", done.restored.file_name);
                println!("Dữ liệu trước khi khôi phục được giữ trong {}.", done.undo.file_name);
                println!("Muốn hoàn tác: chungthu backup restore {}", done.undo.file_name);
            }
        }
        BackupCommand::Dir { path } => {
            let list = api.set_backup_dir(path.as_deref())?;
            println!("Thư mục sao lưu: {}", list.dir);
        }
    }
    Ok(())
}

fn print_backups(items: &[BackupInfo]) {
    println!("{:<54} {:<19} {:>7} {:>9} {:>8}  Lý do", "Tệp", "Thời gian", "Cán bộ", "Chứng thư", "Đề nghị");
    for b in items {
        let (staff, certs, requests) = b
            .content
            .as_ref()
            .map(|c| (c.staff.to_string(), c.certificates.to_string(), c.requests.to_string()))
            .unwrap_or_default();
        println!(
            "{:<54} {:<19} {staff:>7} {certs:>9} {requests:>8}  {}{}",
            b.file_name,
            b.taken_at.replace('T', " "),
            b.reason.label(),
            b.problem.as_deref().map(|p| format!(" — {p}")).unwrap_or_default()
        );
    }
    println!("Tổng: {} bản.", items.len());
}

/// Runs an `audit` subcommand.
pub fn run_audit(api: &mut Api, command: AuditCommand) -> Result<(), Failure> {
    match command {
        AuditCommand::List { filter, limit, json } => {
            let page = api.audit_search(&filter.query(limit)?)?;
            if json {
                print_json(&page.items)
            } else {
                print_audit(&page.items);
                println!("Hiển thị {} / {} dòng.", page.items.len(), page.total);
            }
        }
        AuditCommand::Export { filter, out } => {
            let n = api.audit_csv_to(&filter.query(0)?, &out)?;
            println!("Đã ghi {n} dòng nhật ký vào {}.", out.display());
        }
    }
    Ok(())
}

fn print_audit(rows: &[AuditRow]) {
    println!(
        "{:<19}  {:<14} {:<16} {:>5}  {:<24} Các mục",
        "Thời gian", "Người dùng", "Đối tượng", "Mã", "Thao tác"
    );
    for r in rows {
        println!(
            "{:<19}  {:<14} {:<16} {:>5}  {:<24} {}",
            r.at_local,
            r.os_user,
            r.entity_label,
            r.entity_id.map(|i| i.to_string()).unwrap_or_default(),
            r.action_label,
            r.field_labels.join(", ")
        );
    }
}

/// `staff export ID --out FILE.json`.
pub fn export_person(api: &mut Api, id: i64, out: PathBuf) -> Result<(), Failure> {
    let export = api.export_person_to(id, &out)?;
    println!(
        "Đã ghi toàn bộ dữ liệu về {} (mã {id}) vào {}: {} chứng thư, {} đề nghị, {} dòng nhật ký.",
        export.staff.full_name,
        out.display(),
        export.certificates.len(),
        export.requests.len(),
        export.audit.len()
    );
    Ok(())
}

/// `staff erase ID`.
pub fn erase_person(api: &mut Api, id: i64, json: bool) -> Result<(), Failure> {
    let staff = api.erase_personal_data(id)?;
    if json {
        print_json(&staff)
    } else {
        println!(
            "Đã xoá dữ liệu cá nhân của {} (mã {id}): CCCD, ngày sinh, điện thoại, email, ghi chú. \
             Họ tên và lịch sử chứng thư, đề nghị được giữ lại.",
            staff.full_name
        );
    }
    Ok(())
}
