//! `chungthu provider …` on a temporary database: the seeded catalogue, adding
//! and editing with the api's checks (exit 2, nothing written), the JSON
//! contract of the README, and a new provider's fragments recognising the
//! certificate files imported after it.

mod common;

use common::{json, run};

use rcgen::{CertificateParams, DnType, IsCa, KeyPair};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn list(db: &Path) -> Vec<Value> {
    json(&run(db, &["provider", "list", "--json"])).as_array().unwrap().clone()
}

fn by_short<'a>(providers: &'a [Value], short: &str) -> &'a Value {
    providers.iter().find(|p| p["short_name"] == short).unwrap_or_else(|| panic!("{short} in the catalogue"))
}

#[test]
fn a_new_database_lists_the_seeded_catalogue_specialised_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let providers = list(&db);
    assert!(providers.len() >= 10, "the licensed CAs come with the app");
    let first = &providers[0];
    let mut keys: Vec<&str> = first.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["builtin", "id", "issuer_fragments", "kind", "name", "short_name"]);
    assert_eq!(first["name"], "Ban Cơ yếu Chính phủ");
    assert_eq!(first["short_name"], "Ban Cơ yếu");
    assert_eq!(first["kind"], "specialised");
    assert_eq!(first["builtin"], true);
    assert!(
        first["issuer_fragments"].as_array().unwrap().iter().any(|f| f == "CA phục vụ các cơ quan Nhà nước")
    );
    assert!(providers[1..].iter().all(|p| p["kind"] == "public"), "specialised first, then public");
    let vnpt = by_short(&providers, "VNPT-CA");
    assert_eq!(vnpt["name"], "Tập đoàn Bưu chính Viễn thông Việt Nam (VNPT)");

    let text = run(&db, &["provider", "list"]);
    assert!(text.status.success());
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Chuyên dùng") && text.contains("Công cộng"), "kinds in words: {text}");
    assert!(text.contains("Dấu hiệu nhận biết: VNPT Certification Authority · VNPT-CA · VNPT Group"));
    assert!(text.contains(&format!("Tổng: {} nhà cung cấp.", providers.len())));
}

#[test]
fn add_cleans_the_text_defaults_the_short_name_and_refuses_a_duplicate_or_a_blank_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let before = list(&db).len();

    // NFD text and stray spaces, as pasted from a PDF; one empty fragment.
    let nfd =
        "Công ty  Cổ phần Chứng thực số  An Phát ".replace('ô', "o\u{302}").replace('ổ', "o\u{302}\u{309}");
    let added = json(&run(
        &db,
        &[
            "provider",
            "add",
            "--name",
            &nfd,
            "--fragment",
            " AnPhat-CA ",
            "--fragment",
            "",
            "--fragment",
            "An Phat CA",
            "--json",
        ],
    ));
    assert_eq!(added["name"], "Công ty Cổ phần Chứng thực số An Phát", "NFC, single spaces");
    assert_eq!(added["short_name"], added["name"], "no short name given: the full name");
    assert_eq!(added["kind"], "public", "public unless said otherwise");
    assert_eq!(added["issuer_fragments"], serde_json::json!(["AnPhat-CA", "An Phat CA"]));
    assert_eq!(added["builtin"], false);
    let providers = list(&db);
    assert_eq!(providers.len(), before + 1);
    assert_eq!(by_short(&providers, "Công ty Cổ phần Chứng thực số An Phát")["id"], added["id"]);

    let dup = run(
        &db,
        &[
            "provider",
            "add",
            "--name",
            "Tập đoàn Bưu chính Viễn thông Việt Nam (VNPT)",
            "--short-name",
            "VNPT",
        ],
    );
    assert_eq!(dup.status.code(), Some(2));
    assert!(
        stderr(&dup).contains("Tên nhà cung cấp: đã có nhà cung cấp này trong danh mục (VNPT-CA)"),
        "{}",
        stderr(&dup)
    );
    let blank = run(&db, &["provider", "add", "--name", "   ", "--short-name", "HP-CA", "--json"]);
    assert_eq!(blank.status.code(), Some(2));
    assert!(stderr(&blank).contains("Tên nhà cung cấp: chưa nhập"), "{}", stderr(&blank));
    assert!(blank.stdout.is_empty(), "no JSON for a refused save");
    assert_eq!(list(&db).len(), before + 1, "refused saves write nothing");

    let specialised = json(&run(
        &db,
        &[
            "provider",
            "add",
            "--name",
            "Cục Chứng thực số và Bảo mật thông tin",
            "--short-name",
            "Cục CTS&BMTT",
            "--kind",
            "specialised",
            "--json",
        ],
    ));
    assert_eq!(specialised["kind"], "specialised");
    assert_eq!(specialised["issuer_fragments"], serde_json::json!([]));
    let providers = list(&db);
    let specialised_count = providers.iter().take_while(|p| p["kind"] == "specialised").count();
    assert_eq!(specialised_count, 2, "the new specialised provider sorts with Ban Cơ yếu");
}

#[test]
fn edit_changes_only_what_is_given_and_fragments_are_replaced_appended_or_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let viettel = by_short(&list(&db), "Viettel-CA").clone();
    let id = viettel["id"].to_string();

    let renamed = json(&run(&db, &["provider", "edit", &id, "--short-name", "Viettel", "--json"]));
    assert_eq!(renamed["short_name"], "Viettel");
    assert_eq!(renamed["name"], viettel["name"], "the full name is kept");
    assert_eq!(renamed["kind"], "public");
    assert_eq!(renamed["issuer_fragments"], viettel["issuer_fragments"]);
    assert_eq!(renamed["builtin"], true, "a seeded provider stays builtin after an edit");

    let appended = json(&run(
        &db,
        &["provider", "edit", &id, "--add-fragment", "Viettel Certification Authority", "--json"],
    ));
    assert_eq!(
        appended["issuer_fragments"],
        serde_json::json!(["Viettel-CA", "Viettel CA", "Viettel Certification Authority"])
    );
    let replaced = json(&run(&db, &["provider", "edit", &id, "--fragment", "Viettel-CA SHA-256", "--json"]));
    assert_eq!(replaced["issuer_fragments"], serde_json::json!(["Viettel-CA SHA-256"]));
    let cleared =
        json(&run(&db, &["provider", "edit", &id, "--fragment", "", "--kind", "specialised", "--json"]));
    assert_eq!(cleared["issuer_fragments"], serde_json::json!([]));
    assert_eq!(cleared["kind"], "specialised");
    let stored = by_short(&list(&db), "Viettel").clone();
    assert_eq!(stored, cleared, "list shows what edit printed");

    let text = run(&db, &["provider", "edit", &id, "--short-name", ""]);
    assert!(text.status.success(), "{}", stderr(&text));
    assert_eq!(
        String::from_utf8_lossy(&text.stdout).trim(),
        format!("Đã lưu nhà cung cấp Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel) (mã {id})."),
        "an emptied short name becomes the full name"
    );
}

#[test]
fn edit_refuses_an_unknown_id_a_taken_name_and_a_blank_name_with_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let before = list(&db);
    let fpt = by_short(&before, "FPT-CA")["id"].to_string();

    let unknown = run(&db, &["provider", "edit", "9999", "--name", "Công ty Cổ phần Chữ ký số Hà Thành"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("Không tìm thấy nhà cung cấp có mã 9999"), "{}", stderr(&unknown));

    let taken = run(&db, &["provider", "edit", &fpt, "--name", "Công ty Cổ phần BKAV"]);
    assert_eq!(taken.status.code(), Some(2));
    assert!(stderr(&taken).contains("đã có nhà cung cấp này trong danh mục (BKAV-CA)"), "{}", stderr(&taken));

    let blank = run(&db, &["provider", "edit", &fpt, "--name", "", "--fragment", "FPT"]);
    assert_eq!(blank.status.code(), Some(2));
    assert!(stderr(&blank).contains("Tên nhà cung cấp: chưa nhập"));

    let both = run(&db, &["provider", "edit", &fpt, "--fragment", "FPT", "--add-fragment", "FPT-CA G2"]);
    assert_eq!(both.status.code(), Some(2), "replacing and appending at once is a usage error");

    assert_eq!(list(&db), before, "nothing was written");
}

/// A certificate of `holder` (with this CCCD in the UID) from a CA named `ca_cn`.
fn certificate(
    dir: &Path,
    file: &str,
    ca_cn: &str,
    ca_org: &str,
    holder: &str,
    cccd: &str,
    serial: u8,
) -> String {
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.distinguished_name.push(DnType::CommonName, ca_cn);
    ca_params.distinguished_name.push(DnType::OrganizationName, ca_org);
    ca_params.distinguished_name.push(DnType::CountryName, "VN");
    ca_params.is_ca = IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let ca = rcgen::CertifiedIssuer::self_signed(ca_params, KeyPair::generate().unwrap()).unwrap();

    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.distinguished_name.push(DnType::CommonName, holder);
    // UID (0.9.2342.19200300.100.1.1), where Vietnamese CAs put the identity number.
    params
        .distinguished_name
        .push(DnType::CustomDnType(vec![0, 9, 2342, 19_200_300, 100, 1, 1]), format!("CCCD:{cccd}"));
    params.distinguished_name.push(DnType::CountryName, "VN");
    params.serial_number = Some(vec![0x4E, 0x21, serial].into());
    params.not_before = rcgen::date_time_ymd(2025, 9, 1);
    params.not_after = rcgen::date_time_ymd(2028, 8, 31);
    let leaf = params.signed_by(&KeyPair::generate().unwrap(), &ca).unwrap();
    let path: PathBuf = dir.join(file);
    std::fs::write(&path, leaf.der()).unwrap();
    path.display().to_string()
}

#[test]
fn a_new_providers_fragments_recognise_the_files_imported_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let cccd = "031188004521";
    let anh = json(&run(
        &db,
        &[
            "staff",
            "add",
            "--name",
            "Vũ Thị Ngọc Ánh",
            "--birth-date",
            "14/02/1988",
            "--gender",
            "nu",
            "--position",
            "Kế toán",
            "--cccd",
            cccd,
            "--json",
        ],
    ));
    let (ca_cn, ca_org) = ("AnPhat-CA Certification Authority", "Công ty Cổ phần Chứng thực số An Phát");
    let first = certificate(dir.path(), "anh-2025.cer", ca_cn, ca_org, "Vũ Thị Ngọc Ánh", cccd, 1);
    let unknown = json(&run(&db, &["cert", "import", &first, "--json"]));
    assert_eq!(unknown[0]["status"], "added");
    assert_eq!(unknown[0]["staff_id"], anh["id"]);
    assert_eq!(unknown[0]["provider"], Value::Null, "no fragment of the catalogue matches yet");

    let added = json(&run(
        &db,
        &[
            "provider",
            "add",
            "--name",
            ca_org,
            "--short-name",
            "AnPhat-CA",
            "--fragment",
            "AnPhat-CA",
            "--json",
        ],
    ));
    let second = certificate(dir.path(), "anh-kho-bac.cer", ca_cn, ca_org, "Vũ Thị Ngọc Ánh", cccd, 2);
    let known = json(&run(&db, &["cert", "import", &second, "--json"]));
    assert_eq!(known[0]["status"], "added");
    assert_eq!(known[0]["provider"], "AnPhat-CA", "recognised by the new fragment");
    let mine = json(&run(&db, &["cert", "list", "--staff", &anh["id"].to_string(), "--json"]));
    let with_provider: Vec<&Value> =
        mine.as_array().unwrap().iter().filter(|c| c["provider_id"] == added["id"]).collect();
    assert_eq!(with_provider.len(), 1, "the earlier file keeps what it was imported with");
    assert_eq!(with_provider[0]["kind"], "public");
}
