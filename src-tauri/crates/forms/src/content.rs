//! What a form prints: its rows turned into cleaned text cells, in
//! Vietnamese order by given name and numbered. No layout here.

use crate::error::FormError;
use crate::input::{Form, UnitInfo};
use crate::spec::{self, Align, Column, EmailSummary, Layout, Value};
use chungthu_model::text::clean_line;
use chungthu_model::{NameOrder, VnDate};

/// One printed cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Cell {
    /// The row number.
    Number(usize),
    /// Cleaned text (NFC, no control characters, single spaces).
    Text(String),
    /// A date, blank when unknown.
    Date(Option<VnDate>),
}

impl Cell {
    /// The text as printed in Word.
    pub fn text(&self) -> String {
        match self {
            Cell::Number(n) => n.to_string(),
            Cell::Text(s) => s.clone(),
            Cell::Date(d) => d.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

/// A column header with its width and alignment.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Head {
    pub header: &'static str,
    pub weight: u16,
    pub align: Align,
}

/// A table ready to print.
pub(crate) struct TableData {
    pub heads: Vec<Head>,
    pub rows: Vec<Vec<Cell>>,
}

/// A whole form's content: its layout and tables, each with an optional
/// heading above it (the first table sits under the form's title).
pub(crate) struct Content {
    pub layout: Layout,
    pub tables: Vec<(Option<&'static str>, TableData)>,
}

/// Builds a table from rows, sorting them by `name` when given.
pub(crate) fn table<R>(rows: &[R], columns: &[Column<R>], name: Option<fn(&R) -> &str>) -> TableData {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    if let Some(name) = name {
        let collation = NameOrder::new();
        // One key per row instead of cleaning and collating at each comparison.
        let keys: Vec<_> = rows.iter().map(|r| collation.key(&clean_line(name(r)))).collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    }
    let heads = columns.iter().map(|c| Head { header: c.header, weight: c.weight, align: c.align }).collect();
    let rows = order
        .iter()
        .enumerate()
        .map(|(i, &r)| {
            columns
                .iter()
                .map(|c| match &c.value {
                    Value::Number => Cell::Number(i + 1),
                    Value::Text(f) => Cell::Text(clean_line(&f(&rows[r]))),
                    Value::Date(f) => Cell::Date(f(&rows[r])),
                })
                .collect()
        })
        .collect();
    TableData { heads, rows }
}

/// The content of `form`, or an error when it has nobody in it.
pub(crate) fn content(form: &Form, unit: &UnitInfo) -> Result<Content, FormError> {
    let layout = spec::layout(form.kind());
    let tables = match form {
        Form::Issuance(rows) => vec![(None, table(rows, spec::ISSUANCE, Some(|r| &r.full_name)))],
        Form::Revocation(rows) => vec![(None, table(rows, spec::REVOCATION, Some(|r| &r.full_name)))],
        Form::Renewal(rows) | Form::ChangeInfo(rows) => {
            vec![(None, table(rows, spec::CERT_CHANGE, Some(|r| &r.holder_name)))]
        }
        Form::CertificatesInUse(rows) => {
            vec![(None, table(rows, spec::CERTIFICATES, Some(|r| &r.holder_name)))]
        }
        Form::EmailRequest(request) => {
            let summary = EmailSummary {
                commune: request.commune.clone(),
                unit_name: unit.unit_name.clone(),
                count: request.people.len(),
                focal_point: request.focal_point.clone(),
                focal_phone: request.focal_phone.as_ref().map(|p| p.as_str().to_owned()).unwrap_or_default(),
            };
            vec![
                (None, table(&[summary], spec::EMAIL_SUMMARY, None)),
                (
                    Some(spec::EMAIL_PEOPLE_HEADING),
                    table(&request.people, spec::EMAIL_PEOPLE, Some(|r| &r.full_name)),
                ),
            ]
        }
    };
    // The e-mail summary always has its one row; its people list may be empty.
    if tables.iter().any(|(_, t)| t.rows.is_empty()) {
        return Err(FormError::EmptyList { form: layout.title });
    }
    Ok(Content { layout, tables })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::CertificateRow;

    fn cert(name: &str) -> CertificateRow {
        CertificateRow {
            holder_name: name.to_owned(),
            provider: "VNPT-CA".to_owned(),
            serial: "5403".to_owned(),
            valid_to: VnDate::from_ymd(2027, 1, 2).unwrap(),
            status: "Đang sử dụng".to_owned(),
        }
    }

    #[test]
    fn rows_are_cleaned_sorted_by_given_name_and_numbered() {
        let rows = [cert("Lê Văn  Đức"), cert("Trần Thị A\u{0300}nh\u{0007}"), cert("Nguyễn Thị Anh")];
        let t = table(&rows, spec::CERTIFICATES, Some(|r| &r.holder_name));
        let names: Vec<String> = t.rows.iter().map(|r| r[1].text()).collect();
        assert_eq!(
            names,
            ["Nguyễn Thị Anh", "Trần Thị Ành", "Lê Văn Đức"],
            "a < à, d < đ; NFD and controls cleaned"
        );
        let numbers: Vec<String> = t.rows.iter().map(|r| r[0].text()).collect();
        assert_eq!(numbers, ["1", "2", "3"]);
        assert_eq!(t.rows[0][4].text(), "02/01/2027");
    }
}
