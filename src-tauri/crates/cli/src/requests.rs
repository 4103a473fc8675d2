//! `chungthu request …`: mark people for issuance, renewal, change or
//! revocation, list the requests and move them along their life.

use crate::{Failure, print_json};
use chungthu_api::Api;
use chungthu_api::certs::{CertQuery, CertView};
use chungthu_api::model::LeftReason;
use chungthu_api::model::request::{RequestKind, RequestStatus};
use chungthu_api::requests::{RequestInput, RequestQuery, RequestView};
use clap::Subcommand;

#[derive(Subcommand)]
pub enum RequestCommand {
    /// Đánh dấu một người cần cấp mới, gia hạn, thay đổi thông tin hoặc thu hồi
    Add {
        /// Mã người trong dữ liệu
        #[arg(long, value_name = "ID")]
        staff: i64,
        #[arg(long, value_enum)]
        kind: RequestKind,
        /// Trường hợp thu hồi: transfer (1), retired (2), other (3, cần --detail)
        #[arg(long, value_enum)]
        reason: Option<LeftReason>,
        /// Ghi rõ lý do (trường hợp 3) hoặc nội dung cần thay đổi
        #[arg(long, default_value = "")]
        detail: String,
        /// Mã chứng thư số liên quan (thu hồi: mặc định là chứng thư duy nhất còn dùng được)
        #[arg(long, value_name = "ID")]
        cert: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Danh sách đề nghị
    List {
        #[arg(long, value_enum)]
        status: Option<RequestStatus>,
        #[arg(long)]
        json: bool,
    },
    /// Chuyển một đề nghị sang trạng thái khác
    Move {
        id: i64,
        #[arg(long, value_enum)]
        to: RequestStatus,
        /// Ghi chú (bắt buộc khi bị trả lại)
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        json: bool,
    },
}

/// Runs a `request` subcommand.
pub fn run(api: &mut Api, command: RequestCommand) -> Result<(), Failure> {
    match command {
        RequestCommand::Add { staff, kind, reason, detail, cert, json } => {
            if reason.is_some() && kind != RequestKind::Revocation {
                return Err(Failure::Usage(
                    "--reason chỉ dùng cho đề nghị thu hồi (--kind revocation).".to_owned(),
                ));
            }
            let certificate_id = match (kind, cert) {
                // Without its case the api refuses it anyway, and says so.
                (RequestKind::Revocation, None) if reason.is_some() => {
                    Some(the_usable_certificate(api, staff)?)
                }
                _ => cert,
            };
            let r =
                api.add_request(&RequestInput { staff_id: staff, kind, reason, detail, certificate_id })?;
            if json { print_json(&r) } else { print_one("Đã đánh dấu", &r) }
        }
        RequestCommand::List { status: s, json } => {
            let list = api.list_requests(&RequestQuery { status: s, ..RequestQuery::default() })?;
            if json {
                print_json(&list)
            } else {
                for r in &list {
                    print_one(r.status.label(), r);
                }
                println!("Tổng: {} đề nghị.", list.len());
            }
        }
        RequestCommand::Move { id, to, note, json } => {
            let r = api.move_request(id, to, &note)?;
            if json { print_json(&r) } else { print_one("Đã chuyển sang", &r) }
        }
    }
    Ok(())
}

/// The certificate a revocation without `--cert` is about: the person's
/// only usable one (said on stderr); with none or several, which to take
/// is asked for.
fn the_usable_certificate(api: &Api, staff_id: i64) -> Result<i64, Failure> {
    let query = CertQuery { staff_id: Some(staff_id), ..CertQuery::default() };
    let usable: Vec<CertView> =
        api.list_certificates(&query)?.into_iter().filter(|c| c.status.usable()).collect();
    match usable.as_slice() {
        [only] => {
            eprintln!(
                "Lưu ý — thu hồi chứng thư số duy nhất còn dùng được của {}: mã {} (serial {}, hết hạn {}).",
                only.holder_name, only.id, only.serial_hex, only.valid_to
            );
            Ok(only.id)
        }
        [] => Err(Failure::Usage(format!(
            "Người có mã {staff_id} không có chứng thư số nào còn dùng được để thu hồi. Hãy kiểm tra bằng `chungthu cert list --staff {staff_id}`."
        ))),
        several => {
            let listed: Vec<String> = several
                .iter()
                .map(|c| format!("mã {} (serial {}, hết hạn {})", c.id, c.serial_hex, c.valid_to))
                .collect();
            Err(Failure::Usage(format!(
                "{} có {} chứng thư số còn dùng được: {}. Hãy chọn chứng thư cần thu hồi bằng --cert ID.",
                several[0].holder_name,
                several.len(),
                listed.join("; ")
            )))
        }
    }
}

fn print_one(head: &str, r: &RequestView) {
    println!("{head}: đề nghị {} (mã {}) của {} — {}", r.kind.label(), r.id, r.staff_name, r.status.label());
    for p in &r.missing {
        println!("  còn thiếu — {p}");
    }
}
