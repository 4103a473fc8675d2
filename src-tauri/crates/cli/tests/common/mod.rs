//! What every CLI test needs: run `chungthu` on a given database and read its
//! JSON. Each test binary uses what it needs of it.
#![allow(dead_code)]

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// The date the CLI's "today" is pinned to: the answers (certificate
/// status, days left, ages) must not change with the real date.
pub const TODAY: &str = "2026-06-15";

/// The real binary on `db`, ignoring any `CHUNGTHU_DB` of the caller, on [`TODAY`].
pub fn chungthu(db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_chungthu"));
    command.arg("--db").arg(db).env_remove("CHUNGTHU_DB").env("CHUNGTHU_TODAY", TODAY);
    command
}

/// Runs the real binary on `db` (see [`chungthu`]).
pub fn run(db: &Path, args: &[&str]) -> Output {
    chungthu(db).args(args).output().expect("run chungthu")
}

/// The JSON on stdout of a run that must have succeeded.
pub fn json(out: &Output) -> Value {
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}
