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

/// A fixture file of another crate of the workspace, as an argument.
pub fn fixture(krate: &str, name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(krate)
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// `staff add --json` of a person with a birth date, a CCCD issued on
/// 10/05/2021 and a phone number, plus the `extra` flags.
pub fn add_staff(db: &Path, name: &str, birth: &str, cccd: &str, phone: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "staff",
        "add",
        "--name",
        name,
        "--birth-date",
        birth,
        "--cccd",
        cccd,
        "--cccd-issued-on",
        "10/05/2021",
        "--phone",
        phone,
        "--json",
    ];
    args.extend_from_slice(extra);
    run(db, &args)
}

/// Adds Nguyễn Thị Hương, whose CCCD is the one in the certs crate's
/// huong.cer, with everything her forms need; returns her id.
pub fn add_huong(db: &Path) -> String {
    let extra = ["--gender", "nu", "--position", "Giáo viên"];
    let out = add_staff(db, "Nguyễn Thị Hương", "05/03/1985", "031185001234", "0912345678", &extra);
    json(&out)["id"].to_string()
}
