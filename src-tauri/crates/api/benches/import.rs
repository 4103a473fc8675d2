//! The issue's measure, in one run: importing a 50,000-row export into a
//! fresh database through the api (read, validate, compare, write: what
//! `chungthu staff import` does) against calamine's bare read of the same
//! file and against openpyxl in read-only mode. Writes
//! `target/bench/import-api.json`.
//!
//! ```text
//! cargo bench -p chungthu-api --bench import [-- FILE.xlsx]
//! ```
//!
//! Without a file it makes `target/bench/big_export.xlsx` with the import
//! crate's fixture generator (python3 with openpyxl).

use calamine::{DataRef, Reader, Xlsx};
use chungthu_api::Api;
use chungthu_api::import::StaffImportRequest;
use chungthu_api::model::VnDate;
use chungthu_import::{ImportOptions, import_bytes};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Timed runs per stage; the fastest counts (the machine is shared).
const RUNS: usize = 5;
const ROWS: u32 = 50_000;
const SHEET: &str = "Danh sách";

fn today() -> VnDate {
    VnDate::from_ymd(2026, 3, 1).expect("a real date")
}

fn main() {
    let target = target_dir();
    let file = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map_or_else(|| target.join("bench/big_export.xlsx"), PathBuf::from);
    if !file.exists() {
        make_big_export(&file);
    }
    let bytes = std::fs::read(&file).expect("read the benchmark file");

    let bare = best("calamine_bare_read", || timed(|| bare_read(&bytes)));
    let read = best("import_read_validate", || {
        timed(|| {
            import_bytes(&bytes, &ImportOptions::new(today())).expect("import").counts.importable as usize
        })
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let mut run = 0;
    let full = best("api_import_into_fresh_db", || {
        run += 1;
        full_import(&file, &dir.path().join(format!("run{run}.db")))
    });
    let openpyxl = openpyxl_seconds(&file);
    match openpyxl {
        Some(s) => println!("{:<28} {s:>8.3} s", "openpyxl_read_only"),
        None => println!("openpyxl_read_only: python3 with openpyxl not available, skipped"),
    }

    let ratio_bare = full.0 / bare.0;
    println!("full import / calamine bare read: {ratio_bare:.2}x (target <= 1.5x)");
    println!("import read+validate / calamine bare read: {:.2}x", read.0 / bare.0);
    if let Some(py) = openpyxl {
        println!("openpyxl / full import: {:.1}x faster (target >= 10x)", py / full.0);
    }
    let stage = |name: &str, (secs, items): (f64, usize)| serde_json::json!({"name": name, "seconds": secs, "items": items, "ratio_to_bare": secs / bare.0});
    let json = serde_json::json!({
        "file": file.display().to_string(),
        "bytes": bytes.len(),
        "runs": RUNS,
        "profile": if cfg!(debug_assertions) { "debug" } else { "release" },
        "stages": [
            stage("calamine_bare_read", bare),
            stage("import_read_validate", read),
            stage("api_import_into_fresh_db", full),
        ],
        "openpyxl_seconds": openpyxl,
        "full_over_bare": ratio_bare,
        "openpyxl_over_full": openpyxl.map(|py| py / full.0),
        "targets": {"full_over_bare_max": 1.5, "openpyxl_over_full_min": 10.0},
    });
    let out = target.join("bench/import-api.json");
    std::fs::create_dir_all(out.parent().expect("bench dir")).expect("create target/bench");
    std::fs::write(&out, serde_json::to_string_pretty(&json).expect("json")).expect("write the results");
    println!("written {}", out.display());
}

/// The fastest of [`RUNS`] runs (each timing itself), with what it counted.
fn best(name: &str, mut run: impl FnMut() -> (Duration, usize)) -> (f64, usize) {
    let mut fastest = Duration::MAX;
    let mut items = 0;
    for _ in 0..RUNS {
        let (took, counted) = run();
        fastest = fastest.min(took);
        items = counted;
    }
    println!("{name:<28} {:>8.3} s  ({items} items)", fastest.as_secs_f64());
    (fastest.as_secs_f64(), items)
}

fn timed(run: impl FnOnce() -> usize) -> (Duration, usize) {
    let start = Instant::now();
    let items = run();
    (start.elapsed(), items)
}

/// What `chungthu staff import FILE` does on an empty register: read the
/// file from disk, preview, apply (one transaction, committed). Creating the
/// database is not counted.
fn full_import(file: &Path, db: &Path) -> (Duration, usize) {
    let mut api = Api::open(db).expect("open a fresh database").with_today(today);
    let start = Instant::now();
    let request = StaffImportRequest { path: file.display().to_string(), ..StaffImportRequest::default() };
    let read = api.import_setup().expect("setup").read(&request, &mut |_| {}).expect("read");
    let preview = api.import_preview_of(&read).expect("preview");
    let outcome = api.import_apply_of(&read, &preview.accept_all(), &mut |_| {}).expect("apply");
    let took = start.elapsed();
    assert_eq!(outcome.added, preview.counts.importable, "every importable row is written");
    (took, outcome.added as usize)
}

/// calamine alone: open, stream every cell of the sheet, touch its value.
fn bare_read(bytes: &[u8]) -> usize {
    let mut book = Xlsx::new(Cursor::new(bytes)).expect("xlsx");
    let mut reader = book.worksheet_cells_reader(SHEET).expect("sheet");
    let mut cells = 0;
    while let Some(cell) = reader.next_cell().expect("cell") {
        if !matches!(cell.get_value(), DataRef::Empty) {
            cells += 1;
        }
    }
    cells
}

/// openpyxl read-only over the same file, timed inside Python so the
/// interpreter's start-up is not counted against it.
fn openpyxl_seconds(file: &Path) -> Option<f64> {
    let script = r#"
import sys, time
from openpyxl import load_workbook
best = None
for _ in range(2):
    start = time.perf_counter()
    wb = load_workbook(sys.argv[1], read_only=True)
    n = sum(1 for row in wb["Danh sách"].iter_rows(values_only=True) for v in row if v is not None)
    wb.close()
    t = time.perf_counter() - start
    best = t if best is None else min(best, t)
print(best)
"#;
    let out = Command::new("python3").arg("-c").arg(script).arg(file).output().ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

fn make_big_export(file: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../import/tests/fixtures/make_fixtures.py");
    std::fs::create_dir_all(file.parent().expect("a folder")).expect("create the folder");
    let status = Command::new("python3")
        .arg(script)
        .arg("--big")
        .arg(file)
        .arg(ROWS.to_string())
        .status()
        .expect("run python3");
    assert!(status.success(), "make_fixtures.py --big needs python3 with openpyxl");
}

/// The workspace's target directory.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../target"), PathBuf::from)
}
