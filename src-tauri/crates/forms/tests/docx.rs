//! Word forms read back: every table cell against the input (after sorting),
//! the layout in document.xml, well-formed parts, and the edge cases.
//!
//! Set `CHUNGTHU_FORMS_SAMPLES=/some/dir` to also keep the generated files
//! (for rendering and looking at them).

mod common;

use chungthu_forms::{
    CertChangeRow, CertificateRow, DateLine, EmailPersonRow, Form, FormError, FormKind, IssuanceRow,
    RevocationRow, Signer, UnitInfo, build_docx,
};
use chungthu_model::text::clean_line;
use chungthu_model::{IdNumber, NameOrder, Phone, VnDate};
use common::Gen;
use docx_rs::{DocumentChild, TableCellContent, TableChild, TableRowChild};
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

fn today() -> DateLine {
    DateLine::Today(VnDate::from_ymd(2026, 11, 23).unwrap())
}

/// The package's parts by name, and whether every one is deflated.
fn unzip(bytes: &[u8]) -> (BTreeMap<String, String>, bool) {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut parts = BTreeMap::new();
    let mut all_deflated = true;
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        all_deflated &= f.compression() == zip::CompressionMethod::Deflated;
        let mut s = String::new();
        f.read_to_string(&mut s).expect("every part is UTF-8 XML");
        parts.insert(f.name().unwrap().to_string(), s);
    }
    (parts, all_deflated)
}

type Grid = Vec<Vec<String>>;

/// Every table of the document as text cells.
fn tables(bytes: &[u8]) -> Vec<Grid> {
    let docx = docx_rs::read_docx(bytes).expect("docx-rs reads the file back");
    docx.document
        .children
        .iter()
        .filter_map(|c| match c {
            DocumentChild::Table(t) => Some(t),
            _ => None,
        })
        .map(|t| {
            t.rows
                .iter()
                .map(|TableChild::TableRow(row)| {
                    row.cells
                        .iter()
                        .map(|TableRowChild::TableCell(cell)| {
                            cell.children
                                .iter()
                                .filter_map(|c| match c {
                                    TableCellContent::Paragraph(p) => Some(p.raw_text()),
                                    _ => None,
                                })
                                .collect::<Vec<_>>()
                                .join("\n")
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// The data tables: all but the national header (first) and the signature
/// block (last).
fn data_tables(bytes: &[u8]) -> Vec<Grid> {
    let mut t = tables(bytes);
    assert!(t.len() >= 3, "header, data and signature tables");
    t.pop();
    t.remove(0);
    t
}

/// Rows in list order, computed here independently of the crate.
fn sorted<R: Clone>(rows: &[R], name: fn(&R) -> &str) -> Vec<R> {
    let order = NameOrder::new();
    let mut rows = rows.to_vec();
    rows.sort_by(|a, b| order.compare(&clean_line(name(a)), &clean_line(name(b))));
    rows
}

fn date(d: Option<VnDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn phone(p: &Option<Phone>) -> String {
    p.as_ref().map(|p| p.as_str().to_owned()).unwrap_or_default()
}

fn with_header(header: &[&str], rows: Vec<Vec<String>>) -> Grid {
    let mut grid = vec![header.iter().map(|s| s.to_string()).collect()];
    grid.extend(rows.into_iter().enumerate().map(|(i, mut r)| {
        r.insert(0, (i + 1).to_string());
        r.iter().map(|c| clean_line(c)).collect()
    }));
    grid
}

fn expected_issuance(rows: &[IssuanceRow]) -> Grid {
    let rows = sorted(rows, |r| &r.full_name);
    let header = [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Chức vụ",
        "Đơn vị",
        "Số căn cước công dân",
        "Ngày cấp CCCD",
        "Điện thoại",
    ];
    with_header(
        &header,
        rows.iter()
            .map(|r| {
                vec![
                    r.full_name.clone(),
                    r.birth_date.to_string(),
                    r.position.clone(),
                    r.unit.clone(),
                    r.id_number.as_str().to_owned(),
                    date(r.id_issued_on),
                    phone(&r.phone),
                ]
            })
            .collect(),
    )
}

fn expected_revocation(rows: &[RevocationRow]) -> Grid {
    let rows = sorted(rows, |r| &r.full_name);
    let header = [
        "TT",
        "Họ và tên",
        "Ngày sinh",
        "Đơn vị",
        "Thông tin chứng thư số",
        "Đơn vị cung cấp",
        "Lý do thu hồi",
    ];
    with_header(
        &header,
        rows.iter()
            .map(|r| {
                let reason = match &r.reason_note {
                    Some(n) => format!("{}: {n}", r.reason.label()),
                    None => r.reason.label().to_owned(),
                };
                vec![
                    r.full_name.clone(),
                    date(r.birth_date),
                    r.unit.clone(),
                    format!("Serial: {}; Hiệu lực: {} - {}", r.serial, r.valid_from, r.valid_to),
                    r.provider.clone(),
                    reason,
                ]
            })
            .collect(),
    )
}

fn expected_cert_change(rows: &[CertChangeRow]) -> Grid {
    let rows = sorted(rows, |r| &r.holder_name);
    let header = [
        "STT",
        "Tên chứng thư số",
        "Serial",
        "Email",
        "Mã thiết bị",
        "Nội dung",
        "Thông tin mới",
        "Thời hạn",
    ];
    with_header(
        &header,
        rows.iter()
            .map(|r| {
                vec![
                    r.holder_name.clone(),
                    r.serial.clone(),
                    r.email.clone(),
                    r.device_code.clone(),
                    r.content.clone(),
                    r.new_info.clone(),
                    date(r.valid_until),
                ]
            })
            .collect(),
    )
}

fn expected_certificates(rows: &[CertificateRow]) -> Grid {
    let rows = sorted(rows, |r| &r.holder_name);
    let header = ["STT", "Họ và tên", "Đơn vị cung cấp", "Số serial", "Hiệu lực đến", "Trạng thái"];
    with_header(
        &header,
        rows.iter()
            .map(|r| {
                vec![
                    r.holder_name.clone(),
                    r.provider.clone(),
                    r.serial.clone(),
                    r.valid_to.to_string(),
                    r.status.clone(),
                ]
            })
            .collect(),
    )
}

fn expected_email(request: &chungthu_forms::EmailRequest, unit: &UnitInfo) -> Vec<Grid> {
    let summary = with_header(
        &[
            "TT",
            "Tên UBND cấp xã",
            "Tên đơn vị",
            "Số cán bộ, giáo viên đề nghị cấp email công vụ",
            "Cán bộ đầu mối",
            "Số điện thoại (Zalo)",
        ],
        vec![vec![
            request.commune.clone(),
            unit.unit_name.clone(),
            request.people.len().to_string(),
            request.focal_point.clone(),
            phone(&request.focal_phone),
        ]],
    );
    let people: Vec<EmailPersonRow> = sorted(&request.people, |r| &r.full_name);
    let people = with_header(
        &["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Điện thoại"],
        people
            .iter()
            .map(|r| vec![r.full_name.clone(), date(r.birth_date), r.position.clone(), phone(&r.phone)])
            .collect(),
    );
    vec![summary, people]
}

/// A form of each kind with `n` rows, and its expected data tables.
fn forms(g: &mut Gen, n: usize) -> Vec<(Form, Vec<Grid>)> {
    let unit = common::unit();
    let issuance: Vec<_> = (0..n).map(|_| g.issuance()).collect();
    let revocation: Vec<_> = (0..n).map(|_| g.revocation()).collect();
    let renewal: Vec<_> = (0..n).map(|_| g.cert_change()).collect();
    let change: Vec<_> = (0..n).map(|_| g.cert_change()).collect();
    let certificates: Vec<_> = (0..n).map(|_| g.certificate()).collect();
    let email = g.email_request(n);
    vec![
        (Form::Issuance(issuance.clone()), vec![expected_issuance(&issuance)]),
        (Form::Revocation(revocation.clone()), vec![expected_revocation(&revocation)]),
        (Form::Renewal(renewal.clone()), vec![expected_cert_change(&renewal)]),
        (Form::ChangeInfo(change.clone()), vec![expected_cert_change(&change)]),
        (Form::CertificatesInUse(certificates.clone()), vec![expected_certificates(&certificates)]),
        (Form::EmailRequest(email.clone()), expected_email(&email, &unit)),
    ]
}

fn keep_sample(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("CHUNGTHU_FORMS_SAMPLES") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(std::path::Path::new(&dir).join(name), bytes).unwrap();
    }
}

fn kind_name(kind: FormKind) -> String {
    serde_json::to_value(kind).unwrap().as_str().unwrap().to_owned()
}

#[test]
fn every_form_round_trips_cell_by_cell() {
    let mut g = Gen::new(7);
    for n in [1, 23, 60] {
        for (form, expected) in forms(&mut g, n) {
            let bytes = build_docx(&form, &common::unit(), today()).unwrap();
            keep_sample(&format!("{}-{n}.docx", kind_name(form.kind())), &bytes);
            assert_eq!(data_tables(&bytes), expected, "{:?} with {n} rows", form.kind());
        }
    }
}

#[test]
fn thousand_rows_round_trip_and_stay_small() {
    let mut g = Gen::new(1000);
    let rows: Vec<_> = (0..1000).map(|_| g.issuance()).collect();
    let bytes = build_docx(&Form::Issuance(rows.clone()), &common::unit(), today()).unwrap();
    assert_eq!(data_tables(&bytes), vec![expected_issuance(&rows)]);
    assert!(bytes.len() < 300_000, "deflated: {} bytes for 1,000 rows", bytes.len());
}

#[test]
fn nfd_names_every_tone_and_leading_zeros_survive() {
    let birth = VnDate::from_ymd(1988, 4, 9).unwrap();
    let person = |name: &str, cccd: &str, phone: &str| IssuanceRow {
        full_name: name.to_owned(),
        birth_date: birth,
        position: "Gia\u{0301}o vie\u{0302}n".to_owned(),
        unit: "Trường THCS Lê Lợi\u{0000}".to_owned(),
        id_number: IdNumber::parse(cccd).unwrap(),
        id_issued_on: None,
        phone: Some(Phone::parse(phone).unwrap()),
    };
    let rows = vec![
        // NFD: "Nguyễn Thị Ánh" written with combining marks.
        person("Nguye\u{0302}\u{0303}n Thi\u{0323} A\u{0301}nh", "001188012345", "0901234567"),
        person("Trần Văn Ẩn", "001088000001", "0387654321"),
        person("Lê  Thị\tẢnh", "031188999999", "0912000000"),
        person("Phạm Quốc An", "034088123456", "0700000001"),
        person("Vũ Thị Ãnh", "036188654321", "0812345678"),
        person("Đỗ Văn Ạnh", "030088111111", "0933333333"),
        person("Bùi Thị Ành", "001188222222", "0944444444"),
    ];
    let bytes = build_docx(&Form::Issuance(rows.clone()), &common::unit(), today()).unwrap();
    let table = &data_tables(&bytes)[0];
    let names: Vec<&str> = table[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        names,
        [
            "Phạm Quốc An",
            "Bùi Thị Ành",
            "Lê Thị Ảnh",
            "Vũ Thị Ãnh",
            "Nguyễn Thị Ánh",
            "Đỗ Văn Ạnh",
            "Trần Văn Ẩn"
        ],
        "tones order a à ả ã á ạ, then ă/â letters; NFD and tabs cleaned"
    );
    let nguyen = &table[5];
    assert_eq!(nguyen[5], "001188012345", "CCCD keeps its leading zeros, as text");
    assert_eq!(nguyen[7], "0901234567", "phone keeps its leading 0");
    assert_eq!(nguyen[3], "Giáo viên", "NFD position becomes NFC");
    assert_eq!(nguyen[4], "Trường THCS Lê Lợi", "control character removed");
    assert_eq!(table[1][6], "", "unknown CCCD issue date prints blank");
    assert_eq!(data_tables(&bytes), vec![expected_issuance(&rows)]);
}

#[test]
fn very_long_names_and_unit_names_are_kept_whole() {
    let mut g = Gen::new(99);
    let long_unit = "Trường Tiểu học, Trung học cơ sở và Trung học phổ thông liên cấp Hữu Nghị Quốc tế \
                     phân hiệu số hai thuộc phường Lê Chân thành phố Hải Phòng";
    let mut rows: Vec<_> = (0..5).map(|_| g.issuance()).collect();
    rows[0].full_name = "Công Tôn Nữ Hoàng Thị Phương Thảo Nguyên Xuân Hạ Thu Đông Bảo Ngọc Hồng".to_owned();
    rows[1].unit = long_unit.to_owned();
    rows[2].position = "Tổ trưởng chuyên môn Khoa học tự nhiên kiêm Phó Bí thư Chi bộ".to_owned();
    let mut unit = common::unit();
    unit.unit_name = long_unit.to_owned();
    unit.managing_body = "Ủy ban nhân dân phường Lê Chân, thành phố Hải Phòng".to_owned();
    let bytes = build_docx(&Form::Issuance(rows.clone()), &unit, today()).unwrap();
    assert_eq!(data_tables(&bytes), vec![expected_issuance(&rows)]);
    let header = &tables(&bytes)[0];
    assert_eq!(
        header[0][0],
        format!("{}\n{}\n", unit.managing_body.to_uppercase(), long_unit.to_uppercase())
    );
    keep_sample("issuance-long-names.docx", &bytes);
}

#[test]
fn empty_lists_are_refused_with_a_vietnamese_message() {
    let mut g = Gen::new(0);
    for (form, _) in forms(&mut g, 0) {
        let err = build_docx(&form, &common::unit(), today()).unwrap_err();
        assert!(matches!(err, FormError::EmptyList { .. }), "{:?}: {err:?}", form.kind());
        assert!(err.to_string().contains("chưa có ai"), "{err}");
    }
}

#[test]
fn a_unit_without_name_is_refused() {
    let mut g = Gen::new(1);
    let mut unit = common::unit();
    unit.unit_name = " \u{0007} ".to_owned();
    let err = build_docx(&Form::Issuance(vec![g.issuance()]), &unit, today()).unwrap_err();
    assert_eq!(err.to_string(), "Chưa có tên đơn vị trong Thông tin đơn vị. Hãy nhập rồi xuất lại biểu mẫu.");
}

/// The header, date line, title and signature texts.
#[test]
fn fixed_texts_follow_decree_30() {
    let mut g = Gen::new(3);
    let mut unit = common::unit();
    unit.signer = Signer::Deputy;
    unit.signer_name = "Trần Thị Minh Nguyệt".to_owned();
    unit.recipients = vec![];
    let bytes = build_docx(&Form::Revocation(vec![g.revocation()]), &unit, DateLine::Blank).unwrap();
    let all = tables(&bytes);
    assert_eq!(
        all[0][0],
        [
            "UBND PHƯỜNG LÊ CHÂN\nTRƯỜNG THCS LÊ LỢI\n",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
        ]
    );
    let signature = &all.last().unwrap()[0];
    assert_eq!(signature[0], "Nơi nhận:\n- Như trên;\n- Lưu: VT.");
    assert_eq!(
        signature[1],
        "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\n(Ký, ghi rõ họ tên, đóng dấu)\n\n\n\n\nTrần Thị Minh Nguyệt"
    );
    let (parts, _) = unzip(&bytes);
    let doc = &parts["word/document.xml"];
    assert!(doc.contains("…………, ngày …… tháng …… năm ……"));
    assert!(doc.contains("DANH SÁCH THU HỒI CHỨNG THƯ SỐ"));

    let bytes = build_docx(&Form::Revocation(vec![g.revocation()]), &common::unit(), today()).unwrap();
    let (parts, _) = unzip(&bytes);
    assert!(parts["word/document.xml"].contains("Hải Phòng, ngày 23 tháng 11 năm 2026"));
    let signature = tables(&bytes).last().unwrap()[0][1].clone();
    assert!(signature.starts_with("HIỆU TRƯỞNG\n(Ký, ghi rõ họ tên, đóng dấu)"), "{signature}");
}

fn attr<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes().find(|a| a.name() == name).map(|a| a.value())
}

fn element<'a, 'i>(doc: &'a roxmltree::Document<'i>, name: &str) -> roxmltree::Node<'a, 'i> {
    doc.descendants().find(|n| n.tag_name().name() == name).unwrap_or_else(|| panic!("no w:{name}"))
}

#[test]
fn layout_parts_are_well_formed_and_follow_the_decree() {
    let mut g = Gen::new(11);
    for (form, expected) in forms(&mut g, 4) {
        let kind = form.kind();
        let bytes = build_docx(&form, &common::unit(), today()).unwrap();
        let (parts, all_deflated) = unzip(&bytes);
        assert!(all_deflated, "{kind:?}: every part deflated");
        for (name, text) in &parts {
            roxmltree::Document::parse(text)
                .unwrap_or_else(|e| panic!("{kind:?} {name} is not well-formed: {e}"));
        }
        let doc = roxmltree::Document::parse(&parts["word/document.xml"]).unwrap();

        // A4 and orientation.
        let size = element(&doc, "pgSz");
        // Only the e-mail request is narrow enough for portrait.
        let landscape = kind != FormKind::EmailRequest;
        let (w, h) = if landscape { ("16838", "11906") } else { ("11906", "16838") };
        assert_eq!((attr(size, "w"), attr(size, "h")), (Some(w), Some(h)), "{kind:?} page size");
        assert_eq!(attr(size, "orient"), landscape.then_some("landscape"), "{kind:?} orientation");

        // Margins within the decree: top/bottom 20–25 mm, left 30–35, right 15–20 (twips).
        let mar = element(&doc, "pgMar");
        let twips = |n| attr(mar, n).unwrap().parse::<i32>().unwrap();
        assert!((1134..=1418).contains(&twips("top")), "top");
        assert!((1134..=1418).contains(&twips("bottom")), "bottom");
        assert!((1701..=1985).contains(&twips("left")), "left");
        assert!((850..=1134).contains(&twips("right")), "right");

        // Repeated header rows: exactly one per data table, first row of it.
        let marked: Vec<_> = doc.descendants().filter(|n| n.tag_name().name() == "tblHeader").collect();
        assert_eq!(marked.len(), expected.len(), "{kind:?} tblHeader count");
        for m in &marked {
            let row = m.parent().unwrap().parent().unwrap();
            assert_eq!(row.tag_name().name(), "tr");
            let first_row = row.parent().unwrap().children().find(|n| n.tag_name().name() == "tr").unwrap();
            assert_eq!(row, first_row, "{kind:?}: the header row is the table's first row");
        }

        // Data rows never split across pages.
        for m in &marked {
            let table = m.parent().unwrap().parent().unwrap().parent().unwrap();
            let rows = table.children().filter(|n| n.tag_name().name() == "tr").skip(1);
            for row in rows {
                assert!(row.descendants().any(|n| n.tag_name().name() == "cantSplit"), "{kind:?} row splits");
            }
        }

        // The signature row cannot split, and the paragraph before it keeps with it.
        let tables: Vec<_> = doc.descendants().filter(|n| n.tag_name().name() == "tbl").collect();
        let signature = tables.last().unwrap();
        assert!(signature.descendants().any(|n| n.tag_name().name() == "cantSplit"), "{kind:?} cantSplit");
        let before = signature.prev_sibling_element().unwrap();
        assert!(before.descendants().any(|n| n.tag_name().name() == "keepNext"), "{kind:?} keepNext");

        // Times New Roman on every run of the body and headers, for all scripts.
        let headers: Vec<_> = parts.keys().filter(|k| k.starts_with("word/header")).cloned().collect();
        assert_eq!(headers.len(), 2, "a numbered header and an empty first-page header");
        for part in std::iter::once("word/document.xml".to_owned()).chain(headers) {
            let xml = roxmltree::Document::parse(&parts[&part]).unwrap();
            for run in xml.descendants().filter(|n| n.tag_name().name() == "r") {
                let fonts = run.descendants().find(|n| n.tag_name().name() == "rFonts");
                let fonts = fonts.unwrap_or_else(|| panic!("{kind:?} {part}: a run without fonts"));
                for a in ["ascii", "hAnsi", "eastAsia", "cs"] {
                    assert_eq!(attr(fonts, a), Some("Times New Roman"), "{kind:?} {part} {a}");
                }
                let size =
                    run.descendants().find(|n| n.tag_name().name() == "sz").and_then(|n| attr(n, "val"));
                assert!(matches!(size, Some("22" | "24" | "26" | "28")), "{kind:?} {part}: size {size:?}");
            }
        }
        assert!(element(&doc, "titlePg").parent().is_some(), "first page has its own (empty) header");
        let page_header = parts.values().find(|x| x.contains("<w:instrText>PAGE</w:instrText>"));
        assert!(page_header.is_some(), "{kind:?}: a PAGE field in a header");
        let empty_first = parts
            .iter()
            .any(|(k, x)| k.starts_with("word/header") && !x.contains("PAGE") && !x.contains("<w:t"));
        assert!(empty_first, "{kind:?}: the first-page header is empty");
    }
}
