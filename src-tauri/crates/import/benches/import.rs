//! Times the import of a large export against calamine's bare read and
//! openpyxl, in one run, and writes the numbers to
//! `target/bench/import.json`.
//!
//! ```text
//! python3 tests/fixtures/make_fixtures.py --big ../../../target/bench/big_export.xlsx
//! cargo bench -p chungthu-import --bench import [-- FILE.xlsx]
//! ```
//!
//! Stages are a list so an integrator can append one (e.g. import plus the
//! database write) and get its ratio to the bare read the same way.

use calamine::{DataRef, Reader, Xlsx};
use chungthu_import::{ImportOptions, import_bytes};
use chungthu_model::VnDate;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Timed runs per stage; the fastest counts (the machine is shared).
const RUNS: usize = 5;

/// A step's work: reads the file's bytes, returns how many items it saw.
type Run = Box<dyn Fn(&[u8]) -> Result<usize, String>>;

/// One measured step.
struct Stage {
    name: &'static str,
    run: Run,
}

fn main() {
    let target = target_dir();
    let file = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map_or_else(|| target.join("bench/big_export.xlsx"), PathBuf::from);
    if !file.exists() {
        eprintln!("{} is missing; make it with: make_fixtures.py --big {}", file.display(), file.display());
        std::process::exit(2);
    }
    let bytes = std::fs::read(&file).expect("read the benchmark file");
    let sheet = "Danh sách".to_owned();
    let today = VnDate::from_ymd(2026, 3, 1).expect("a valid date");

    let stages = vec![
        Stage { name: "calamine_cells_reader", run: Box::new(move |b| bare_read(b, &sheet)) },
        Stage {
            name: "import_read_map_validate",
            run: Box::new(move |b| {
                let report = import_bytes(b, &ImportOptions::new(today)).map_err(|e| e.to_string())?;
                Ok(report.counts.importable as usize)
            }),
        },
    ];

    let mut results = Vec::new();
    for stage in &stages {
        let mut best = Duration::MAX;
        let mut items = 0;
        for _ in 0..RUNS {
            let start = Instant::now();
            items = (stage.run)(&bytes).unwrap_or_else(|e| panic!("{}: {e}", stage.name));
            best = best.min(start.elapsed());
        }
        println!("{:<28} {:>8.3} s  ({items} items)", stage.name, best.as_secs_f64());
        results.push((stage.name, best.as_secs_f64(), items));
    }
    let openpyxl = openpyxl_seconds(&file);
    match openpyxl {
        Some(s) => println!("{:<28} {s:>8.3} s", "openpyxl_read_only"),
        None => println!("openpyxl_read_only: python3 with openpyxl not available, skipped"),
    }

    let bare = results[0].1;
    let full = results[1].1;
    println!("import / calamine bare read: {:.2}x (target <= 1.5x)", full / bare);
    if let Some(py) = openpyxl {
        println!("openpyxl / import: {:.1}x faster (target >= 10x)", py / full);
    }

    let stages_json: Vec<serde_json::Value> = results
        .iter()
        .map(|(name, secs, items)| {
            serde_json::json!({"name": name, "seconds": secs, "items": items, "ratio_to_bare": secs / bare})
        })
        .collect();
    let json = serde_json::json!({
        "file": file.display().to_string(),
        "bytes": bytes.len(),
        "runs": RUNS,
        "stages": stages_json,
        "openpyxl_seconds": openpyxl,
        "openpyxl_over_import": openpyxl.map(|py| py / full),
    });
    let out = target.join("bench/import.json");
    std::fs::create_dir_all(out.parent().expect("bench dir")).expect("create target/bench");
    std::fs::write(&out, serde_json::to_string_pretty(&json).expect("json")).expect("write the results");
    println!("written {}", out.display());
}

/// calamine alone: open, stream every cell of the sheet, touch its value.
fn bare_read(bytes: &[u8], sheet: &str) -> Result<usize, String> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut reader = book.worksheet_cells_reader(sheet).map_err(|e| e.to_string())?;
    let mut cells = 0;
    while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
        if !matches!(cell.get_value(), DataRef::Empty) {
            cells += 1;
        }
    }
    Ok(cells)
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

/// The workspace's target directory.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../target"), PathBuf::from)
}
