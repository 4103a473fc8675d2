//! Walks a sheet: finds the header in the first rows, then turns each data
//! row into a validated staff row until the data ends (the first row without
//! a numeric STT, such as the totals row, or the first blank row), and
//! finally marks identity numbers shared between rows.

use crate::book::Book;
use crate::cell::{Cell, Row};
use crate::error::{ImportError, Result};
use crate::format::FileFormat;
use crate::header::{self, ColumnMapping, HEADER_SCAN_ROWS, HeaderCell, ImportField};
use crate::options::ImportOptions;
use crate::problem::ImportProblem;
use crate::values::{display_text, field_text, is_row_number};
use chungthu_model::staff::{StaffFields, validate};
use chungthu_model::text::fold;
use chungthu_model::{Field, Gender, Severity, StaffInput};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::ControlFlow;
use ts_rs::TS;

/// One data row of the export, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportedRow {
    /// Row number as Excel shows it (1-based, title rows counted).
    pub row: u32,
    /// The row's values as text, cleaned of what the spreadsheet did to them
    /// (zeros restored, dates written dd/mm/yyyy): what the user sees.
    pub input: StaffInput,
    /// Validated fields, ready to store when `problems` holds no error.
    #[serde(skip)]
    #[ts(skip)]
    pub fields: StaffFields,
    /// Errors (row not imported) and warnings (imported, flagged).
    pub problems: Vec<ImportProblem>,
}

impl ImportedRow {
    /// True when the row must not be imported.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(ImportProblem::is_error)
    }

    /// True when the row is imported but flagged.
    pub fn has_warnings(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Warning)
    }
}

/// What reading a sheet found.
pub(crate) struct SheetData {
    pub mapping: ColumnMapping,
    pub headers: Vec<HeaderCell>,
    pub rows: Vec<ImportedRow>,
    pub end_row: Option<u32>,
}

/// What the first rows of a sheet hold.
pub(crate) enum Probe {
    /// No value at all.
    Empty,
    /// Values but no staff header.
    NoHeader,
    /// A staff header.
    Header,
}

/// Looks at the first rows of `sheet` only.
pub(crate) fn probe(book: &mut Book<'_>, sheet: &str, max_columns: u32) -> Result<Probe> {
    let head = read_head(book, sheet, max_columns)?;
    Ok(match (head.is_empty(), header::detect(&head).is_some()) {
        (true, _) => Probe::Empty,
        (false, true) => Probe::Header,
        (false, false) => Probe::NoHeader,
    })
}

fn read_head(book: &mut Book<'_>, sheet: &str, max_columns: u32) -> Result<Vec<(u32, Row<'static>)>> {
    let mut head = Vec::new();
    book.read(sheet, max_columns, &mut |index, cells| {
        if index > HEADER_SCAN_ROWS {
            return Ok(ControlFlow::Break(()));
        }
        head.push((index, owned(cells)));
        Ok(ControlFlow::Continue(()))
    })?;
    Ok(head)
}

fn owned(cells: &[Cell<'_>]) -> Row<'static> {
    cells
        .iter()
        .map(|c| match c {
            Cell::Text(t) => Cell::Text(Cow::Owned(t.to_string())),
            Cell::DateIso(t) => Cell::DateIso(Cow::Owned(t.to_string())),
            Cell::Empty => Cell::Empty,
            Cell::Float(f) => Cell::Float(*f),
            Cell::Int(i) => Cell::Int(*i),
            Cell::Date(d) => Cell::Date(*d),
            Cell::Bool(b) => Cell::Bool(*b),
            Cell::Unusable => Cell::Unusable,
        })
        .collect()
}

/// Reads `sheet` whole: header (detected, or the caller's mapping), rows,
/// duplicate marks.
pub(crate) fn read_sheet(book: &mut Book<'_>, sheet: &str, options: &ImportOptions) -> Result<SheetData> {
    let limits = options.limits;
    let no_header = || ImportError::NoHeader {
        sheet: sheet.to_owned(),
        rows: HEADER_SCAN_ROWS,
        expected: header::expected_headers(),
    };
    if let Some(m) = &options.mapping {
        m.check(limits.max_columns)?;
    }
    // Read even with a given mapping: the window lists every header cell.
    let head = read_head(book, sheet, limits.max_columns)?;
    let mapping = match &options.mapping {
        Some(m) => m.clone(),
        None if head.is_empty() => return Err(ImportError::EmptySheet { sheet: sheet.to_owned() }),
        None => header::detect(&head).ok_or_else(no_header)?,
    };
    let headers = header::cells(&head, &mapping);
    let mut collector = Collector::new(mapping, options, book.format() == FileFormat::Csv);
    book.read(sheet, limits.max_columns, &mut |index, cells| collector.take(index, cells))?;
    let Collector { mapping, mut rows, end_row, .. } = collector;
    mark_shared_numbers(&mut rows, &mapping);
    Ok(SheetData { mapping, headers, rows, end_row })
}

/// Turns data rows into `ImportedRow`s and decides where the data ends.
struct Collector<'o> {
    mapping: ColumnMapping,
    options: &'o ImportOptions,
    /// CSV: every value is text, so identity numbers are padded from text.
    loose_text: bool,
    rows: Vec<ImportedRow>,
    last_index: Option<u32>,
    end_row: Option<u32>,
}

impl<'o> Collector<'o> {
    fn new(mapping: ColumnMapping, options: &'o ImportOptions, loose_text: bool) -> Self {
        Collector { mapping, options, loose_text, rows: Vec::new(), last_index: None, end_row: None }
    }

    fn take(&mut self, index: u32, cells: &[Cell<'_>]) -> Result<ControlFlow<()>> {
        if index + 1 < self.mapping.first_data_row {
            return Ok(ControlFlow::Continue(()));
        }
        let started = !self.rows.is_empty();
        let after_gap = self.last_index.is_some_and(|last| index > last + 1);
        if started && after_gap {
            // A blank row ends the list (a signature block may follow).
            self.end_row = Some(self.last_index.map_or(index, |l| l + 2));
            return Ok(ControlFlow::Break(()));
        }
        self.last_index = Some(index);
        if !started && self.is_column_numbers(cells) {
            return Ok(ControlFlow::Continue(()));
        }
        if self.is_after_data(cells) {
            self.end_row = Some(index + 1);
            return Ok(ControlFlow::Break(()));
        }
        if self.rows.len() >= self.options.limits.max_rows as usize {
            return Err(ImportError::TooManyRows { limit: self.options.limits.max_rows });
        }
        let row = self.convert(index + 1, cells);
        self.rows.push(row);
        Ok(ControlFlow::Continue(()))
    }

    fn cell<'c, 'a>(&self, cells: &'c [Cell<'a>], field: ImportField) -> Option<&'c Cell<'a>> {
        self.mapping.column(field).and_then(|c| cells.get(c.index as usize))
    }

    /// The "(1) (2) (3)…" row that forms often put under the header.
    fn is_column_numbers(&self, cells: &[Cell<'_>]) -> bool {
        let numbering = |c: &Cell<'_>| {
            let t = display_text(c);
            let t = t.trim().trim_start_matches('(').trim_end_matches(')');
            !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
        };
        self.cell(cells, ImportField::FullName).is_some_and(numbering)
            && cells.iter().filter(|c| !c.is_blank()).all(numbering)
    }

    /// The totals row or anything else below the list.
    fn is_after_data(&self, cells: &[Cell<'_>]) -> bool {
        if self.mapping.column(ImportField::Stt).is_some() {
            return !self.cell(cells, ImportField::Stt).is_some_and(is_row_number);
        }
        let first = cells.iter().find(|c| !c.is_blank()).map(display_text).unwrap_or_default();
        let first = fold(&first);
        first.starts_with("tong cong") || first.starts_with("tong so") || first.starts_with("cong:")
    }

    fn convert(&self, row: u32, cells: &[Cell<'_>]) -> ImportedRow {
        let max_chars = self.options.limits.max_cell_chars;
        let mut input = StaffInput::default();
        let mut problems = Vec::new();
        let mut unreadable: Vec<Field> = Vec::new();
        for column in &self.mapping.columns {
            let Some(field) = column.field.field() else { continue };
            let cell = cells.get(column.index as usize).unwrap_or(&Cell::Empty);
            let text = match field_text(cell, column.field, self.loose_text, max_chars) {
                Ok(text) => text,
                Err(issue) => {
                    let message = format!("{}: {}", field.label(), issue.message);
                    problems.push(ImportProblem::at(
                        row,
                        Some(field),
                        Some(column),
                        Severity::Error,
                        issue.code,
                        message,
                    ));
                    unreadable.push(field);
                    continue;
                }
            };
            let slot = match column.field {
                ImportField::FullName => &mut input.full_name,
                ImportField::BirthDate => &mut input.birth_date,
                ImportField::Position => &mut input.position,
                ImportField::Team => &mut input.team,
                ImportField::StaffCode => &mut input.staff_code,
                ImportField::Cccd => &mut input.cccd,
                ImportField::CccdIssuedOn => &mut input.cccd_issued_on,
                ImportField::Phone => &mut input.phone,
                ImportField::Email => &mut input.email,
                ImportField::Notes => &mut input.notes,
                ImportField::Gender => {
                    if !text.trim().is_empty() {
                        input.gender = Gender::parse(&text);
                        if input.gender.is_none() {
                            problems.push(ImportProblem::at(
                                row,
                                Some(field),
                                Some(column),
                                Severity::Error,
                                "gender_unknown",
                                format!("{}: không đọc được; ghi “Nam” hoặc “Nữ”", field.label()),
                            ));
                        }
                    }
                    continue;
                }
                ImportField::Stt => continue,
            };
            *slot = text;
        }
        let validated = validate(&input, self.options.today);
        // A field already reported unreadable would only add "missing" noise.
        problems.extend(
            validated
                .problems
                .into_iter()
                .filter(|p| !unreadable.contains(&p.field))
                .map(|p| ImportProblem::from_problem(p, row, &self.mapping)),
        );
        ImportedRow { row, input, fields: validated.fields, problems }
    }
}

/// Marks rows sharing a CCCD or a staff code. The same person twice: the
/// later row is an error (imported once). Two different people: both rows
/// are errors, since one of the numbers is wrong and only the card tells which.
fn mark_shared_numbers(rows: &mut [ImportedRow], mapping: &ColumnMapping) {
    type Key = fn(&StaffFields) -> Option<&str>;
    let keys: [(Field, Key, &str); 2] = [
        (Field::Cccd, |f| f.id_number.as_ref().map(|n| n.as_str()), "cccd_duplicate"),
        (Field::StaffCode, |f| f.staff_code.as_deref(), "staff_code_duplicate"),
    ];
    for (field, key, code) in keys {
        let mut first: HashMap<&str, usize> = HashMap::with_capacity(rows.len());
        let mut marks: Vec<(usize, usize, bool)> = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let Some(value) = key(&row.fields) else { continue };
            match first.entry(value) {
                Entry::Vacant(e) => {
                    e.insert(i);
                }
                Entry::Occupied(e) => {
                    let j = *e.get();
                    marks.push((i, j, same_person(&rows[j].fields, &row.fields)));
                }
            }
        }
        let column = mapping.column_of(field);
        for (i, j, same) in marks {
            let (row_i, row_j) = (rows[i].row, rows[j].row);
            if same {
                if !rows[i].problems.iter().any(|p| p.code == "row_duplicate") {
                    let message = format!(
                        "{}: dòng này lặp lại người ở dòng {row_j}; chỉ nhập dòng {row_j}",
                        field.label()
                    );
                    rows[i].problems.push(ImportProblem::at(
                        row_i,
                        Some(field),
                        column,
                        Severity::Error,
                        "row_duplicate",
                        message,
                    ));
                }
                continue;
            }
            for (at, other) in [(i, row_j), (j, row_i)] {
                let message = format!(
                    "{}: trùng với người khác ở dòng {other}; kiểm tra lại trên giấy tờ của hai người",
                    field.label()
                );
                let row = rows[at].row;
                if !rows[at].problems.iter().any(|p| p.code == code && p.message == message) {
                    rows[at].problems.push(ImportProblem::at(
                        row,
                        Some(field),
                        column,
                        Severity::Error,
                        code,
                        message,
                    ));
                }
            }
        }
    }
}

/// Same folded name and no conflicting birth information.
fn same_person(a: &StaffFields, b: &StaffFields) -> bool {
    fold(&a.full_name) == fold(&b.full_name)
        && (a.birth_year.is_none() || b.birth_year.is_none() || a.birth_year == b.birth_year)
        && (a.birth_date.is_none() || b.birth_date.is_none() || a.birth_date == b.birth_date)
}
