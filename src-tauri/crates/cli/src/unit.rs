//! `chungthu unit …`: the school's details.

use crate::{Failure, print_json};
use chungthu_api::Api;
use chungthu_api::model::unit::{SignerRole, Unit};
use clap::{Args, Subcommand};

#[derive(Subcommand)]
pub enum UnitCommand {
    /// Xem thông tin đơn vị
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Sửa thông tin đơn vị (chỉ các mục được nêu)
    Set(UnitArgs),
}

#[derive(Args)]
pub struct UnitArgs {
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
    signer_role: Option<SignerRole>,
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

/// Runs a `unit` subcommand.
pub fn run(api: &mut Api, command: UnitCommand) -> Result<(), Failure> {
    match command {
        UnitCommand::Show { json } => {
            let unit = api.unit()?;
            if json { print_json(&unit) } else { print_unit(&unit) }
        }
        UnitCommand::Set(args) => {
            let unit = api.change_unit(|u| apply_unit(u, &args))?;
            if args.json { print_json(&unit) } else { print_unit(&unit) }
        }
    }
    Ok(())
}

fn apply_unit(u: &mut Unit, a: &UnitArgs) {
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
        u.signer_role = role;
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
