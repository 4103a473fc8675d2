//! The certificates workbook read back from its XML: text cells stay text,
//! dates are real dates, the header row is bold and frozen, rows sorted.

mod common;

use chungthu_forms::{CertificateRow, FormError, certificates_xlsx};
use chungthu_model::text::clean_line;
use chungthu_model::{NameOrder, VnDate};
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

fn parts(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (f.name().unwrap().to_string(), s)
        })
        .collect()
}

fn is(node: &roxmltree::Node, name: &str) -> bool {
    node.tag_name().name() == name
}

/// Cells of the first sheet as (reference, type, text), shared strings resolved.
fn cells(parts: &BTreeMap<String, String>) -> Vec<(String, String, String)> {
    let shared = roxmltree::Document::parse(&parts["xl/sharedStrings.xml"]).unwrap();
    let strings: Vec<String> = shared
        .descendants()
        .filter(|n| is(n, "si"))
        .map(|si| si.descendants().filter(|n| is(n, "t")).filter_map(|t| t.text()).collect())
        .collect();
    let sheet = roxmltree::Document::parse(&parts["xl/worksheets/sheet1.xml"]).unwrap();
    sheet
        .descendants()
        .filter(|n| is(n, "c"))
        .map(|c| {
            let kind = c.attribute("t").unwrap_or("n").to_owned();
            let value = c.descendants().find(|n| is(n, "v")).and_then(|v| v.text()).unwrap_or("").to_owned();
            let text = if kind == "s" { strings[value.parse::<usize>().unwrap()].clone() } else { value };
            (c.attribute("r").unwrap().to_owned(), kind, text)
        })
        .collect()
}

#[test]
fn workbook_keeps_text_as_text_and_freezes_a_bold_header() {
    let mut g = common::Gen::new(5);
    let mut rows: Vec<CertificateRow> = (0..40).map(|_| g.certificate()).collect();
    // A serial made only of digits with a leading zero must not become a number.
    rows[3].serial = "0054031234567890".to_owned();
    rows[4].holder_name = "Nguye\u{0302}\u{0303}n  Thi\u{0323} Ha\u{0300}".to_owned();
    let bytes = certificates_xlsx(&rows).unwrap();
    let parts = parts(&bytes);
    for (name, xml) in &parts {
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let cells = cells(&parts);
    let header: Vec<&str> = cells.iter().take(6).map(|c| c.2.as_str()).collect();
    assert_eq!(header, ["STT", "Họ và tên", "Đơn vị cung cấp", "Số serial", "Hiệu lực đến", "Trạng thái"]);

    let order = NameOrder::new();
    let mut expected = rows.clone();
    expected.sort_by(|a, b| order.compare(&clean_line(&a.holder_name), &clean_line(&b.holder_name)));
    let by_ref: BTreeMap<&str, (&str, &str)> =
        cells.iter().map(|(r, k, t)| (r.as_str(), (k.as_str(), t.as_str()))).collect();
    for (i, row) in expected.iter().enumerate() {
        let r = i + 2;
        assert_eq!(by_ref[format!("A{r}").as_str()], ("n", (i + 1).to_string().as_str()), "STT is a number");
        assert_eq!(by_ref[format!("B{r}").as_str()], ("s", clean_line(&row.holder_name).as_str()));
        assert_eq!(by_ref[format!("D{r}").as_str()], ("s", row.serial.as_str()), "serial is text");
        let serial = excel_serial(row.valid_to);
        assert_eq!(by_ref[format!("E{r}").as_str()], ("n", serial.to_string().as_str()), "a real date");
    }
    assert!(cells.iter().any(|c| c.2 == "0054031234567890" && c.1 == "s"), "leading zero kept");
    assert!(cells.iter().any(|c| c.2 == "Nguyễn Thị Hà"), "NFD cleaned to NFC");

    let sheet = &parts["xl/worksheets/sheet1.xml"];
    assert!(sheet.contains(r#"ySplit="1""#) && sheet.contains(r#"state="frozen""#), "header row frozen");
    let styles = &parts["xl/styles.xml"];
    assert!(styles.contains("<b/>"), "a bold font for the header");
    assert!(styles.contains("dd/mm/yyyy"), "dates shown dd/mm/yyyy");
    assert!(parts["xl/workbook.xml"].contains("Chứng thư số"), "sheet named in Vietnamese");
}

/// Days since 1899-12-30, as Excel stores dates.
fn excel_serial(d: VnDate) -> i64 {
    VnDate::from_ymd(1899, 12, 30).unwrap().days_until(d)
}

#[test]
fn empty_workbook_is_refused() {
    let err = certificates_xlsx(&[]).unwrap_err();
    assert!(matches!(err, FormError::EmptyList { .. }));
    assert!(err.to_string().contains("DANH SÁCH CHỨNG THƯ SỐ ĐANG SỬ DỤNG"), "{err}");
}
