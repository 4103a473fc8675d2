//! What every CLI test needs: run `chungthu` on a given database and read its
//! JSON. Each test binary uses what it needs of it.
#![allow(dead_code)]

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// Runs the real binary on `db`, ignoring any `CHUNGTHU_DB` of the caller.
pub fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chungthu"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("CHUNGTHU_DB")
        .output()
        .expect("run chungthu")
}

/// The JSON on stdout of a run that must have succeeded.
pub fn json(out: &Output) -> Value {
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}
