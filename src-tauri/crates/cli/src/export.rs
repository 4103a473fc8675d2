//! `chungthu export …` writes a Word list for the principal's signature
//! and records it; `chungthu batch …` lists the recorded lists and writes one
//! again. Same use cases as the window's "Biểu mẫu" page.

use crate::{Failure, print_json};
use chungthu_api::Api;
use chungthu_api::export::{BatchView, ExportOutcome};
use chungthu_api::model::batch::{BatchKind, BatchStatus, DateMode};
use clap::{Args, Subcommand};
use std::path::PathBuf;

/// `chungthu export KIND --out FILE.docx`.
#[derive(Args)]
pub struct ExportArgs {
    /// Biểu mẫu cần xuất
    #[arg(value_enum)]
    kind: BatchKind,
    /// Tệp Word (.docx) cần ghi
    #[arg(long, value_name = "FILE.docx")]
    out: PathBuf,
    /// Dòng ngày tháng: ngày hôm nay hoặc để trống
    #[arg(long, value_enum, default_value = "today")]
    date: DateMode,
    /// Kèm bản Excel (chỉ danh sách chứng thư số đang sử dụng)
    #[arg(long, value_name = "FILE.xlsx")]
    xlsx: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub enum BatchCommand {
    /// Các danh sách đã xuất, mới nhất trước
    List {
        #[arg(long)]
        json: bool,
    },
    /// Ghi lại một danh sách đã xuất (cùng người, cùng ngày tháng)
    Reexport {
        /// Số danh sách
        id: i64,
        #[arg(long, value_name = "FILE.docx")]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

fn report(outcome: ExportOutcome, json: bool, verb: &str) {
    if json {
        print_json(&outcome);
        return;
    }
    println!("{verb} danh sách số {} ({} dòng): {}", outcome.batch_id, outcome.rows, outcome.file);
    if let Some(x) = &outcome.xlsx_file {
        println!("Bản Excel: {x}");
    }
    for old in &outcome.superseded {
        println!("Danh sách số {old} chưa gửi được thay bằng danh sách này.");
    }
    println!("SHA-256: {}", outcome.sha256);
}

pub fn run_export(api: &mut Api, a: ExportArgs) -> Result<(), Failure> {
    let outcome = api.export(a.kind, &a.out, a.date, a.xlsx.as_deref())?;
    report(outcome, a.json, "Đã xuất");
    Ok(())
}

pub fn run_batch(api: &mut Api, cmd: BatchCommand) -> Result<(), Failure> {
    match cmd {
        BatchCommand::List { json } => {
            let batches = api.batches()?;
            if json {
                print_json(&batches);
                return Ok(());
            }
            if batches.is_empty() {
                println!("Chưa xuất danh sách nào.");
            }
            for BatchView { batch: b, title } in batches {
                let state = match (b.superseded_by, b.status) {
                    (Some(n), _) => format!("đã được thay bằng số {n}"),
                    (None, BatchStatus::Sent) => "đã gửi".to_owned(),
                    (None, BatchStatus::Exported) => "đã xuất, chưa gửi".to_owned(),
                };
                println!("{:>4}  {title}  {} dòng  {}  ({state})", b.id, b.row_count, b.file_name);
            }
        }
        BatchCommand::Reexport { id, out, json } => {
            let outcome = api.reexport(id, &out)?;
            if !json && !outcome.same_as_recorded {
                println!(
                    "Lưu ý: tệp khác bản đã ghi nhận khi xuất: dữ liệu đã sửa từ khi xuất, hoặc danh sách được xuất bằng phiên bản trước (tệp Word nay được ghi đúng chuẩn Office Open XML, nội dung và trình bày như cũ)."
                );
            }
            report(outcome, json, "Đã ghi lại");
        }
    }
    Ok(())
}
