//! Certificates, the expiry dashboard, imports and the life of requests,
//! through the api on a temporary database with "today" pinned.

mod common;

use common::{add, cert_input, june_2026, open, person};

use chungthu_api::certs::{
    CertInput, CertQuery, CertStatus, Holder, ImportChoice, ImportStatus, MatchKind, read_cert_files,
};
use chungthu_api::model::certificate::CertForm;
use chungthu_api::model::provider::CertKind;
use chungthu_api::model::request::{RequestKind, RequestStatus};
use chungthu_api::model::{LeftReason, StaffInput, VnDate};
use chungthu_api::requests::{RequestInput, RequestQuery};
use chungthu_api::staff::Leaving;
use chungthu_api::{Api, ApiError};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../certs/tests/fixtures").join(name)
}

/// A person with everything the issuance form needs.
fn complete(name: &str, cccd: &str, birth: &str) -> StaffInput {
    person(name, cccd, birth, "0912345678")
}

fn cert(holder: Holder, serial: &str, valid_to: &str) -> CertInput {
    cert_input(holder, CertKind::Specialised, serial, valid_to)
}

fn count_certs(api: &Api) -> usize {
    api.list_certificates(&CertQuery::default()).unwrap().len()
}

#[test]
fn providers_are_seeded_once_and_editable() {
    let dir = tempfile::tempdir().unwrap();
    let seeded = open(&dir).providers().unwrap();
    assert!(seeded.iter().any(|p| p.short_name == "VNPT-CA" && p.builtin), "the seed holds VNPT-CA");
    let mut api = open(&dir);
    assert_eq!(api.providers().unwrap().len(), seeded.len(), "reopening does not seed again");
    let vnpt = seeded.iter().find(|p| p.short_name == "VNPT-CA").unwrap();
    let input = chungthu_api::certs::ProviderInput {
        name: vnpt.name.clone(),
        short_name: "VNPT".into(),
        kind: CertKind::Public,
        issuer_fragments: "VNPT Certification Authority\n\n  VNPT-CA  ".into(),
    };
    let edited = api.edit_provider(vnpt.id, &input).unwrap();
    assert_eq!(edited.short_name, "VNPT");
    assert_eq!(
        edited.issuer_fragments,
        ["VNPT Certification Authority", "VNPT-CA"],
        "one fragment per line, blanks dropped"
    );
    let dup = api.add_provider(&input);
    assert!(matches!(dup, Err(ApiError::Invalid(_))), "two providers cannot share a name");
}

#[test]
fn dashboard_counts_expired_expiring_and_people_without_a_usable_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir);
    let an = add(&mut api, complete("Nguyễn Văn An", "031080000001", "01/02/1980"));
    let binh = add(&mut api, complete("Trần Thị Bình", "031185000002", "01/02/1985"));
    let cuc = add(&mut api, complete("Lê Thị Cúc", "031190000003", "01/02/1990"));
    let dung = add(&mut api, complete("Phạm Văn Dũng", "031092000004", "01/02/1992"));
    let left = add(&mut api, complete("Hoàng Văn Em", "031088000005", "01/02/1988"));
    api.add_certificate(&cert(Holder::Staff(an), "A1", "01/05/2026")).unwrap(); // expired a month ago
    api.add_certificate(&cert(Holder::Staff(binh), "B1", "21/06/2026")).unwrap(); // 20 days left
    api.add_certificate(&cert(Holder::Staff(cuc), "C1", "01/06/2028")).unwrap(); // valid
    api.add_certificate(&cert(Holder::Staff(cuc), "C0", "01/01/2025")).unwrap(); // old, replaced by C1
    api.add_certificate(&cert(Holder::Staff(left), "E1", "01/08/2026")).unwrap(); // 61 days left
    api.mark_left(
        left,
        &Leaving { reason: LeftReason::Retired, on: "01/05/2026".into(), note: String::new() },
    )
    .unwrap();

    let d = api.dashboard().unwrap();
    assert_eq!(d.reminder_days, [90, 30, 7], "default thresholds");
    let serials =
        |v: &[chungthu_api::certs::CertView]| v.iter().map(|c| c.serial_hex.clone()).collect::<Vec<_>>();
    assert_eq!(serials(&d.expired), ["A1"], "C0 is replaced by a newer usable certificate of the same kind");
    assert_eq!(
        serials(&d.expiring),
        ["B1"],
        "the leaver's certificate is a revocation matter, not a reminder"
    );
    assert_eq!(d.expiring[0].days_left, 20);
    let names: Vec<&str> = d.without_valid.iter().map(|s| s.full_name.as_str()).collect();
    assert_eq!(names, ["Nguyễn Văn An", "Phạm Văn Dũng"], "expired or none; leavers are not counted");
    assert_eq!(d.usable_count, 3, "B1, C1 and E1 are still usable");
    assert_eq!(d.without_valid.iter().map(|s| s.id).collect::<Vec<_>>(), [an, dung]);

    let within_30 =
        api.list_certificates(&CertQuery { expiring_within: Some(30), ..CertQuery::default() }).unwrap();
    assert_eq!(serials(&within_30), ["B1"]);
    let expired = api
        .list_certificates(&CertQuery { statuses: vec![CertStatus::Expired], ..CertQuery::default() })
        .unwrap();
    assert_eq!(serials(&expired), ["C0", "A1"], "soonest expiry first");

    // Smaller thresholds: 20 days left is no longer "expiring" under a 14-day window.
    api.save_reminder_days(&[14, 3]).unwrap();
    assert!(api.dashboard().unwrap().expiring.is_empty());
    assert!(matches!(api.save_reminder_days(&[0]), Err(ApiError::Invalid(_))));
}

#[test]
fn reminders_are_said_once_per_threshold_crossed() {
    fn later() -> VnDate {
        VnDate::from_ymd(2026, 6, 20).unwrap()
    }
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir);
    let an = add(&mut api, complete("Nguyễn Văn An", "031080000001", "01/02/1980"));
    api.add_certificate(&cert(Holder::Staff(an), "A1", "26/06/2026")).unwrap(); // 25 days left on 1 June
    let first = api.expiry_check().unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].threshold, Some(30));
    assert!(api.expiry_check().unwrap().is_empty(), "nothing new on the second check");
    drop(api);
    let mut api = Api::open(&dir.path().join("t.db")).unwrap().with_today(later);
    let again = api.expiry_check().unwrap();
    assert_eq!(again.len(), 1, "6 days left crosses the 7-day threshold");
    assert_eq!(again[0].threshold, Some(7));
}

#[test]
fn import_matches_by_identity_number_then_by_name_and_previews_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir);
    let huong = add(&mut api, complete("Nguyễn Thị Hương", "031185001234", "05/03/1985"));
    // Đức has no CCCD in the register yet: only his name can match.
    let duc = add(&mut api, StaffInput { full_name: "Đặng Văn Đức".into(), ..StaffInput::default() });
    let files: Vec<PathBuf> = [
        "huong.cer",
        "duc.crt",
        "school.cer",
        "truncated.cer",
        "vgca-root.cer",
        "huong-bundle.p7b",
        "không có.cer",
    ]
    .into_iter()
    .map(fixture)
    .collect();
    let preview = api.import_preview(&read_cert_files(&files)).unwrap();
    assert_eq!(preview.len(), 7, "one result per file");
    assert_eq!(preview[0].matched, Some(MatchKind::Cccd));
    assert_eq!(preview[0].staff_id, Some(huong));
    assert_eq!(preview[0].provider.as_deref(), Some("Ban Cơ yếu"));
    assert_eq!(preview[0].status, Some(CertStatus::Valid));
    assert_eq!(
        preview[1].matched,
        Some(MatchKind::Name),
        "ĐẶNG VĂN ĐỨC folds to the register's Đặng Văn Đức"
    );
    assert_eq!(preview[1].staff_id, Some(duc));
    assert_eq!(preview[1].status, Some(CertStatus::Expired));
    assert_eq!(preview[2].matched, Some(MatchKind::Unit), "a tax code names an organisation");
    assert_eq!(preview[3].error.as_ref().unwrap().code, "cert_damaged");
    assert!(preview[3].error.as_ref().unwrap().message.contains("bị hỏng"));
    assert_eq!(preview[4].error.as_ref().unwrap().code, "cert_is_ca");
    assert_eq!(
        preview[5].error.as_ref().unwrap().code,
        "cert_repeated",
        "the bundle holds the same certificate"
    );
    assert_eq!(preview[6].error.as_ref().unwrap().code, "file_missing");
    assert_eq!(count_certs(&api), 0, "a preview writes nothing");

    let choose = |i: usize, holder| ImportChoice { file: preview[i].file.clone(), holder };
    let out = api
        .import_apply(&[
            choose(0, Holder::Staff(huong)),
            choose(1, Holder::Staff(duc)),
            choose(2, Holder::Unit),
        ])
        .unwrap();
    assert!(out.iter().all(|o| o.status == ImportStatus::Added), "{out:?}");
    let mine = api.list_certificates(&CertQuery { staff_id: Some(huong), ..CertQuery::default() }).unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].serial_hex, "8A3C5E7F00112233445566778899AABB");
    assert_eq!(mine[0].valid_to, VnDate::from_ymd(2028, 3, 9).unwrap());
    assert_eq!(mine[0].kind, CertKind::Specialised, "kind follows the recognised provider");
    let unit = api.list_certificates(&CertQuery::default()).unwrap();
    assert!(unit.iter().any(|c| c.staff_id.is_none() && c.provider.as_deref() == Some("VNPT-CA")));

    // The same certificate again, from the bundle: reported, not duplicated.
    let again = api.import_preview(&read_cert_files(&[fixture("huong-bundle.p7b")])).unwrap();
    assert_eq!(again[0].duplicate_of, Some(mine[0].id));
    let out = api
        .import_apply(&[ImportChoice {
            file: fixture("huong-bundle.p7b").display().to_string(),
            holder: Holder::Staff(huong),
        }])
        .unwrap();
    assert_eq!(out[0].status, ImportStatus::Duplicate);
    assert_eq!(out[0].certificate_id, Some(mine[0].id));
    assert_eq!(count_certs(&api), 3);
}

#[test]
fn a_broken_file_leaves_the_database_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir);
    let huong = add(&mut api, complete("Nguyễn Thị Hương", "031185001234", "05/03/1985"));
    let audit_before = api.audit_recent(100).unwrap();
    let out = api
        .import_apply(&[
            ImportChoice {
                file: fixture("truncated.cer").display().to_string(),
                holder: Holder::Staff(huong),
            },
            ImportChoice { file: fixture("huong.pfx").display().to_string(), holder: Holder::Staff(huong) },
        ])
        .unwrap();
    assert_eq!(out[0].status, ImportStatus::Error);
    assert_eq!(out[1].error.as_ref().unwrap().code, "cert_private_key");
    assert!(out[1].error.as_ref().unwrap().message.contains("KHÓA BÍ MẬT"));
    assert_eq!(count_certs(&api), 0);
    assert_eq!(api.audit_recent(100).unwrap(), audit_before, "not even an audit entry");
}

#[test]
fn a_folder_is_read_whole_each_file_with_its_own_result() {
    let dir = tempfile::tempdir().unwrap();
    let api = open(&dir);
    let folder = dir.path().join("Chứng thư số");
    std::fs::create_dir_all(folder.join("cũ")).unwrap();
    std::fs::copy(fixture("huong.cer"), folder.join("huong.cer")).unwrap();
    std::fs::copy(fixture("lan.cer"), folder.join("cũ/lan.CER")).unwrap();
    std::fs::copy(fixture("empty.cer"), folder.join("empty.cer")).unwrap();
    std::fs::write(folder.join("ghi chú.txt"), "không phải chứng thư").unwrap();
    let preview = api.import_preview(&read_cert_files(std::slice::from_ref(&folder))).unwrap();
    // Each file its own result, in name order: read, or the reason it was not.
    let results: Vec<(String, Option<String>, Option<String>)> = preview
        .iter()
        .map(|i| {
            let name = Path::new(&i.file).strip_prefix(&folder).unwrap().display().to_string();
            (name, i.subject_name.clone(), i.error.as_ref().map(|e| e.code.clone()))
        })
        .collect();
    let lan = preview[0].subject_name.clone();
    assert!(lan.is_some(), "{preview:?}");
    assert_eq!(
        results,
        vec![
            (Path::new("cũ").join("lan.CER").display().to_string(), lan, None),
            ("empty.cer".into(), None, Some("cert_empty".into())),
            ("huong.cer".into(), Some("Nguyễn Thị Hương".into()), None),
        ],
        "only certificate files, subfolders too"
    );
}

#[test]
fn a_huge_folder_is_cut_short_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let api = open(&dir);
    let folder = dir.path().join("Ổ đĩa chọn nhầm");
    std::fs::create_dir_all(&folder).unwrap();
    for n in 0..1_001 {
        std::fs::write(folder.join(format!("{n:04}.cer")), b"").unwrap();
    }
    let preview = api.import_preview(&read_cert_files(std::slice::from_ref(&folder))).unwrap();
    let cut: Vec<_> =
        preview.iter().filter(|i| i.error.as_ref().is_some_and(|e| e.code == "folder_too_large")).collect();
    assert_eq!(cut.len(), 1, "the cut is reported once");
    assert_eq!(cut[0].file, folder.display().to_string());
    assert!(cut[0].error.as_ref().unwrap().message.contains("1000 tệp"), "{:?}", cut[0].error);
    assert_eq!(preview.len(), 1 + 1_000, "at most 1000 files read");

    std::fs::remove_file(folder.join("1000.cer")).unwrap();
    let whole = api.import_preview(&read_cert_files(&[folder])).unwrap();
    assert_eq!(whole.len(), 1_000, "1000 files are read whole, with no cut reported");
    assert!(whole.iter().all(|i| i.error.as_ref().is_some_and(|e| e.code == "cert_empty")));
}

#[test]
fn requests_follow_their_life_and_illegal_moves_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir);
    let an = add(&mut api, complete("Nguyễn Văn An", "031080000001", "01/02/1980"));
    let r = api
        .add_request(&RequestInput {
            staff_id: an,
            kind: RequestKind::Issuance,
            reason: None,
            detail: String::new(),
            certificate_id: None,
        })
        .unwrap();
    assert_eq!(r.status, RequestStatus::Marked);
    assert!(r.missing.is_empty(), "{:?}", r.missing);

    let skip = api.move_request(r.id, RequestStatus::Sent, "");
    match skip {
        Err(ApiError::Refused(m)) => {
            assert!(m.contains("từ “Đã đánh dấu” sang “Đã gửi”"), "{m}");
            assert!(m.contains("chỉ chuyển được sang: “Đã xuất danh sách”"), "{m}");
        }
        other => panic!("marked → sent must be refused, got {other:?}"),
    }
    api.move_request(r.id, RequestStatus::Exported, "").unwrap();
    api.move_request(r.id, RequestStatus::Sent, "").unwrap();
    assert!(
        matches!(api.move_request(r.id, RequestStatus::Rejected, " "), Err(ApiError::Invalid(_))),
        "a rejection needs a note"
    );
    let rejected = api.move_request(r.id, RequestStatus::Rejected, "Sở yêu cầu bổ sung email").unwrap();
    assert_eq!(rejected.last_note.as_deref(), Some("Sở yêu cầu bổ sung email"));
    api.move_request(r.id, RequestStatus::Marked, "").unwrap();
    api.move_request(r.id, RequestStatus::Exported, "").unwrap();
    api.move_request(r.id, RequestStatus::Sent, "").unwrap();
    let done = api.move_request(r.id, RequestStatus::Done, "").unwrap();
    assert_eq!(done.status, RequestStatus::Done);
    assert!(
        matches!(api.move_request(r.id, RequestStatus::Marked, ""), Err(ApiError::Refused(m)) if m.contains("đã xong"))
    );

    let history = api.staff_history(an).unwrap();
    let steps: Vec<(Option<RequestStatus>, RequestStatus)> =
        history.events.iter().map(|e| (e.from_status, e.to_status)).collect();
    use RequestStatus::*;
    assert_eq!(
        steps,
        [
            (None, Marked),
            (Some(Marked), Exported),
            (Some(Exported), Sent),
            (Some(Sent), Rejected),
            (Some(Rejected), Marked),
            (Some(Marked), Exported),
            (Some(Exported), Sent),
            (Some(Sent), Done)
        ],
        "every change is written, in order"
    );
    assert!(history.events.iter().all(|e| e.at == june_2026()), "dated with today");
    assert_eq!(
        api.list_requests(&RequestQuery { status: Some(Done), ..RequestQuery::default() }).unwrap().len(),
        1
    );
}

#[test]
fn a_request_whose_form_lacks_data_says_what_is_missing_and_cannot_go_into_a_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir);
    let binh = add(
        &mut api,
        StaffInput {
            full_name: "Trần Văn Bình".into(),
            cccd: "031080001234".into(),
            ..StaffInput::default()
        },
    );
    let r = api
        .add_request(&RequestInput {
            staff_id: binh,
            kind: RequestKind::Issuance,
            reason: None,
            detail: String::new(),
            certificate_id: None,
        })
        .unwrap();
    let fields: Vec<&str> = r.missing.iter().map(|p| p.field.label()).collect();
    assert_eq!(fields, ["Ngày sinh", "Chức vụ", "Ngày cấp CCCD", "Điện thoại"]);
    match api.move_request(r.id, RequestStatus::Exported, "") {
        Err(ApiError::Refused(m)) => {
            assert!(m.contains("còn thiếu Ngày sinh, Chức vụ, Ngày cấp CCCD, Điện thoại"), "{m}");
            assert!(!m.contains("031080001234"), "never the CCCD itself");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(api.request(r.id).unwrap().status, RequestStatus::Marked, "nothing moved");
    let again = api.add_request(&RequestInput {
        staff_id: binh,
        kind: RequestKind::Issuance,
        reason: None,
        detail: String::new(),
        certificate_id: None,
    });
    assert!(
        matches!(again, Err(ApiError::Refused(m)) if m.contains("đang chờ")),
        "one open request per kind"
    );
    let no_reason = api.add_request(&RequestInput {
        staff_id: binh,
        kind: RequestKind::Revocation,
        reason: None,
        detail: String::new(),
        certificate_id: None,
    });
    assert!(matches!(no_reason, Err(ApiError::Invalid(_))), "a revocation needs its case");
}

#[test]
fn leaving_proposes_revoking_each_usable_certificate_with_the_matching_case() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir);
    let huong = add(&mut api, complete("Nguyễn Thị Hương", "031185001234", "05/03/1985"));
    api.import_apply(&[ImportChoice {
        file: fixture("huong.cer").display().to_string(),
        holder: Holder::Staff(huong),
    }])
    .unwrap();
    api.add_certificate(&cert(Holder::Staff(huong), "0BAD", "01/01/2025")).unwrap(); // expired: nothing to revoke
    assert!(api.revocation_proposals(huong).unwrap().is_empty(), "a working person has no proposals");

    api.mark_left(
        huong,
        &Leaving { reason: LeftReason::Transfer, on: "15/05/2026".into(), note: String::new() },
    )
    .unwrap();
    let proposals = api.revocation_proposals(huong).unwrap();
    assert_eq!(proposals.len(), 1);
    assert_eq!(proposals[0].reason, LeftReason::Transfer);
    assert_eq!(proposals[0].certificate.serial_hex, "8A3C5E7F00112233445566778899AABB");

    let p = &proposals[0];
    let r = api
        .add_request(&RequestInput {
            staff_id: huong,
            kind: RequestKind::Revocation,
            reason: Some(p.reason),
            detail: p.detail.clone(),
            certificate_id: Some(p.certificate.id),
        })
        .unwrap();
    assert!(r.missing.is_empty(), "{:?}", r.missing);
    assert_eq!(r.provider.as_deref(), Some("Ban Cơ yếu Chính phủ"), "the form's Đơn vị cung cấp");
    assert!(api.revocation_proposals(huong).unwrap().is_empty(), "proposed once");
    for to in [RequestStatus::Exported, RequestStatus::Sent, RequestStatus::Done] {
        api.move_request(r.id, to, "").unwrap();
    }
    let c = api.certificate(p.certificate.id).unwrap();
    assert_eq!(c.status, CertStatus::Revoked, "a finished revocation marks the certificate");
    assert_eq!(c.revoked_on, Some(june_2026()));
}

#[test]
fn bulk_marking_skips_people_who_cannot_have_it_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir);
    let an = add(&mut api, complete("Nguyễn Văn An", "031080000001", "01/02/1980"));
    let binh = add(&mut api, complete("Trần Thị Bình", "031185000002", "01/02/1985"));
    api.add_request(&RequestInput {
        staff_id: binh,
        kind: RequestKind::Issuance,
        reason: None,
        detail: String::new(),
        certificate_id: None,
    })
    .unwrap();
    let out = api
        .add_requests(&chungthu_api::requests::BulkRequestInput {
            staff_ids: vec![an, binh],
            kind: RequestKind::Issuance,
            reason: None,
            detail: String::new(),
        })
        .unwrap();
    assert_eq!(out.added.len(), 1);
    assert_eq!(out.added[0].staff_id, an);
    assert_eq!(out.skipped.len(), 1);
    assert!(out.skipped[0].message.contains("đang chờ"), "{}", out.skipped[0].message);
}

#[test]
fn the_expiry_calendar_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir);
    let an = add(&mut api, complete("Nguyễn Văn An", "031080000001", "01/02/1980"));
    api.add_certificate(&cert(Holder::Staff(an), "A1", "01/05/2027")).unwrap();
    api.add_certificate(&cert(Holder::Staff(an), "A0", "01/05/2025")).unwrap();
    let path = dir.path().join("Lịch hết hạn.ics");
    std::fs::write(&path, "old").unwrap();
    assert_eq!(api.write_expiry_calendar(&path).unwrap(), 1, "expired certificates are left out");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    assert!(text.contains("DTSTART;VALUE=DATE:20270501"));
    assert_eq!(text.matches("BEGIN:VALARM").count(), 3, "one reminder per threshold");
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 4, "database, its WAL and SHM files, and the calendar: no temporary file left");
}

#[test]
fn certificates_typed_by_hand_are_checked_and_can_be_marked_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir);
    let an = add(&mut api, complete("Nguyễn Văn An", "031080000001", "01/02/1980"));
    let mut bad = cert(Holder::Staff(an), "zz-12", "31/02/2027");
    bad.valid_from = "02/01/2028".into();
    match api.add_certificate(&bad) {
        Err(ApiError::Invalid(p)) => {
            let codes: Vec<&str> = p.iter().map(|x| x.code.as_str()).collect();
            assert_eq!(codes, ["serial_hex", "date_shape"]);
        }
        other => panic!("expected problems, got {other:?}"),
    }
    let c = api.add_certificate(&cert(Holder::Staff(an), "8a:3c 5e", "01/05/2027")).unwrap();
    assert_eq!(c.serial_hex, "8A3C5E", "separators dropped, upper case");
    assert_eq!(c.subject_name, "Nguyễn Văn An", "the holder's name when none is typed");
    assert!(matches!(
        api.add_certificate(&cert(Holder::Staff(an), "8A3C5E", "01/05/2027")),
        Err(ApiError::Invalid(_))
    ));
    // An edit rewrites every editable field, each into its own column.
    let vnpt = api.providers().unwrap().into_iter().find(|p| p.short_name == "VNPT-CA").unwrap();
    let edited = CertInput {
        provider_id: Some(vnpt.id),
        kind: CertKind::Public,
        form: Some(CertForm::Sim),
        subject_name: "Trường THCS Lê Lợi".into(),
        purpose: "Ký hồ sơ thuế điện tử".into(),
        notes: "Chuyển sang chứng thư của đơn vị".into(),
        ..cert(Holder::Unit, "8a3c5f", "30/06/2028")
    };
    let e = api.edit_certificate(c.id, &edited).unwrap();
    let got = (e.staff_id, e.provider_id, e.kind, e.form, e.serial_hex.as_str(), e.subject_name.as_str());
    assert_eq!(
        got,
        (None, Some(vnpt.id), CertKind::Public, Some(CertForm::Sim), "8A3C5F", "Trường THCS Lê Lợi")
    );
    let dates = (e.valid_from.map(VnDate::iso), e.valid_to.iso());
    assert_eq!(dates, (Some("2024-01-01".to_owned()), "2028-06-30".to_owned()));
    assert_eq!(e.purpose.as_deref(), Some("Ký hồ sơ thuế điện tử"));
    assert_eq!(
        api.edit_certificate(c.id, &cert(Holder::Staff(an), "8A3C5E", "01/05/2027")).unwrap().subject_name,
        "Nguyễn Văn An"
    );
    let revoked = api.mark_revoked(c.id, "20/05/2026").unwrap();
    assert_eq!(revoked.status, CertStatus::Revoked);
    assert_eq!(api.mark_revoked(c.id, "").unwrap().status, CertStatus::Valid, "the mark can be taken back");
}
