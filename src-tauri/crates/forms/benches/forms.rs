//! Benchmark (not a test): builds a 5,000-row issuance list with
//! chungthu-forms and the same table with python-docx, in the same run, and
//! writes the times, ratio and file sizes to `target/bench-forms.json`.
//!
//! Run: `cargo bench -p chungthu-forms` (release build). Needs `python3`
//! with `python-docx`; without it only the Rust numbers are reported.

#[path = "../tests/common/mod.rs"]
mod common;

use chungthu_forms::{DateLine, Form, build_docx};
use chungthu_model::VnDate;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

const ROWS: usize = 5_000;
const RUNS: usize = 5;

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../target"))
}

fn main() {
    let mut generator = common::Gen::new(2026);
    let rows: Vec<_> = (0..ROWS).map(|_| generator.issuance()).collect();
    let unit = common::unit();
    let date = DateLine::Today(VnDate::from_ymd(2026, 11, 23).expect("a real day"));
    let form = Form::Issuance(rows.clone());

    let mut times = Vec::with_capacity(RUNS);
    let mut bytes = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        bytes = build_docx(&form, &unit, date).expect("the benchmark form builds");
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let rust_seconds = times[RUNS / 2];

    let dir = target_dir().join("bench-forms");
    std::fs::create_dir_all(&dir).expect("target dir is writable");
    std::fs::write(dir.join("rust.docx"), &bytes).expect("write rust.docx");
    // Python gets the printed cells, so it only builds the document.
    let cells: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                (i + 1).to_string(),
                r.full_name.clone(),
                r.birth_date.to_string(),
                r.position.clone(),
                r.unit.clone(),
                r.id_number.as_str().to_owned(),
                r.id_issued_on.map(|d| d.to_string()).unwrap_or_default(),
                r.phone.as_ref().map(|p| p.as_str().to_owned()).unwrap_or_default(),
            ]
        })
        .collect();
    let json_rows = dir.join("rows.json");
    std::fs::write(&json_rows, serde_json::to_vec(&cells).expect("cells serialise"))
        .expect("write rows.json");
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/python_docx_issuance.py");
    let python = Command::new("python3").arg(&script).arg(&json_rows).arg(dir.join("python.docx")).output();
    let python: Option<serde_json::Value> = match python {
        Ok(out) if out.status.success() => serde_json::from_slice(&out.stdout).ok(),
        Ok(out) => {
            eprintln!("python-docx failed: {}", String::from_utf8_lossy(&out.stderr));
            None
        }
        Err(e) => {
            eprintln!("python3 not runnable: {e}");
            None
        }
    };
    let python_seconds = python.as_ref().and_then(|p| p["seconds"].as_f64());
    let report = serde_json::json!({
        "rows": ROWS,
        "rust_seconds_median": rust_seconds,
        "rust_seconds_all": times,
        "rust_bytes": bytes.len(),
        "python_docx_seconds": python_seconds,
        "python_docx_bytes": python.as_ref().and_then(|p| p["bytes"].as_u64()),
        "ratio_python_over_rust": python_seconds.map(|p| p / rust_seconds),
        "targets": { "rust_seconds_below": 1.0, "ratio_at_least": 10.0, "rust_bytes_below": 1_000_000 },
    });
    let text = serde_json::to_string_pretty(&report).expect("report serialises");
    std::fs::write(target_dir().join("bench-forms.json"), &text).expect("write bench-forms.json");
    println!("{text}");
}
