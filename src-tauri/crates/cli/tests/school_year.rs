//! A school's first day and a later update with the real `chungthu` binary,
//! checking the data after every step. It runs on Linux and, built for
//! Windows, under Wine (scripts/test-windows.sh), where it is the only
//! place the Windows program's whole flow is exercised: backups through
//! Windows' file API, folders with Vietnamese letters and spaces, the
//! Credential Manager, and a Word file another process holds open.

mod common;

use common::{add_huong, chungthu, fixture, json, run};

use serde_json::Value;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn people(db: &Path, status: &str) -> Vec<Value> {
    json(&run(db, &["staff", "list", "--status", status, "--json"])).as_array().expect("a list").clone()
}

fn names(list: &[Value]) -> Vec<String> {
    list.iter().map(|p| p["full_name"].as_str().expect("a name").to_owned()).collect()
}

fn import(db: &Path, file: &str, flags: &[&str]) -> Value {
    let mut args = vec!["staff", "import", file, "--json"];
    args.extend_from_slice(flags);
    json(&run(db, &args))
}

/// added, updated, unchanged, left of an import report.
fn counts(report: &Value) -> [u64; 4] {
    ["added", "updated", "unchanged", "left"].map(|k| report[k].as_u64().expect(k))
}

fn backups(db: &Path) -> Vec<Value> {
    json(&run(db, &["backup", "list", "--json"]))["items"].as_array().expect("items").clone()
}

fn sha256(path: &Path) -> String {
    Sha256::digest(std::fs::read(path).expect("read")).iter().map(|b| format!("{b:02x}")).collect()
}

fn export(db: &Path, kind: &str, out: &Path) -> Value {
    json(&run(db, &["export", kind, "--out", out.to_str().expect("UTF-8"), "--date", "blank", "--json"]))
}

/// `chungthu mail password` with the password on stdin, as a script gives it.
fn store_password(db: &Path, password: &str, scratch: &Path) -> Output {
    let mut child = chungthu(db)
        .args(["mail", "password"])
        // Linux: no session bus, so no Secret Service (as on a bare server).
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("XDG_RUNTIME_DIR", scratch)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run chungthu");
    child.stdin.take().expect("stdin").write_all(format!("{password}\n").as_bytes()).expect("write");
    child.wait_with_output().expect("wait")
}

#[test]
fn a_school_first_day_and_a_later_update() {
    let scratch = tempfile::tempdir().unwrap();
    let home: PathBuf = scratch.path().join("Hồ sơ chứng thư số").join("Trường THCS Hoa Phượng");
    std::fs::create_dir_all(&home).unwrap();
    let db = home.join("chungthu.db");
    let lists = home.join("Danh sách gửi Sở").join("Tháng 12 năm 2026");
    std::fs::create_dir_all(&lists).unwrap();

    // Unit settings.
    json(&run(
        &db,
        &[
            "unit",
            "set",
            "--name",
            "Trường THCS Hoa Phượng",
            "--managing-body",
            "UBND phường Lê Chân",
            "--place",
            "Hải Phòng",
            "--signer-name",
            "Nguyễn Văn Hùng",
            "--signer-role",
            "principal",
            "--focal-name",
            "Phan Thị Diệu Linh",
            "--focal-email",
            "vanthu@thcs-hoaphuong.edu.vn",
            "--json",
        ],
    ));
    let unit = json(&run(&db, &["unit", "show", "--json"]));
    assert_eq!(
        (unit["name"].as_str(), unit["signer_role"].as_str()),
        (Some("Trường THCS Hoa Phượng"), Some("principal"))
    );

    // The sector's old .xls export: the 16 rows without errors come in, each
    // import backed up first (the step that failed on Windows).
    let first = import(&db, &fixture("import", "export.xls"), &[]);
    assert_eq!((first["format"].as_str(), first["applied"].as_bool()), (Some("xls"), Some(true)));
    assert_eq!((first["rows_read"].as_u64(), first["added"].as_u64()), (Some(20), Some(16)));
    let active = people(&db, "active");
    assert_eq!(active.len(), 16);
    assert!(names(&active).contains(&"Mai Xuân Trường".to_owned()), "the NFD name comes out NFC");
    let found = json(&run(&db, &["staff", "list", "--search", "mai xuan truong", "--json"]));
    assert_eq!(found.as_array().map(Vec::len), Some(1), "found without diacritics");
    let taken = backups(&db);
    assert_eq!(taken.len(), 1, "the import's backup");
    assert!(taken[0]["file_name"].as_str().unwrap().ends_with("-truoc-khi-nhap.db"));
    assert!(home.join("backups").join(taken[0]["file_name"].as_str().unwrap()).is_file());

    // The corrected .xlsx export brings in the four rows the .xls had wrong.
    let corrected = fixture("import", "export_clean.xlsx");
    let report = import(&db, &corrected, &[]);
    assert_eq!((report["reconcile"].as_bool(), report["applied"].as_bool()), (Some(true), Some(false)));
    assert_eq!(people(&db, "active").len(), 16, "a reconcile is only reported without --apply-reconcile");
    let applied = import(&db, &corrected, &["--apply-reconcile"]);
    assert_eq!((applied["format"].as_str(), applied["applied"].as_bool()), (Some("xlsx"), Some(true)));
    assert_eq!(applied["added"], 4);
    assert_eq!(people(&db, "active").len(), 20);

    // The clerk types in one person by hand; her certificate file matches her CCCD.
    let huong_id = add_huong(&db);
    let certs = json(&run(&db, &["cert", "import", &fixture("certs", "huong.cer"), "--json"]));
    assert_eq!((certs[0]["status"].as_str(), certs[0]["match"].as_str()), (Some("added"), Some("cccd")));
    let held = json(&run(&db, &["cert", "list", "--staff", &huong_id, "--json"]));
    assert_eq!(held[0]["serial_hex"], "8A3C5E7F00112233445566778899AABB");
    let cert_id = held[0]["id"].to_string();

    // Requests: a new certificate for a teacher, and Hương's revoked as she moves school.
    let nam = active_id(&db, "Lý Hoàng Nam");
    json(&run(&db, &["request", "add", "--staff", &nam, "--kind", "issuance", "--json"]));
    json(&run(
        &db,
        &[
            "request",
            "add",
            "--staff",
            &huong_id,
            "--kind",
            "revocation",
            "--reason",
            "transfer",
            "--cert",
            &cert_id,
            "--json",
        ],
    ));
    let marked = json(&run(&db, &["request", "list", "--status", "marked", "--json"]));
    assert_eq!(marked.as_array().map(Vec::len), Some(2));

    // The two lists, into a folder with Vietnamese letters and spaces.
    let issuance = lists.join("Danh sách đề nghị cấp CTS.docx");
    let revocation = lists.join("Danh sách đề nghị thu hồi CTS.docx");
    let issued = export(&db, "issuance", &issuance);
    assert_eq!(issued["rows"], 1);
    assert_eq!(issued["sha256"], sha256(&issuance), "the file on disk is the one recorded");
    let revoked = export(&db, "revocation", &revocation);
    assert_eq!(revoked["rows"], 1);
    assert_eq!(revoked["sha256"], sha256(&revocation));
    let exported = json(&run(&db, &["request", "list", "--status", "exported", "--json"]));
    assert_eq!(exported.as_array().map(Vec::len), Some(2), "both requests moved to exported");

    // Backup, a mistake, and the restore that undoes it.
    let manual = json(&run(&db, &["backup", "now", "--json"]));
    let manual_name = manual["file_name"].as_str().unwrap().to_owned();
    assert!(manual_name.ends_with("-thu-cong.db"), "{manual_name}");
    assert_eq!(
        (manual["content"]["staff"].as_u64(), manual["content"]["certificates"].as_u64()),
        (Some(21), Some(1))
    );
    json(&run(&db, &["staff", "add", "--name", "Người Nhập Nhầm", "--json"]));
    assert_eq!(people(&db, "all").len(), 22);
    let restored = json(&run(&db, &["backup", "restore", &manual_name, "--json"]));
    assert_eq!(restored["restored"]["file_name"], manual_name.as_str());
    assert_eq!(restored["undo"]["content"]["staff"], 22, "the data before the restore was backed up");
    assert_eq!(people(&db, "all").len(), 21);
    assert!(!names(&people(&db, "all")).contains(&"Người Nhập Nhầm".to_owned()));

    // A later export: two joiners, three changes, two people gone — and
    // Hương, typed in by hand and absent from the sector's list, marked left too.
    let backups_before = backups(&db).len();
    let later = import(&db, &fixture("import", "export_later.xlsx"), &["--apply-reconcile"]);
    assert_eq!(later["applied"], true);
    assert_eq!(backups(&db).len(), backups_before + 1, "backed up before the reconcile wrote");
    assert_eq!(counts(&later), [2, 3, 14, 3]);
    let left = people(&db, "left");
    assert_eq!(left.len(), 3);
    assert!(names(&left).contains(&"Nguyễn Thị Hương".to_owned()));
    assert!(
        left.iter().all(|p| p["left_reason"] == "other"),
        "people missing from the export left as 'other'"
    );
    assert_eq!(people(&db, "active").len(), 20, "21 + 2 joiners - 3");

    // The revocation list goes out as a draft to open in Outlook.
    json(&run(
        &db,
        &[
            "mail",
            "settings",
            "--preset",
            "gmail",
            "--user",
            "vanthu@gmail.com",
            "--from",
            "vanthu@gmail.com",
            "--json",
        ],
    ));
    let draft = lists.join("Thư gửi Sở (nháp).eml");
    let batch = revoked["batch_id"].to_string();
    let made = json(&run(
        &db,
        &[
            "mail",
            "draft",
            "--batch",
            &batch,
            "--to",
            "vanphong@haiphong.edu.vn",
            "--out",
            draft.to_str().unwrap(),
            "--json",
        ],
    ));
    assert_eq!(made["bytes"].as_u64(), Some(std::fs::metadata(&draft).unwrap().len()));
    let eml = std::fs::read(&draft).unwrap();
    assert!(eml.starts_with(b"X-Unsent: 1\r\n"));
    assert!(String::from_utf8_lossy(&eml).contains("vanphong@haiphong.edu.vn"));

    // The SMTP password goes to the system's credential store, never the database.
    let secret = "Mật-khẩu-ứng-dụng 2026";
    let stored = store_password(&db, secret, scratch.path());
    let settings = || json(&run(&db, &["mail", "settings", "--json"]));
    if cfg!(windows) {
        assert!(stored.status.success(), "Credential Manager: {}", stderr(&stored));
        assert_eq!(settings()["password_saved"], true, "found again by the next run");
        let forget = run(&db, &["mail", "password", "--forget"]);
        assert!(forget.status.success(), "{}", stderr(&forget));
        assert_eq!(settings()["password_saved"], false);
    } else {
        assert_eq!(stored.status.code(), Some(2), "no Secret Service without a session bus");
        assert!(stderr(&stored).contains("nhập mật khẩu mỗi lần gửi"), "{}", stderr(&stored));
    }
    let db_bytes = std::fs::read(&db).unwrap();
    assert!(!db_bytes.windows(secret.len()).any(|w| w == secret.as_bytes()));

    // A new issuance list while Word still holds the first one open (no
    // sharing): refused with the "Word" message, the file unchanged; once
    // Word lets go the same export goes through.
    let bao = active_id(&db, "Đặng Quốc Bảo");
    json(&run(&db, &["request", "add", "--staff", &bao, "--kind", "issuance", "--json"]));
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        let before = std::fs::read(&issuance).unwrap();
        let word = std::fs::OpenOptions::new().read(true).write(true).share_mode(0).open(&issuance).unwrap();
        let out = run(&db, &["export", "issuance", "--out", issuance.to_str().unwrap(), "--json"]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("Tệp đang mở trong Word"), "{}", stderr(&out));
        drop(word);
        assert_eq!(std::fs::read(&issuance).unwrap(), before, "the open file is unchanged");
        let batches = json(&run(&db, &["batch", "list", "--json"]));
        assert_eq!(batches.as_array().map(Vec::len), Some(2), "a refused export records nothing");
    }
    let again = export(&db, "issuance", &issuance);
    assert_eq!(again["sha256"], sha256(&issuance));
    assert_eq!(again["superseded"], serde_json::json!([issued["batch_id"]]));
    let batches = json(&run(&db, &["batch", "list", "--json"]));
    assert_eq!(batches.as_array().map(Vec::len), Some(3));
}

fn active_id(db: &Path, name: &str) -> String {
    let list = people(db, "active");
    let person =
        list.iter().find(|p| p["full_name"] == name).unwrap_or_else(|| panic!("{name} in the register"));
    person["id"].to_string()
}
