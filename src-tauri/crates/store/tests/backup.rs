//! Backups and restores against real SQLite files in a temporary folder.

use chungthu_model::backup::BackupReason;
use chungthu_model::staff::{StaffInput, validate};
use chungthu_model::{NameOrder, VnDate};
use chungthu_store::backup;
use chungthu_store::rusqlite::Connection;
use chungthu_store::{Store, StoreError, setting, staff};
use std::path::{Path, PathBuf};

fn add(store: &mut Store, name: &str) -> i64 {
    let input = StaffInput { full_name: name.into(), ..StaffInput::default() };
    let fields = validate(&input, VnDate::from_ymd(2026, 11, 23).unwrap()).fields;
    let order = NameOrder::new();
    store.write(|tx| staff::insert(tx, &order, &fields, &[])).unwrap()
}

fn count(store: &Store) -> i64 {
    store.conn().query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0)).unwrap()
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_backup_is_a_checked_self_contained_copy_with_its_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("chungthu.db")).unwrap();
    add(&mut store, "Nguyễn Thị Hương");
    add(&mut store, "Trần Văn Bình");
    let path = store.backup(BackupReason::Manual).unwrap();

    assert_eq!(path.parent().unwrap(), dir.path().join("backups"), "default folder beside the database");
    let name = path.file_name().unwrap().to_str().unwrap();
    assert!(name.starts_with("chungthu-") && name.ends_with("-thu-cong.db"), "{name}");
    assert_eq!(files(path.parent().unwrap()), [name], "no temporary file or -wal left behind");
    let copy = Connection::open(&path).unwrap();
    let mode: String = copy.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "delete", "one self-contained file, safe to carry on a USB drive");
    drop(copy);

    let listed = backup::list(&store.backup_dir()).unwrap();
    assert_eq!(listed.len(), 1);
    let info = &listed[0];
    assert_eq!(info.reason, BackupReason::Manual);
    assert_eq!(info.problem, None);
    let content = info.content.as_ref().unwrap();
    assert_eq!((content.staff, content.certificates, content.requests), (2, 0, 0));
    assert_eq!(content.schema_version, chungthu_store::LATEST_VERSION);
}

#[test]
fn two_backups_in_the_same_second_do_not_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("chungthu.db")).unwrap();
    let at = backup::now_local();
    let a = backup::write(store.conn(), &dir.path().join("b"), BackupReason::BeforeImport, at).unwrap();
    let b = backup::write(store.conn(), &dir.path().join("b"), BackupReason::BeforeImport, at).unwrap();
    assert_ne!(a, b);
    assert_eq!(backup::list(&dir.path().join("b")).unwrap().len(), 2);
}

#[test]
fn a_file_with_data_is_backed_up_before_a_migration_and_a_new_file_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("new/chungthu.db");
    drop(Store::open(&fresh).unwrap());
    assert!(!backup::default_dir(&fresh).exists(), "nothing to keep in a brand-new file");

    // A file from before the first migration, holding something.
    let old = dir.path().join("old/chungthu.db");
    std::fs::create_dir_all(old.parent().unwrap()).unwrap();
    {
        let c = Connection::open(&old).unwrap();
        c.execute_batch("CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('trước nâng cấp');").unwrap();
    }
    drop(Store::open(&old).unwrap());
    let backups = backup::list(&backup::default_dir(&old)).unwrap();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(backups[0].reason, BackupReason::BeforeMigration);
    let copy = Connection::open(backup::default_dir(&old).join(&backups[0].file_name)).unwrap();
    let v: String = copy.query_row("SELECT v FROM kept", [], |r| r.get(0)).unwrap();
    assert_eq!(v, "trước nâng cấp");
    let version: i64 = copy.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 0, "the backup is the file as it was before migrating");
    drop(copy);

    drop(Store::open(&old).unwrap());
    assert_eq!(backup::list(&backup::default_dir(&old)).unwrap().len(), 1, "no migration, no new backup");
}

#[test]
fn restore_puts_the_backup_back_into_the_live_file_and_other_connections_see_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("chungthu.db");
    let mut store = Store::open(&db).unwrap();
    add(&mut store, "Nguyễn Thị Hương");
    add(&mut store, "Trần Văn Bình");
    let saved = store.backup(BackupReason::Manual).unwrap();
    add(&mut store, "Lê Văn Tám");
    let reader = Store::open(&db).unwrap();
    assert_eq!(count(&reader), 3);

    store.restore_from(&saved).unwrap();
    assert_eq!(count(&store), 2);
    assert_eq!(count(&reader), 2, "the live file itself changed, not a copy beside it");
    let mode: String = store.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal", "the live file stays in WAL mode");
    drop(reader);
    drop(store);
    let check: String =
        Connection::open(&db).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn a_restore_waits_for_another_writer_then_says_busy_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("chungthu.db");
    let mut store = Store::open(&db).unwrap();
    add(&mut store, "Nguyễn Thị Hương");
    let saved = store.backup(BackupReason::Manual).unwrap();
    add(&mut store, "Trần Văn Bình");

    let other = Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = std::time::Instant::now();
    let err = store.restore_from(&saved).unwrap_err();
    assert!(matches!(err, StoreError::Busy), "{err:?}");
    assert!(started.elapsed() >= std::time::Duration::from_secs(4), "waited the busy timeout first");
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(count(&store), 2, "nothing was replaced");
}

#[test]
fn a_damaged_backup_is_never_restored() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("chungthu.db")).unwrap();
    add(&mut store, "Nguyễn Thị Hương");
    let bad = dir.path().join("backups/chungthu-2026-11-23T18-05-00-thu-cong.db");
    std::fs::create_dir_all(bad.parent().unwrap()).unwrap();
    std::fs::write(&bad, vec![0x5a; 8192]).unwrap();
    assert!(matches!(store.restore_from(&bad), Err(StoreError::Damaged { .. })));
    assert_eq!(count(&store), 1);
    let listed = backup::list(&store.backup_dir()).unwrap();
    assert!(listed[0].problem.as_deref().unwrap().contains("bị hỏng"), "{listed:?}");
}

fn garbage() -> Vec<u8> {
    (0..8192u32).map(|i| (i * 7919 % 251) as u8).collect()
}

#[test]
fn recovering_moves_the_damaged_file_aside_and_puts_the_backup_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("chungthu.db");
    let saved = {
        let mut store = Store::open(&db).unwrap();
        add(&mut store, "Nguyễn Thị Hương");
        store.backup(BackupReason::Daily).unwrap()
    };
    std::fs::write(&db, garbage()).unwrap();
    assert!(matches!(Store::open(&db), Err(StoreError::Damaged { .. })));
    std::fs::write(PathBuf::from(format!("{}-wal", db.display())), b"stale").unwrap();

    let moved = backup::recover(&db, &saved, backup::now_local()).unwrap().unwrap();
    let name = moved.file_name().unwrap().to_str().unwrap();
    assert!(name.starts_with("chungthu.damaged-") && name.ends_with(".db"), "{name}");
    assert_eq!(std::fs::read(&moved).unwrap(), garbage(), "the damaged file is kept as it was");
    assert!(PathBuf::from(format!("{}-wal", moved.display())).exists(), "its -wal went with it");
    assert!(
        !PathBuf::from(format!("{}-wal", db.display())).exists(),
        "a stale -wal must not meet the backup"
    );
    let store = Store::open(&db).unwrap();
    assert_eq!(count(&store), 1);
}

#[test]
fn pruning_deletes_only_our_old_backups() {
    let dir = tempfile::tempdir().unwrap();
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    for day in 1..=20 {
        std::fs::write(backups.join(format!("chungthu-2026-11-{day:02}T08-00-00-hang-ngay.db")), b"x")
            .unwrap();
    }
    std::fs::write(backups.join("chungthu-2024-01-01T08-00-00-hang-ngay.db.tmp"), b"x").unwrap();
    std::fs::write(backups.join("ghi-chu.txt"), b"x").unwrap();
    std::fs::write(backups.join("chungthu.db"), b"x").unwrap();
    let removed = backup::prune(&backups, time::macros::datetime!(2026-11-23 09:00:00)).unwrap();
    assert_eq!(removed.len(), 10);
    let left = files(&backups);
    assert!(left.contains(&"ghi-chu.txt".to_owned()));
    assert!(left.contains(&"chungthu.db".to_owned()));
    assert!(left.contains(&"chungthu-2024-01-01T08-00-00-hang-ngay.db.tmp".to_owned()));
    assert!(left.contains(&"chungthu-2026-11-20T08-00-00-hang-ngay.db".to_owned()));
    assert!(!left.contains(&"chungthu-2026-11-10T08-00-00-hang-ngay.db".to_owned()));
}

#[test]
fn an_unreachable_chosen_folder_falls_back_to_the_default_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("chungthu.db");
    let store = Store::open(&db).unwrap();
    // A file where the folder should be: as unwritable as an unplugged drive.
    let blocked = dir.path().join("usb");
    std::fs::write(&blocked, b"").unwrap();
    setting::set(store.conn(), backup::DIR_SETTING, &blocked.join("ChungThu").display().to_string()).unwrap();
    let path = store.backup(BackupReason::Manual).unwrap();
    assert_eq!(path.parent().unwrap(), backup::default_dir(&db));

    let usb = dir.path().join("usb2/ChungThu");
    setting::set(store.conn(), backup::DIR_SETTING, &usb.display().to_string()).unwrap();
    assert_eq!(store.backup_dir(), usb);
    assert_eq!(store.backup(BackupReason::Manual).unwrap().parent().unwrap(), usb);
    assert_eq!(backup::chosen_dir_of_file(&db), Some(usb), "readable even without opening the store");
}
