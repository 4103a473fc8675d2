//! Data safety through the use cases: backups and restore (with undo),
//! recovery of a damaged file, the audit viewer, personal data export and
//! erasure, and no CCCD / birth date / phone value in the audit log or in
//! any error message.

use chungthu_api::audit_log::AuditQuery;
use chungthu_api::model::backup::BackupReason;
use chungthu_api::model::staff::StaffQuery;
use chungthu_api::model::{Gender, LeftReason, StaffInput, StaffStatus, VnDate};
use chungthu_api::staff::Leaving;
use chungthu_api::{Api, ApiError, backup};
use chungthu_store::rusqlite::Connection;
use std::path::Path;

fn today() -> VnDate {
    VnDate::from_ymd(2026, 11, 23).unwrap()
}

fn open(db: &Path) -> Api {
    Api::open(db).unwrap().with_today(today)
}

/// Fictional people; the values the personal-data checks look for.
struct Person {
    name: &'static str,
    birth: &'static str,
    birth_iso: &'static str,
    cccd: &'static str,
    phone: &'static str,
    gender: Gender,
}

const PEOPLE: [Person; 3] = [
    Person {
        name: "Nguyễn Thị Hương",
        birth: "05/03/1985",
        birth_iso: "1985-03-05",
        cccd: "031185012345",
        phone: "0912345678",
        gender: Gender::Female,
    },
    Person {
        name: "Trần Văn Bình",
        birth: "17/08/1979",
        birth_iso: "1979-08-17",
        cccd: "031079004321",
        phone: "0983456712",
        gender: Gender::Male,
    },
    Person {
        name: "Đặng Thị Lan",
        birth: "29/02/1992",
        birth_iso: "1992-02-29",
        cccd: "031192000777",
        phone: "0904111222",
        gender: Gender::Female,
    },
];

fn input(p: &Person) -> StaffInput {
    StaffInput {
        full_name: p.name.into(),
        birth_date: p.birth.into(),
        gender: Some(p.gender),
        position: "Giáo viên".into(),
        cccd: p.cccd.into(),
        cccd_issued_on: "10/05/2021".into(),
        phone: p.phone.into(),
        email: "gv@haiphong.edu.vn".into(),
        notes: "Tổ Toán".into(),
        ..StaffInput::default()
    }
}

/// Every form in which a personal value could leak: as typed, as stored,
/// digits only.
fn secrets() -> Vec<String> {
    let mut s = Vec::new();
    for p in &PEOPLE {
        s.extend([p.birth.to_owned(), p.birth_iso.to_owned(), p.cccd.to_owned(), p.phone.to_owned()]);
        s.push(p.phone[1..].to_owned());
        s.push(p.birth.replace('/', ""));
    }
    s.push("2021-05-10".into());
    s.push("10/05/2021".into());
    s
}

fn assert_clean(what: &str, text: &str) {
    for secret in secrets() {
        assert!(!text.contains(&secret), "{what} leaks a personal value ({} chars): {text}", secret.len());
    }
}

fn count(api: &Api) -> u32 {
    api.list_staff(&StaffQuery::default()).unwrap().total
}

#[test]
fn backup_then_restore_then_undo_the_restore() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir.path().join("chungthu.db"));
    api.add_staff(&input(&PEOPLE[0])).unwrap();
    let first = api.backup_before(BackupReason::BeforeImport).unwrap();
    assert!(first.file_name.ends_with("-truoc-khi-nhap.db"), "{}", first.file_name);
    assert_eq!(first.content.as_ref().unwrap().staff, 1);
    api.add_staff(&input(&PEOPLE[1])).unwrap();
    assert_eq!(count(&api), 2);

    let done = api.restore_backup(&first.file_name).unwrap();
    assert_eq!(count(&api), 1, "the data is the backup's");
    assert_eq!(done.restored.file_name, first.file_name);
    assert_eq!(done.undo.reason, BackupReason::BeforeRestore);
    assert_eq!(done.undo.content.as_ref().unwrap().staff, 2, "the undo backup holds the data just replaced");
    let log = api.audit_search(&AuditQuery::default()).unwrap();
    assert_eq!(log.items[0].action, "restore", "the restore is in the audit log");

    api.restore_backup(&done.undo.file_name).unwrap();
    assert_eq!(count(&api), 2, "the restore was undone");
    let listed = api.backups().unwrap();
    assert!(!listed.chosen);
    assert_eq!(listed.items.len(), 3, "{:?}", listed.items);
}

#[test]
fn restore_takes_only_backup_names_inside_the_backups_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir.path().join("chungthu.db"));
    for name in ["../chungthu.db", "/etc/passwd", "chungthu.db", "chungthu-2026-11-23T18-05-00-thu-cong.db"] {
        let err = api.restore_backup(name).unwrap_err();
        assert!(matches!(err, ApiError::NotFound(_)), "{name}: {err:?}");
    }
}

#[test]
fn the_daily_backup_is_taken_once_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("chungthu.db");
    let mut api = open(&db);
    api.add_staff(&input(&PEOPLE[0])).unwrap();
    drop(api); // the window opens once per start
    let mut api = Api::open(&db).unwrap();
    let first = api.backup_daily_if_due().expect("the first start of the day backs up");
    assert_eq!(first.reason, BackupReason::Daily);
    drop(api);
    let mut again = Api::open(&db).unwrap();
    assert_eq!(again.backup_daily_if_due(), None, "a second start the same day does not");
    assert!(again.info().warnings.is_empty(), "{:?}", again.info().warnings);
}

#[test]
fn a_backup_folder_must_be_absolute_and_writable() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir.path().join("chungthu.db"));
    assert!(matches!(api.set_backup_dir(Some("SaoLuu")), Err(ApiError::Refused(_))));
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"").unwrap();
    let err = api.set_backup_dir(Some(&file.join("x").display().to_string())).unwrap_err();
    assert!(err.to_string().contains("Không dùng được thư mục"), "{err}");

    let usb = dir.path().join("USB/SaoLuu ChungThu");
    let list = api.set_backup_dir(Some(&usb.display().to_string())).unwrap();
    assert!(list.chosen);
    let b = api.backup_now().unwrap();
    assert!(usb.join(&b.file_name).is_file());
    let list = api.set_backup_dir(None).unwrap();
    assert!(!list.chosen);
    assert_eq!(list.dir, dir.path().join("backups").display().to_string(), "back to the default folder");
}

#[test]
fn a_damaged_database_is_moved_aside_and_replaced_by_the_chosen_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("chungthu.db");
    {
        let mut api = open(&db);
        api.add_staff(&input(&PEOPLE[0])).unwrap();
        api.backup_now().unwrap();
    }
    let garbage: Vec<u8> = (0..16384u32).map(|i| (i * 31 % 253) as u8).collect();
    std::fs::write(&db, &garbage).unwrap();
    let err = Api::open(&db).err().unwrap();
    assert_eq!(err.code(), "damaged");

    let offered = backup::backups_for_recovery(&db);
    assert_eq!(offered.len(), 1);
    let (api, done) = backup::recover(&db, &offered[0].file_name).unwrap();
    assert_eq!(count(&api), 1);
    let moved = done.damaged_moved_to.unwrap();
    assert!(moved.contains("chungthu.damaged-"), "{moved}");
    assert_eq!(std::fs::read(&moved).unwrap(), garbage, "the damaged file is kept, untouched");
    let log = api.audit_search(&AuditQuery::default()).unwrap();
    assert_eq!(log.items[0].action, "recover");
}

/// Adds the people, then edits, leaves, reinstates — every kind of change.
fn busy_day(api: &mut Api) -> Vec<i64> {
    let ids: Vec<i64> = PEOPLE.iter().map(|p| api.add_staff(&input(p)).unwrap().staff.id).collect();
    let mut edited = input(&PEOPLE[0]);
    edited.phone = "0977000111".into();
    edited.birth_date = "06/03/1985".into();
    api.edit_staff(ids[0], &edited).unwrap();
    api.edit_staff(ids[0], &input(&PEOPLE[0])).unwrap();
    let leaving = Leaving { reason: LeftReason::Transfer, on: "01/09/2025".into(), note: String::new() };
    api.mark_left(ids[1], &leaving).unwrap();
    api.mark_left(ids[2], &leaving).unwrap();
    api.reinstate(ids[2]).unwrap();
    ids
}

#[test]
fn the_audit_log_names_fields_but_never_holds_their_values() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("chungthu.db");
    let mut api = open(&db);
    let ids = busy_day(&mut api);

    let conn = Connection::open(&db).unwrap();
    let mut stmt =
        conn.prepare("SELECT at, os_user, entity, entity_id, action, fields FROM audit_log").unwrap();
    let rows: Vec<String> = stmt
        .query_map([], |r| {
            Ok(format!(
                "{}|{}|{}|{:?}|{}|{}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(rows.len() >= 8, "{rows:?}");
    for row in &rows {
        assert_clean("audit_log", row);
    }

    let page = api.audit_search(&AuditQuery { entity_id: Some(ids[0]), ..AuditQuery::default() }).unwrap();
    assert_eq!(page.items.len(), 3, "create + two edits of the first person");
    let edit = &page.items[1];
    assert_eq!(edit.action_label, "Sửa");
    assert!(
        edit.fields.contains(&"phone".to_owned()) && edit.fields.contains(&"birth_date".to_owned()),
        "{edit:?}"
    );
    assert!(!edit.fields.contains(&"full_name".to_owned()), "only what changed: {edit:?}");
    assert!(
        edit.field_labels.contains(&"Điện thoại".to_owned())
            && edit.field_labels.contains(&"Ngày sinh".to_owned())
    );
    assert!(page.entities.contains(&("staff".to_owned(), "Cán bộ".to_owned())));

    let csv = String::from_utf8(api.audit_csv(&AuditQuery::default()).unwrap()).unwrap();
    assert!(csv.starts_with('\u{feff}'), "a byte order mark so Excel reads UTF-8");
    assert!(csv.contains("Thời gian,Người dùng máy,Đối tượng,Mã,Thao tác,Các mục thay đổi"));
    assert!(csv.contains("Đánh dấu đã nghỉ"));
    assert_eq!(csv.lines().count(), rows.len() + 1);
    assert_clean("audit CSV", &csv);

    let none = AuditQuery {
        from: VnDate::from_ymd(2001, 1, 1),
        to: VnDate::from_ymd(2001, 1, 2),
        ..AuditQuery::default()
    };
    assert_eq!(api.audit_search(&none).unwrap().total, 0, "the date filter applies");
}

#[test]
fn error_messages_never_repeat_a_personal_value() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir.path().join("chungthu.db"));
    api.add_staff(&input(&PEOPLE[0])).unwrap();
    let mut errors: Vec<ApiError> = Vec::new();
    // Duplicate CCCD, wrong shapes, impossible dates, a CCCD that disagrees
    // with the birth date — each value is one the checks look for.
    errors.push(api.add_staff(&input(&PEOPLE[0])).unwrap_err());
    for (cccd, phone, birth) in [
        ("03118501234", PEOPLE[1].phone, PEOPLE[1].birth),
        (PEOPLE[1].cccd, "091234567", PEOPLE[1].birth),
        (PEOPLE[1].cccd, PEOPLE[1].phone, "31/02/1979"),
        (PEOPLE[2].cccd, PEOPLE[2].phone, "29/02/2030"),
    ] {
        let mut i = input(&PEOPLE[1]);
        (i.cccd, i.phone, i.birth_date) = (cccd.into(), phone.into(), birth.into());
        match api.add_staff(&i) {
            Err(e) => errors.push(e),
            Ok(saved) => {
                for w in &saved.warnings {
                    assert_clean("a warning", &w.message);
                }
            }
        }
    }
    let mut mismatched = input(&PEOPLE[2]);
    mismatched.birth_date = PEOPLE[1].birth.into();
    for w in api.check_staff(&mismatched, None).unwrap() {
        assert_clean("a warning", &w.message);
    }
    errors.push(api.staff(4242).unwrap_err());
    assert!(errors.len() >= 4, "{errors:?}");
    for e in &errors {
        assert_clean("an ApiError", &e.to_string());
        assert_clean("an ApiError body", &serde_json::to_string(&e.body()).unwrap());
    }
}

#[test]
fn a_person_can_see_everything_held_about_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir.path().join("chungthu.db"));
    let ids = busy_day(&mut api);
    let export = api.export_person(ids[0]).unwrap();
    let json = serde_json::to_value(&export).unwrap();
    assert_eq!(json["staff"]["cccd"], PEOPLE[0].cccd, "their own data, all of it");
    assert_eq!(json["staff"]["phone"], PEOPLE[0].phone);
    assert_eq!(json["audit"].as_array().unwrap().len(), 3);
    assert_eq!(json["certificates"], serde_json::json!([]));
    assert_eq!(json["requests"], serde_json::json!([]));
    assert_eq!(json["staff"]["erased_at"], serde_json::Value::Null);
    let log = api.audit_search(&AuditQuery { entity_id: Some(ids[0]), ..AuditQuery::default() }).unwrap();
    assert_eq!(log.items[0].action, "export_personal_data", "handing data out is recorded too");
}

fn in_2027() -> VnDate {
    VnDate::from_ymd(2027, 9, 2).unwrap()
}

#[test]
fn personal_data_is_erased_only_a_year_after_leaving_and_history_stays() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("chungthu.db");
    let mut api = open(&db);
    let ids = busy_day(&mut api);
    // ids[1] left on 01/09/2025: more than a year before "today" (23/11/2026).
    let active = api.erase_personal_data(ids[0]).unwrap_err();
    assert!(active.to_string().contains("đang công tác"), "{active}");

    let leaving = Leaving { reason: LeftReason::Retired, on: "01/09/2026".into(), note: String::new() };
    api.mark_left(ids[2], &leaving).unwrap();
    let recent = api.erase_personal_data(ids[2]).unwrap_err();
    assert!(recent.to_string().contains("01/09/2027"), "says from when: {recent}");
    drop(api);
    let mut later = Api::open(&db).unwrap().with_today(in_2027);
    assert!(later.erase_personal_data(ids[2]).is_ok(), "a year and a day later");
    drop(later);

    let mut api = open(&db);
    let erased = api.erase_personal_data(ids[1]).unwrap();
    assert_eq!(erased.full_name, PEOPLE[1].name, "the name stays");
    assert_eq!(erased.status, StaffStatus::Left);
    assert_eq!(erased.left_reason, Some(LeftReason::Transfer), "the leaving details stay");
    assert!(erased.erased_at.is_some(), "the window is told when the data was erased");
    for (what, value) in [
        ("cccd", erased.cccd.is_some()),
        ("phone", erased.phone.is_some()),
        ("email", erased.email.is_some()),
        ("notes", erased.notes.is_some()),
        ("birth_date", erased.birth_date.is_some()),
        ("birth_year", erased.birth_year.is_some()),
        ("cccd_issued_on", erased.cccd_issued_on.is_some()),
    ] {
        assert!(!value, "{what} is cleared");
    }
    let by_phone = StaffQuery { search: PEOPLE[1].phone.into(), ..StaffQuery::default() };
    assert_eq!(api.list_staff(&by_phone).unwrap().total, 0, "the search text forgot the phone too");
    let by_cccd = StaffQuery { search: PEOPLE[1].cccd.into(), ..StaffQuery::default() };
    assert_eq!(api.list_staff(&by_cccd).unwrap().total, 0);
    let conn = Connection::open(&db).unwrap();
    let raw: String = conn
        .query_row(
            "SELECT quote(staff.search_text) || coalesce(erased_at, '') FROM staff WHERE id = ?1",
            [ids[1]],
            |r| r.get(0),
        )
        .unwrap();
    assert_clean("the erased row", &raw);
    let again = api.erase_personal_data(ids[1]).unwrap_err();
    assert!(again.to_string().contains("đã được xoá"), "{again}");
    let export = serde_json::to_value(api.export_person(ids[1]).unwrap()).unwrap();
    assert!(export["staff"]["erased_at"].is_string());
    let log = api.audit_search(&AuditQuery { entity_id: Some(ids[1]), ..AuditQuery::default() }).unwrap();
    assert!(
        log.items.iter().any(|r| r.action == "erase_personal_data" && r.fields.contains(&"cccd".to_owned()))
    );
}
