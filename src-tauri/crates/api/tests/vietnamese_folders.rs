//! The register under the folders a Vietnamese school's PC really has:
//! `C:\Users\Nguyễn Văn A\OneDrive - Trường THCS\Tài liệu` (letters with
//! diacritics, spaces, a dash). SQLite gets the path as UTF-8; these tests
//! check it creates, reopens and copies the database there without mangling
//! the name. (Writing exported files there: chungthu-files' tests.)

use chungthu_api::Api;
use chungthu_api::model::{Gender, StaffInput, VnDate};
use chungthu_store::Store;
use std::path::{Path, PathBuf};

fn today() -> VnDate {
    VnDate::from_ymd(2026, 11, 23).expect("a valid date")
}

fn user_documents(root: &Path) -> PathBuf {
    root.join("Nguyễn Văn A").join("OneDrive - Trường THCS").join("Tài liệu")
}

fn teacher() -> StaffInput {
    StaffInput {
        full_name: "Đặng Thị Hương".into(),
        birth_date: "05/03/1985".into(),
        gender: Some(Gender::Female),
        position: "Giáo viên".into(),
        cccd: "031185004217".into(),
        phone: "0912345678".into(),
        ..StaffInput::default()
    }
}

#[test]
fn the_register_lives_and_is_copied_under_a_vietnamese_folder() {
    let root = tempfile::tempdir().expect("temp dir");
    let db = user_documents(root.path()).join("ChungThu dữ liệu").join("chungthu.db");

    let mut api = Api::open(&db).expect("the folders are created and the database opened").with_today(today);
    let id = api.add_staff(&teacher()).expect("saved").staff.id;
    assert_eq!(api.info().db_path, db.display().to_string(), "the path is reported as given");
    drop(api);

    // A copy of the register (what a backup makes) into a folder with a
    // Vietnamese name, through SQLite's own path handling.
    let copy = user_documents(root.path()).join("Sao lưu").join("chungthu 23-11-2026 trước khi nhập.db");
    std::fs::create_dir_all(copy.parent().expect("has a folder")).expect("backup folder");
    let store = Store::open(&db).expect("reopened");
    store.conn().execute("VACUUM INTO ?1", [copy.to_str().expect("UTF-8 path")]).expect("copied");
    drop(store);

    let names: Vec<String> = std::fs::read_dir(copy.parent().expect("has a folder"))
        .expect("list")
        .map(|e| e.expect("entry").file_name().into_string().expect("UTF-8 name"))
        .collect();
    assert_eq!(names, ["chungthu 23-11-2026 trước khi nhập.db"], "SQLite kept the name byte for byte");

    let restored = Api::open(&copy).expect("the copy opens").with_today(today);
    assert_eq!(restored.staff(id).expect("the person is in the copy").full_name, "Đặng Thị Hương");
}
