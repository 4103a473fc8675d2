//! `chungthu cert …`: certificate files in, certificates listed, the
//! expiry calendar out.

use crate::{Failure, print_json};
use chungthu_api::Api;
use chungthu_api::certs::{
    CertQuery, CertView, FileError, Holder, ImportChoice, ImportStatus, MatchKind, read_cert_files,
};
use clap::Subcommand;
use serde::Serialize;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum CertCommand {
    /// Nhập tệp chứng thư số (.cer, .crt, .p7b) hoặc cả thư mục. Tự ghép theo
    /// số CCCD/CMND; ghép theo tên cần xác nhận (--accept-name-matches)
    Import {
        /// Tệp hoặc thư mục
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Nhận cả những tệp chỉ khớp theo tên (và chứng thư số của đơn vị)
        #[arg(long)]
        accept_name_matches: bool,
        #[arg(long)]
        json: bool,
    },
    /// Danh sách chứng thư số, hết hạn sớm nhất trước
    List {
        /// Chỉ những chứng thư số còn hiệu lực và hết hạn trong số ngày này
        #[arg(long, value_name = "DAYS")]
        expiring_within: Option<u32>,
        /// Chỉ của một người (mã cán bộ trong dữ liệu)
        #[arg(long, value_name = "ID")]
        staff: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Ghi lịch hết hạn (.ics) để nhập vào Outlook, Google Calendar, điện thoại
    Calendar {
        /// Tệp .ics cần ghi
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// One file's line of `cert import --json`.
#[derive(Serialize)]
struct ImportRow {
    file: String,
    serial_hex: Option<String>,
    provider: Option<String>,
    not_after: Option<String>,
    subject_name: Option<String>,
    staff_id: Option<i64>,
    #[serde(rename = "match")]
    matched: Option<MatchKind>,
    status: ImportStatus,
    certificate_id: Option<i64>,
    error: Option<FileError>,
}

/// Runs a `cert` subcommand.
pub fn run(api: &mut Api, command: CertCommand) -> Result<(), Failure> {
    match command {
        CertCommand::Import { files, accept_name_matches, json } => {
            let preview = api.import_preview(&read_cert_files(&files))?;
            let mut rows: Vec<ImportRow> = Vec::with_capacity(preview.len());
            let mut choices = Vec::new();
            for item in preview {
                let holder = match (item.matched, item.staff_id) {
                    (Some(MatchKind::Cccd), Some(id)) => Some(Holder::Staff(id)),
                    (Some(MatchKind::Name), Some(id)) if accept_name_matches => Some(Holder::Staff(id)),
                    (Some(MatchKind::Unit), _) if accept_name_matches => Some(Holder::Unit),
                    _ => None,
                };
                let status = if item.error.is_some() {
                    ImportStatus::Error
                } else if item.duplicate_of.is_some() {
                    ImportStatus::Duplicate
                } else if holder.is_some() {
                    // Settled by the apply below.
                    ImportStatus::Added
                } else if item.matched.is_some() {
                    ImportStatus::NeedsConfirmation
                } else {
                    ImportStatus::NoMatch
                };
                if let (Some(holder), ImportStatus::Added) = (holder, status) {
                    choices.push((rows.len(), ImportChoice { file: item.file.clone(), holder }));
                }
                rows.push(ImportRow {
                    file: item.file,
                    serial_hex: item.serial_hex,
                    provider: item.provider,
                    not_after: item.not_after.map(|d| d.iso()),
                    subject_name: item.subject_name,
                    staff_id: item.staff_id,
                    matched: item.matched,
                    status,
                    certificate_id: item.duplicate_of,
                    error: item.error,
                });
            }
            let outcomes = api.import_apply(&choices.iter().map(|(_, c)| c.clone()).collect::<Vec<_>>())?;
            for ((row, _), outcome) in choices.iter().zip(outcomes) {
                rows[*row].status = outcome.status;
                rows[*row].certificate_id = outcome.certificate_id;
                rows[*row].error = outcome.error;
            }
            if json {
                print_json(&rows);
            } else {
                print_import(&rows);
            }
            if rows.iter().any(|r| r.status == ImportStatus::Error) {
                return Err(Failure::Usage("Có tệp không nhập được (xem từng dòng ở trên).".to_owned()));
            }
        }
        CertCommand::List { expiring_within, staff, json } => {
            let certs = api.list_certificates(&CertQuery {
                staff_id: staff,
                expiring_within,
                ..CertQuery::default()
            })?;
            if json { print_json(&certs) } else { print_certs(&certs) }
        }
        CertCommand::Calendar { out } => {
            let count = api.write_expiry_calendar(&out)?;
            println!("Đã ghi lịch hết hạn của {count} chứng thư số vào {}.", out.display());
        }
    }
    Ok(())
}

fn print_import(rows: &[ImportRow]) {
    for r in rows {
        let what = match r.status {
            ImportStatus::Added => "đã nhập".to_owned(),
            ImportStatus::Duplicate => "đã có, không nhập lại".to_owned(),
            ImportStatus::NeedsConfirmation => {
                "chỉ khớp theo tên: cần xác nhận (thêm --accept-name-matches, hoặc nhập trong cửa sổ)"
                    .to_owned()
            }
            ImportStatus::NoMatch => {
                "không tìm thấy người giữ: hãy nhập trong cửa sổ để chọn người".to_owned()
            }
            ImportStatus::Error => r.error.as_ref().map(|e| e.message.clone()).unwrap_or_default(),
        };
        println!("{} — {}: {what}", r.file, r.subject_name.as_deref().unwrap_or("?"));
    }
}

fn print_certs(certs: &[CertView]) {
    println!(
        "{:>5}  {:<28} {:<12} {:<34} {:<10} {:>6}  Trạng thái",
        "Mã", "Người giữ", "Nhà CC", "Số hiệu", "Hết hạn", "Còn"
    );
    for c in certs {
        println!(
            "{:>5}  {:<28} {:<12} {:<34} {:<10} {:>6}  {}",
            c.id,
            c.holder_name,
            c.provider.as_deref().unwrap_or(""),
            c.serial_hex,
            c.valid_to.to_string(),
            c.days_left,
            c.status.label()
        );
    }
    println!("Tổng: {} chứng thư số.", certs.len());
}
