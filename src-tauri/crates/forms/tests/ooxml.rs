//! Every file the crate writes, checked by `openxml-audit` (the pure-Python
//! port of the Open XML SDK validator, the rules Word's own toolkit
//! applies) for Office 2016 and Microsoft 365: every kind of Word list with
//! one row, a page's worth and several pages, very long names, and the
//! Excel list. Any finding fails: schema, semantic, package, and the tool's
//! Word "app-compat" heuristics (python-docx's default template has two of
//! those, about its stylesWithEffects part; these files have none).
//!
//! `OOXML_AUDIT_PYTHON` names the Python of a virtual environment with the
//! pinned `openxml-audit` (scripts/ooxml-audit-requirements.txt);
//! scripts/test.sh makes it and sets it, so there this test always runs.
//! A plain `cargo test` without it says so and checks nothing here.

mod common;

use chungthu_forms::{DateLine, Form, build_docx, certificates_xlsx};
use chungthu_model::VnDate;
use common::Gen;
use std::path::{Path, PathBuf};
use std::process::Command;

const FORMATS: [&str; 2] = ["office2016", "microsoft365"];

/// The files to check: (name, bytes).
fn files() -> Vec<(String, Vec<u8>)> {
    let unit = common::unit();
    let date = DateLine::Today(VnDate::from_ymd(2026, 11, 23).unwrap());
    let mut g = Gen::new(13);
    let mut files = Vec::new();
    for n in [1, 23, 60] {
        let email = g.email_request(n);
        let forms = [
            ("issuance", Form::Issuance((0..n).map(|_| g.issuance()).collect())),
            ("revocation", Form::Revocation((0..n).map(|_| g.revocation()).collect())),
            ("renewal", Form::Renewal((0..n).map(|_| g.cert_change()).collect())),
            ("change_info", Form::ChangeInfo((0..n).map(|_| g.cert_change()).collect())),
            ("certificates_in_use", Form::CertificatesInUse((0..n).map(|_| g.certificate()).collect())),
            ("email_request", Form::EmailRequest(email)),
        ];
        for (kind, form) in forms {
            files.push((format!("{kind}-{n}.docx"), build_docx(&form, &unit, date).unwrap()));
        }
        let certificates: Vec<_> = (0..n).map(|_| g.certificate()).collect();
        files.push((format!("certificates-{n}.xlsx"), certificates_xlsx(&certificates).unwrap()));
    }
    // Names and a unit name far longer than a cell, undated.
    let mut unit_long = unit.clone();
    unit_long.unit_name = "Trường Trung học cơ sở và Trung học phổ thông Nguyễn Bỉnh Khiêm ".repeat(3);
    let mut rows: Vec<_> = (0..3).map(|_| g.issuance()).collect();
    rows[0].full_name = "Tôn Nữ Hoàng Thị Ngọc Diễm Phương Quỳnh Như Ý".to_owned();
    files.push((
        "issuance-long.docx".to_owned(),
        build_docx(&Form::Issuance(rows), &unit_long, DateLine::Blank).unwrap(),
    ));
    files
}

/// The tool's findings for `paths` under `format`, one line each.
fn findings(python: &Path, format: &str, paths: &[PathBuf]) -> Vec<String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ooxml_audit.py");
    let out = Command::new(python)
        .arg(&script)
        .arg(format)
        .args(paths)
        .output()
        .unwrap_or_else(|e| panic!("OOXML_AUDIT_PYTHON={} cannot be run: {e}", python.display()));
    assert!(out.status.success(), "openxml-audit failed: {}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the script prints JSON");
    let files = report.as_array().expect("one entry per file");
    assert_eq!(files.len(), paths.len(), "every file was checked");
    files
        .iter()
        .flat_map(|file| {
            let name =
                Path::new(file["file"].as_str().unwrap()).file_name().unwrap().to_string_lossy().into_owned();
            file["findings"].as_array().unwrap().iter().map(move |f| {
                format!(
                    "{format} {name} [{} {}] {} {}: {}",
                    f["type"], f["source"], f["part"], f["path"], f["description"]
                )
            })
        })
        .collect()
}

#[test]
fn every_word_and_excel_file_passes_the_open_xml_validator() {
    let Some(python) = std::env::var_os("OOXML_AUDIT_PYTHON").map(PathBuf::from) else {
        eprintln!(
            "SKIPPED: OOXML_AUDIT_PYTHON is not set (scripts/test.sh sets it to a virtual environment with openxml-audit)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (name, bytes) in files() {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        paths.push(path);
    }
    let all: Vec<String> = FORMATS.iter().flat_map(|format| findings(&python, format, &paths)).collect();
    assert!(all.is_empty(), "{} findings, e.g.:\n{}", all.len(), all[..all.len().min(20)].join("\n"));
}
