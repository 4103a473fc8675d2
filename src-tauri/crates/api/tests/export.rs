//! Word forms through the api on a temporary database with "today" pinned:
//! every exported document read back with docx-rs and compared cell by cell
//! with the register; the batch recorded with the file's real SHA-256;
//! requests moved to "exported"; supersede; re-export; refusals; a failed
//! write leaving the database and the target as they were.
//!
//! Set `CHUNGTHU_EXPORT_SAMPLES=/some/dir` to keep one document of each
//! kind (for rendering and looking at them).

mod common;

use common::{add, cert_input, june_2026, open, person};

use chungthu_api::certs::{CertInput, CertQuery, CertStatus, Holder};
use chungthu_api::export::{ExportReview, FlagLevel};
use chungthu_api::model::batch::{BatchKind, DateMode};
use chungthu_api::model::provider::CertKind;
use chungthu_api::model::request::{RequestKind, RequestStatus};
use chungthu_api::model::unit::Unit;
use chungthu_api::model::{LeftReason, StaffInput, VnDate};
use chungthu_api::requests::{RequestInput, RequestQuery};
use chungthu_api::staff::Leaving;
use chungthu_api::{Api, ApiError};
use docx_rs::{DocumentChild, ParagraphChild, RunChild, TableCellContent, TableChild, TableRowChild};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

fn july_2026() -> VnDate {
    VnDate::from_ymd(2026, 7, 15).unwrap()
}

fn unit() -> Unit {
    Unit {
        name: "Trường THCS Lê Lợi".into(),
        managing_body: "UBND phường Lê Chân".into(),
        commune: "UBND phường Lê Chân".into(),
        place: "Hải Phòng".into(),
        signer_name: "Nguyễn Văn Bình".into(),
        focal_name: "Đặng Thị Hồng Ngọc".into(),
        focal_phone: "0912000111".into(),
        ..Unit::default()
    }
}

fn request(api: &mut Api, staff_id: i64, kind: RequestKind, cert: Option<i64>, detail: &str) -> i64 {
    let reason = (kind == RequestKind::Revocation).then_some(LeftReason::Transfer);
    let input = RequestInput { staff_id, kind, reason, detail: detail.into(), certificate_id: cert };
    api.add_request(&input).unwrap().id
}

fn cert(api: &mut Api, holder: Holder, serial: &str, valid_to: &str, subject: &str) -> i64 {
    let vnpt = api.providers().unwrap().into_iter().find(|p| p.short_name == "VNPT-CA").unwrap();
    let input = CertInput {
        provider_id: Some(vnpt.id),
        subject_name: subject.into(),
        ..cert_input(holder, CertKind::Public, serial, valid_to)
    };
    api.add_certificate(&input).unwrap().id
}

type Grid = Vec<Vec<String>>;

fn cell_text(cell: &docx_rs::TableCell) -> String {
    cell.children
        .iter()
        .filter_map(|c| match c {
            TableCellContent::Paragraph(p) => Some(p.raw_text()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The data tables of a document (all but the national header and the
/// signature block), as text cells.
fn data_tables(bytes: &[u8]) -> Vec<Grid> {
    let docx = docx_rs::read_docx(bytes).expect("docx-rs reads the file back");
    let mut tables: Vec<Grid> = docx
        .document
        .children
        .iter()
        .filter_map(|c| match c {
            DocumentChild::Table(t) => Some(
                t.rows
                    .iter()
                    .map(|TableChild::TableRow(r)| {
                        r.cells.iter().map(|TableRowChild::TableCell(c)| cell_text(c)).collect()
                    })
                    .collect(),
            ),
            _ => None,
        })
        .collect();
    tables.pop();
    tables.remove(0);
    tables
}

/// Every text of the document in order (paragraphs and table cells).
fn document_text(bytes: &[u8]) -> Vec<String> {
    let docx = docx_rs::read_docx(bytes).expect("docx-rs reads the file back");
    let mut out = Vec::new();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => out.push(
                p.children
                    .iter()
                    .filter_map(|c| match c {
                        ParagraphChild::Run(r) => Some(
                            r.children
                                .iter()
                                .filter_map(|t| match t {
                                    RunChild::Text(t) => Some(t.text.clone()),
                                    _ => None,
                                })
                                .collect::<String>(),
                        ),
                        _ => None,
                    })
                    .collect(),
            ),
            DocumentChild::Table(t) => {
                for TableChild::TableRow(r) in &t.rows {
                    for TableRowChild::TableCell(c) in &r.cells {
                        out.push(cell_text(c));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Keeps a copy of a sample when asked (for rendering).
fn keep(path: &Path, kind: BatchKind) {
    if let Ok(dir) = std::env::var("CHUNGTHU_EXPORT_SAMPLES") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(path, Path::new(&dir).join(format!("{}.docx", kind.as_str()))).unwrap();
    }
}

fn d(s: &str) -> String {
    VnDate::parse(s).unwrap().to_string()
}

/// The review's cells are the document's rows; the header row is the
/// review's columns.
fn assert_document_is_the_review(bytes: &[u8], review: &ExportReview) -> Grid {
    let tables = data_tables(bytes);
    let table = tables.last().expect("a data table").clone();
    let headers: Vec<String> = review.columns.iter().map(|c| c.header.clone()).collect();
    assert_eq!(table[0], headers, "header row");
    let cells: Grid = review.rows.iter().map(|r| r.cells.clone()).collect();
    assert_eq!(&table[1..], cells.as_slice(), "the review shows exactly the document's rows, in its order");
    table
}

struct School {
    dir: tempfile::TempDir,
    api: Api,
    ids: Vec<i64>,
}

/// Five people in an unsorted order; Hanoi CCCDs start with 001 (the zeros
/// a spreadsheet would drop), phones with 0.
fn school() -> School {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir);
    api.save_unit(unit()).unwrap();
    let people = [
        person("Trần Văn Anh", "001080000101", "05/03/1980", "0912345678"),
        person("Lê Thị Đào", "031185000102", "20/11/1985", "0387654321"),
        person("Nguyễn Thị Ánh", "001190000103", "01/02/1990", "0701234567"),
        person("Phạm Văn Dũng", "031088000104", "15/08/1988", "0901000002"),
        // The CCCD encodes 1985 but the birth date says 1990: saved with a warning.
        person("Đỗ Thị Bích", "001185000105", "09/09/1990", "0911000003"),
    ];
    let ids = people.into_iter().map(|p| add(&mut api, p)).collect();
    School { dir, api, ids }
}

fn out(s: &School, name: &str) -> PathBuf {
    s.dir.path().join(name)
}

#[test]
fn issuance_list_is_the_register_cell_by_cell_and_the_batch_is_recorded() {
    let mut s = school();
    for &id in &s.ids {
        request(&mut s.api, id, RequestKind::Issuance, None, "");
    }
    let review = s.api.export_review(BatchKind::Issuance, DateMode::Today).unwrap();
    let names: Vec<&str> = review.rows.iter().map(|r| r.full_name.as_str()).collect();
    assert_eq!(
        names,
        ["Trần Văn Anh", "Nguyễn Thị Ánh", "Đỗ Thị Bích", "Phạm Văn Dũng", "Lê Thị Đào"],
        "Vietnamese order by given name: a < á, d < đ"
    );
    assert_eq!(review.blocking, 0);
    let bich = review.rows.iter().find(|r| r.full_name == "Đỗ Thị Bích").unwrap();
    assert_eq!(bich.flags.len(), 1);
    assert_eq!(bich.flags[0].label, "CCCD không khớp ngày sinh");
    assert_eq!(bich.flags[0].level, FlagLevel::Warning, "a warning is printed as it is");
    assert!(
        review.default_file_name.starts_with("Danh sách đề nghị cấp CTS - Trường THCS Lê Lợi - 01-06-2026")
    );
    let page = review.page.as_ref().expect("a preview page");
    assert_eq!(page.date_line, "Hải Phòng, ngày 01 tháng 6 năm 2026");

    let file = out(&s, &review.default_file_name);
    let outcome = s.api.export(BatchKind::Issuance, &file, DateMode::Today, None).unwrap();
    keep(&file, BatchKind::Issuance);
    let bytes = std::fs::read(&file).unwrap();
    let table = assert_document_is_the_review(&bytes, &review);
    // Against the register itself, not only the review.
    for (i, row) in table[1..].iter().enumerate() {
        let id = review.rows[i].staff_id.unwrap();
        let p = s.api.staff(id).unwrap();
        assert_eq!(row[0], (i + 1).to_string());
        assert_eq!(row[1], p.full_name);
        assert_eq!(row[2], p.birth_date.unwrap().to_string());
        assert_eq!(row[3], "Giáo viên");
        assert_eq!(row[4], "Trường THCS Lê Lợi");
        assert_eq!(row[5], p.cccd.clone().unwrap(), "12 digits, leading zeros kept");
        assert_eq!(row[5].len(), 12);
        assert_eq!(row[6], d("10/05/2021"));
        assert_eq!(row[7], p.phone.clone().unwrap(), "10 digits with the leading 0");
    }
    assert_eq!(table[1][5], "001080000101");
    assert_eq!(table[1][2], "05/03/1980", "dd/mm/yyyy");
    assert!(document_text(&bytes).contains(&"Hải Phòng, ngày 01 tháng 6 năm 2026".to_owned()));

    assert_eq!(outcome.sha256, sha256(&bytes), "the recorded hash is the file's");
    assert_eq!(outcome.rows, 5);
    let batches = s.api.batches().unwrap();
    assert_eq!(batches.len(), 1);
    let b = &batches[0];
    assert_eq!(
        (b.batch.id, b.batch.kind, b.batch.row_count, b.batch.date_mode),
        (outcome.batch_id, BatchKind::Issuance, 5, DateMode::Today)
    );
    assert_eq!(b.batch.sha256, sha256(&bytes));
    assert_eq!(b.batch.file_name, review.default_file_name);
    assert_eq!(b.batch.path, file.display().to_string());
    assert_eq!(b.batch.date_on, Some(june_2026()));
    assert_eq!(b.batch.superseded_by, None);
    let requests = s.api.list_requests(&RequestQuery::default()).unwrap();
    assert!(
        requests.iter().all(|r| r.status == RequestStatus::Exported && r.batch_id == Some(outcome.batch_id)),
        "every request of the list moved to exported, pointing at the batch"
    );
    let after = s.api.export_review(BatchKind::Issuance, DateMode::Today).unwrap();
    assert_eq!(after.rows.len(), 5, "an unsent list stays in the next review (to be corrected)");
    assert_eq!(after.supersedes.len(), 1);
}

#[test]
fn every_kind_reads_back_as_the_register() {
    let mut s = school();
    let (anh, dao, anh2, dung, bich) = (s.ids[0], s.ids[1], s.ids[2], s.ids[3], s.ids[4]);
    let c_anh = cert(&mut s.api, Holder::Staff(anh), "5403A1", "01/06/2028", "TRẦN VĂN ANH");
    let c_dao = cert(&mut s.api, Holder::Staff(dao), "00B2C3", "20/06/2026", "");
    let c_dung = cert(&mut s.api, Holder::Staff(dung), "0D4E5F", "01/01/2029", "");
    let c_old = cert(&mut s.api, Holder::Staff(anh2), "0E0E0E", "01/01/2025", ""); // expired
    s.api
        .mark_left(
            dung,
            &Leaving { reason: LeftReason::Transfer, on: "15/05/2026".into(), note: String::new() },
        )
        .unwrap();
    request(&mut s.api, dung, RequestKind::Revocation, Some(c_dung), "");
    request(&mut s.api, dao, RequestKind::Renewal, Some(c_dao), "");
    request(&mut s.api, anh, RequestKind::Change, Some(c_anh), "Chức vụ mới: Tổ trưởng");
    // One person has an official address: not in the e-mail request.
    let mut with_mail = s.api.staff(bich).map(|p| chungthu_api::staff::input_of(&p)).unwrap();
    with_mail.email = "dtbich@haiphong.edu.vn".into();
    s.api.edit_staff(bich, &with_mail).unwrap();

    fn check(s: &mut School, kind: BatchKind, file: &str) -> (ExportReview, Grid) {
        let review = s.api.export_review(kind, DateMode::Blank).unwrap();
        assert_eq!(review.blocking, 0, "{kind:?}: {:?}", review.rows);
        let path = out(s, file);
        let xlsx = (kind == BatchKind::Certificates).then(|| out(s, "ds.xlsx"));
        let outcome = s.api.export(kind, &path, DateMode::Blank, xlsx.as_deref()).unwrap();
        keep(&path, kind);
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(outcome.sha256, sha256(&bytes));
        assert!(document_text(&bytes).contains(&"…………, ngày …… tháng …… năm ……".to_owned()), "blank date");
        (review.clone(), assert_document_is_the_review(&bytes, &review))
    }

    let (_, t) = check(&mut s, BatchKind::Revocation, "thu-hoi.docx");
    assert_eq!(t[1][1], "Phạm Văn Dũng");
    assert_eq!(t[1][2], "15/08/1988");
    assert_eq!(t[1][3], "Trường THCS Lê Lợi");
    assert_eq!(t[1][4], "Serial: 0D4E5F; Hiệu lực: 01/01/2024 - 01/01/2029");
    let vnpt = s.api.providers().unwrap().into_iter().find(|p| p.short_name == "VNPT-CA").unwrap();
    assert_eq!(t[1][5], vnpt.name, "the provider's full name");
    assert!(t[1][6].contains(LeftReason::Transfer.label()));

    let (_, t) = check(&mut s, BatchKind::Renewal, "gia-han.docx");
    assert_eq!(t[1][1..6], ["Lê Thị Đào", "00B2C3", "", "", "Gia hạn"].map(String::from));

    let (_, t) = check(&mut s, BatchKind::Change, "thay-doi.docx");
    assert_eq!(t[1][1], "TRẦN VĂN ANH", "the name in the certificate");
    assert_eq!(t[1][6], "Chức vụ mới: Tổ trưởng");

    let (review, t) = check(&mut s, BatchKind::Certificates, "dang-dung.docx");
    let serials: Vec<&str> = t[1..].iter().map(|r| r[3].as_str()).collect();
    assert_eq!(serials, ["5403A1", "00B2C3"], "usable certificates of people still working, by holder name");
    let old = s.api.list_certificates(&CertQuery::default()).unwrap().into_iter().find(|c| c.id == c_old);
    let old = old.expect("the expired certificate is in the register");
    assert_eq!(
        (old.serial_hex.as_str(), old.status, old.holder_active),
        ("0E0E0E", CertStatus::Expired, true),
        "held by someone still working: only its expiry can keep it off the list"
    );
    assert!(!serials.contains(&"0E0E0E"), "expired certificates are not in use");
    assert_eq!(t[2][4], "20/06/2026");
    assert_eq!(review.rows[1].flags[0].code, "cert_expiring");
    let batch = &s.api.batches().unwrap()[0];
    let xlsx = std::fs::read(out(&s, "ds.xlsx")).unwrap();
    assert_eq!(batch.batch.xlsx_path.as_deref(), Some(out(&s, "ds.xlsx").display().to_string().as_str()));
    assert!(xlsx.starts_with(b"PK"), "an xlsx package");

    let (review, t) = check(&mut s, BatchKind::EmailSummary, "email.docx");
    let names: Vec<&str> = t[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(names, ["Trần Văn Anh", "Nguyễn Thị Ánh", "Lê Thị Đào"], "active, without an official e-mail");
    assert_eq!(t[1][4], "0912345678");
    let page = review.page.unwrap();
    assert_eq!(page.tables[0].rows[0][3], "3", "the summary counts the people");
    assert_eq!(page.tables[0].rows[0][5], "0912000111");

    assert_eq!(s.api.batches().unwrap().len(), 5);
    let exported =
        s.api.list_requests(&RequestQuery { status: Some(RequestStatus::Exported), ..Default::default() });
    assert_eq!(exported.unwrap().len(), 3);
}

#[test]
fn a_corrected_export_supersedes_the_unsent_list_and_keeps_its_history() {
    let mut s = school();
    let first: Vec<i64> =
        s.ids[..2].iter().map(|&id| request(&mut s.api, id, RequestKind::Issuance, None, "")).collect();
    let one = s.api.export(BatchKind::Issuance, &out(&s, "1.docx"), DateMode::Today, None).unwrap();
    let late = request(&mut s.api, s.ids[2], RequestKind::Issuance, None, "");
    let review = s.api.export_review(BatchKind::Issuance, DateMode::Today).unwrap();
    assert_eq!(review.rows.len(), 3, "the unsent list's people and the newly marked one");
    assert_eq!(review.supersedes.iter().map(|b| b.batch.id).collect::<Vec<_>>(), [one.batch_id]);
    let two = s.api.export(BatchKind::Issuance, &out(&s, "2.docx"), DateMode::Today, None).unwrap();
    assert_eq!(two.superseded, [one.batch_id]);
    assert_eq!(two.rows, 3);

    let batches = s.api.batches().unwrap();
    let old = batches.iter().find(|b| b.batch.id == one.batch_id).unwrap();
    assert_eq!(old.batch.superseded_by, Some(two.batch_id), "history kept, pointing at its replacement");
    for id in first.iter().chain([&late]) {
        let r = s.api.request(*id).unwrap();
        assert_eq!((r.status, r.batch_id), (RequestStatus::Exported, Some(two.batch_id)));
    }
    let history = s.api.staff_history(s.ids[0]).unwrap();
    let moves: Vec<(Option<RequestStatus>, RequestStatus)> =
        history.events.iter().map(|e| (e.from_status, e.to_status)).collect();
    assert_eq!(
        moves,
        [
            (None, RequestStatus::Marked),
            (Some(RequestStatus::Marked), RequestStatus::Exported),
            (Some(RequestStatus::Exported), RequestStatus::Marked),
            (Some(RequestStatus::Marked), RequestStatus::Exported),
        ],
        "the withdrawal and the new export are both dated"
    );
    // The replaced list still re-exports as it was: two rows.
    let again = s.api.reexport(one.batch_id, &out(&s, "1-again.docx")).unwrap();
    assert_eq!(again.rows, 2);
    assert!(again.same_as_recorded);
}

#[test]
fn reexport_writes_the_same_document_with_the_recorded_date() {
    let mut s = school();
    for &id in &s.ids[..3] {
        request(&mut s.api, id, RequestKind::Issuance, None, "");
    }
    let first = out(&s, "lan-1.docx");
    let done = s.api.export(BatchKind::Issuance, &first, DateMode::Today, None).unwrap();
    // Weeks later, on another day.
    let db = s.dir.path().join("t.db");
    let mut later = Api::open(&db).unwrap().with_today(july_2026);
    let second = out(&s, "lan-2.docx");
    let again = later.reexport(done.batch_id, &second).unwrap();
    let (a, b) = (std::fs::read(&first).unwrap(), std::fs::read(&second).unwrap());
    assert_eq!(document_text(&a), document_text(&b), "same text, including the recorded date line");
    assert!(document_text(&b).contains(&"Hải Phòng, ngày 01 tháng 6 năm 2026".to_owned()));
    assert_eq!(again.sha256, done.sha256, "the very same bytes");
    assert!(again.same_as_recorded);
    assert_eq!(later.batches().unwrap().len(), 1, "a re-export records no new list");
    let missing = later.reexport(999, &second);
    assert!(matches!(missing, Err(ApiError::NotFound(_))));
}

#[test]
fn an_empty_list_is_refused_with_nothing_written() {
    let mut s = school();
    let file = out(&s, "trong.docx");
    for kind in [
        BatchKind::Issuance,
        BatchKind::Revocation,
        BatchKind::Renewal,
        BatchKind::Change,
        BatchKind::Certificates,
    ] {
        let review = s.api.export_review(kind, DateMode::Today).unwrap();
        assert!(review.rows.is_empty() && review.page.is_none());
        let message = review.empty_message.expect("says why the list is empty");
        let err = s.api.export(kind, &file, DateMode::Today, None).unwrap_err();
        assert!(matches!(&err, ApiError::Refused(m) if *m == message), "{err}");
        assert!(err.is_user_error(), "the CLI exits 2");
    }
    assert!(!file.exists());
    assert!(s.api.batches().unwrap().is_empty());
}

#[test]
fn missing_data_is_flagged_and_blocks_the_export() {
    let mut s = school();
    let no_cccd = add(&mut s.api, StaffInput { full_name: "Vũ Thị Hoa".into(), ..StaffInput::default() });
    request(&mut s.api, no_cccd, RequestKind::Issuance, None, "");
    request(&mut s.api, s.ids[0], RequestKind::Issuance, None, "");
    let review = s.api.export_review(BatchKind::Issuance, DateMode::Today).unwrap();
    let hoa = review.rows.iter().find(|r| r.full_name == "Vũ Thị Hoa").unwrap();
    let labels: Vec<&str> = hoa.flags.iter().map(|f| f.label.as_str()).collect();
    assert!(labels.contains(&"Thiếu CCCD"), "{labels:?}");
    assert!(labels.contains(&"Thiếu ngày sinh"), "{labels:?}");
    assert!(hoa.flags.iter().all(|f| f.level == FlagLevel::Blocking));
    assert!(review.page.is_none(), "no preview of a document that cannot be made");
    assert!(review.blocking >= 2);
    let file = out(&s, "x.docx");
    let err = s.api.export(BatchKind::Issuance, &file, DateMode::Today, None).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("Vũ Thị Hoa") && message.contains("Thiếu CCCD"), "{message}");
    assert!(!file.exists());

    // The unit's name is required by the header.
    let mut blank = unit();
    blank.managing_body = String::new();
    s.api.save_unit(blank).unwrap();
    let review = s.api.export_review(BatchKind::Issuance, DateMode::Today).unwrap();
    assert!(review.unit_flags.iter().any(|f| f.code == "managing_body_missing"));
}

#[test]
fn a_failed_write_leaves_the_database_and_the_target_as_they_were() {
    let mut s = school();
    for &id in &s.ids {
        request(&mut s.api, id, RequestKind::Issuance, None, "");
    }
    // The helper refuses a read-only target (as Windows does for a file
    // marked read-only, and as it reports a file open in Word).
    let locked = out(&s, "dang-mo.docx");
    std::fs::write(&locked, b"ban cu").unwrap();
    let mut perms = std::fs::metadata(&locked).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&locked, perms).unwrap();
    let err = s.api.export(BatchKind::Issuance, &locked, DateMode::Today, None).unwrap_err();
    assert_eq!(err.code(), "file", "{err}");
    assert!(err.to_string().contains("chỉ cho phép đọc"), "{err}");
    assert_eq!(std::fs::read(&locked).unwrap(), b"ban cu", "the target is untouched");

    // A folder that is gone (a USB drive pulled out).
    let gone = s.dir.path().join("USB").join("ds.docx");
    let err = s.api.export(BatchKind::Issuance, &gone, DateMode::Today, None).unwrap_err();
    assert!(err.to_string().contains("Không tìm thấy thư mục"), "{err}");

    assert!(s.api.batches().unwrap().is_empty(), "no batch recorded");
    let requests = s.api.list_requests(&RequestQuery::default()).unwrap();
    assert!(requests.iter().all(|r| r.status == RequestStatus::Marked && r.batch_id.is_none()));
    let leftovers: Vec<_> = std::fs::read_dir(s.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
}

#[test]
fn bad_targets_are_refused() {
    let mut s = school();
    request(&mut s.api, s.ids[0], RequestKind::Issuance, None, "");
    let err = s.api.export(BatchKind::Issuance, &out(&s, "ds.pdf"), DateMode::Today, None).unwrap_err();
    assert!(err.to_string().contains(".docx"), "{err}");
    let xlsx = out(&s, "ds.xlsx");
    let err =
        s.api.export(BatchKind::Issuance, &out(&s, "ds.docx"), DateMode::Today, Some(&xlsx)).unwrap_err();
    assert!(err.to_string().contains("Excel"), "{err}");
    assert!(s.api.batches().unwrap().is_empty());
}
