//! Reads the generated exports (tests/fixtures, made by make_fixtures.py)
//! and checks each planted problem is reported at its Excel row and column,
//! that hostile files give clear errors, and that reconcile proposes what a
//! later export changes.

use chungthu_import::{
    ColumnMapping, FileFormat, ImportField, ImportOptions, ImportReport, Limits, RegisterEntry, import_bytes,
    sheet_names,
};
use chungthu_model::{Field, Severity, StaffStatus, VnDate};

fn today() -> VnDate {
    VnDate::from_ymd(2026, 3, 1).unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn import(name: &str) -> ImportReport {
    import_with(name, &ImportOptions::new(today()))
}

fn import_with(name: &str, options: &ImportOptions) -> ImportReport {
    import_bytes(&fixture(name), options).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn error_code(bytes: &[u8], options: &ImportOptions) -> &'static str {
    match import_bytes(bytes, options) {
        Ok(report) => panic!("expected an error, got {} rows", report.rows.len()),
        Err(e) => e.code(),
    }
}

/// (row, column letter, code, severity) of every problem.
fn problems(report: &ImportReport) -> Vec<(u32, String, String, Severity)> {
    report
        .problems()
        .map(|p| (p.row, p.column_letter.clone().unwrap_or_default(), p.code.clone(), p.severity))
        .collect()
}

const EXPORTS: [(&str, FileFormat); 4] = [
    ("export.xlsx", FileFormat::Xlsx),
    ("export.xls", FileFormat::Xls),
    ("export.ods", FileFormat::Ods),
    ("export_bom_semicolon.csv", FileFormat::Csv),
];

#[test]
fn every_format_reports_each_planted_problem_at_its_row_and_column() {
    use Severity::{Error, Warning};
    for (name, format) in EXPORTS {
        let report = import(name);
        assert_eq!(report.format, format, "{name}: format from the content");
        assert_eq!(report.rows.len(), 20, "{name}: 20 staff rows between the header and the totals row");
        assert_eq!(report.end_row, Some(27), "{name}: the totals row (27) ends the data");
        // Row 18 holds a #N/A phone in xlsx; the other formats cannot hold
        // a formula error and carry an unreadable birth date instead.
        let row_18 =
            if format == FileFormat::Xlsx { (18, "J", "cell_unreadable") } else { (18, "D", "date_shape") };
        let expected = vec![
            (12, "D", "birth_year_only", Warning),
            (14, "H", "cccd_missing", Warning),
            (15, "H", "cccd_mismatch", Warning),
            (16, "H", "cmnd_old", Warning),
            (17, "C", "required", Error),
            (row_18.0, row_18.1, row_18.2, Error),
            (19, "H", "cccd_duplicate", Error),
            (20, "H", "cccd_mismatch", Warning),
            (20, "H", "cccd_mismatch", Warning),
            (20, "H", "cccd_duplicate", Error),
        ];
        let order = |p: &(u32, String, String, Severity)| (p.0, p.1.clone(), p.2.clone());
        let mut expected: Vec<_> =
            expected.into_iter().map(|(r, c, code, s)| (r, c.to_owned(), code.to_owned(), s)).collect();
        expected.sort_by_key(order);
        let mut found = problems(&report);
        found.sort_by_key(order);
        assert_eq!(found, expected, "{name}: each planted problem, and nothing else");
        assert_eq!(report.counts.with_errors, 4, "{name}: rows 17, 18, 19, 20 are not imported");
        assert_eq!(report.counts.importable, 16, "{name}");
    }
}

#[test]
fn values_lose_nothing_from_number_cells_serials_and_nfd() {
    for (name, _) in EXPORTS {
        let report = import(name);
        let row = |n: u32| &report.row(n).unwrap_or_else(|| panic!("{name}: row {n}")).fields;
        let date = |y, m, d| VnDate::from_ymd(y, m, d);
        let cccd = |n: u32| row(n).id_number.as_ref().map(|i| i.as_str().to_owned());
        assert_eq!(cccd(7).as_deref(), Some("031072000123"), "{name}: 11-digit number gets its zero back");
        assert_eq!(cccd(13).as_deref(), Some("001083045678"), "{name}: Hanoi 001… lost two zeros");
        assert_eq!(cccd(9).as_deref(), Some("034085006789"), "{name}: text with dots");
        assert_eq!(cccd(16).as_deref(), Some("031456789"), "{name}: 8-digit CMND padded to 9");
        assert_eq!(row(7).phone.as_ref().map(|p| p.as_str()), Some("0912345678"), "{name}: phone's 0");
        assert_eq!(row(9).phone.as_ref().map(|p| p.as_str()), Some("0904555666"), "{name}: phone text");
        assert_eq!(row(7).birth_date, date(1972, 3, 14), "{name}: date cell");
        assert_eq!(row(8).birth_date, date(1978, 11, 2), "{name}: bare serial");
        assert_eq!(row(9).birth_date, date(1985, 7, 25), "{name}: dd/mm/yyyy text");
        assert_eq!(row(10).birth_date, date(1990, 1, 9), "{name}: d/m/yyyy text");
        assert_eq!((row(12).birth_date, row(12).birth_year), (None, Some(1980)), "{name}: year kept alone");
        assert_eq!(row(7).cccd_issued_on, date(2021, 4, 10), "{name}: issue date under the merged header");
        assert_eq!(row(21).full_name, "Mai Xuân Trường", "{name}: NFD name stored NFC");
        assert_eq!(report.row(21).unwrap().input.full_name, "Mai Xuân Trường", "{name}: shown NFC");
        assert_eq!(row(18).notes.as_deref(), Some("Chuyển đến; từ 01/09/2024"), "{name}: quoted ';' kept");
        assert_eq!(row(7).staff_code.as_deref(), Some("CB001"), "{name}");
    }
}

#[test]
fn header_spanning_two_merged_nfd_rows_is_mapped_with_its_text() {
    let report = import("export.xlsx");
    let m = &report.mapping;
    assert_eq!((m.header_row, m.first_data_row), (5, 7), "header on rows 5-6, under three title rows");
    let shown: Vec<(ImportField, &str, &str)> =
        m.columns.iter().map(|c| (c.field, c.letter.as_str(), c.header.as_str())).collect();
    assert_eq!(shown[0], (ImportField::Stt, "A", "STT"));
    assert_eq!(shown[2], (ImportField::FullName, "C", "Họ và tên"), "NFC, trailing space gone");
    assert_eq!(shown[7], (ImportField::Cccd, "H", "Căn cước công dân / Số"));
    assert_eq!(shown[8], (ImportField::CccdIssuedOn, "I", "Căn cước công dân / Ngày cấp"), "merged group");
    assert_eq!(m.columns.len(), 12, "every column of the export is recognised");
    let same_layout = ["export.xls", "export.ods", "export_bom_semicolon.csv"];
    for name in same_layout {
        assert_eq!(import(name).mapping.signature, m.signature, "{name}: same layout, same signature");
    }
}

#[test]
fn the_sheet_with_staff_is_picked_and_others_can_be_chosen() {
    let bytes = fixture("export.xlsx");
    let limits = Limits::default();
    assert_eq!(sheet_names(&bytes, &limits).unwrap(), ["Hướng dẫn", "Danh sách"]);
    let report = import("export.xlsx");
    assert_eq!(report.sheet, "Danh sách", "the cover sheet has no staff header");
    let mut options = ImportOptions::new(today());
    options.sheet = Some("Hướng dẫn".into());
    assert_eq!(error_code(&bytes, &options), "no_header");
    options.sheet = Some("Không có".into());
    assert_eq!(error_code(&bytes, &options), "sheet_not_found");
}

#[test]
fn a_confirmed_mapping_is_remembered_through_json_and_applied() {
    let detected = import("export.xlsx").mapping;
    let json = serde_json::to_string(&detected).unwrap();
    let mut remembered: ColumnMapping = serde_json::from_str(&json).unwrap();
    assert_eq!(remembered, detected, "a mapping survives the app's settings store");
    // The user says column J is not a phone number.
    remembered.columns.retain(|c| c.field != ImportField::Phone);
    let mut options = ImportOptions::new(today());
    options.mapping = Some(remembered.clone());
    let report = import_with("export.xlsx", &options);
    assert!(report.rows.iter().all(|r| r.input.phone.is_empty()), "unmapped column not read");
    assert!(!report.problems().any(|p| p.code == "cell_unreadable"), "the #N/A cell is no longer read");
    let phone = report.headers.iter().find(|h| h.letter == "J").map(|h| h.header.as_str());
    assert_eq!(phone, Some("Điện thoại"), "an unmapped column is still listed, so it can be mapped back");
    assert_eq!(report.headers.len(), 12, "every header cell, mapped or not");
    remembered.columns.retain(|c| c.field != ImportField::FullName);
    options.mapping = Some(remembered);
    assert_eq!(error_code(&fixture("export.xlsx"), &options), "mapping_invalid");
}

#[test]
fn hostile_files_give_clear_errors() {
    let options = ImportOptions::new(today());
    let cases = [
        ("encrypted.xlsx", "encrypted"),
        ("renamed_docx.xlsx", "not_spreadsheet"),
        ("empty_sheet.xlsx", "empty_sheet"),
        ("no_header.xlsx", "no_header"),
        ("huge_dimension.xls", "area_too_large"),
        ("wide.ods", "area_too_large"),
    ];
    for (name, code) in cases {
        assert_eq!(error_code(&fixture(name), &options), code, "{name}");
    }
    let message = import_bytes(&fixture("no_header.xlsx"), &options).unwrap_err().to_string();
    assert!(message.contains("Họ và tên") && message.contains("Số CCCD"), "lists the expected headers");
    let xlsx = fixture("export.xlsx");
    assert_eq!(error_code(&xlsx[..xlsx.len() / 2], &options), "damaged", "truncated zip");
    assert_eq!(error_code(b"\x00\x01\x02garbage", &options), "not_spreadsheet");
    assert_eq!(error_code(b"%PDF-1.4", &options), "not_spreadsheet");
}

/// `xlsx` with its entry `name` passed through `edit`.
fn with_entry_edited(xlsx: &[u8], name: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    use std::io::{Cursor, Read, Write};
    let mut input = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut output = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..input.len() {
        let mut entry = input.by_index(i).unwrap();
        let entry_name = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if entry_name == name {
            bytes = edit(String::from_utf8(bytes).unwrap()).into_bytes();
        }
        output.start_file(entry_name, zip::write::SimpleFileOptions::default()).unwrap();
        output.write_all(&bytes).unwrap();
    }
    output.finish().unwrap().into_inner()
}

#[test]
fn a_sheet_whose_xml_breaks_after_some_rows_is_damaged_not_half_imported() {
    // The staff sheet is read on two threads: an XML error in the middle
    // must reach the caller as an error, not as a shorter list or a hang.
    let options = ImportOptions::new(today());
    let xlsx = fixture("export.xlsx");
    let whole = import_bytes(&xlsx, &options).unwrap();
    assert!(whole.rows.len() > 12, "the fixture has rows after the break");
    // The sheet's XML ends in the middle of a cell, after 13 rows.
    let broken = with_entry_edited(&xlsx, "xl/worksheets/sheet2.xml", |xml| {
        let at = xml.match_indices("</row>").nth(12).expect("a 13th row").0;
        format!("{}</row><c r=\"A", &xml[..at])
    });
    assert_eq!(error_code(&broken, &options), "damaged");
}

#[test]
fn a_far_corner_cell_is_ignored_without_allocating_the_sheet() {
    let report = import("far_corner.xlsx");
    assert_eq!(report.rows.len(), 20, "cells at XFD7 and XFD1048576 change nothing");
    assert!(report.mapping.columns.iter().all(|c| c.index < 100), "no column past the limit");
}

#[test]
fn control_characters_are_removed_from_cells() {
    let report = import("control_chars.xlsx");
    assert_eq!(report.row(7).unwrap().fields.full_name, "Nguyễn Văn Hùng", "BEL and tab removed");
    assert_eq!(report.row(8).unwrap().fields.position.as_deref(), Some("Phó hiệu trưởng"));
    assert_eq!(report.counts.with_errors, 0, "control characters are cleaned, not errors");
}

#[test]
fn limits_are_enforced_with_clear_errors() {
    let mut options = ImportOptions::new(today());
    options.limits.max_rows = 5;
    assert_eq!(error_code(&fixture("export.xlsx"), &options), "too_many_rows");
    options.limits = Limits { max_file_bytes: 1000, ..Limits::default() };
    assert_eq!(error_code(&fixture("export.xlsx"), &options), "file_too_large");
    options.limits = Limits { max_columns: 5, ..Limits::default() };
    let report = import_with("export.xlsx", &options);
    assert!(report.mapping.columns.iter().all(|c| c.index < 5), "columns right of the limit ignored");
    options.limits = Limits { max_cell_chars: 10, ..Limits::default() };
    let report = import_with("export.xlsx", &options);
    let long = report.problems().find(|p| p.code == "cell_too_long").expect("a name over 10 characters");
    assert_eq!(long.column_letter.as_deref(), Some("C"));
}

fn register() -> Vec<RegisterEntry> {
    import("export_clean.xlsx")
        .importable()
        .zip(1..)
        .map(|(row, id)| RegisterEntry { id, status: StaffStatus::Active, fields: row.fields.clone() })
        .collect()
}

fn id_of(register: &[RegisterEntry], code: &str) -> i64 {
    register.iter().find(|e| e.fields.staff_code.as_deref() == Some(code)).unwrap().id
}

#[test]
fn reconcile_proposes_joiners_leavers_changes_and_conflicts() {
    let register = register();
    assert_eq!(register.len(), 20);
    let later = import("export_later.xlsx");
    let plan = later.reconcile(&register);

    let joiners: Vec<&str> = plan.joiners.iter().map(|j| j.full_name.as_str()).collect();
    assert_eq!(joiners, ["Nguyễn Thị Thanh Tâm", "Trần Quang Huy"]);
    let leavers: Vec<i64> = plan.leavers.iter().map(|l| l.register_id).collect();
    assert_eq!(leavers, [id_of(&register, "CB004"), id_of(&register, "CB011")], "proposed, not removed");

    let changes: Vec<(i64, Field, Option<&str>, &str)> = plan
        .changes
        .iter()
        .flat_map(|p| {
            p.changes.iter().map(move |c| (p.register_id, c.field, c.old.as_deref(), c.new.as_str()))
        })
        .collect();
    assert_eq!(
        changes,
        [
            (id_of(&register, "CB003"), Field::Phone, Some("0904555666"), "0905123999"),
            (id_of(&register, "CB008"), Field::Phone, Some("0989666777"), "0389000222"),
            (id_of(&register, "CB017"), Field::Position, Some("Giáo viên"), "Tổ phó chuyên môn"),
        ]
    );

    assert_eq!(plan.conflicts.len(), 1, "CB019's row carries CB004's CCCD");
    let conflict = &plan.conflicts[0];
    assert_eq!(conflict.register_id, id_of(&register, "CB004"));
    assert_eq!((conflict.problem.row, conflict.problem.column_letter.as_deref()), (23, Some("H")));
    assert_eq!(conflict.problem.code, "cccd_registered_to_other");
    assert_eq!(plan.unchanged, 14, "18 people stayed: 3 changed, 1 in conflict");

    let ids = plan.ids();
    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "every proposal is addressable on its own");
    assert!(ids.contains(&format!("change:{}:phone", id_of(&register, "CB003")).as_str()));
}

#[test]
fn reconcile_without_codes_matches_by_cccd_then_name_and_birth() {
    let mut register = register();
    for e in &mut register {
        e.fields.staff_code = None;
    }
    // One person without a CCCD in the register: found by name and birth date.
    register[0].fields.id_number = None;
    // One person marked left earlier and back in the export.
    register[1].status = StaffStatus::Left;
    let plan = import("export_clean.xlsx").reconcile(&register);
    assert!(plan.joiners.is_empty() && plan.leavers.is_empty() && plan.conflicts.is_empty());
    let returners: Vec<i64> = plan.returners.iter().map(|r| r.register_id).collect();
    assert_eq!(returners, [register[1].id]);
    let key = |(id, f): &(i64, Field)| (*id, *f == Field::Cccd);
    let mut fields: Vec<(i64, Field)> =
        plan.changes.iter().flat_map(|p| p.changes.iter().map(move |c| (p.register_id, c.field))).collect();
    let mut expected: Vec<(i64, Field)> =
        register.iter().map(|e| (e.id, Field::StaffCode)).chain([(register[0].id, Field::Cccd)]).collect();
    fields.sort_by_key(key);
    expected.sort_by_key(key);
    assert_eq!(fields, expected, "codes and the missing CCCD are filled in, nothing else");
}

#[test]
fn report_and_errors_serialise_for_the_window() {
    let report = import("export.xlsx");
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["format"], "xlsx");
    assert_eq!(json["rows"][0]["row"], 7);
    assert!(json["rows"][0].get("fields").is_none(), "typed fields stay on the Rust side");
    let problem = &json["rows"][5]["problems"][0];
    assert_eq!(problem["column_letter"], "D");
    assert_eq!(problem["severity"], "warning");
    let error = import_bytes(b"%PDF", &ImportOptions::new(today())).unwrap_err();
    let json = serde_json::to_value(&error).unwrap();
    assert_eq!(json["code"], "not_spreadsheet");
    assert!(json["message"].as_str().unwrap().contains("PDF"));
}

#[test]
fn no_message_repeats_a_personal_value() {
    for (name, _) in EXPORTS {
        let report = import(name);
        for row in &report.rows {
            let i = &row.input;
            let personal = [&i.cccd, &i.phone, &i.birth_date, &i.cccd_issued_on];
            for p in &row.problems {
                for value in personal.iter().filter(|v| v.len() >= 4) {
                    assert!(
                        !p.message.contains(value.as_str()),
                        "{name}: row {} message quotes a value",
                        row.row
                    );
                }
            }
        }
    }
}
