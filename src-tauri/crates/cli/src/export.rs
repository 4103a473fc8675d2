//! `chungthu export …` writes a Word list for the principal's signature
//! and records it; `chungthu batch …` lists the recorded lists and writes one
//! again. Same use cases as the window's "Biểu mẫu" page.

use crate::{Failure, print_json};
use chungthu_api::Api;
use chungthu_api::export::{BatchView, ExportOutcome};
use chungthu_api::store::batch::{BatchKind, DateMode};
use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// Danh sách đề nghị cấp chứng thư số
    Issuance,
    /// Danh sách thu hồi
    Revocation,
    /// Danh sách đề nghị gia hạn
    Renewal,
    /// Danh sách đề nghị thay đổi thông tin
    Change,
    /// Danh sách chứng thư số đang sử dụng
    Certificates,
    /// Tổng hợp đề nghị cấp email công vụ
    EmailSummary,
}

impl From<KindArg> for BatchKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Issuance => BatchKind::Issuance,
            KindArg::Revocation => BatchKind::Revocation,
            KindArg::Renewal => BatchKind::Renewal,
            KindArg::Change => BatchKind::Change,
            KindArg::Certificates => BatchKind::Certificates,
            KindArg::EmailSummary => BatchKind::EmailSummary,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum DateArg {
    /// Ghi ngày hôm nay
    Today,
    /// Để trống (…, ngày … tháng … năm …) để ghi tay khi ký
    Blank,
}

/// `chungthu export KIND --out FILE.docx`.
#[derive(Args)]
pub struct ExportArgs {
    /// Biểu mẫu cần xuất
    #[arg(value_enum)]
    kind: KindArg,
    /// Tệp Word (.docx) cần ghi
    #[arg(long, value_name = "FILE.docx")]
    out: PathBuf,
    /// Dòng ngày tháng: ngày hôm nay hoặc để trống
    #[arg(long, value_enum, default_value = "today")]
    date: DateArg,
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

/// The `--json` contract of `export` and `batch reexport`.
#[derive(Serialize)]
struct Written {
    batch_id: i64,
    kind: BatchKind,
    rows: u32,
    sha256: String,
    file: String,
    xlsx_file: Option<String>,
    superseded: Vec<i64>,
    same_as_recorded: bool,
}

impl From<ExportOutcome> for Written {
    fn from(o: ExportOutcome) -> Self {
        Written {
            batch_id: o.batch_id,
            kind: o.kind,
            rows: o.rows,
            sha256: o.sha256,
            file: o.file,
            xlsx_file: o.xlsx_file,
            superseded: o.superseded,
            same_as_recorded: o.same_as_recorded,
        }
    }
}

/// The `--json` contract of `batch list`.
#[derive(Serialize)]
struct Listed {
    id: i64,
    kind: BatchKind,
    created_at: String,
    file_name: String,
    path: String,
    sha256: String,
    row_count: u32,
    date_mode: DateMode,
    status: chungthu_api::store::batch::BatchStatus,
    superseded_by: Option<i64>,
}

impl From<BatchView> for Listed {
    fn from(b: BatchView) -> Self {
        Listed {
            id: b.id,
            kind: b.kind,
            created_at: b.created_at,
            file_name: b.file_name,
            path: b.path,
            sha256: b.sha256,
            row_count: b.row_count,
            date_mode: b.date_mode,
            status: b.status,
            superseded_by: b.superseded_by,
        }
    }
}

fn report(outcome: ExportOutcome, json: bool, verb: &str) {
    if json {
        print_json(&Written::from(outcome));
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
    let date = match a.date {
        DateArg::Today => DateMode::Today,
        DateArg::Blank => DateMode::Blank,
    };
    let outcome = api.export(a.kind.into(), &a.out, date, a.xlsx.as_deref())?;
    report(outcome, a.json, "Đã xuất");
    Ok(())
}

pub fn run_batch(api: &mut Api, cmd: BatchCommand) -> Result<(), Failure> {
    match cmd {
        BatchCommand::List { json } => {
            let batches = api.batches()?;
            if json {
                print_json(&batches.into_iter().map(Listed::from).collect::<Vec<_>>());
                return Ok(());
            }
            if batches.is_empty() {
                println!("Chưa xuất danh sách nào.");
            }
            for b in batches {
                let state = match (b.superseded_by, b.status) {
                    (Some(n), _) => format!("đã được thay bằng số {n}"),
                    (None, chungthu_api::store::batch::BatchStatus::Sent) => "đã gửi".to_owned(),
                    (None, chungthu_api::store::batch::BatchStatus::Exported) => {
                        "đã xuất, chưa gửi".to_owned()
                    }
                };
                println!("{:>4}  {}  {} dòng  {}  ({state})", b.id, b.title, b.row_count, b.file_name);
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
