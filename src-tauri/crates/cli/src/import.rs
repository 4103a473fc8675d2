//! `chungthu staff import FILE`: the sector database's export into the
//! register, through the same preview and apply as the window.

use crate::{Failure, print_json};
use chungthu_api::Api;
use chungthu_api::import::{FileFormat, ImportProblem, ReconcilePlan};
use chungthu_api::import::{StaffImportOutcome, StaffImportPreview, StaffImportRequest};
use chungthu_api::model::Field;
use clap::Args;
use serde::Serialize;
use std::path::PathBuf;

#[derive(Args)]
pub struct ImportArgs {
    /// Tệp xuất từ CSDL ngành (.xlsx, .xls, .ods, .csv)
    file: PathBuf,
    /// Trang tính cần đọc (mặc định: trang đầu tiên có danh sách cán bộ)
    #[arg(long)]
    sheet: Option<String>,
    /// Chỉ kiểm tra và báo cáo, không ghi gì
    #[arg(long)]
    dry_run: bool,
    /// Khi danh sách đã có người: áp dụng mọi thay đổi đề xuất (thêm, sửa,
    /// đánh dấu đã nghỉ, đưa trở lại); không có cờ này thì chỉ báo cáo
    #[arg(long)]
    apply_reconcile: bool,
    #[arg(long)]
    json: bool,
}

/// The `--json` report (documented in the README).
#[derive(Serialize)]
struct Report<'a> {
    file: &'a str,
    format: FileFormat,
    sheet: &'a str,
    dry_run: bool,
    reconcile: bool,
    applied: bool,
    rows_read: u32,
    importable: u32,
    with_errors: u32,
    #[serde(flatten)]
    outcome: StaffImportOutcome,
    problems: &'a [ImportProblem],
    changes: Vec<Change<'a>>,
}

/// What the reconcile does (or would do) to one person, so that it can be
/// checked before `--apply-reconcile`.
#[derive(Serialize)]
struct Change<'a> {
    kind: ChangeKind,
    /// The person in the register (`null` for a joiner, not added yet).
    staff_id: Option<i64>,
    full_name: &'a str,
    /// Excel row of the person in the export (`null` for a leaver).
    row: Option<u32>,
    /// The fields that change (`updated` only).
    fields: Vec<Field>,
}

#[derive(Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
enum ChangeKind {
    Joined,
    Left,
    Updated,
    Returned,
}

/// Every person the reconcile touches: joiners, leavers, returners, then
/// changed people, each in the export's order.
fn changes(plan: &ReconcilePlan) -> Vec<Change<'_>> {
    let joined = plan.joiners.iter().map(|j| Change {
        kind: ChangeKind::Joined,
        staff_id: None,
        full_name: &j.full_name,
        row: Some(j.row),
        fields: Vec::new(),
    });
    let left = plan.leavers.iter().map(|l| Change {
        kind: ChangeKind::Left,
        staff_id: Some(l.register_id),
        full_name: &l.full_name,
        row: None,
        fields: Vec::new(),
    });
    let returned = plan.returners.iter().map(|r| Change {
        kind: ChangeKind::Returned,
        staff_id: Some(r.register_id),
        full_name: &r.full_name,
        row: Some(r.row),
        fields: Vec::new(),
    });
    let updated = plan.changes.iter().map(|p| Change {
        kind: ChangeKind::Updated,
        staff_id: Some(p.register_id),
        full_name: &p.full_name,
        row: Some(p.row),
        fields: p.changes.iter().map(|c| c.field).collect(),
    });
    joined.chain(left).chain(returned).chain(updated).collect()
}

/// Runs `staff import`.
pub fn run(api: &mut Api, args: ImportArgs) -> Result<(), Failure> {
    let request =
        StaffImportRequest { path: args.file.display().to_string(), sheet: args.sheet, mapping: None };
    let read = api.import_setup()?.read(&request, &mut |_| {})?;
    let preview = api.import_preview_of(&read)?;
    let writes = !args.dry_run && (preview.first_import || args.apply_reconcile);
    let outcome = if writes {
        api.import_apply_of(&read, &preview.accept_all(), &mut |_| {})?
    } else {
        preview.outcome_if_all_accepted()
    };
    let report = Report {
        file: &preview.file_name,
        format: preview.format,
        sheet: &preview.sheet,
        dry_run: args.dry_run,
        reconcile: !preview.first_import,
        applied: writes,
        rows_read: preview.counts.rows,
        importable: preview.counts.importable,
        with_errors: preview.counts.with_errors,
        outcome,
        problems: &preview.problems,
        changes: preview.plan.as_ref().map(changes).unwrap_or_default(),
    };
    if args.json {
        print_json(&report);
    } else {
        print_text(&report, &preview);
    }
    Ok(())
}

fn print_text(r: &Report<'_>, preview: &StaffImportPreview) {
    println!("Tệp {} — trang tính “{}”: đọc {} dòng.", r.file, r.sheet, r.rows_read);
    for p in r.problems {
        let kind = if p.is_error() { "Lỗi (không nhập)" } else { "Cần kiểm tra" };
        println!("  {kind} — {p}");
    }
    let o = &r.outcome;
    let verb = if r.applied { "Đã" } else { "Sẽ" };
    println!(
        "{verb} thêm {} người, cập nhật {} người, đánh dấu đã nghỉ {} người, đưa trở lại {} người; {} người không đổi.",
        o.added, o.updated, o.left, o.returned, o.unchanged
    );
    for c in &r.changes {
        let what = match c.kind {
            ChangeKind::Joined => "Thêm",
            ChangeKind::Left => "Đánh dấu đã nghỉ",
            ChangeKind::Returned => "Đưa trở lại",
            ChangeKind::Updated => "Cập nhật",
        };
        let who = match (c.staff_id, c.row) {
            (Some(id), Some(row)) => format!("mã {id}, dòng {row}"),
            (Some(id), None) => format!("mã {id}"),
            (None, Some(row)) => format!("dòng {row}"),
            (None, None) => String::new(),
        };
        let fields: Vec<&str> = c.fields.iter().map(|f| f.label()).collect();
        if fields.is_empty() {
            println!("  {what}: {} ({who})", c.full_name);
        } else {
            println!("  {what}: {} ({who}) — {}", c.full_name, fields.join(", "));
        }
    }
    if !r.applied {
        if r.dry_run {
            println!("Chạy thử (--dry-run): chưa ghi gì.");
        } else if preview.first_import {
            println!("Chưa ghi gì.");
        } else {
            println!(
                "Danh sách đã có người: chưa ghi gì. Thêm --apply-reconcile để áp dụng các thay đổi trên."
            );
        }
    }
}
