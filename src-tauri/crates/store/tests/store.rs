//! The store against real SQLite files in a temporary folder.

use chungthu_model::staff::StaffQuery;
use chungthu_model::staff::{StaffInput, validate};
use chungthu_model::{NameOrder, VnDate};
use chungthu_store::staff;
use chungthu_store::{LATEST_VERSION, Store, StoreError};
use std::path::Path;

fn person(name: &str, cccd: &str) -> chungthu_model::StaffFields {
    let input = StaffInput { full_name: name.into(), cccd: cccd.into(), ..StaffInput::default() };
    validate(&input, VnDate::from_ymd(2026, 11, 23).unwrap()).fields
}

fn add(store: &mut Store, name: &str, cccd: &str) -> i64 {
    let order = NameOrder::new();
    store.write(|tx| staff::insert(tx, &order, &person(name, cccd), &[])).unwrap()
}

fn names(store: &Store, search: &str) -> Vec<String> {
    let q = StaffQuery { search: search.into(), ..StaffQuery::default() };
    staff::search(store.conn(), &q).unwrap().items.into_iter().map(|s| s.full_name).collect()
}

#[test]
fn migrates_an_empty_file_with_safe_pragmas() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("sub folder/dữ liệu.db")).unwrap();
    let c = store.conn();
    let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, LATEST_VERSION);
    let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    assert_eq!(sync, 2, "synchronous=FULL");
    let fk: i64 = c.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 1);
    for table in [
        "unit",
        "staff",
        "provider",
        "certificate",
        "request",
        "request_event",
        "batch",
        "outbox",
        "audit_log",
    ] {
        let n: i64 = c
            .query_row(
                "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "table {table}");
    }
}

#[test]
fn reopening_keeps_data_and_does_not_migrate_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let id = {
        let mut store = Store::open(&path).unwrap();
        add(&mut store, "Trần Văn Bình", "031080001234")
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(staff::get(store.conn(), id).unwrap().unwrap().full_name, "Trần Văn Bình");
    // The creation time is written by Rust, in the same UTC form SQLite's
    // strftime gives every other table's timestamps.
    let (created, updated, sqlite_now): (String, String, String) = store
        .conn()
        .query_row(
            "SELECT created_at, updated_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM staff WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(created, updated);
    let shape = |t: &str| t.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect::<String>();
    assert_eq!(shape(&created), "9999-99-99T99:99:99Z");
    assert!(created <= sqlite_now, "{created} is not after {sqlite_now}");
}

#[test]
fn constraints_hold_even_without_the_api() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("t.db")).unwrap();
    let id = add(&mut store, "Trần Văn Bình", "031080001234");
    let order = NameOrder::new();
    let dup = store.write(|tx| staff::insert(tx, &order, &person("Lê Thị Cúc", "031080001234"), &[]));
    assert!(matches!(dup, Err(StoreError::Sqlite(_))), "two active people cannot share a CCCD");

    let c = store.conn();
    assert!(
        c.execute("UPDATE staff SET status = 'left' WHERE id = ?1", [id]).is_err(),
        "left needs a reason and a date"
    );
    assert!(c.execute("UPDATE staff SET gender = 'x' WHERE id = ?1", [id]).is_err());
    assert!(
        c.execute(
            "INSERT INTO certificate (staff_id, kind, serial_hex, valid_to, created_at, updated_at)
             VALUES (999, 'public', '01', '2027-01-01', '', '')",
            [],
        )
        .is_err(),
        "foreign keys are enforced"
    );
    assert!(
        c.execute(
            "INSERT INTO request (staff_id, kind, created_at, updated_at) VALUES (?1, 'revocation', '', '')",
            [id],
        )
        .is_err(),
        "a revocation needs a reason"
    );

    // Once the first person left, the CCCD may belong to an active person again.
    staff::mark_left(
        store.conn(),
        id,
        chungthu_model::LeftReason::Transfer,
        VnDate::from_ymd(2026, 9, 1).unwrap(),
        None,
    )
    .unwrap();
    add(&mut store, "Lê Thị Cúc", "031080001234");
}

fn set_version(path: &Path, v: i64) {
    let c = rusqlite::Connection::open(path).unwrap();
    c.pragma_update(None, "user_version", v).unwrap();
}

#[test]
fn a_newer_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    drop(Store::open(&path).unwrap());
    set_version(&path, LATEST_VERSION + 1);
    let before = std::fs::read(&path).unwrap();
    match Store::open(&path) {
        Err(e @ StoreError::NewerVersion { .. }) => {
            assert!(e.to_string().contains("phiên bản ChungThu mới hơn"))
        }
        other => panic!("expected NewerVersion, got {:?}", other.err()),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_damaged_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&path, &garbage).unwrap();
    let err = Store::open(&path).err().expect("garbage must not open");
    assert!(matches!(err, StoreError::Damaged { .. }), "{err:?}");
    assert!(err.to_string().contains("bản sao lưu"), "the message points to the backups");
    assert_eq!(std::fs::read(&path).unwrap(), garbage, "never overwritten");
}

#[test]
fn search_folds_case_diacritics_and_d_stroke_and_lists_in_vietnamese_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("t.db")).unwrap();
    for (name, cccd) in [
        ("Nguyễn Thị Hương", "031185012345"),
        ("Đặng Văn Đức", "031079001234"),
        ("Trần Thị Ánh", "001190000001"),
        ("Lê Văn Dũng", "031082000002"),
        ("Nguyễn Thị Anh", "031190000003"),
        ("NGUYỄN VĂN HƯNG", "031080000004"),
    ] {
        add(&mut store, name, cccd);
    }
    assert_eq!(names(&store, "nguyen thi huong"), ["Nguyễn Thị Hương"]);
    assert_eq!(names(&store, "dang"), ["Đặng Văn Đức"]);
    assert_eq!(names(&store, "ĐỨC"), ["Đặng Văn Đức"]);
    assert_eq!(names(&store, "nguyen h"), ["NGUYỄN VĂN HƯNG", "Nguyễn Thị Hương"], "every word must match");
    assert_eq!(names(&store, "001190"), ["Trần Thị Ánh"], "CCCD digits, with the leading zeros");
    assert_eq!(names(&store, "100%"), Vec::<String>::new(), "% is an ordinary character, not a wildcard");
    assert_eq!(
        names(&store, ""),
        [
            "Nguyễn Thị Anh",
            "Trần Thị Ánh",
            "Lê Văn Dũng",
            "Đặng Văn Đức",
            "NGUYỄN VĂN HƯNG",
            "Nguyễn Thị Hương"
        ],
        "by given name: Anh < Ánh < Dũng < Đức < Hưng < Hương"
    );
    let page =
        staff::search(store.conn(), &StaffQuery { limit: 2, offset: 2, ..StaffQuery::default() }).unwrap();
    assert_eq!(page.total, 6);
    assert_eq!(
        page.items.iter().map(|s| s.full_name.as_str()).collect::<Vec<_>>(),
        ["Lê Văn Dũng", "Đặng Văn Đức"]
    );
}
