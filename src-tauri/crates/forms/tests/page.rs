//! The preview data (`form_page`) against the Word file built from the same
//! input: same texts in the header and signature, same cells in the same
//! order, same column widths in the table grid. The window draws its
//! preview from `form_page`, so this is what keeps the two from drifting.

mod common;

use chungthu_forms::{DateLine, Form, FormPage, Signer, build_docx, form_page};
use chungthu_model::VnDate;
use common::Gen;
use docx_rs::{DocumentChild, TableCellContent, TableChild, TableRowChild};

/// Each table of the document as text cells, and its grid widths.
fn tables(bytes: &[u8]) -> Vec<(Vec<Vec<String>>, Vec<usize>)> {
    let docx = docx_rs::read_docx(bytes).expect("docx-rs reads the file back");
    docx.document
        .children
        .iter()
        .filter_map(|c| match c {
            DocumentChild::Table(t) => Some(t),
            _ => None,
        })
        .map(|t| {
            let cells = t
                .rows
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
                .collect();
            (cells, t.grid.clone())
        })
        .collect()
}

fn check(form: &Form, date: DateLine, signer: Signer) -> FormPage {
    let mut unit = common::unit();
    unit.signer = signer;
    let page = form_page(form, &unit, date).expect("a page");
    let bytes = build_docx(form, &unit, date).expect("a document");
    let mut found = tables(&bytes);
    let (signature, _) = found.pop().expect("signature block");
    let (header, _) = found.remove(0);
    assert_eq!(found.len(), page.tables.len(), "one printed table per page table");
    for ((cells, grid), table) in found.iter().zip(&page.tables) {
        let headers: Vec<String> = table.columns.iter().map(|c| c.header.clone()).collect();
        assert_eq!(cells[0], headers, "header row");
        assert_eq!(&cells[1..], table.rows.as_slice(), "rows, cell by cell, in document order");
        let widths: Vec<usize> = table.columns.iter().map(|c| c.width as usize).collect();
        assert_eq!(grid, &widths, "the preview's column widths are the document's grid");
        let text_width = page.geometry.width - page.geometry.margin_left - page.geometry.margin_right;
        assert_eq!(widths.iter().sum::<usize>(), text_width as usize, "the table fills the text width");
    }
    let left = format!("{}\n{}\n", page.managing_body, page.unit_name);
    let right = format!("{}\n{}", page.national_title, page.national_motto);
    assert_eq!(header[0], vec![left, right], "national header");
    let right = [
        page.signer_titles.clone(),
        vec![page.signature_note.clone()],
        vec![String::new(); page.signature_space_lines as usize],
        vec![page.signer_name.clone()],
    ]
    .concat()
    .join("\n");
    let left =
        std::iter::once(page.recipients_heading.clone()).chain(page.recipients.clone()).collect::<Vec<_>>();
    assert_eq!(signature[0], vec![left.join("\n"), right], "signature block");
    page
}

#[test]
fn every_form_previews_what_the_document_prints() {
    let mut g = Gen::new(30);
    let day = DateLine::Today(VnDate::from_ymd(2026, 2, 5).unwrap());
    let forms = [
        Form::Issuance((0..12).map(|_| g.issuance()).collect()),
        Form::Revocation((0..5).map(|_| g.revocation()).collect()),
        Form::Renewal((0..4).map(|_| g.cert_change()).collect()),
        Form::ChangeInfo((0..3).map(|_| g.cert_change()).collect()),
        Form::CertificatesInUse((0..9).map(|_| g.certificate()).collect()),
        Form::EmailRequest(g.email_request(6)),
    ];
    for form in &forms {
        let page = check(form, day, Signer::Principal);
        assert_eq!(page.date_line, "Hải Phòng, ngày 05 tháng 02 năm 2026");
        assert_eq!(page.geometry.landscape, !matches!(form, Form::EmailRequest(_)));
        check(form, DateLine::Blank, Signer::Deputy);
    }
}

#[test]
fn an_empty_list_has_no_page() {
    let unit = common::unit();
    assert!(form_page(&Form::Issuance(Vec::new()), &unit, DateLine::Blank).is_err());
}
