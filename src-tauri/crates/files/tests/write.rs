//! Real files on disk: the target is replaced whole or not at all, and no
//! temporary file is left behind, including under the kind of folder a
//! Vietnamese school's PC has (letters with diacritics, spaces, OneDrive).

use chungthu_files::{WriteError, write_atomic, write_atomic_with};
use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// A user folder like `C:\Users\Nguyễn Văn A\OneDrive - Trường THCS\Tài liệu`.
fn vietnamese_folder(root: &Path) -> std::path::PathBuf {
    let dir = root.join("Nguyễn Văn A").join("OneDrive - Trường THCS").join("Tài liệu");
    fs::create_dir_all(&dir).expect("create the folder");
    dir
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().into_string().expect("utf-8"))
        .collect();
    names.sort();
    names
}

#[test]
fn writes_and_replaces_under_a_vietnamese_folder() {
    let root = tempfile::tempdir().expect("temp dir");
    let dir = vietnamese_folder(root.path());
    let name = "Danh sách đề nghị cấp CTS - Trường THCS Lê Lợi - 23-11-2026.docx";
    let target = dir.join(name);

    write_atomic(&target, b"first").expect("a new file is written");
    write_atomic(&target, b"second, longer").expect("an existing file is replaced");

    assert_eq!(fs::read(&target).expect("read back"), b"second, longer");
    assert_eq!(names_in(&dir), [name], "the name is stored as given (NFC) and no temporary file is left");
}

#[test]
fn streaming_writers_get_the_file() {
    let root = tempfile::tempdir().expect("temp dir");
    let target = root.path().join("Lịch hết hạn CTS.ics");
    write_atomic_with(&target, |file| {
        file.write_all(b"BEGIN:VCALENDAR\r\n")?;
        file.write_all(b"END:VCALENDAR\r\n")
    })
    .expect("written");
    assert_eq!(fs::read_to_string(&target).expect("read"), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
}

#[test]
fn a_failed_write_leaves_the_old_file_and_no_leftovers() {
    let root = tempfile::tempdir().expect("temp dir");
    let dir = vietnamese_folder(root.path());
    let target = dir.join("Thư điện tử nháp.eml");
    fs::write(&target, b"old draft").expect("seed");

    let err = write_atomic_with(&target, |file| {
        file.write_all(b"half of the new dr")?;
        Err(io::Error::other("đĩa mạng mất kết nối"))
    })
    .expect_err("the writer failed");

    assert_eq!(err.code(), "file_io");
    assert_eq!(fs::read(&target).expect("read"), b"old draft", "the target is untouched");
    assert_eq!(names_in(&dir), ["Thư điện tử nháp.eml"], "the temporary file was removed");
}

#[test]
fn a_read_only_target_is_refused_and_kept() {
    let root = tempfile::tempdir().expect("temp dir");
    let target = root.path().join("Danh sách CTS đang sử dụng.xlsx");
    fs::write(&target, b"old list").expect("seed");
    let mut perms = fs::metadata(&target).expect("metadata").permissions();
    perms.set_readonly(true);
    fs::set_permissions(&target, perms).expect("make read-only");

    let err = write_atomic(&target, b"new list").expect_err("a read-only file is not overwritten");

    assert!(matches!(&err, WriteError::ReadOnly { path } if path == &target), "{err:?}");
    assert_eq!(err.code(), "file_read_only");
    assert!(err.to_string().contains("lưu với tên khác"), "the message says what to do: {err}");
    assert_eq!(fs::read(&target).expect("read"), b"old list");
    assert_eq!(names_in(root.path()), ["Danh sách CTS đang sử dụng.xlsx"]);
}

#[test]
fn a_target_that_cannot_be_replaced_is_kept() {
    // A folder in the target's place makes the final rename fail on every
    // system: the step where Windows reports a document open in Word.
    let root = tempfile::tempdir().expect("temp dir");
    let target = root.path().join("Biểu mẫu.docx");
    fs::create_dir(&target).expect("a folder with the target's name");
    fs::write(target.join("bên trong.txt"), b"kept").expect("seed");

    let err = write_atomic(&target, b"new").expect_err("cannot replace a folder");

    assert!(!err.to_string().is_empty());
    assert_eq!(fs::read(target.join("bên trong.txt")).expect("read"), b"kept");
    assert_eq!(names_in(root.path()), ["Biểu mẫu.docx"], "the temporary file was removed");
}

#[test]
fn a_missing_folder_is_named() {
    let root = tempfile::tempdir().expect("temp dir");
    let target = root.path().join("USB đã rút").join("Sao lưu.db");
    let err = write_atomic(&target, b"x").expect_err("no folder");
    assert!(
        matches!(&err, WriteError::FolderMissing { dir } if dir == &root.path().join("USB đã rút")),
        "{err:?}"
    );
    assert!(err.to_string().contains("USB đã rút"), "{err}");
}
