//! `chungthu provider …`: the catalogue of certificate providers and the
//! issuer-name fragments that recognise their certificate files.

use crate::{Failure, print_json};
use chungthu_api::certs::ProviderInput;
use chungthu_api::model::provider::{CertKind, Provider};
use chungthu_api::{Api, ApiError};
use clap::{Args, Subcommand};

#[derive(Subcommand)]
pub enum ProviderCommand {
    /// Danh mục nhà cung cấp: chuyên dùng trước, rồi theo tên viết tắt
    List {
        #[arg(long)]
        json: bool,
    },
    /// Thêm một nhà cung cấp
    Add {
        #[command(flatten)]
        fields: ProviderArgs,
        /// Thêm dấu hiệu nhận biết (có thể nêu nhiều lần)
        #[arg(long = "fragment", value_name = "TEXT")]
        fragments: Vec<String>,
    },
    /// Sửa một nhà cung cấp (chỉ các mục được nêu)
    Edit {
        /// Mã nhà cung cấp (cột "Mã" của `provider list`)
        id: i64,
        #[command(flatten)]
        fields: ProviderArgs,
        /// Thay toàn bộ dấu hiệu nhận biết bằng các dấu hiệu này (có thể nêu
        /// nhiều lần; --fragment "" để xoá hết)
        #[arg(long = "fragment", value_name = "TEXT", conflicts_with = "add_fragments")]
        fragments: Vec<String>,
        /// Thêm dấu hiệu nhận biết, giữ các dấu hiệu đã có (có thể nêu nhiều lần)
        #[arg(long = "add-fragment", value_name = "TEXT")]
        add_fragments: Vec<String>,
    },
}

#[derive(Args)]
pub struct ProviderArgs {
    /// Tên đầy đủ, như cột "Đơn vị cung cấp" của danh sách thu hồi
    #[arg(long)]
    name: Option<String>,
    /// Tên viết tắt, ví dụ VNPT-CA ("" hoặc bỏ trống khi thêm: lấy tên đầy đủ)
    #[arg(long)]
    short_name: Option<String>,
    /// specialised: chuyên dùng (Ban Cơ yếu Chính phủ); public: công cộng (mặc định khi thêm)
    #[arg(long, value_enum)]
    kind: Option<CertKind>,
    #[arg(long)]
    json: bool,
}

/// Runs a `provider` subcommand.
pub fn run(api: &mut Api, command: ProviderCommand) -> Result<(), Failure> {
    match command {
        ProviderCommand::List { json } => {
            let providers = api.providers()?;
            if json { print_json(&providers) } else { print_providers(&providers) }
        }
        ProviderCommand::Add { fields, fragments } => {
            // A missing name goes to the api, which says so in Vietnamese.
            let input = ProviderInput {
                name: fields.name.clone().unwrap_or_default(),
                short_name: fields.short_name.clone().unwrap_or_default(),
                kind: fields.kind.unwrap_or(CertKind::Public),
                issuer_fragments: fragments.join("\n"),
            };
            let saved = api.add_provider(&input)?;
            if fields.json {
                print_json(&saved)
            } else {
                println!("Đã thêm nhà cung cấp {} (mã {}).", saved.short_name, saved.id)
            }
        }
        ProviderCommand::Edit { id, fields, fragments, add_fragments } => {
            let saved = api
                .change_provider(id, |p| {
                    if let Some(name) = &fields.name {
                        p.name.clone_from(name);
                    }
                    // Left out: kept; "" gives the full name, as in the window.
                    if let Some(short_name) = &fields.short_name {
                        p.short_name.clone_from(short_name);
                    }
                    if let Some(kind) = fields.kind {
                        p.kind = kind;
                    }
                    if !fragments.is_empty() {
                        p.issuer_fragments = fragments.join("\n");
                    }
                    for added in &add_fragments {
                        p.issuer_fragments = format!("{}\n{added}", p.issuer_fragments);
                    }
                })
                .map_err(|e| match e {
                    ApiError::NotFound(message) => {
                        Failure::Usage(format!("{message} Xem các mã bằng `chungthu provider list`."))
                    }
                    e => e.into(),
                })?;
            if fields.json {
                print_json(&saved)
            } else {
                println!("Đã lưu nhà cung cấp {} (mã {}).", saved.short_name, saved.id)
            }
        }
    }
    Ok(())
}

fn print_providers(providers: &[Provider]) {
    println!("{:>4}  {:<13} {:<12} {:<8} Tên đầy đủ", "Mã", "Tên viết tắt", "Loại", "Nguồn");
    for p in providers {
        let origin = if p.builtin { "có sẵn" } else { "tự thêm" };
        println!("{:>4}  {:<13} {:<12} {:<8} {}", p.id, p.short_name, p.kind.label(), origin, p.name);
        if p.issuer_fragments.is_empty() {
            println!("      Dấu hiệu nhận biết: chưa có (không tự nhận ra từ tệp chứng thư số)");
        } else {
            println!("      Dấu hiệu nhận biết: {}", p.issuer_fragments.join(" · "));
        }
    }
    println!("Tổng: {} nhà cung cấp.", providers.len());
}
